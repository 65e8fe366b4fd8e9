"""A workspace: one organisation's catalog, regions, learners and outcomes in a database.

``W`` is a SQLite file path (the embedded default) or a database URL
(``postgresql+psycopg://user@host/db``). The same SQLAlchemy Core code runs on both.
Every write happens inside :meth:`Workspace.transaction`: it commits whole or not at all.

Readers never wait behind a writer (SQLite in WAL mode with deferred read transactions;
PostgreSQL's MVCC). Writers take turns: one whole-workspace write lock, waited for up to
``CURRICULUM_TOOL_BUSY_TIMEOUT`` seconds (:mod:`.busy`). Every write to a table kind bumps
its change stamp (:mod:`.stamps`), so a long import can tell it read a stale table.
"""

from __future__ import annotations

import hashlib
import os
import secrets
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, nullcontext
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal, overload

from sqlalchemy import Connection, Engine, create_engine, delete, event, func, inspect, select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, OperationalError, SQLAlchemyError

from ..domain import (
    RECORD_TYPES,
    Competency,
    JobStandard,
    Learner,
    Module,
    Obligation,
    Outcome,
    Prerequisite,
    Record,
    Region,
    RegionalStandard,
)
from ..domain.roles import Actor
from ..errors import WorkspaceBusyError, WorkspaceError
from . import busy, model_states, path_history, schema, stamps
from .mapping import mapping_for
from .migrations import backup_sqlite, install_schema, migrate
from .session import default_actor, signed_in, stamp_session
from .stamps import Stamp
from .workspace_text import SAID
from .writes import delete_keys, record_keys, upsert

#: These register the data steps of the schema version they belong to.
_DATA_STEP_OWNERS = (model_states, path_history)

__all__ = ["Workspace", "is_url", "remove_sqlite_files", "resolve_url"]

#: Execution option marking a connection that writes: only it takes the write lock.
_WRITES = "curriculum_tool_writes"


def is_url(target: str | os.PathLike[str]) -> bool:
    return "://" in str(target)


def resolve_url(target: str | os.PathLike[str]) -> str:
    """A database URL for ``target``: a URL as is, a file path as SQLite."""
    if is_url(target):
        return str(target)
    return f"sqlite+pysqlite:///{Path(target).expanduser().resolve()}"


def _engine(url: str, busy_seconds: float) -> Engine:
    try:
        engine = create_engine(url)
    except (ArgumentError, ImportError, ValueError) as error:
        raise WorkspaceError(SAID("bad_url", url=_safe(url), reason=str(error))) from None
    if engine.dialect.name == "sqlite":
        _configure_sqlite(engine, busy_seconds)
    elif engine.dialect.name != "postgresql":
        raise WorkspaceError(SAID("unsupported_database", name=engine.dialect.name))
    return engine


def _configure_sqlite(engine: Engine, busy_seconds: float) -> None:
    # pysqlite's own transaction handling defers BEGIN and commits around DDL; take over
    # so a transaction is exactly what we open, and turn on WAL and foreign keys.
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout={round(busy_seconds * 1000)}")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    # A writer takes the write lock up front (waiting busy_timeout for another writer),
    # so it never fails half-way; a reader's deferred BEGIN reads a WAL snapshot and
    # never waits for a writer.
    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        writes = conn.get_execution_options().get(_WRITES, False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if writes else "BEGIN")


