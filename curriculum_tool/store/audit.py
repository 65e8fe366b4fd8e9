"""The audit trail: who changed which row, when, and its values before and after.

The database writes it, with a trigger on every audited table, in the same transaction as
the change: no route around the edit service (an import, a batch, a person typing SQL on
PostgreSQL) changes a row without a trace. On PostgreSQL the actor is the database login
(``session_user``), which a person cannot pretend away, and the trigger functions run as
the database owner, so the trail is append-only for every person (they only read it, by
grants). On SQLite, one person's file, the actor is who the workspace says is working
(``meta``'s ``session:actor``, set by each write transaction).

Derived rows are left out: a path's steps and exclusions follow its ``paths`` row, which is
audited, and so does the copy of a replaced path kept in ``path_archive``; the region chain
follows ``regions``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, LargeBinary, select

from . import schema
from .rows import ROW_REGION, key_columns

__all__ = [
    "AUDITED",
    "SESSION_KEYS",
    "AuditEntry",
    "audit_statements",
    "install_audit",
    "read_audit",
    "remove_audit",
]

#: Tables whose changes are audited: every table people change, not the derived ones.
AUDITED = tuple(
    name
    for name in schema.tables
    if name
    not in ("meta", "audit", "region_closure", "path_steps", "path_exclusions", "path_archive")
)
#: The ``meta`` keys a SQLite write transaction sets for its triggers to read.
SESSION_KEYS = {"actor": "session:actor", "role": "session:role", "note": "session:note"}
_COLUMNS = "at, actor, role, tbl, row_key, region, action, before, after, note"


def _shown(table: str) -> list[str]:
    """The columns an audit row shows: all but binary payloads (a model's archive)."""
    return [c.name for c in schema.tables[table].columns if not isinstance(c.type, LargeBinary)]


def _region(table: str, row: str) -> str:
    where = ROW_REGION.get(table)
    return where.sql(row) if where is not None else "NULL"


def _sqlite_meta(key: str, default: str) -> str:
    return f"COALESCE((SELECT value FROM meta WHERE key = '{SESSION_KEYS[key]}'), '{default}')"


def _sqlite_triggers(table: str) -> list[str]:
    keys, shown = key_columns(table), _shown(table)

    def values(row: str) -> str:
        pairs = ", ".join(f"'{c}', {row}.\"{c}\"" for c in shown)
        return f"json_object({pairs})"

    statements = []
    for action, event in (("insert", "INSERT"), ("update", "UPDATE"), ("delete", "DELETE")):
        row = "OLD" if action == "delete" else "NEW"
        before = values("OLD") if action != "insert" else "NULL"
        after = values("NEW") if action != "delete" else "NULL"
        # as json.dumps writes it (and PostgreSQL's jsonb): '["72.71", "PB-KAJI"]'; codes
        # never hold '","'
        listed = ", ".join(f'{row}."{c}"' for c in keys)
        key = f"replace(json_array({listed}), '\",\"', '\", \"')"
        statements.append(f'DROP TRIGGER IF EXISTS "audit_{table}_{action}"')
        statements.append(
            f'CREATE TRIGGER "audit_{table}_{action}" AFTER {event} ON "{table}" '
            f"FOR EACH ROW BEGIN INSERT INTO audit ({_COLUMNS}) VALUES ("
            f"strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), {_sqlite_meta('actor', '')}, "
            f"{_sqlite_meta('role', 'admin')}, '{table}', {key}, {_region(table, row)}, "
            f"'{action}', {before}, {after}, {_sqlite_meta('note', '')}); END"
        )
    return statements


def _postgres_triggers(table: str) -> list[str]:
    keys = key_columns(table)
    binary = [c.name for c in schema.tables[table].columns if isinstance(c.type, LargeBinary)]
    strip = "".join(f" - '{c}'" for c in binary)

    def insert(row: str, action: str, before: str, after: str) -> str:
        key = "jsonb_build_array(" + ", ".join(f'{row}."{c}"' for c in keys) + ")::text"
        return (
            f"INSERT INTO audit ({_COLUMNS}) VALUES ("
            "to_char(clock_timestamp() AT TIME ZONE 'UTC', "
            '\'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"\'), session_user, '
            "coalesce((SELECT p.role FROM people p WHERE p.login = session_user), 'admin'), "
            f"'{table}', {key}, {_region(table, row)}, '{action}', {before}, {after}, "
            "coalesce(current_setting('curriculum_tool.note', true), ''));"
        )

    old, new = f"(to_jsonb(OLD){strip})::text", f"(to_jsonb(NEW){strip})::text"
    function = f'"audit_{table}"'
    body = (
        "BEGIN IF TG_OP = 'DELETE' THEN "
        + insert("OLD", "delete", old, "NULL")
        + " ELSIF TG_OP = 'UPDATE' THEN "
        + insert("NEW", "update", old, new)
        + " ELSE "
        + insert("NEW", "insert", "NULL", new)
        + " END IF; RETURN NULL; END"
    )
    return [
        f"CREATE OR REPLACE FUNCTION {function}() RETURNS trigger LANGUAGE plpgsql "
        f"SECURITY DEFINER SET search_path FROM CURRENT AS $audit$ {body} $audit$",
        f'DROP TRIGGER IF EXISTS "audit_{table}" ON "{table}"',
        f'CREATE TRIGGER "audit_{table}" AFTER INSERT OR UPDATE OR DELETE ON "{table}" '
        f"FOR EACH ROW EXECUTE FUNCTION {function}()",
    ]


def audit_statements(dialect: str) -> list[str]:
    """The SQL that makes ``dialect``'s database keep the audit trail."""
    make = _postgres_triggers if dialect == "postgresql" else _sqlite_triggers
    return [statement for table in AUDITED for statement in make(table)]


def install_audit(conn: Connection) -> None:
    """Create (or replace: their column lists follow the schema) the audit triggers on
    ``conn``'s workspace."""
    for statement in audit_statements(conn.dialect.name):
        conn.exec_driver_sql(statement)


def remove_audit(conn: Connection) -> None:
    """Drop the audit triggers (a migration's data steps fill new columns; that is no
    person's change). :func:`install_audit` makes them again."""
    for table in AUDITED:
        if conn.dialect.name == "postgresql":
            conn.exec_driver_sql(f'DROP TRIGGER IF EXISTS "audit_{table}" ON "{table}"')
            continue
        for action in ("insert", "update", "delete"):
            conn.exec_driver_sql(f'DROP TRIGGER IF EXISTS "audit_{table}_{action}"')


@dataclass(frozen=True)
class AuditEntry:
    """One change: when, who (login and role), which row of which table, in which region,
    what (``insert``, ``update``, ``delete``), and the row before and after."""

    id: int
    at: str
    actor: str
    role: str
    table: str
    key: tuple[Any, ...]
    region: str | None
    action: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    note: str

    def changed(self) -> list[str]:
        """The columns an update changed (every column for an insert or a delete)."""
        before, after = self.before or {}, self.after or {}
        return [c for c in (after or before) if before.get(c) != after.get(c)]


def read_audit(
    conn: Connection,
    *,
    actor: str | None = None,
    tables: Sequence[str] = (),
    regions: Sequence[str] = (),
    since: str | None = None,
    until: str | None = None,
    row_key: str | None = None,
    limit: int | None = None,
) -> Iterator[AuditEntry]:
    """The audit trail, newest first, filtered by person, tables, regions (exactly; use
    the region chain to widen), dates (``YYYY-MM-DD``, ``until`` inclusive) and one row's
    key (as :func:`~curriculum_tool.edit.conflicts.key_text` writes it)."""
    audit = schema.tables["audit"]
    query = select(audit).order_by(audit.c.id.desc())
    if actor:
        query = query.where(audit.c.actor == actor)
    if tables:
        query = query.where(audit.c.tbl.in_(list(tables)))
    if regions:
        query = query.where(audit.c.region.in_(list(regions)))
    if row_key is not None:
        query = query.where(audit.c.row_key == row_key)
    if since:
        query = query.where(audit.c.at >= since)
    if until:
        query = query.where(audit.c.at < f"{until}~")  # any time on that day
    if limit is not None:
        query = query.limit(limit)
    for row in conn.execute(query):
        yield AuditEntry(
            row.id,
            row.at,
            row.actor,
            row.role,
            row.tbl,
            tuple(json.loads(row.row_key)),
            row.region,
            row.action,
            json.loads(row.before) if row.before else None,
            json.loads(row.after) if row.after else None,
            row.note,
        )
