"""A workspace: one organisation's catalog, regions, learners and outcomes in a database.

``W`` is a SQLite file path (the embedded default) or a database URL
(``postgresql+psycopg://user@host/db``). The same SQLAlchemy Core code runs on both.
Every write happens inside :meth:`Workspace.transaction`: it commits whole or not at all.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Connection,
    Engine,
    create_engine,
    delete,
    event,
    func,
    inspect,
    select,
    tuple_,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, OperationalError, SQLAlchemyError

from ..domain import Record
from ..errors import WorkspaceError
from . import schema
from .mapping import mapping_for

__all__ = ["Workspace", "resolve_url", "is_url", "remove_sqlite_files"]

#: Rows per executemany batch: bounds memory on million-row imports.
BATCH = 20_000


def is_url(target: str | os.PathLike[str]) -> bool:
    return "://" in str(target)


def resolve_url(target: str | os.PathLike[str]) -> str:
    """A database URL for ``target``: a URL as is, a file path as SQLite."""
    if is_url(target):
        return str(target)
    return f"sqlite+pysqlite:///{Path(target).expanduser().resolve()}"


def _engine(url: str) -> Engine:
    try:
        engine = create_engine(url)
    except (ArgumentError, ImportError, ValueError) as error:
        raise WorkspaceError(f"cannot use database URL '{_safe(url)}': {error}") from None
    if engine.dialect.name == "sqlite":
        _configure_sqlite(engine)
    elif engine.dialect.name != "postgresql":
        raise WorkspaceError(
            f"unsupported database '{engine.dialect.name}': use a SQLite file or PostgreSQL")
    return engine


def _configure_sqlite(engine: Engine) -> None:
    # pysqlite's own transaction handling defers BEGIN and commits around DDL; take over
    # so a transaction is exactly what we open, and turn on WAL and foreign keys.
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA busy_timeout=10000")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE")


def _safe(url: str) -> str:
    """The URL without its password, for messages and logs."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return "<invalid URL>"


