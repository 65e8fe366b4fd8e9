"""Where each stored model stands: a candidate (trained, not promoted), the active model
(the one paths use), or retired (active once, replaced since).

Promotion keeps two facts in step: ``state`` and the older ``active`` flag that ``score``,
``recommend`` and ``batch`` read. Rows stored before version 5 have no state; they read
as active or retired by their flag.
"""

from __future__ import annotations

from sqlalchemy import Connection, case, update

from . import schema
from .migrations import data_step

__all__ = ["ACTIVE", "CANDIDATE", "MODEL_STATES", "RETIRED", "make_active", "state_of"]

CANDIDATE, ACTIVE, RETIRED = "candidate", "active", "retired"
MODEL_STATES = (CANDIDATE, ACTIVE, RETIRED)


def state_of(state: str | None, active: bool) -> str:
    """A stored row's state, reading an older row by its ``active`` flag.

    >>> state_of(None, True), state_of(None, False), state_of("candidate", False)
    ('active', 'retired', 'candidate')
    """
    if state in MODEL_STATES:
        return state
    return ACTIVE if active else RETIRED


def make_active(conn: Connection, name: str) -> None:
    """Make ``name`` the active model; the model active until now is retired (a
    candidate that was never promoted stays a candidate)."""
    table = schema.models
    was_active = (table.c.active.is_(True)) | (table.c.state == ACTIVE)
    conn.execute(
        update(table).values(
            state=case(
                (table.c.name == name, ACTIVE),
                (was_active, RETIRED),
                else_=table.c.state,
            ),
            active=table.c.name == name,
        )
    )


@data_step(5)
def _states_from_flags(conn: Connection) -> None:
    """Version 5: the stored models get a state from their ``active`` flag."""
    table = schema.models
    conn.execute(
        update(table).values(state=case((table.c.active.is_(True), ACTIVE), else_=RETIRED))
    )
