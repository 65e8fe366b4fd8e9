"""What a region's hazards are once its parents are taken into account.

Contract §2: a region that lists any hazard lists all that apply to it, and inherits
nothing; a region whose hazards cell is empty has the hazards of its nearest ancestor with
a non-empty cell. The recommender's features, its local-relevance rule, its explanations
and the regional officer's view all read hazards this way.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from .records import Region

__all__ = ["RegionHazard", "effective_hazards"]


@dataclass(frozen=True)
class RegionHazard:
    """One hazard of a region as the recommender sees it: own index, or a parent's."""

    hazard: str
    index: float
    source: str | None = None  # the code of the region it comes from, None when own

    @property
    def inherited(self) -> bool:
        return self.source is not None


def effective_hazards(region: Region, regions: Mapping[str, Region]) -> list[RegionHazard]:
    """The hazards of the nearest region up the parent chain (itself first) whose hazards
    cell is not empty, highest first; hazards whose index is 0 are left out.

    >>> province = Region("72", "Sulawesi Tengah", hazards=(("tsunami", 0.85),))
    >>> sigi = Region("72.10", "Kabupaten Sigi", "72", (("gempa_bumi", 0.85),))
    >>> [h.hazard for h in effective_hazards(sigi, {"72": province})]
    ['gempa_bumi']
    >>> effective_hazards(Region("72.99", "X", "72"), {"72": province})[0].source
    '72'
    """
    current: Region | None = region
    seen: set[str] = set()
    while current is not None and current.code not in seen and not current.hazards:
        seen.add(current.code)
        current = regions.get(current.parent) if current.parent else None
    if current is None or not current.hazards:
        return []
    source = None if current is region else current.code
    return sorted(
        (RegionHazard(hazard, index, source) for hazard, index in current.hazards if index > 0),
        key=lambda h: (-h.index, h.hazard),
    )
