"""PostgreSQL enforces the roles itself: group roles, grants and row-level policies made
from :data:`~curriculum_tool.domain.roles.WRITES`.

Each role of :mod:`~curriculum_tool.domain.roles` is a group role ``ct_<role>`` (no
login). A person is a login that is a member of one group and has a row in ``people``
naming their scope. Every group reads every table; it writes the tables ``WRITES`` gives
it, and row-level policies keep those writes to the rows of its scope, read through
``region_closure`` (the region chain the edit service keeps) and :data:`ROW_REGION`. The
audit trail is only read: the audit triggers run as the database owner.

The database owner (the DBA's login, or an ``admin`` who owns the tables) is not bound by
row-level security; :func:`policy_statements` is run once by them (``users W setup``).
"""

from __future__ import annotations

from ..domain.roles import (
    COLUMNS,
    EVERYWHERE,
    IN_SCOPE,
    READ_ONLY,
    ROLES,
    STATUS_LIMIT,
    SUPERVISED,
    WRITES,
)
from ..domain.vocab import STATUSES
from . import schema
from .rows import ROW_REGION, SUPERVISED_VIA

__all__ = ["DATA_TABLES", "group_role", "policy_statements"]

#: Every table a person may read; writes are per role.
DATA_TABLES = tuple(name for name in schema.tables if name not in ("meta",))


def group_role(role: str) -> str:
    """The PostgreSQL group role of ``role``.

    >>> group_role("wilayah")
    'ct_wilayah'
    """
    return f"ct_{role}"


_FUNCTIONS = [
    # The signed-in person's scope: every region in it (their region and sub-regions).
    """CREATE OR REPLACE FUNCTION ct_in_scope(region text) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
      SELECT EXISTS (
        SELECT 1 FROM people p
        WHERE p.login = session_user AND p.active
          AND (p.scope IS NULL AND region IS NOT NULL
               OR EXISTS (SELECT 1 FROM region_closure c
                          WHERE c.ancestor = p.scope AND c.descendant = region)))
    $$""",
    # The signed-in person's own learner id (an atasan's).
    """CREATE OR REPLACE FUNCTION ct_own_learner() RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
      SELECT p.learner FROM people p WHERE p.login = session_user AND p.active
    $$""",
]


def _condition(role: str, table: str, where: str) -> str:
    if where == EVERYWHERE:
        return "true"
    if where == IN_SCOPE:
        return f"ct_in_scope({ROW_REGION[table].sql(table)})"
    if where == SUPERVISED:
        return f"{SUPERVISED_VIA[table].sql(table)} = ct_own_learner()"
    raise ValueError(f"unknown write scope {where!r}")


def _check(role: str, table: str, condition: str) -> str:
    limit = STATUS_LIMIT.get(role)
    if table == "modules" and limit is not None:
        allowed = STATUSES[: STATUSES.index(limit) + 1]
        listed = ", ".join(f"'{s}'" for s in allowed)
        return f"({condition}) AND status IN ({listed})"
    return condition


def policy_statements() -> list[str]:
    """The SQL that makes the database enforce the roles (idempotent)."""
    statements = [
        f"DO $$ BEGIN CREATE ROLE {group_role(role)} NOLOGIN; "
        "EXCEPTION WHEN duplicate_object THEN NULL; END $$"
        for role in ROLES
    ]
    statements += _FUNCTIONS
    everyone = ", ".join(group_role(role) for role in ROLES)
    statements.append(f"GRANT SELECT ON {', '.join(DATA_TABLES)} TO {everyone}")
    statements.append(f"GRANT SELECT ON meta TO {everyone}")
    # Each write stamps its tables in meta (changed:…): only those keys, by any writer.
    statements += [
        "ALTER TABLE meta ENABLE ROW LEVEL SECURITY",
        "DROP POLICY IF EXISTS read_all ON meta",
        "CREATE POLICY read_all ON meta FOR SELECT USING (true)",
        "DROP POLICY IF EXISTS stamps ON meta",
        f"CREATE POLICY stamps ON meta FOR ALL TO {everyone} "
        "USING (key LIKE 'changed:%') WITH CHECK (key LIKE 'changed:%')",
        f"GRANT INSERT, UPDATE ON meta TO {everyone}",
    ]
    for table in DATA_TABLES:
        if table in READ_ONLY:
            continue
        statements += [
            f'ALTER TABLE "{table}" ENABLE ROW LEVEL SECURITY',
            f'DROP POLICY IF EXISTS read_all ON "{table}"',
            f'CREATE POLICY read_all ON "{table}" FOR SELECT USING (true)',
        ]
        for role in ROLES:
            where = WRITES[role].get(table)
            policy = f'"{role}_writes"'
            statements.append(f'DROP POLICY IF EXISTS {policy} ON "{table}"')
            if where is None:
                continue
            condition = _condition(role, table, where)
            statements.append(
                f'CREATE POLICY {policy} ON "{table}" FOR ALL TO {group_role(role)} '
                f"USING ({condition}) WITH CHECK ({_check(role, table, condition)})"
            )
            columns = COLUMNS.get((role, table))
            if columns is None:
                statements.append(
                    f'GRANT INSERT, UPDATE, DELETE ON "{table}" TO {group_role(role)}'
                )
            else:
                listed = ", ".join(f'"{c}"' for c in columns)
                statements.append(f'GRANT UPDATE ({listed}) ON "{table}" TO {group_role(role)}')
    statements.append(f"GRANT SELECT ON audit, region_closure TO {everyone}")
    return statements
