"""Whole-workspace reference checks, run inside a write transaction before it commits.

Row-level checks in :mod:`curriculum_tool.io.importer` catch a bad code on the row that
holds it. What they cannot see is a row elsewhere left pointing at a key that a
``--replace`` import removed; these anti-joins find exactly that, in every table.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, Table, func, select

from ..messages import Catalogue, Message
from . import schema
from .names import column_name, table_name, target_name

__all__ = ["SAID", "DanglingReference", "dangling_references"]

SAID = Catalogue(
    "store.integrity",
    {
        "dangling": (
            "{rows} row{plural} of {table}{example} still refer{verb_s} to {column} "
            "'{missing}', which is not in {target}",
            "{rows} baris {table}{example} masih merujuk ke {column} '{missing}', yang "
            "tidak ada di {target}",
        ),
        "example": (" (e.g. {example})", " (mis. {example})"),
    },
)


#: Tables keyed by a learner id: their keys are personal data and never shown.
_PERSONAL = frozenset(
    {
        "learners",
        "learner_competencies",
        "learner_completed",
        "outcomes",
        "paths",
        "path_steps",
        "path_exclusions",
    }
)


@dataclass(frozen=True)
class DanglingReference:
    """``rows`` rows of ``table`` (``example`` one of them) name an absent ``missing``."""

    table: str
    column: str
    target_kind: str
    missing: str
    rows: int
    example: str | None

    def __str__(self) -> str:
        return str(self.message)

    @property
    def message(self) -> Message:
        """What is wrong, in English and Indonesian (the table and column named in each)."""
        return SAID(
            "dangling",
            rows=self.rows,
            plural="s" if self.rows > 1 else "",
            table=table_name(self.table),
            example="" if self.example is None else SAID("example", example=self.example),
            verb_s="s" if self.rows == 1 else "",
            column=column_name(self.column),
            missing=self.missing,
            target=target_name(self.target_kind),
        )


@dataclass(frozen=True)
class _Ref:
    table: Table
    column: str
    target: Table
    target_column: str
    target_kind: str


_REFS = (
    _Ref(schema.regions, "parent", schema.regions, "code", "regions"),
    _Ref(schema.modules, "scope_region", schema.regions, "code", "regions"),
    _Ref(schema.module_competencies, "competency", schema.competencies, "code", "competencies"),
    _Ref(schema.prerequisites, "module", schema.modules, "code", "modules"),
    _Ref(schema.prerequisites, "requires", schema.modules, "code", "modules"),
    _Ref(schema.regional_standards, "region", schema.regions, "code", "regions"),
    _Ref(schema.regional_standards, "competency", schema.competencies, "code", "competencies"),
    _Ref(schema.job_standards, "competency", schema.competencies, "code", "competencies"),
    _Ref(schema.learners, "region", schema.regions, "code", "regions"),
    _Ref(schema.learners, "position", schema.job_standards, "position", "job_standards"),
    _Ref(schema.learner_competencies, "competency", schema.competencies, "code", "competencies"),
    _Ref(schema.learner_completed, "module", schema.modules, "code", "modules"),
    _Ref(schema.learners, "supervisor", schema.learners, "id", "learners"),
    _Ref(schema.obligations, "module", schema.modules, "code", "modules"),
    _Ref(schema.outcomes, "learner", schema.learners, "id", "learners"),
    _Ref(schema.outcomes, "module", schema.modules, "code", "modules"),
    _Ref(schema.path_steps, "module", schema.modules, "code", "modules"),
    _Ref(schema.path_exclusions, "module", schema.modules, "code", "modules"),
)


def dangling_references(conn: Connection, limit: int = 51) -> list[DanglingReference]:
    """Codes named in the workspace that do not exist, grouped by code (at most ``limit``)."""
    found: list[DanglingReference] = []
    for ref in _REFS:
        if len(found) >= limit:
            break
        column = ref.table.c[ref.column]
        target = ref.target.alias("target").c[ref.target_column]
        first_key = next(iter(ref.table.primary_key.columns))
        query = (
            select(column, func.count(), func.min(first_key))
            .where(column.is_not(None))
            .where(~select(target).where(target == column).exists())
            .group_by(column)
            .order_by(column)
            .limit(limit - len(found))
        )
        for missing, rows, example in conn.execute(query):
            shown = None if ref.table.name in _PERSONAL else str(example)
            found.append(
                DanglingReference(
                    ref.table.name,
                    ref.column.removesuffix("_region"),
                    ref.target_kind,
                    str(missing),
                    rows,
                    shown,
                )
            )
    return found
