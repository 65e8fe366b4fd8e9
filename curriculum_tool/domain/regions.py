"""The region rules: a region's chain of parents, where a module is offered, and what a
region's hazards are once its parents are taken into account.

Contract §2: a module's ``scope`` is ``national`` or the region it is offered in, together
with that region's sub-regions; a region that lists any hazard lists all that apply to it,
and inherits nothing; a region whose hazards cell is empty has the hazards of its nearest
ancestor with a non-empty cell. The catalog index, the recommender, its explanations, the
graph lint and the regional officer's view all read regions through these functions.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass

from .records import Region
from .vocab import NATIONAL

__all__ = ["RegionHazard", "ancestry", "effective_hazards", "offered_in"]


def ancestry(code: str | None, regions: Mapping[str, Region]) -> list[str]:
    """``code``, its parent, its parent's parent, …: nearest first, each code once.

    The walk stops after a code ``regions`` does not know (it is listed, as nothing is
    known of its parent) and where the parents would come back on themselves (a cycle).

    >>> palu = Region("72.71", "Kota Palu", "72")
    >>> ancestry("72.71", {"72.71": palu, "72": Region("72", "Sulawesi Tengah")})
    ['72.71', '72']
    >>> ancestry("72.71", {"72.71": palu})  # the parent is unknown
    ['72.71', '72']
    >>> ancestry(None, {})
    []
    """
    chain: list[str] = []
    while code is not None and code not in chain:
        chain.append(code)
        region = regions.get(code)
        code = region.parent if region is not None else None
    return chain


def offered_in(scope: str, chain: Collection[str]) -> bool:
    """Whether a module of ``scope`` is offered in the region whose :func:`ancestry` is
    ``chain``: a national module everywhere, a local one in its region and sub-regions.

    Only the scope is read here; whether the module is approved is a separate rule.

    >>> offered_in("national", ["72.71", "72"]), offered_in("72", ["72.71", "72"])
    (True, True)
    >>> offered_in("72.71", ["72"])  # a regency's module is not offered in its province
    False
    """
    return scope == NATIONAL or scope in chain


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
    # ``region`` itself need not be in ``regions``: the walk starts from its parent, and
    # a chain that comes back to ``region`` ends there.
    parents = ancestry(region.parent, regions)
    if region.code in parents:
        parents = parents[: parents.index(region.code)]
    chain = [region, *(regions[code] for code in parents if code in regions)]
    listing = next((r for r in chain if r.hazards), None)
    if listing is None:
        return []
    source = None if listing is region else listing.code
    return sorted(
        (RegionHazard(hazard, index, source) for hazard, index in listing.hazards if index > 0),
        key=lambda h: (-h.index, h.hazard),
    )
