"""Writing records: merge by key, delete by key, and raise each record's version.

A record is a main row and its list rows (a module and its competencies). Every write of
a record raises its main row's ``row_version`` by one, whichever route it came by (an
import, an edit, the command line), so an edit made from an older read can tell. Writing
regions refreshes the region chain (:mod:`.closure`) in the same transaction.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping as MappingType
from typing import Any

from sqlalchemy import Connection, bindparam, delete, or_, select, tuple_
from sqlalchemy.dialects import sqlite

from ..domain import Record
from . import schema, stamps
from .closure import refresh_closure
from .mapping import Mapping, mapping_for

__all__ = ["BATCH", "delete_keys", "key_of", "record_keys", "stored_rows", "upsert"]

#: Rows per executemany batch: bounds memory on million-row imports.
BATCH = 20_000
#: Keys per ``IN (…)`` list: within SQLite's bound-parameter limit.
_IN_LIST = 900


def record_keys(conn: Connection, kind: str) -> set[Any]:
    """The keys present for ``kind``; ``positions`` are those with a job standard."""
    if kind == "positions":
        query = select(schema.job_standards.c.position).distinct()
        return set(conn.execute(query).scalars())
    mapping = mapping_for(kind)
    cols = [mapping.table.c[c] for c in mapping.key_columns]
    if len(cols) == 1:
        return set(conn.execute(select(cols[0])).scalars())
    return {tuple(row) for row in conn.execute(select(*cols))}


def upsert(conn: Connection, kind: str, records: Iterable[Record], replace: bool = False) -> int:
    """Merge ``records`` into ``kind`` by key (or replace the table); returns the count.

    Only what differs is written: a new record is inserted; a changed one (its own row or
    its lists) is updated and its ``row_version`` raised by one; an unchanged one is left
    alone, so importing a file again changes nothing and leaves no trace in the audit
    trail. Columns the record does not carry (a module's review note, a path's approval)
    keep their stored values.
    """
    mapping = mapping_for(kind)
    records = list(records)
    if records or replace:
        stamps.bump(conn, kind)
    if replace:
        # Only the keys absent from ``records`` go: deleting and re-inserting the
        # others would cascade to what hangs on them (a learner's stored path).
        single = len(mapping.record.KEY) == 1
        wanted = {r.key()[0] if single else r.key() for r in records}
        delete_keys(conn, kind, record_keys(conn, kind) - wanted)
    for start in range(0, len(records), BATCH):
        _write_chunk(conn, mapping, records[start : start + BATCH])
    if kind == "regions" and (records or replace):
        refresh_closure(conn)
    return len(records)


def key_of(mapping: Mapping, row: MappingType[str, Any]) -> Any:
    """The key of a main row of ``mapping``'s table: a value, or a tuple when composite."""
    key = tuple(row[column] for column in mapping.key_columns)
    return key[0] if len(key) == 1 else key


def stored_rows(conn: Connection, mapping: Mapping, keys: list[Any]):
    """The stored main rows and list rows of ``keys``, by key."""
    table = mapping.table
    columns = [table.c[c] for c in mapping.key_columns]
    target = columns[0] if len(columns) == 1 else tuple_(*columns)
    written = list(mapping.columns.values())
    rows: dict[Any, dict[str, Any]] = {}
    lists: dict[Any, list[tuple[str, dict[str, Any]]]] = {}
    for start in range(0, len(keys), _IN_LIST):
        chunk = keys[start : start + _IN_LIST]
        query = select(*(table.c[c] for c in written)).where(target.in_(chunk))
        for row in conn.execute(query):
            values = dict(zip(written, row))
            rows[key_of(mapping, values)] = values
        for child in mapping.children:
            names = [child.parent, "pos", *child.columns]
            parent = child.table.c[child.parent]
            query = (
                select(*(child.table.c[n] for n in names))
                .where(parent.in_(chunk))
                .order_by(parent, child.table.c.pos)
            )
            for row in conn.execute(query):
                values = dict(zip(names, row))
                lists.setdefault(values[child.parent], []).append((child.table.name, values))
    return rows, lists


