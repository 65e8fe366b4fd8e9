"""Optimistic concurrency: an edit made from a stale read is refused, saying who changed
the record, when, and what.

A form reads a record together with its ``row_version``; saving sends that version back
as *expected*. If the stored version moved on meanwhile (someone else saved it), nothing
is written and :class:`ConflictError` names that person from the audit trail. The app then
offers to reload, or to keep its edit on top of the new version (saving again with the
version it now knows). An undo is an edit too: one that would overwrite a newer change of
someone else is refused the same way.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from typing import Any, cast

from sqlalchemy import Connection, Table, select, tuple_

from ..domain import Record
from ..errors import CurriculumError
from ..messages import Catalogue, Message
from ..store import schema
from ..store.audit import AuditEntry, read_audit
from ..store.mapping import MAPPINGS, mapping_for
from ..store.names import table_name
from ..store.rows import key_columns

__all__ = [
    "Conflict",
    "ConflictError",
    "check_versions",
    "keep_mine",
    "key_text",
    "stored_versions",
]

SAID = Catalogue(
    "edit.conflicts",
    {
        "changed": (
            "{what} {key} was changed by {actor} at {at}{columns} since you read it; "
            "reload it, or keep your version on top of theirs",
            "{what} {key} telah diubah oleh {actor} pada {at}{columns} sejak Anda "
            "membukanya; muat ulang, atau simpan versi Anda di atas perubahan itu",
        ),
        "deleted": (
            "{what} {key} was deleted by {actor} at {at} since you read it",
            "{what} {key} telah dihapus oleh {actor} pada {at} sejak Anda membukanya",
        ),
        "added": (
            "{what} {key} was added by {actor} at {at} while you were writing it",
            "{what} {key} telah ditambahkan oleh {actor} pada {at} ketika Anda menulisnya",
        ),
        "columns": (" ({columns})", " ({columns})"),
        "someone": ("someone", "seseorang"),
        "unknown_time": ("an unknown time", "waktu yang tidak diketahui"),
        "more": ("{first}; and {rest} more", "{first}; dan {rest} lainnya"),
    },
)


def key_text(key: Any) -> str:
    """A record key as the audit trail stores it (a JSON list).

    >>> key_text("PB-201"), key_text(("72.71", "PB-KAJI"))
    ('["PB-201"]', '["72.71", "PB-KAJI"]')
    """
    values = key if isinstance(key, tuple) else (key,)
    return json.dumps([str(v) for v in values], ensure_ascii=False)


@dataclass(frozen=True)
class Conflict:
    """One record whose stored version is not the one the edit was made from."""

    kind: str
    key: Any
    expected: int | None
    found: int | None
    last: AuditEntry | None

    @property
    def message(self) -> Message:
        last = self.last
        actor = last.actor if last is not None and last.actor else SAID("someone")
        at = _when(last.at) if last is not None else SAID("unknown_time")
        key = "/".join(map(str, self.key)) if isinstance(self.key, tuple) else str(self.key)
        what = table_name(self.kind)
        if self.found is None:
            return SAID("deleted", what=what, key=key, actor=actor, at=at)
        if self.expected is None:
            return SAID("added", what=what, key=key, actor=actor, at=at)
        changed = [c for c in (last.changed() if last else []) if c != "row_version"]
        columns = SAID("columns", columns=", ".join(changed)) if changed else ""
        return SAID("changed", what=what, key=key, actor=actor, at=at, columns=columns)


def _when(at: str) -> str:
    """``2026-12-06T09:20:31.123Z`` → ``2026-12-06 09:20`` (UTC, as stored)."""
    return at[:16].replace("T", " ") + " UTC"


class ConflictError(CurriculumError):
    """An edit was made from an older read; nothing was written."""

    def __init__(self, conflicts: list[Conflict]):
        self.conflicts = list(conflicts)
        first = self.conflicts[0].message
        rest = len(self.conflicts) - 1
        super().__init__(SAID("more", first=first, rest=rest) if rest else first)


def _table(kind: str) -> tuple[Table, list[str]]:
    """The main table of ``kind`` and its key columns: a contract kind's, or a table of
    its own (``paths``: a learner's stored path)."""
    if kind in MAPPINGS:
        mapping = mapping_for(kind)
        return mapping.table, list(mapping.key_columns)
    return schema.tables[kind], key_columns(kind)


def stored_versions(
    conn: Connection, kind: str, keys: list[Any], lock: bool = True
) -> dict[Any, int]:
    """The stored ``row_version`` of each of ``keys`` that exists, locked against other
    writers until the transaction ends (PostgreSQL; SQLite writers already take turns).

    A reader passes ``lock=False``: locking needs the right to change the rows, which a
    read-only person lacks, and row-level security would hide the rows they may only
    read."""
    table, names = _table(kind)
    columns = [table.c[c] for c in names]
    target = columns[0] if len(columns) == 1 else tuple_(*columns)
    found: dict[Any, int] = {}
    for start in range(0, len(keys), 900):
        query = select(*columns, table.c.row_version).where(target.in_(keys[start : start + 900]))
        if lock and conn.dialect.name == "postgresql":
            query = query.with_for_update()
        for *key, version in conn.execute(query):
            found[key[0] if len(key) == 1 else tuple(key)] = version
    return found


def keep_mine(current: Record | None, base: Record | None, mine: Record) -> Record:
    """``mine``, an edit of ``base``, applied on top of ``current`` (the record as someone
    else left it meanwhile): the fields the edit changed take its values, the others keep
    ``current``'s, so keeping one's own edit never silently undoes another person's change
    of other fields. Without a ``base`` (the edit adds the record) or a ``current`` (it
    was deleted meanwhile) the edit is taken whole.

    >>> from curriculum_tool.domain import Competency
    >>> base = Competency("K.1", "Nama", "teknis")
    >>> theirs, mine = replace(base, group="manajerial"), replace(base, name="Nama baru")
    >>> keep_mine(theirs, base, mine)
    Competency(code='K.1', name='Nama baru', group='manajerial', description='')
    """
    if current is None or base is None:
        return mine
    changed = {
        f.name: getattr(mine, f.name)
        for f in fields(cast(Any, mine))
        if getattr(mine, f.name) != getattr(base, f.name)
    }
    # Every record type is a dataclass; the ``Record`` base they share is not one.
    return cast(Record, replace(cast(Any, current), **changed))


def _last_change(conn: Connection, kind: str, key: Any) -> AuditEntry | None:
    table = _table(kind)[0].name
    return next(read_audit(conn, tables=[table], row_key=key_text(key), limit=1), None)


def check_versions(conn: Connection, kind: str, expected: Mapping[Any, int | None]) -> None:
    """Refuse (raise :class:`ConflictError`) when a record's stored version is not the
    expected one: ``None`` expects the record not to exist yet."""
    if not expected:
        return
    found = stored_versions(conn, kind, list(expected))
    conflicts = [
        Conflict(kind, key, version, found.get(key), _last_change(conn, kind, key))
        for key, version in expected.items()
        if found.get(key) != version
    ]
    if conflicts:
        raise ConflictError(conflicts)
