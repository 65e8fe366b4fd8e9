"""The people of a shared PostgreSQL workspace as the database knows them: one login each,
a member of their role's group (:mod:`.policies`).

``users W add`` makes or updates a login here and writes the person's ``people`` row
through the edit service; ``users W remove`` takes the group away and deactivates the row.
A login name comes from a person typing it: it is checked against :data:`LOGIN_PATTERN`
and always quoted, and a password travels only hashed (libpq hashes it the way the server
asks), so no unchecked text ever reaches SQL and no clear password reaches a server log.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, select, text
from sqlalchemy.exc import DBAPIError

from ..domain.roles import ROLES
from ..errors import CurriculumError
from ..messages import Catalogue
from . import schema
from .policies import GROUPS, group_role

__all__ = [
    "LOGIN_PATTERN",
    "Person",
    "check_login",
    "grant_login",
    "is_owner",
    "list_people",
    "revoke_login",
]

#: A login a person may be given: lower-case letters, digits, ``_``, ``.`` and ``-``,
#: starting with a letter or ``_``, at most 63 characters (PostgreSQL's limit).
LOGIN_PATTERN = re.compile(r"[a-z_][a-z0-9_.\-]{0,62}")
#: Role names PostgreSQL keeps for itself, and the names of this tool's groups.
_RESERVED_PREFIXES = ("pg_", "ct_")

SAID = Catalogue(
    "store.people",
    {
        "bad_login": (
            "'{login}' cannot be a login: use lower-case letters, digits, '_', '.' or '-', "
            "starting with a letter, at most 63 characters",
            "'{login}' tidak dapat dijadikan login: gunakan huruf kecil, angka, '_', '.' atau "
            "'-', diawali huruf, paling banyak 63 karakter",
        ),
        "reserved_login": (
            "'{login}' cannot be a login: names starting with {prefix} are reserved",
            "'{login}' tidak dapat dijadikan login: nama berawalan {prefix} sudah dipakai sistem",
        ),
        "not_a_login": (
            "'{login}' is a database role that cannot log in (a group?), not a person's login",
            "'{login}' adalah peran basis data yang tidak dapat masuk (sebuah grup?), bukan "
            "login seseorang",
        ),
        "cannot_change_login": (
            "cannot create or grant the login {login}: {reason}; the DBA (or a login with "
            "CREATEROLE) adds people",
            "login {login} tidak dapat dibuat atau diberi peran: {reason}; DBA (atau login "
            "dengan hak CREATEROLE) yang menambahkan orang",
        ),
        "unknown_role": (
            "unknown role '{role}'; one of: {roles}",
            "peran '{role}' tidak dikenal; pilih salah satu: {roles}",
        ),
    },
)


def check_login(login: str) -> str:
    """``login`` when it may name a person's database login; else a bilingual refusal.

    >>> check_login("siti.palu")
    'siti.palu'
    >>> try:
    ...     check_login('x"; DROP TABLE people; --')
    ... except CurriculumError as error:
    ...     print(error.args[0].render("id")[:39])
    'x"; DROP TABLE people; --' tidak dapat
    """
    if not LOGIN_PATTERN.fullmatch(login):
        raise CurriculumError(SAID("bad_login", login=login))
    for prefix in _RESERVED_PREFIXES:
        if login.startswith(prefix):
            raise CurriculumError(SAID("reserved_login", login=login, prefix=prefix))
    return login


def _quoted(conn: Connection, login: str) -> str:
    """A checked login as a quoted SQL identifier."""
    return conn.dialect.identifier_preparer.quote_identifier(check_login(login))


def _run(conn: Connection, statement: str, login: str) -> None:
    """A utility statement on ``login`` (no parameters: PostgreSQL takes none in
    ``CREATE ROLE``), handed to the driver as it is, so that no ``%`` or ``:`` in it is
    read as one. A refusal (no right to create roles) says so, in words."""
    try:
        conn.exec_driver_sql(statement, execution_options={"no_parameters": True})
    except DBAPIError as error:
        reason = str(getattr(error, "orig", None) or error).strip().splitlines()[0]
        raise CurriculumError(SAID("cannot_change_login", login=login, reason=reason)) from None


def is_owner(conn: Connection) -> bool:
    """Whether ``conn``'s login owns the workspace's tables (or is a superuser): whoever
    may run ``users W setup``."""
    query = text(
        "SELECT coalesce(pg_has_role(session_user, t.tableowner, 'MEMBER'), false) "
        "OR (SELECT rolsuper FROM pg_roles WHERE rolname = session_user) "
        "FROM pg_tables t WHERE t.tablename = 'meta' AND t.schemaname = current_schema()"
    )
    return bool(conn.execute(query).scalar_one_or_none())


def _groups_of(conn: Connection, login: str) -> list[str]:
    """The groups of this tool ``login`` is a direct member of."""
    query = text(
        "SELECT g.rolname FROM pg_auth_members m "
        "JOIN pg_roles g ON g.oid = m.roleid JOIN pg_roles u ON u.oid = m.member "
        "WHERE u.rolname = :login ORDER BY g.rolname"
    )
    return [g for g in conn.execute(query, {"login": login}).scalars() if g in GROUPS]


def _hashed(conn: Connection, login: str, password: str) -> str:
    """``password`` hashed by libpq as the server wants it stored (SCRAM by default)."""
    driver: Any = conn.connection.driver_connection
    return driver.pgconn.encrypt_password(password.encode(), login.encode()).decode()


def grant_login(conn: Connection, login: str, role: str, password: str | None = None) -> bool:
    """Make ``login`` a member of ``role``'s group alone, creating the login when it does
    not exist and setting its password when one is given, in the caller's transaction;
    whether the login was created. Its ``people`` row is the edit service's to write."""
    if role not in ROLES:
        raise CurriculumError(SAID("unknown_role", role=role, roles=", ".join(ROLES)))
    name = _quoted(conn, login)
    found = conn.execute(
        text("SELECT rolcanlogin FROM pg_roles WHERE rolname = :login"), {"login": login}
    ).first()
    if found is not None and not found.rolcanlogin:
        raise CurriculumError(SAID("not_a_login", login=login))
    if found is None:
        _run(conn, f"CREATE ROLE {name} LOGIN", login)
    if password is not None:
        literal = conn.execute(
            text("SELECT quote_literal(:hashed)"), {"hashed": _hashed(conn, login, password)}
        ).scalar_one()
        _run(conn, f"ALTER ROLE {name} PASSWORD {literal}", login)
    wanted = group_role(role)
    for group in _groups_of(conn, login):
        if group != wanted:
            _run(conn, f"REVOKE {group} FROM {name}", login)
    _run(conn, f"GRANT {wanted} TO {name}", login)
    return found is None


