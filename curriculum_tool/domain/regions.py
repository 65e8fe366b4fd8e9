"""What a region's hazards are once its parents are taken into account.

A regency/city without its own index for a hazard takes its province's: the recommender's
features, its explanations and the regional officer's view all read hazards this way.
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
    """Each hazard from the nearest region up the parent chain that states it, highest
    first; hazards whose index is 0 are left out."""
    found: dict[str, RegionHazard] = {}
    current: Region | None = region
    seen: set[str] = set()
    while current is not None and current.code not in seen:
        seen.add(current.code)
        for hazard, index in current.hazards:
            if hazard not in found:
                source = None if current is region else current.code
                found[hazard] = RegionHazard(hazard, index, source)
        current = regions.get(current.parent) if current.parent else None
    return sorted((h for h in found.values() if h.index > 0),
                  key=lambda h: (-h.index, h.hazard))
