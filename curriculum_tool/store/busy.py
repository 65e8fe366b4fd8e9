"""One writer at a time: how long a writer waits, and whom it waits for.

A workspace takes one writer at a time (SQLite's ``BEGIN IMMEDIATE``; on PostgreSQL a
transaction-level advisory lock) while readers never wait. A writer that finds the
workspace busy waits up to ``CURRICULUM_TOOL_BUSY_TIMEOUT`` seconds (default 30, read when
the workspace opens), then gets :class:`~curriculum_tool.errors.WorkspaceBusyError` saying
since when the other writer has held it.

Neither SQLite nor SQLAlchemy can name the holder of SQLite's write lock, hence the small
hand-written record here: while a writer holds the lock it keeps a sidecar file
``.NAME.writer`` beside the database (JSON ``{pid, host, since, token}``), removed before
it commits or rolls back. A record whose process is gone (a killed writer) is stale: it is
ignored and removed. On PostgreSQL the server knows: ``pg_stat_activity.xact_start`` of the
session holding the advisory lock.
"""

from __future__ import annotations

import json
import math
import os
import secrets
import socket
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Connection, Engine, text
from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from ..errors import WorkspaceError
from ..messages import Catalogue, Message
from ..processes import process_running

__all__ = [
    "BUSY_TIMEOUT_VARIABLE",
    "DEFAULT_BUSY_TIMEOUT",
    "WriterRecord",
    "busy_message",
    "busy_timeout",
    "is_busy",
    "lock_postgres",
    "postgres_writer_since",
]

BUSY_TIMEOUT_VARIABLE = "CURRICULUM_TOOL_BUSY_TIMEOUT"
#: Seconds a writer waits for another writer before giving up.
DEFAULT_BUSY_TIMEOUT = 30.0

#: The two int4 keys of the advisory lock that serialises whole-workspace writes on
#: PostgreSQL (advisory locks are per database, so one pair serves every workspace).
ADVISORY_KEYS = (0x43544C57, 1)  # "CTLW"

SAID = Catalogue(
    "store.busy",
    {
        "bad_timeout": (
            "{variable} must be a number of seconds (0 or more), not '{value}'",
            "{variable} harus berupa jumlah detik (0 atau lebih), bukan '{value}'",
        ),
        "busy": (
            "workspace is busy: another process is writing; try again",
            "ruang kerja sedang sibuk: proses lain sedang menulis; coba lagi",
        ),
        "busy_since": (
            "workspace is busy: another process is writing (since {time}); try again",
            "ruang kerja sedang sibuk: proses lain sedang menulis (sejak pukul {time}); coba lagi",
        ),
    },
)

_SQLITE_BUSY = 5
_PG_LOCK_NOT_AVAILABLE = "55P03"


def busy_timeout() -> float:
    """The setting in seconds; refuse a value that is not a non-negative number."""
    raw = os.environ.get(BUSY_TIMEOUT_VARIABLE, "").strip()
    if not raw:
        return DEFAULT_BUSY_TIMEOUT
    try:
        seconds = float(raw)
    except ValueError:
        seconds = math.nan
    if not math.isfinite(seconds) or seconds < 0:
        raise WorkspaceError(SAID("bad_timeout", variable=BUSY_TIMEOUT_VARIABLE, value=raw))
    return seconds


def busy_message(since: datetime | None) -> Message:
    """The one line a busy writer gets; ``since`` in local time, when known."""
    if since is None:
        return SAID("busy")
    return SAID("busy_since", time=f"{since.astimezone():%H:%M}")


def is_busy(error: DBAPIError) -> bool:
    """Whether a database error means another writer holds the lock."""
    original = getattr(error, "orig", None)
    code = getattr(original, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF == _SQLITE_BUSY
    if getattr(original, "sqlstate", None) == _PG_LOCK_NOT_AVAILABLE:
        return True
    return "database is locked" in str(original)


class WriterRecord:
    """The sidecar ``.NAME.writer`` of a SQLite workspace: who holds its write lock."""

    def __init__(self, database: Path):
        self.path = database.with_name(f".{database.name}.writer")

    @contextmanager
    def holding(self) -> Iterator[None]:
        """Record this process as the writer for the block; the caller holds the lock."""
        token = secrets.token_hex(8)
        record = {
            "pid": os.getpid(),
            "host": socket.gethostname(),
            "token": token,
            "since": datetime.now(UTC).isoformat(timespec="seconds"),
        }
        with suppress(OSError):  # a read-only folder: the busy message goes without time
            self.path.write_text(json.dumps(record), encoding="utf-8")
        try:
            yield
        finally:
            self._remove(token)

    def since(self) -> datetime | None:
        """When the recorded writer took the lock; None when unknown or stale (removed)."""
        record = self._read()
        if record is None:
            return None
        try:
            since = datetime.fromisoformat(record["since"])
            pid = int(record["pid"])
        except (KeyError, TypeError, ValueError):
            return None
        if record.get("host") == socket.gethostname() and not process_running(pid):
            self._remove(record.get("token"))
            return None
        return since

    def _read(self) -> dict | None:
        try:
            record = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return record if isinstance(record, dict) else None

    def _remove(self, token: object) -> None:
        """Remove the record if it is still the one with ``token`` (not a newer writer's)."""
        record = self._read()
        if record is not None and record.get("token") == token:
            with suppress(OSError):
                self.path.unlink()


def lock_postgres(conn: Connection, timeout: float) -> None:
    """Take the workspace's write lock for this transaction, waiting at most ``timeout``
    seconds (PostgreSQL raises lock_not_available after that)."""
    milliseconds = max(1, round(timeout * 1000))  # 0 would mean "wait for ever"
    conn.exec_driver_sql(f"SET LOCAL lock_timeout = {milliseconds}")
    conn.execute(
        text("SELECT pg_advisory_xact_lock(:a, :b)"), {"a": ADVISORY_KEYS[0], "b": ADVISORY_KEYS[1]}
    )
    conn.exec_driver_sql("SET LOCAL lock_timeout TO DEFAULT")


def postgres_writer_since(engine: Engine) -> datetime | None:
    """When the session holding the write lock began its transaction (None if unknown:
    it has just finished, or this role may not see other sessions' activity)."""
    query = text(
        "SELECT a.xact_start FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid "
        "WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 2 "
        "AND l.classid::bigint = :a AND l.objid::bigint = :b "
        "AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())"
    )
    try:
        with engine.connect() as conn:
            return conn.execute(
                query, {"a": ADVISORY_KEYS[0], "b": ADVISORY_KEYS[1]}
            ).scalar_one_or_none()
    except SQLAlchemyError:
        return None