def revoke_login(conn: Connection, login: str) -> list[str]:
    """Take every group of this tool away from ``login`` (the login itself stays: the
    audit trail names it, and it may serve other databases); the groups it had."""
    name = _quoted(conn, login)
    groups = _groups_of(conn, login)
    for group in groups:
        _run(conn, f"REVOKE {group} FROM {name}", login)
    return groups


@dataclass(frozen=True)
class Person:
    """A ``people`` row, and whether the database agrees: the login exists and is a
    member of its role's group (``groups``: the tool's groups it is in)."""

    login: str
    name: str
    role: str
    scope: str | None
    units: tuple[str, ...]
    learner: str | None
    active: bool
    row_version: int
    login_exists: bool
    groups: tuple[str, ...]

    @property
    def consistent(self) -> bool:
        """Whether the database lets this person do what their row says: an active
        person's login is in their role's group alone; an inactive one's in none."""
        wanted = (group_role(self.role),) if self.active else ()
        return self.login_exists and self.groups == wanted


def list_people(conn: Connection, login: str | None = None) -> list[Person]:
    """Every person of the workspace (or the one with ``login``), by login."""
    people = schema.tables["people"]
    query = select(people).order_by(people.c.login)
    if login is not None:
        query = query.where(people.c.login == login)
    rows = conn.execute(query).mappings().all()
    logins = set(
        conn.execute(
            text("SELECT rolname FROM pg_roles WHERE rolcanlogin AND rolname = ANY(:logins)"),
            {"logins": [row["login"] for row in rows]},
        ).scalars()
    )
    return [
        Person(
            row["login"],
            row["name"] or "",
            row["role"],
            row["scope"],
            tuple(u for u in (row["units"] or "").split(";") if u),
            row["learner"],
            bool(row["active"]),
            row["row_version"],
            row["login"] in logins,
            tuple(_groups_of(conn, row["login"])),
        )
        for row in rows
    ]