def _safe(url: str) -> str:
    """The URL without its password, for messages and logs."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return "<invalid URL>"


class Workspace:
    """An open workspace database; create with :meth:`create`, open with :meth:`open`."""

    def __init__(
        self, engine: Engine, target: str, busy_seconds: float = busy.DEFAULT_BUSY_TIMEOUT
    ):
        self.engine = engine
        self.target = target
        #: How long a write waits for another writer before :class:`WorkspaceBusyError`.
        self.busy_seconds = busy_seconds
        #: Who works here: their changes are audited under this name (see :mod:`.session`).
        self.actor: Actor = default_actor()
        #: Whether write transactions tell the audit triggers who writes (SQLite, once the
        #: schema has them).
        self._stamps_session = False
        #: Where the last upgrade left a copy of the workspace as it was (SQLite).
        self.backup: Path | None = None
        database = engine.url.database or ""
        self._writer = (
            busy.WriterRecord(Path(database))
            if engine.dialect.name == "sqlite" and database not in ("", ":memory:")
            else None
        )

    @classmethod
    def _connect(cls, target: str) -> Workspace:
        seconds = busy.busy_timeout()
        return cls(_engine(resolve_url(target), seconds), target, seconds)

    # -- opening -----------------------------------------------------------------------

    @classmethod
    def open(cls, target: str | os.PathLike[str]) -> Workspace:
        """Open an existing workspace; refuse a missing file or a foreign database."""
        target = str(target)
        if not is_url(target) and not Path(target).expanduser().is_file():
            raise WorkspaceError(SAID("missing", target=target))
        workspace = cls._connect(target)
        try:
            version = workspace.get_meta("schema_version")
        except SQLAlchemyError as error:
            # A read waits for no writer in WAL mode, but a file still in rollback-journal
            # mode (not yet opened by this tool) can be locked: busy, not foreign.
            locked = isinstance(error, DBAPIError) and busy.is_busy(error)
            since = workspace._writer_since() if locked else None
            workspace.close()
            if locked:
                raise WorkspaceBusyError(busy.busy_message(since)) from None
            if isinstance(error, OperationalError) and workspace.dialect == "postgresql":
                raise WorkspaceError(
                    SAID("cannot_connect", label=workspace.label, reason=_reason(error))
                ) from None
            if workspace.dialect == "postgresql" and "permission denied" in _reason(error):
                # a login the DBA has not added (users W add) reads nothing at all
                raise WorkspaceError(SAID("no_access", label=workspace.label)) from None
            raise WorkspaceError(
                SAID("foreign_because", label=workspace.label, reason=_reason(error))
            ) from None
        if version is None:
            workspace.close()
            raise WorkspaceError(SAID("foreign", label=workspace.label))
        if int(version) > schema.SCHEMA_VERSION:
            workspace.close()
            versions = {"version": version, "current": schema.SCHEMA_VERSION}
            raise WorkspaceError(SAID("newer_schema", label=workspace.label, **versions))
        if int(version) < schema.SCHEMA_VERSION:
            try:
                workspace._upgrade()
            except BaseException:
                workspace.close()  # the upgrade rolled back; release the database
                raise
        workspace._sign_in()
        return workspace

    def _upgrade(self) -> None:
        """Bring an older workspace to this schema in one transaction (:mod:`.migrations`);
        a SQLite file is copied beside itself first."""
        found = int(self.get_meta("schema_version") or 0)
        database = self.engine.url.database
        if self.dialect == "sqlite" and database and database != ":memory:":
            self.backup = backup_sqlite(Path(database), found)
        with self.transaction() as conn:
            if self.dialect == "postgresql":
                # Several people may open a shared workspace at once after an update: the
                # later ones wait here (SQLite's BEGIN IMMEDIATE already does), then find
                # the schema current.
                conn.exec_driver_sql("LOCK TABLE meta IN EXCLUSIVE MODE")
            found = int(self.get_meta("schema_version", conn) or 0)
            if found >= schema.SCHEMA_VERSION:
                return
            migrate(conn, found)
            self.set_meta(conn, "schema_version", str(schema.SCHEMA_VERSION))

    def _sign_in(self) -> None:
        """Learn who works here (PostgreSQL: the login's row in ``people``)."""
        if self.dialect == "postgresql":
            with self.engine.connect() as conn:
                self.actor = signed_in(conn)
        else:
            self._stamps_session = True

    @classmethod
    def create(
        cls,
        target: str | os.PathLike[str],
        populate: Callable[[Workspace, Connection], object] | None = None,
    ) -> Workspace:
        """Create a workspace; refuse to overwrite an existing one.

        ``populate(workspace, conn)`` fills it in the same transaction that creates the
        schema: if it raises, no workspace is left behind.
        """
        target = str(target)
        if not is_url(target):
            path = Path(target).expanduser()
            if path.exists():
                raise WorkspaceError(SAID("exists", target=target))
            path.parent.mkdir(parents=True, exist_ok=True)
        workspace = cls._connect(target)
        try:
            if "meta" in inspect(workspace.engine).get_table_names():
                raise WorkspaceError(SAID("holds_workspace", label=workspace.label))
            with workspace.transaction() as conn:
                install_schema(conn)
                if workspace.dialect == "sqlite":
                    stamp_session(conn, workspace.actor)
                now = datetime.now(UTC).isoformat(timespec="seconds")
                conn.execute(
                    schema.meta.insert(),
                    [
                        {"key": "schema_version", "value": str(schema.SCHEMA_VERSION)},
                        {"key": "created", "value": now},
                        # Keyed pseudonyms of learners in exports stay stable per workspace.
                        {"key": "pseudonym_key", "value": secrets.token_hex(32)},
                    ],
                )
                if populate is not None:
                    populate(workspace, conn)
        except BaseException as error:
            workspace.close()
            if not is_url(target):
                remove_sqlite_files(Path(target).expanduser())
            if isinstance(error, SQLAlchemyError):
                raise WorkspaceError(
                    SAID("cannot_create", label=workspace.label, reason=_reason(error))
                ) from None
            raise
        workspace._sign_in()
        return workspace

    @property
    def label(self) -> str:
        """How the workspace is named to the user (no password)."""
        return _safe(self.target) if is_url(self.target) else self.target

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @property
    def identity(self) -> str:
        """A public identifier of this workspace's data that stays when the file is copied,
        moved or renamed (unlike :attr:`label`): 16 hex digits, a one-way digest of its
        secret pseudonym key, which is made once when the workspace is created."""
        key = self.get_meta("pseudonym_key") or ""
        return hashlib.sha256(f"curriculum-tool workspace:{key}".encode()).hexdigest()[:16]

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- transactions and metadata -----------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """One write transaction: commits when the block ends, rolls back on any exception.

        It holds the workspace's write lock from start to end; when another writer holds
        it for longer than :attr:`busy_seconds`, raise :class:`WorkspaceBusyError`.
        """
        with self.engine.connect() as conn, self.writing(conn):
            yield conn

    @contextmanager
    def writing(self, conn: Connection) -> Iterator[Connection]:
        """A write transaction, as :meth:`transaction`, on a connection the caller opened
        and keeps (one holding temporary tables, say); ``conn`` must be outside a
        transaction."""
        try:
            conn.execution_options(**{_WRITES: True})
            with self._begin_write(conn), self._holding():
                yield conn
        except DBAPIError as error:
            raise WorkspaceError(
                SAID("database_error", label=self.label, reason=_reason(error))
            ) from None

    @contextmanager
    def _begin_write(self, conn: Connection) -> Iterator[None]:
        """Begin ``conn``'s transaction with the write lock (commit at the end)."""
        try:
            transaction = conn.begin()  # SQLite: BEGIN IMMEDIATE, waiting busy_timeout
        except DBAPIError as error:
            if busy.is_busy(error):
                raise WorkspaceBusyError(busy.busy_message(self._writer_since())) from None
            raise
        with transaction:
            if self.dialect == "postgresql":
                try:
                    busy.lock_postgres(conn, self.busy_seconds)
                except DBAPIError as error:
                    if busy.is_busy(error):
                        transaction.rollback()
                        raise WorkspaceBusyError(busy.busy_message(self._writer_since())) from None
                    raise
            if self._stamps_session:
                stamp_session(conn, self.actor)
            yield

    def _holding(self):
        """While the write lock is held: record this process as the writer (SQLite)."""
        return self._writer.holding() if self._writer is not None else nullcontext()

    def _writer_since(self) -> datetime | None:
        """Since when the other writer has held the write lock, if it can be told."""
        if self.dialect == "postgresql":
            return busy.postgres_writer_since(self.engine)
        return self._writer.since() if self._writer is not None else None

    def change_stamps(
        self, kinds: Iterable[str] | None = None, conn: Connection | None = None
    ) -> dict[str, Stamp | None]:
        """The change stamp of each kind (every contract kind by default): take them before
        a long read, compare them in the write transaction to see whether it went stale."""
        kinds = list(RECORD_TYPES if kinds is None else kinds)
        if conn is not None:
            return stamps.read_stamps(conn, kinds)
        with self.engine.connect() as own:
            return stamps.read_stamps(own, kinds)

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

    # ``load`` is typed per kind, so a caller gets the record class it asked for.
    @overload
    def load(
        self, kind: Literal["competencies"], conn: Connection | None = None
    ) -> list[Competency]: ...
    @overload
    def load(self, kind: Literal["regions"], conn: Connection | None = None) -> list[Region]: ...
    @overload
    def load(self, kind: Literal["modules"], conn: Connection | None = None) -> list[Module]: ...
    @overload
    def load(
        self, kind: Literal["prerequisites"], conn: Connection | None = None
    ) -> list[Prerequisite]: ...
    @overload
    def load(
        self, kind: Literal["regional_standards"], conn: Connection | None = None
    ) -> list[RegionalStandard]: ...
    @overload
    def load(
        self, kind: Literal["job_standards"], conn: Connection | None = None
    ) -> list[JobStandard]: ...
    @overload
    def load(self, kind: Literal["learners"], conn: Connection | None = None) -> list[Learner]: ...
    @overload
    def load(self, kind: Literal["outcomes"], conn: Connection | None = None) -> list[Outcome]: ...
    @overload
    def load(
        self, kind: Literal["obligations"], conn: Connection | None = None
    ) -> list[Obligation]: ...
    @overload
    def load(self, kind: str, conn: Connection | None = None) -> list[Record]: ...
    def load(self, kind: str, conn: Connection | None = None) -> list[Any]:
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
        return record_keys(conn, kind)

    def write(
        self, conn: Connection, kind: str, records: Iterable[Record], replace: bool = False
    ) -> int:
        """Merge ``records`` into ``kind`` by key (or replace the table); returns the count.

        Runs inside the caller's transaction; references are checked at commit.
        """
        return upsert(conn, kind, records, replace)

    def delete(self, conn: Connection, kind: str, keys: Iterable[Any]) -> int:
        """Delete the records of ``kind`` with these keys (scalars, or tuples for
        composite keys) and their list rows; returns how many keys were given."""
        return delete_keys(conn, kind, keys)


def _reason(error: BaseException) -> str:
    """The first line of a database error, without SQLAlchemy's boilerplate."""
    original = getattr(error, "orig", None) or error
    return str(original).strip().splitlines()[0] if str(original).strip() else type(error).__name__


def remove_sqlite_files(path: Path) -> None:
    """Delete a SQLite database file, its WAL companions and its writer record."""
    names = [path.name + suffix for suffix in ("", "-wal", "-shm", "-journal")]
    for name in [*names, busy.WriterRecord(path).path.name]:
        candidate = path.with_name(name)
        if candidate.exists():
            candidate.unlink()
