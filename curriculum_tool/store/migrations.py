"""Bring a workspace written by an earlier release to this schema, in place.

Migrations are numbered by the schema version they reach. Each adds the tables and
columns :mod:`.schema` marks ``since`` that version (through Alembic's operations, which
speak both SQLite's and PostgreSQL's ``ALTER TABLE``), then runs that version's data steps
(filling a new table from the rows already there, say). All of them run in one
transaction: a failure leaves the workspace exactly as it was. A SQLite file is first
copied, with SQLite's online backup, next to itself (``NAME.v3.bak``), so even a
migration that commits something wrong can be undone by hand.

Versions 1 to 3 predate numbered migrations: a workspace at 1 or 2 gets the tables and
nullable columns of version 3 it lacks, as those releases did.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from alembic.migration import MigrationContext
from alembic.operations import Operations
from sqlalchemy import Connection, inspect

from . import schema
from .audit import install_audit, remove_audit

__all__ = ["DATA_STEPS", "backup_sqlite", "data_step", "install_schema", "migrate"]

#: Data steps by the version they belong to, run after that version's tables and columns
#: exist; registered by the modules that own the data (:func:`data_step`).
DATA_STEPS: dict[int, list[Callable[[Connection], None]]] = {}


def data_step(
    version: int,
) -> Callable[[Callable[[Connection], None]], Callable[[Connection], None]]:
    """Register ``step(conn)`` to run when a workspace is migrated to ``version``."""

    def register(step: Callable[[Connection], None]) -> Callable[[Connection], None]:
        DATA_STEPS.setdefault(version, []).append(step)
        return step

    return register


def _add_schema_of(conn: Connection, version: int) -> None:
    """Create the tables, columns and indexes that ``version`` added (for version 3:
    whatever of the first three versions is missing)."""
    operations = Operations(MigrationContext.configure(conn))
    present = inspect(conn)
    have_tables = set(present.get_table_names())
    for table in schema.metadata.sorted_tables:
        if table.name not in have_tables:
            if schema.since(table) <= version:
                table.create(conn)
            continue
        have = {column["name"] for column in present.get_columns(table.name)}
        added = [
            column
            for column in table.columns
            if column.name not in have and schema.since(column) <= version
        ]
        for column in added:
            operations.add_column(table.name, column._copy())
        names = {column.name for column in added}
        indexed = {index["name"] for index in inspect(conn).get_indexes(table.name)}
        for index in table.indexes:  # create_all indexes new tables only
            if names & {column.name for column in index.columns} and index.name not in indexed:
                index.create(conn)


def install_schema(conn: Connection) -> None:
    """Create this version's schema in an empty database, with its audit triggers."""
    schema.metadata.create_all(conn)
    install_audit(conn)


def migrate(conn: Connection, found: int) -> list[int]:
    """Migrate the workspace on ``conn`` from version ``found`` to
    :data:`~.schema.SCHEMA_VERSION` inside the caller's transaction; the versions
    reached, in order. The data steps run without the audit triggers (filling a new
    column is no person's change), which are then made again for the new columns."""
    reached = []
    remove_audit(conn)
    for version in range(max(found + 1, 3), schema.SCHEMA_VERSION + 1):
        _add_schema_of(conn, version)
        for step in DATA_STEPS.get(version, []):
            step(conn)
        reached.append(version)
    install_audit(conn)
    return reached


def backup_sqlite(database: Path, found: int) -> Path:
    """Copy the SQLite workspace ``database`` to ``NAME.v<found>.bak`` beside it (a
    numbered suffix when that exists) with SQLite's online backup; its path."""
    target = database.with_name(f"{database.name}.v{found}.bak")
    number = 1
    while target.exists():
        number += 1
        target = database.with_name(f"{database.name}.v{found}.{number}.bak")
    source = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        copy = sqlite3.connect(target)
        try:
            source.backup(copy)
        finally:
            copy.close()
    finally:
        source.close()
    return target