def _merge_rows(conn: Connection, mapping: Mapping, records: list[Record]) -> None:
    """A record that is one row: insert it, or update it where a value differs (and only
    then raise its version), in one statement the database runs row by row: no read
    first (an import of a million outcomes)."""
    table, key_cols = mapping.table, mapping.key_columns
    stmt = sqlite.insert(table)
    carried = [c for c in mapping.columns.values() if c not in key_cols]
    if not carried:
        conn.execute(
            stmt.on_conflict_do_nothing(index_elements=list(key_cols)), _rows(mapping, records)
        )
        return
    updates: dict[str, Any] = {c: stmt.excluded[c] for c in carried}
    if "row_version" in table.c:
        updates["row_version"] = table.c.row_version + 1
    differs = or_(*(table.c[c].is_distinct_from(stmt.excluded[c]) for c in carried))
    conn.execute(
        stmt.on_conflict_do_update(index_elements=list(key_cols), set_=updates, where=differs),
        _rows(mapping, records),
    )


def _rows(mapping: Mapping, records: list[Record]) -> list[dict[str, Any]]:
    return [mapping.main_row(r) for r in records]


def _write_chunk(conn: Connection, mapping: Mapping, records: list[Record]) -> None:
    # On PostgreSQL an upsert needs the INSERT grant even where it only updates, which a
    # supervisor's login lacks (they change follow-ups, never add rows): there, read first.
    if not mapping.children and conn.dialect.name == "sqlite":
        _merge_rows(conn, mapping, records)
        return
    table, key_cols = mapping.table, mapping.key_columns
    main = [mapping.main_row(r) for r in records]
    keys = [key_of(mapping, row) for row in main]
    stored, stored_lists = stored_rows(conn, mapping, keys)
    child_rows = mapping.child_rows(records)
    new_lists: dict[Any, list[tuple[str, dict[str, Any]]]] = {}
    for child, rows in child_rows.items():
        for row in rows:
            new_lists.setdefault(row[child.parent], []).append((child.table.name, row))
    inserted, updated, relisted = [], [], set()
    for key, row in zip(keys, main):
        if key not in stored:
            inserted.append(row)
            relisted.add(key)
            continue
        lists_differ = _by_table(stored_lists.get(key)) != _by_table(new_lists.get(key))
        if lists_differ:
            relisted.add(key)
        if stored[key] != row or lists_differ:
            updated.append(row)
    if inserted:
        conn.execute(table.insert(), inserted)
    if updated:
        values: dict[str, Any] = {
            c: bindparam(f"new_{c}") for c in mapping.columns.values() if c not in key_cols
        }
        if "row_version" in table.c:
            values["row_version"] = table.c.row_version + 1
        where = [table.c[c] == bindparam(f"key_{c}") for c in key_cols]
        params = [
            {f"new_{c}" if c not in key_cols else f"key_{c}": v for c, v in row.items()}
            for row in updated
        ]
        conn.execute(table.update().where(*where).values(values), params)
    if mapping.children and relisted:
        _delete_children(conn, mapping, [key for key in keys if key in relisted])
        for child, rows in child_rows.items():
            rows = [row for row in rows if row[child.parent] in relisted]
            if rows:
                conn.execute(child.table.insert(), rows)


def _by_table(rows: list[tuple[str, dict[str, Any]]] | None) -> dict[str, list[dict]]:
    """A record's list rows per child table, in list order."""
    grouped: dict[str, list[dict]] = {}
    for name, row in rows or []:
        grouped.setdefault(name, []).append(row)
    return grouped


def delete_keys(conn: Connection, kind: str, keys: Iterable[Any]) -> int:
    """Delete the records of ``kind`` with these keys (scalars, or tuples for composite
    keys) and their list rows; returns how many keys were given."""
    mapping = mapping_for(kind)
    keys = list(keys)
    if keys:
        stamps.bump(conn, kind)
    columns = [mapping.table.c[c] for c in mapping.key_columns]
    target = columns[0] if len(columns) == 1 else tuple_(*columns)
    for start in range(0, len(keys), _IN_LIST):
        chunk = keys[start : start + _IN_LIST]
        for child in mapping.children:
            column = child.table.c[child.parent]
            conn.execute(delete(child.table).where(column.in_(chunk)))
        conn.execute(delete(mapping.table).where(target.in_(chunk)))
    if kind == "regions" and keys:
        refresh_closure(conn)
    return len(keys)


def _delete_children(conn: Connection, mapping: Mapping, keys: list[Any]) -> None:
    for child in mapping.children:
        column = child.table.c[child.parent]
        for start in range(0, len(keys), _IN_LIST):
            conn.execute(delete(child.table).where(column.in_(keys[start : start + _IN_LIST])))
