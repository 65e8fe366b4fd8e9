"""Who is working in a workspace, as its audit trail and its permissions see them.

On SQLite, one person's file, whoever opens it acts as ``admin`` under their
operating-system user name. On PostgreSQL the person is the database login: their role
and scope are their row in ``people``; the login that owns the workspace (the DBA, or
the admin who created it) acts as ``admin`` without one; any other login without a row
only reads.
"""

from __future__ import annotations

import getpass
import os

from sqlalchemy import Connection, select, text

from ..domain.roles import ADMIN, PEMBACA, Actor
from . import schema
from .audit import SESSION_KEYS

__all__ = ["default_actor", "set_note", "signed_in", "stamp_session"]


def default_actor() -> Actor:
    """The operating-system user, as ``admin`` (a SQLite workspace's only person)."""
    try:
        login = getpass.getuser()
    except (KeyError, OSError):  # no user name (a container without passwd entries)
        login = os.environ.get("USERNAME", "") or "local"
    return Actor(login, ADMIN)


def signed_in(conn: Connection) -> Actor:
    """The person behind ``conn``'s PostgreSQL login."""
    login = conn.execute(text("SELECT session_user")).scalar_one()
    people = schema.tables["people"]
    row = conn.execute(select(people).where(people.c.login == login)).first()
    if row is not None and row.active:
        units = tuple(u for u in (row.units or "").split(";") if u)
        return Actor(login, row.role, row.scope, units, row.learner, row.name)
    owner = conn.execute(
        text(
            "SELECT pg_has_role(session_user, tableowner, 'MEMBER') FROM pg_tables "
            "WHERE tablename = 'meta' AND schemaname = current_schema()"
        )
    ).scalar_one_or_none()
    super_user = conn.execute(
        text("SELECT rolsuper FROM pg_roles WHERE rolname = session_user")
    ).scalar_one_or_none()
    return Actor(login, ADMIN if owner or super_user else PEMBACA)


def stamp_session(conn: Connection, actor: Actor, note: str = "") -> None:
    """Tell a SQLite workspace's audit triggers who writes in this transaction."""
    meta = schema.meta
    values = {"actor": actor.login, "role": actor.role, "note": note}
    conn.execute(meta.delete().where(meta.c.key.in_(list(SESSION_KEYS.values()))))
    conn.execute(meta.insert(), [{"key": SESSION_KEYS[k], "value": v} for k, v in values.items()])


def set_note(conn: Connection, note: str) -> None:
    """Attach ``note`` (a reviewer's comment, a reason) to this transaction's audit rows."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT set_config('curriculum_tool.note', :note, true)"), {"note": note})
    else:
        meta = schema.meta
        key = SESSION_KEYS["note"]
        conn.execute(meta.delete().where(meta.c.key == key))
        conn.execute(meta.insert(), {"key": key, "value": note})
