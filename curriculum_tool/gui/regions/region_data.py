"""What the regions tab shows, read from the workspace in one go.

The tab reads it after every write and hands it to its panels, so they all show the
same state of the workspace.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ...domain import Competency, Module, Prerequisite, Region, RegionalStandard
from ...domain.regions import ancestry
from ...store import Workspace

__all__ = ["RegionData"]


@dataclass
class RegionData:
    """The regions, competencies, modules, regional standards and prerequisites of a
    workspace."""

    regions: dict[str, Region] = field(default_factory=dict)
    competencies: list[Competency] = field(default_factory=list)
    modules: list[Module] = field(default_factory=list)
    standards: list[RegionalStandard] = field(default_factory=list)
    prerequisites: list[Prerequisite] = field(default_factory=list)

    @classmethod
    def load(cls, workspace: Workspace) -> RegionData:
        """Read the five tables from ``workspace``."""
        regions = workspace.load("regions")
        return cls(
            regions={r.code: r for r in regions},
            competencies=workspace.load("competencies"),
            modules=workspace.load("modules"),
            standards=workspace.load("regional_standards"),
            prerequisites=workspace.load("prerequisites"),
        )

    def chain(self, region: Region) -> list[str]:
        """The region's code, its parent's, and so on up."""
        return ancestry(region.code, self.regions)

    def competency_name(self, code: str) -> str:
        """``CODE — name`` of a workspace competency; the bare code when unknown."""
        for competency in self.competencies:
            if competency.code == code:
                return f"{code} — {competency.name}"
        return code
