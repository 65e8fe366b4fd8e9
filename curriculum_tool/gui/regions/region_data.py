"""What the regions tab shows, read from the workspace in one go.

The tab reads it after every write and hands it to its panels, so they all show the
same state of the workspace. The versions of the records a panel edits are read first,
then the records: an edit is saved from them (``expected``), so a change someone made
in between is refused rather than overwritten.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ...domain import Competency, Module, Prerequisite, Region, RegionalStandard
from ...domain.regions import ancestry
from ...edit.approvals import ModuleReview, module_reviews
from ...edit.regional import all_versions
from ...store import Workspace

#: The kinds the regions tab edits, whose versions it reads with them.
EDITED = ("modules", "regional_standards", "prerequisites")

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
    #: kind → key → the stored version the records were read at.
    versions: dict[str, dict[Any, int]] = field(default_factory=dict)
    #: The last review of each module that has had one (note, reviewer, time).
    reviews: dict[str, ModuleReview] = field(default_factory=dict)

    @classmethod
    def load(cls, workspace: Workspace) -> RegionData:
        """Read the five tables from ``workspace``, the versions of those the tab edits
        first."""
        with workspace.engine.connect() as conn:
            versions = {kind: all_versions(conn, kind) for kind in EDITED}
            reviews = module_reviews(conn)
            return cls(
                regions={r.code: r for r in workspace.load("regions", conn)},
                competencies=workspace.load("competencies", conn),
                modules=workspace.load("modules", conn),
                standards=workspace.load("regional_standards", conn),
                prerequisites=workspace.load("prerequisites", conn),
                versions=versions,
                reviews=reviews,
            )

    def version(self, kind: str, key: Any) -> int | None:
        """The version ``key`` of ``kind`` was read at; None when it was not there."""
        return self.versions.get(kind, {}).get(key)

    def chain(self, region: Region) -> list[str]:
        """The region's code, its parent's, and so on up."""
        return ancestry(region.code, self.regions)

    def competency_name(self, code: str) -> str:
        """``CODE — name`` of a workspace competency; the bare code when unknown."""
        for competency in self.competencies:
            if competency.code == code:
                return f"{code} — {competency.name}"
        return code
