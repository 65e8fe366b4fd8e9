"""Which region, and which supervisor, a stored row belongs to.

A regional officer may write the rows of their region, a training officer those of their
learners' region, an atasan those of the learners they supervise. Where a table holds no
region itself, the row's region is its parent's: a module's competencies are the
module's, a learner's outcomes the learner's. :data:`ROW_REGION` says so once; the edit
service, the audit trail (its ``region`` column) and PostgreSQL's row-level policies all
read it.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import schema

__all__ = ["ROW_REGION", "SUPERVISED_VIA", "RegionOf", "key_columns"]


@dataclass(frozen=True)
class RegionOf:
    """Where a table's row finds its region: its own ``column``, or that column of the
    parent row in ``via`` whose key ``via_key`` the row's ``link`` column names."""

    column: str
    via: str | None = None
    via_key: str = ""
    link: str = ""

    def sql(self, row: str) -> str:
        """The row's region as SQL over the row alias (or trigger record) ``row``.

        >>> ROW_REGION["outcomes"].sql("NEW")
        '(SELECT p.region FROM learners p WHERE p.id = NEW.learner)'
        """
        if self.via is None:
            return f"{row}.{self.column}"
        return (
            f"(SELECT p.{self.column} FROM {self.via} p WHERE p.{self.via_key} = {row}.{self.link})"
        )


_OF_MODULE = RegionOf("scope_region", "modules", "code", "module")
_OF_LEARNER = RegionOf("region", "learners", "id", "learner")

#: table -> where its rows' region is; a table not listed is national (no region).
ROW_REGION: dict[str, RegionOf] = {
    "regions": RegionOf("code"),
    "region_hazards": RegionOf("region"),
    "regional_standards": RegionOf("region"),
    "modules": RegionOf("scope_region"),
    "module_competencies": _OF_MODULE,
    "module_hazards": _OF_MODULE,
    "prerequisites": _OF_MODULE,
    "learners": RegionOf("region"),
    "learner_competencies": _OF_LEARNER,
    "learner_completed": _OF_LEARNER,
    "outcomes": _OF_LEARNER,
    "paths": _OF_LEARNER,
    "path_steps": _OF_LEARNER,
    "path_exclusions": _OF_LEARNER,
    "path_archive": _OF_LEARNER,
    "people": RegionOf("scope"),
}

#: table -> where its rows' learner's supervisor is (the atasan's rows).
SUPERVISED_VIA: dict[str, RegionOf] = {
    "outcomes": RegionOf("supervisor", "learners", "id", "learner"),
    "paths": RegionOf("supervisor", "learners", "id", "learner"),
}


def key_columns(table: str) -> list[str]:
    """The primary-key columns of ``table``, in order."""
    return [column.name for column in schema.tables[table].primary_key.columns]
