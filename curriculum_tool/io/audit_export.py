"""The audit trail as a table: ``export W audit FILE`` and the app's Riwayat view.

Each change is one row: when (UTC), who (login and role), which table and row (its key as
a JSON list), the row's region, what (``insert``, ``update``, ``delete``), the columns it
changed, the row before and after (JSON) and the note given with it.

Learner ids (NIP) in keys and values, and learners' and people's names, are personal
data: they are masked by default as every export masks them (:mod:`.masking`), with the
workspace's keyed pseudonyms, so a masked audit file still joins a masked learners file.
Which columns hold a learner id follows the schema (every column referring to
``learners.id``), so a table added later is masked without a change here.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, select

from ..errors import CurriculumError
from ..messages import Catalogue
from ..store import Workspace, schema
from ..store.audit import AUDITED, AuditEntry, read_audit
from ..store.rows import key_columns
from .masking import mask_name, pseudonym
from .tables import write_rows

__all__ = [
    "AUDIT_COLUMNS",
    "LEARNER_ID_COLUMNS",
    "NAME_COLUMNS",
    "AuditFilters",
    "actors_seen",
    "audit_rows",
    "export_audit",
    "filters_from",
    "in_table_order",
    "mask_entry",
]

#: The exported columns, in order.
AUDIT_COLUMNS = (
    "id",
    "at",
    "actor",
    "role",
    "table",
    "key",
    "region",
    "action",
    "changed",
    "before",
    "after",
    "note",
)

SAID = Catalogue(
    "io.audit_export",
    {
        "bad_date": (
            "{option} must be a date written YYYY-MM-DD, not '{value}'",
            "{option} harus berupa tanggal dengan format YYYY-MM-DD, bukan '{value}'",
        ),
        "dates_reversed": (
            "--since {since} comes after --until {until}",
            "--since {since} jatuh sesudah --until {until}",
        ),
        "unknown_table": (
            "unknown audited table '{table}'; one of: {tables}",
            "tabel '{table}' tidak tercatat dalam riwayat; pilih salah satu: {tables}",
        ),
    },
)

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _learner_id_columns() -> dict[str, frozenset[str]]:
    """Per audited table, the columns holding a learner id: every column referring to
    ``learners.id``, a learner's own id and supervisor, and a person's own learner id."""
    found: dict[str, set[str]] = {table: set() for table in AUDITED}
    for table in AUDITED:
        for column in schema.tables[table].columns:
            if any(fk.target_fullname == "learners.id" for fk in column.foreign_keys):
                found[table].add(column.name)
    found["learners"] |= {"id", "supervisor"}
    found["people"] |= {"learner"}
    return {table: frozenset(columns) for table, columns in found.items() if columns}


#: table -> the columns whose values are learner ids (masked as pseudonyms).
LEARNER_ID_COLUMNS = _learner_id_columns()
#: table -> the columns holding a person's name (masked to initials).
NAME_COLUMNS = {"learners": frozenset({"name"}), "people": frozenset({"name"})}


@dataclass(frozen=True)
class AuditFilters:
    """Which changes to read: by one person (login), tables, regions (exactly; widen with
    the region chain first), and dates ``YYYY-MM-DD`` (UTC, ``until`` inclusive)."""

    actor: str | None = None
    tables: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()
    since: str | None = None
    until: str | None = None

    def checked(self) -> AuditFilters:
        """These filters, or a clear refusal of a bad date or an unknown table."""
        for option, value in (("--since", self.since), ("--until", self.until)):
            if value is not None and not _is_date(value):
                raise CurriculumError(SAID("bad_date", option=option, value=value))
        if self.since and self.until and self.since > self.until:
            raise CurriculumError(SAID("dates_reversed", since=self.since, until=self.until))
        for table in self.tables:
            if table not in AUDITED:
                raise CurriculumError(
                    SAID("unknown_table", table=table, tables=", ".join(sorted(AUDITED)))
                )
        return self


def _is_date(value: str) -> bool:
    if not _DATE.fullmatch(value):
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _mask_value(table: str, column: str, value: Any, secret: str) -> Any:
    if not isinstance(value, str) or not value:
        return value
    if column in LEARNER_ID_COLUMNS.get(table, ()):
        return pseudonym(secret, value)
    if column in NAME_COLUMNS.get(table, ()):
        return mask_name(value)
    return value


def mask_entry(entry: AuditEntry, secret: str) -> AuditEntry:
    """``entry`` with the learner ids of its key and values as pseudonyms and names as
    initials (``secret``: the workspace's ``pseudonym_key``).

    Take :meth:`~curriculum_tool.store.audit.AuditEntry.changed` from the entry as it was:
    two names can mask alike."""
    table = entry.table
    if table not in LEARNER_ID_COLUMNS and table not in NAME_COLUMNS:
        return entry
    key = tuple(
        _mask_value(table, column, value, secret)
        for column, value in zip(key_columns(table), entry.key, strict=False)
    )

    def values(row: dict[str, Any] | None) -> dict[str, Any] | None:
        if row is None:
            return None
        return {column: _mask_value(table, column, v, secret) for column, v in row.items()}

    return replace(entry, key=key, before=values(entry.before), after=values(entry.after))


def in_table_order(entry: AuditEntry) -> AuditEntry:
    """``entry`` with its row's values in the table's column order (PostgreSQL's JSON
    keeps its own order), so both databases show and export a change alike."""
    table = schema.tables.get(entry.table)
    if table is None:
        return entry
    place = {column.name: index for index, column in enumerate(table.columns)}

    def ordered(row: dict[str, Any] | None) -> dict[str, Any] | None:
        if row is None:
            return None
        return dict(sorted(row.items(), key=lambda item: place.get(item[0], len(place))))

    return replace(entry, before=ordered(entry.before), after=ordered(entry.after))


def _json(value: Any) -> str:
    return "" if value is None else json.dumps(value, ensure_ascii=False)


def audit_rows(
    entries: Iterable[AuditEntry], secret: str, unmask: bool = False
) -> Iterator[dict[str, str]]:
    """Each entry as a row of :data:`AUDIT_COLUMNS` (text cells), masked unless
    ``unmask``."""
    for found in entries:
        entry = in_table_order(found)
        changed = entry.changed()
        shown = entry if unmask else mask_entry(entry, secret)
        yield {
            "id": str(shown.id),
            "at": shown.at,
            "actor": shown.actor,
            "role": shown.role,
            "table": shown.table,
            "key": _json(list(shown.key)),
            "region": shown.region or "",
            "action": shown.action,
            "changed": ";".join(changed),
            "before": _json(shown.before),
            "after": _json(shown.after),
            "note": shown.note or "",
        }


def actors_seen(conn: Connection) -> list[str]:
    """Every login the audit trail names, sorted (the app's choice of person)."""
    audit = schema.tables["audit"]
    return sorted(conn.execute(select(audit.c.actor).distinct()).scalars())


def export_audit(
    workspace: Workspace,
    path: str | os.PathLike[str],
    unmask: bool = False,
    filters: AuditFilters | None = None,
    *,
    limit: int | None = None,
) -> int:
    """Write the audit trail, newest first, to ``path`` (``.csv`` or ``.xlsx``), keeping
    the changes ``filters`` select; personal data masked unless ``unmask``. Returns the
    number of changes written; a bad filter is refused before anything is written."""
    chosen = (filters or AuditFilters()).checked()
    secret = workspace.get_meta("pseudonym_key") or ""
    with workspace.engine.connect() as conn:
        entries = read_audit(
            conn,
            actor=chosen.actor,
            tables=chosen.tables,
            regions=chosen.regions,
            since=chosen.since,
            until=chosen.until,
            limit=limit,
        )
        return write_rows(
            Path(path),
            AUDIT_COLUMNS,
            audit_rows(entries, secret, unmask),
            sheet="audit",
            numeric=("id",),
        )


def filters_from(
    actor: str | None, since: str | None, until: str | None, tables: Sequence[str] | None
) -> AuditFilters:
    """The command line's ``--actor``, ``--since``, ``--until`` and ``--table`` options
    as filters (``--table`` may be repeated or comma-separated)."""
    listed = tuple(t.strip() for item in tables or () for t in item.split(",") if t.strip())
    return AuditFilters(actor or None, listed, (), since or None, until or None)