class Workspace:
    """An open workspace database; create with :meth:`create`, open with :meth:`open`."""

    def __init__(self, engine: Engine, target: str):
        self.engine = engine
        self.target = target

    # -- opening -----------------------------------------------------------------------

    @classmethod
    def open(cls, target: str | os.PathLike[str]) -> Workspace:
        """Open an existing workspace; refuse a missing file or a foreign database."""
        target = str(target)
        if not is_url(target) and not Path(target).expanduser().is_file():
            raise WorkspaceError(
                f"no workspace at '{target}': create one with 'init {target}'")
        workspace = cls(_engine(resolve_url(target)), target)
        try:
            version = workspace.get_meta("schema_version")
        except SQLAlchemyError as error:
            workspace.close()
            if isinstance(error, OperationalError) and workspace.dialect == "postgresql":
                raise WorkspaceError(
                    f"cannot connect to '{workspace.label}': {_reason(error)}") from None
            raise WorkspaceError(
                f"'{workspace.label}' is not a curriculum-tool workspace ({_reason(error)})"
            ) from None
        if version is None:
            workspace.close()
            raise WorkspaceError(f"'{workspace.label}' is not a curriculum-tool workspace")
        if int(version) > schema.SCHEMA_VERSION:
            workspace.close()
            raise WorkspaceError(
                f"'{workspace.label}' was written by a newer curriculum-tool "
                f"(schema {version} > {schema.SCHEMA_VERSION}); upgrade the tool")
        if int(version) < schema.SCHEMA_VERSION:
            try:
                workspace._upgrade()
            except BaseException:
                workspace.close()  # the upgrade rolled back; release the database
                raise
        return workspace

    def _upgrade(self) -> None:
        """Bring an older workspace to this schema in one transaction: new tables, and the
        new nullable columns of existing tables (NULL reads as the column's default)."""
        with self.transaction() as conn:
            if self.dialect == "postgresql":
                # Several people may open a shared workspace at once after an update: the
                # later ones wait here (SQLite's BEGIN IMMEDIATE already does), then find
                # the schema current.
                conn.exec_driver_sql("LOCK TABLE meta IN EXCLUSIVE MODE")
            if int(self.get_meta("schema_version", conn) or 0) >= schema.SCHEMA_VERSION:
                return
            schema.metadata.create_all(conn)
            present = inspect(conn)
            for table in schema.metadata.sorted_tables:
                have = {c["name"] for c in present.get_columns(table.name)}
                added = {column.name for column in table.columns if column.name not in have}
                for column in table.columns:
                    if column.name in added:
                        kind = column.type.compile(dialect=conn.dialect)
                        conn.exec_driver_sql(
                            f'ALTER TABLE "{table.name}" ADD COLUMN "{column.name}" {kind}')
                # create_all indexes new tables only; an added column's index (e.g. the one
                # the supervisor reference check uses) is created here.
                for index in table.indexes:
                    if added & {column.name for column in index.columns}:
                        index.create(conn)
            self.set_meta(conn, "schema_version", str(schema.SCHEMA_VERSION))

    @classmethod
    def create(cls, target: str | os.PathLike[str],
               populate: Callable[[Workspace, Connection], object] | None = None) -> Workspace:
        """Create a workspace; refuse to overwrite an existing one.

        ``populate(workspace, conn)`` fills it in the same transaction that creates the
        schema: if it raises, no workspace is left behind.
        """
        target = str(target)
        if not is_url(target):
            path = Path(target).expanduser()
            if path.exists():
                raise WorkspaceError(f"'{target}' already exists; choose another file name")
            path.parent.mkdir(parents=True, exist_ok=True)
        workspace = cls(_engine(resolve_url(target)), target)
        try:
            if "meta" in inspect(workspace.engine).get_table_names():
                raise WorkspaceError(f"'{workspace.label}' already holds a workspace")
            with workspace.transaction() as conn:
                schema.metadata.create_all(conn)
                now = datetime.now(timezone.utc).isoformat(timespec="seconds")
                conn.execute(schema.meta.insert(), [
                    {"key": "schema_version", "value": str(schema.SCHEMA_VERSION)},
                    {"key": "created", "value": now},
                    # Keyed pseudonyms of learners in exports stay stable per workspace.
                    {"key": "pseudonym_key", "value": secrets.token_hex(32)},
                ])
                if populate is not None:
                    populate(workspace, conn)
        except BaseException as error:
            workspace.close()
            if not is_url(target):
                remove_sqlite_files(Path(target).expanduser())
            if isinstance(error, SQLAlchemyError):
                raise WorkspaceError(
                    f"cannot create '{workspace.label}': {_reason(error)}") from None
            raise
        return workspace

    @property
    def label(self) -> str:
        """How the workspace is named to the user (no password)."""
        return _safe(self.target) if is_url(self.target) else self.target

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- transactions and metadata -----------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """One transaction: commits when the block ends, rolls back on any exception."""
        try:
            with self.engine.begin() as conn:
                yield conn
        except DBAPIError as error:
            raise WorkspaceError(f"workspace '{self.label}': {_reason(error)}") from None

    def get_meta(self, key: str, conn: Connection | None = None) -> str | None:
        query = select(schema.meta.c.value).where(schema.meta.c.key == key)
        if conn is not None:
            return conn.execute(query).scalar_one_or_none()
        with self.engine.connect() as own:
            return own.execute(query).scalar_one_or_none()

    def set_meta(self, conn: Connection, key: str, value: str) -> None:
        table = schema.meta
        conn.execute(delete(table).where(table.c.key == key))
        conn.execute(table.insert(), {"key": key, "value": value})

    # -- records -----------------------------------------------------------------------

    def load(self, kind: str, conn: Connection | None = None) -> list[Record]:
        """Every record of ``kind`` (a contract file name without ``.csv``), in key order."""
        mapping = mapping_for(kind)
        if conn is not None:
            return mapping.load(conn)
        with self.engine.connect() as own:
            return mapping.load(own)

    def count(self, kind: str, conn: Connection | None = None) -> int:
        table = mapping_for(kind).table
        query = select(func.count()).select_from(table)
        if conn is not None:
            return conn.execute(query).scalar_one()
        with self.engine.connect() as own:
            return own.execute(query).scalar_one()

    def keys(self, kind: str, conn: Connection) -> set[Any]:
        """The keys present for ``kind``; ``positions`` are those with a job standard."""
        if kind == "positions":
            query = select(schema.job_standards.c.position).distinct()
            return set(conn.execute(query).scalars())
        mapping = mapping_for(kind)
        cols = [mapping.table.c[c] for c in mapping.key_columns]
        if len(cols) == 1:
            return set(conn.execute(select(cols[0])).scalars())
        return {tuple(row) for row in conn.execute(select(*cols))}

    def write(self, conn: Connection, kind: str, records: Iterable[Record],
              replace: bool = False) -> int:
        """Merge ``records`` into ``kind`` by key (or replace the table); returns the count.

        Runs inside the caller's transaction; references are checked at commit.
        """
        mapping = mapping_for(kind)
        records = list(records)
        if replace:
            # Only the keys absent from ``records`` go: deleting and re-inserting the
            # others would cascade to what hangs on them (a learner's stored path).
            single = len(mapping.record.KEY) == 1
            wanted = {r.key()[0] if single else r.key() for r in records}
            self.delete(conn, kind, self.keys(kind, conn) - wanted)
        insert = (postgresql.insert if self.dialect == "postgresql" else sqlite.insert)
        stmt = insert(mapping.table)
        key_cols = mapping.key_columns
        updates = {c.name: stmt.excluded[c.name] for c in mapping.table.c if c.name not in key_cols}
        stmt = (stmt.on_conflict_do_update(index_elements=list(key_cols), set_=updates)
                if updates else stmt.on_conflict_do_nothing(index_elements=list(key_cols)))
        for start in range(0, len(records), BATCH):
            chunk = records[start:start + BATCH]
            conn.execute(stmt, [mapping.main_row(r) for r in chunk])
            if not mapping.children:
                continue
            self._delete_children(conn, mapping, chunk)
            for child, rows in mapping.child_rows(chunk).items():
                if rows:
                    conn.execute(child.table.insert(), rows)
        return len(records)

    def delete(self, conn: Connection, kind: str, keys: Iterable[Any]) -> int:
        """Delete the records of ``kind`` with these keys (scalars, or tuples for
        composite keys) and their list rows; returns how many keys were given."""
        mapping = mapping_for(kind)
        keys = list(keys)
        columns = [mapping.table.c[c] for c in mapping.key_columns]
        target = columns[0] if len(columns) == 1 else tuple_(*columns)
        for start in range(0, len(keys), 900):
            chunk = keys[start:start + 900]
            for child in mapping.children:
                column = child.table.c[child.parent]
                conn.execute(delete(child.table).where(column.in_(chunk)))
            conn.execute(delete(mapping.table).where(target.in_(chunk)))
        return len(keys)

    @staticmethod
    def _delete_children(conn: Connection, mapping: Any, chunk: list[Record]) -> None:
        keys = [getattr(r, mapping.record.KEY[0]) for r in chunk]
        for child in mapping.children:
            column = child.table.c[child.parent]
            for start in range(0, len(keys), 900):
                conn.execute(delete(child.table).where(column.in_(keys[start:start + 900])))


def _reason(error: BaseException) -> str:
    """The first line of a database error, without SQLAlchemy's boilerplate."""
    original = getattr(error, "orig", None) or error
    return str(original).strip().splitlines()[0] if str(original).strip() else type(error).__name__


def remove_sqlite_files(path: Path) -> None:
    """Delete a SQLite database file and its WAL companions."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        candidate = path.with_name(path.name + suffix)
        if candidate.exists():
            candidate.unlink()
