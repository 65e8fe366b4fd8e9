"""Change stamps: whether a table kind changed since someone looked, and when.

Every write to a kind bumps ``meta['changed:KIND']`` (``"COUNTER ISO-TIME"``) in the
writing transaction. A reader takes the stamps before a long read (an import parsing its
file) and compares them inside its own write transaction: a different stamp means another
import or edit committed that kind meanwhile, so what was read is stale.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Connection, delete, select

from . import schema

__all__ = ["Stamp", "bump", "read_stamps"]

_PREFIX = "changed:"


@dataclass(frozen=True)
class Stamp:
    """The ``counter``-th change of a kind, committed by a writer that began it at ``time``."""

    counter: int
    time: datetime

    @classmethod
    def parse(cls, value: str | None) -> Stamp | None:
        try:
            counter, when = (value or "").split(" ", 1)
            return cls(int(counter), datetime.fromisoformat(when))
        except ValueError:
            return None

    def __str__(self) -> str:
        return f"{self.counter} {self.time.isoformat(timespec='seconds')}"


def read_stamps(conn: Connection, kinds: Iterable[str]) -> dict[str, Stamp | None]:
    """The current stamp of each kind (None: never changed since stamps were kept)."""
    kinds = list(kinds)
    table = schema.meta
    query = select(table.c.key, table.c.value).where(
        table.c.key.in_([_PREFIX + kind for kind in kinds])
    )
    rows = {key: value for key, value in conn.execute(query)}  # noqa: C416 - a Result is no mapping
    return {kind: Stamp.parse(rows.get(_PREFIX + kind)) for kind in kinds}


def bump(conn: Connection, kind: str) -> Stamp:
    """Mark ``kind`` changed by this transaction; returns the new stamp."""
    previous = read_stamps(conn, [kind])[kind]
    stamp = Stamp(
        1 if previous is None else previous.counter + 1, datetime.now(UTC).replace(microsecond=0)
    )
    table = schema.meta
    conn.execute(delete(table).where(table.c.key == _PREFIX + kind))
    conn.execute(table.insert(), {"key": _PREFIX + kind, "value": str(stamp)})
    return stamp
