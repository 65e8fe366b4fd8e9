"""How each contract record maps onto the workspace tables, both ways.

A record is one row of its main table plus, for each list it holds, rows of a child
table keyed by the record's key and ordered by ``pos`` (so list order survives a
round-trip). Reading assembles records from those rows without re-validating them:
what is in the workspace was validated on the way in.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, fields
from typing import Any

from sqlalchemy import Connection, Table, select

from ..domain import RECORD_TYPES, Record
from ..domain.vocab import DEFAULT_LEARNER_STATUS, NATIONAL
from . import schema

__all__ = ["MAPPINGS", "Child", "Mapping", "mapping_for"]


@dataclass(frozen=True)
class Child:
    """A list-valued record field stored as rows of ``table``."""

    table: Table
    field: str
    parent: str
    columns: tuple[str, ...]

    def rows(self, key: Any, items: Iterable[Any]) -> Iterator[dict[str, Any]]:
        for pos, item in enumerate(items):
            values = item if isinstance(item, tuple) else (item,)
            row = {self.parent: key, "pos": pos}
            row.update(zip(self.columns, values))
            yield row


def _same(value: Any) -> Any:
    return value


@dataclass(frozen=True)
class Mapping:
    """One record type ↔ its main table and child tables."""

    record: type[Record]
    table: Table
    columns: dict[str, str]  # record field -> main-table column
    children: tuple[Child, ...] = ()
    to_db: dict[str, Callable[[Any], Any]] = field(default_factory=dict)
    from_db: dict[str, Callable[[Any], Any]] = field(default_factory=dict)

    @property
    def key_columns(self) -> tuple[str, ...]:
        return tuple(self.columns[name] for name in self.record.KEY)

    def main_row(self, record: Record) -> dict[str, Any]:
        return {
            column: self.to_db.get(name, _same)(getattr(record, name))
            for name, column in self.columns.items()
        }

    def child_rows(self, records: Iterable[Record]) -> dict[Child, list[dict[str, Any]]]:
        rows: dict[Child, list[dict[str, Any]]] = {child: [] for child in self.children}
        for record in records:
            key = getattr(record, self.record.KEY[0])
            for child in self.children:
                rows[child].extend(child.rows(key, getattr(record, child.field)))
        return rows

    def load(self, conn: Connection) -> list[Record]:
        """Every record of this kind in the workspace, in key order.

        Sorted here rather than by the database, whose collation differs between
        engines: the same workspace reads back in the same order on SQLite and PostgreSQL.
        """
        lists: dict[str, dict[Any, list[Any]]] = {}
        for child in self.children:
            grouped: dict[Any, list[Any]] = defaultdict(list)
            cols = [child.table.c[c] for c in child.columns]
            query = select(child.table.c[child.parent], *cols).order_by(
                child.table.c[child.parent], child.table.c.pos
            )
            for parent, *cells in conn.execute(query):
                grouped[parent].append(cells[0] if len(cells) == 1 else tuple(cells))
            lists[child.field] = grouped
        names = list(self.columns)
        query = select(*(self.table.c[self.columns[n]] for n in names))
        records = []
        for row in conn.execute(query):
            values = {n: self.from_db.get(n, _same)(v) for n, v in zip(names, row)}
            key = values[self.record.KEY[0]]
            for child in self.children:
                values[child.field] = tuple(lists[child.field].get(key, ()))
            records.append(self.record(**values))
        records.sort(key=Record.key)
        return records


def _identity_columns(kind: str, **renamed: str) -> dict[str, str]:
    # Every record type is a dataclass; the ``Record`` base they share is not one.
    record: Any = RECORD_TYPES[kind]
    names = [f.name for f in fields(record)]
    return {name: renamed.get(name, name) for name in names}


def _without(columns: dict[str, str], *fields: str) -> dict[str, str]:
    return {k: v for k, v in columns.items() if k not in fields}


MAPPINGS: dict[str, Mapping] = {
    "competencies": Mapping(
        RECORD_TYPES["competencies"],
        schema.competencies,
        _identity_columns("competencies", group="grp"),
    ),
    "regions": Mapping(
        RECORD_TYPES["regions"],
        schema.regions,
        _without(_identity_columns("regions"), "hazards"),
        children=(Child(schema.region_hazards, "hazards", "region", ("hazard", "idx")),),
        from_db={"is_3t": bool},
    ),
    "modules": Mapping(
        RECORD_TYPES["modules"],
        schema.modules,
        _without(_identity_columns("modules", scope="scope_region"), "competencies", "hazards"),
        children=(
            Child(schema.module_competencies, "competencies", "module", ("competency", "level")),
            Child(schema.module_hazards, "hazards", "module", ("hazard",)),
        ),
        to_db={
            "scope": lambda scope: None if scope == NATIONAL else scope,
            "audience": lambda audience: ";".join(audience),
        },
        from_db={
            "scope": lambda region: NATIONAL if region is None else region,
            "audience": lambda text: tuple(text.split(";")) if text else (),
        },
    ),
    "prerequisites": Mapping(
        RECORD_TYPES["prerequisites"], schema.prerequisites, _identity_columns("prerequisites")
    ),
    "regional_standards": Mapping(
        RECORD_TYPES["regional_standards"],
        schema.regional_standards,
        _identity_columns("regional_standards"),
    ),
    "job_standards": Mapping(
        RECORD_TYPES["job_standards"], schema.job_standards, _identity_columns("job_standards")
    ),
    "learners": Mapping(
        RECORD_TYPES["learners"],
        schema.learners,
        _without(_identity_columns("learners"), "competencies", "completed"),
        children=(
            Child(schema.learner_competencies, "competencies", "learner", ("competency", "level")),
            Child(schema.learner_completed, "completed", "learner", ("module",)),
        ),
        from_db={
            "status": lambda status: status or DEFAULT_LEARNER_STATUS,
            "unit": lambda unit: unit or "",
        },
    ),
    "outcomes": Mapping(
        RECORD_TYPES["outcomes"],
        schema.outcomes,
        _identity_columns("outcomes"),
        from_db={
            "completed": bool,
            "l3": lambda v: None if v is None else bool(v),
            "l4": lambda v: None if v is None else bool(v),
        },
    ),
    "obligations": Mapping(
        RECORD_TYPES["obligations"], schema.obligations, _identity_columns("obligations")
    ),
}


def mapping_for(kind: str) -> Mapping:
    try:
        return MAPPINGS[kind]
    except KeyError:
        raise ValueError(f"unknown kind '{kind}'; one of: {', '.join(MAPPINGS)}") from None
