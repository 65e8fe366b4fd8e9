"""PostgreSQL enforces the roles itself: group roles, grants and row-level policies made
from :data:`~curriculum_tool.domain.roles.WRITES`.

Each role of :mod:`~curriculum_tool.domain.roles` is a group role ``ct_<role>`` (no
login). A person is a login that is a member of one group and has an active row in
``people`` naming the same role and their scope. Every group reads every table; it writes
the tables ``WRITES`` gives it, and row-level policies keep those writes to the rows of
its scope, read through ``region_closure`` (the region chain the edit service keeps) and
:data:`ROW_REGION`: the same two definitions the edit service reads, never a second copy
of the rule. A write policy also asks that the login's ``people`` row names that role, so
a group membership alone (left over, or granted for another workspace of the cluster:
roles are cluster-wide) writes nothing, and deactivating a person takes effect at once.

Where a role may change only some columns (:data:`COLUMNS`, an atasan approving a path),
a trigger refuses an update that changes any other column: the app writes whole rows, so
a column grant would refuse the atasan's own allowed edit. The audit trail is only read:
its triggers run as the database owner (``SECURITY DEFINER``), who alone may change it.

The database owner (the DBA's login, or an ``admin`` who owns the tables) is not bound by
row-level security; :func:`policy_statements` is run once by them (``users W setup``), and
again after an upgrade that adds tables. Every statement is idempotent, and none holds a
``%`` (a driver's placeholder) or a ``:name`` (SQLAlchemy's), so each runs as it is,
through ``text()`` or a driver's ``execute``.
"""

from __future__ import annotations

from sqlalchemy import Connection, text

from ..domain.roles import (
    ADMIN,
    COLUMNS,
    EVERYWHERE,
    IN_SCOPE,
    ROLES,
    STATUS_LIMIT,
    SUPERVISED,
    WRITES,
)
from ..domain.vocab import STATUSES
from . import schema
from .rows import ROW_REGION, SUPERVISED_VIA, RegionOf

__all__ = ["DATA_TABLES", "GROUPS", "apply_policies", "group_role", "policy_statements"]

#: Every table a person may read; writes are per role.
DATA_TABLES = tuple(name for name in schema.tables if name != "meta")


def group_role(role: str) -> str:
    """The PostgreSQL group role of ``role``.

    >>> group_role("wilayah")
    'ct_wilayah'
    """
    return f"ct_{role}"


#: Every group role, most powerful first.
GROUPS = tuple(group_role(role) for role in ROLES)

#: SECURITY DEFINER: they read ``people`` as its owner, past its own row-level policies
#: (which call them), whoever asks.
_DEFINER = "LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT"

_FUNCTIONS = [
    # Whether the signed-in login is an active person of this role (their people row).
    f"""CREATE OR REPLACE FUNCTION ct_acts_as(wanted text) RETURNS boolean {_DEFINER} AS $$
      SELECT EXISTS (SELECT 1 FROM people p
                     WHERE p.login = session_user AND p.active AND p.role = wanted)
    $$""",
    # Whether the signed-in login is an active person at all.
    f"""CREATE OR REPLACE FUNCTION ct_is_person() RETURNS boolean {_DEFINER} AS $$
      SELECT EXISTS (SELECT 1 FROM people p WHERE p.login = session_user AND p.active)
    $$""",
    # Whether ``region`` is in the signed-in person's scope: their region and every
    # region below it (the region chain); no scope: every region, but never national.
    f"""CREATE OR REPLACE FUNCTION ct_in_scope(region text) RETURNS boolean {_DEFINER} AS $$
      SELECT region IS NOT NULL AND EXISTS (
        SELECT 1 FROM people p
        WHERE p.login = session_user AND p.active
          AND (p.scope IS NULL
               OR EXISTS (SELECT 1 FROM region_closure c
                          WHERE c.ancestor = p.scope AND c.descendant = region)))
    $$""",
    # Whether a learner's work unit is one of the signed-in person's units (none listed:
    # every unit), as the edit service reads a training officer's units.
    f"""CREATE OR REPLACE FUNCTION ct_in_units(unit text) RETURNS boolean {_DEFINER} AS $$
      SELECT EXISTS (
        SELECT 1 FROM people p
        WHERE p.login = session_user AND p.active
          AND (coalesce(p.units, '') = ''
               OR coalesce(unit = ANY (string_to_array(p.units, ';')), false)))
    $$""",
    # The signed-in person's own learner id (an atasan's).
    f"""CREATE OR REPLACE FUNCTION ct_own_learner() RETURNS text {_DEFINER} AS $$
      SELECT p.learner FROM people p WHERE p.login = session_user AND p.active
    $$""",
    # A trigger refusing an update that changes a column other than its arguments.
    """CREATE OR REPLACE FUNCTION ct_columns_only() RETURNS trigger
    LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
    BEGIN
      IF (to_jsonb(OLD) - TG_ARGV) IS DISTINCT FROM (to_jsonb(NEW) - TG_ARGV) THEN
        RAISE EXCEPTION USING
          ERRCODE = 'insufficient_privilege',
          MESSAGE = 'permission denied: ' || session_user || ' may change only '
                    || array_to_string(TG_ARGV, ', ') || ' of ' || TG_TABLE_NAME;
      END IF;
      RETURN NEW;
    END $$""",
]

#: The column of a learner-linked row that names the learner's work unit.
_UNIT_OF_LEARNER = RegionOf("unit", "learners", "id", "learner")


def _unit(table: str) -> str | None:
    """SQL for the work unit of the learner a row of ``table`` belongs to (None: the
    table holds no learner's rows)."""
    if table == "learners":
        return f"{table}.unit"
    where = ROW_REGION.get(table)
    if where is None or where.via != "learners":
        return None
    return _UNIT_OF_LEARNER.sql(table)


def _condition(role: str, table: str, where: str) -> str:
    """Which rows of ``table`` a person of ``role`` may write (a row as it is, and as it
    will be)."""
    # a sub-select: PostgreSQL runs it once per statement, not once per row
    acts = f"(SELECT ct_acts_as('{role}'))"
    if where == EVERYWHERE:
        return acts
    if where == IN_SCOPE:
        condition = f"{acts} AND ct_in_scope({ROW_REGION[table].sql(table)})"
        unit = _unit(table)
        return condition if unit is None else f"{condition} AND ct_in_units({unit})"
    if where == SUPERVISED:
        return f"{acts} AND {SUPERVISED_VIA[table].sql(table)} = ct_own_learner()"
    raise ValueError(f"unknown write scope {where!r}")


def _check(role: str, table: str, condition: str) -> str:
    """The condition a written row must meet: where it may be, and how far a module
    may go in its review (a regional officer: up to ``review``)."""
    limit = STATUS_LIMIT.get(role)
    if table == "modules" and limit is not None:
        allowed = STATUSES[: STATUSES.index(limit) + 1]
        listed = ", ".join(f"'{s}'" for s in allowed)
        return f"({condition}) AND status IN ({listed})"
    return condition


def _database_grants(writers: str, everyone: str) -> list[str]:
    """Connecting and reading the schema for everyone; temporary tables (an agency
    batch stages its paths in them) for writers. PostgreSQL grants these to PUBLIC by
    default, but a hardened server may have revoked them."""
    grant = "EXECUTE 'GRANT {what} ' || quote_ident({name}) || ' TO {to}';"
    return [
        "DO $$ BEGIN "
        + grant.format(what="CONNECT ON DATABASE", name="current_database()", to=everyone)
        + grant.format(what="TEMPORARY ON DATABASE", name="current_database()", to=writers)
        + grant.format(what="USAGE ON SCHEMA", name="current_schema()", to=everyone)
        + " END $$"
    ]


def _table_statements(table: str) -> list[str]:
    """Row-level security on one data table: everyone reads; each role writes where
    ``WRITES`` says, with its column limit where :data:`COLUMNS` sets one."""
    quoted = f'"{table}"'
    statements = [
        f"ALTER TABLE {quoted} ENABLE ROW LEVEL SECURITY",
        f"DROP POLICY IF EXISTS read_all ON {quoted}",
        f"CREATE POLICY read_all ON {quoted} FOR SELECT USING (true)",
    ]
    for role in ROLES:
        group = group_role(role)
        policy, trigger = f'"{role}_writes"', f'"ct_{role}_columns"'
        statements += [
            f"DROP POLICY IF EXISTS {policy} ON {quoted}",
            f"DROP TRIGGER IF EXISTS {trigger} ON {quoted}",
        ]
        where = WRITES[role].get(table)
        if where is None:
            continue
        condition = _condition(role, table, where)
        statements.append(
            f"CREATE POLICY {policy} ON {quoted} FOR ALL TO {group} "
            f"USING ({condition}) WITH CHECK ({_check(role, table, condition)})"
        )
        columns = COLUMNS.get((role, table))
        if columns is None:
            statements.append(f"GRANT INSERT, UPDATE, DELETE ON {quoted} TO {group}")
            continue
        listed = ", ".join(f"'{c}'" for c in columns)
        statements += [
            f"GRANT UPDATE ON {quoted} TO {group}",
            f"CREATE TRIGGER {trigger} BEFORE UPDATE ON {quoted} FOR EACH ROW "
            f"WHEN (ct_acts_as('{role}')) EXECUTE FUNCTION ct_columns_only({listed})",
        ]
    return statements


def policy_statements() -> list[str]:
    """The SQL that makes the database enforce the roles (idempotent; run by the owner)."""
    statements = [
        f"DO $$ BEGIN CREATE ROLE {group} NOLOGIN; "
        "EXCEPTION WHEN duplicate_object THEN NULL; END $$"
        for group in GROUPS
    ]
    statements += _FUNCTIONS
    everyone = ", ".join(GROUPS)
    writers = ", ".join(group_role(role) for role in ROLES if WRITES[role])
    statements += _database_grants(writers, everyone)
    all_tables = ", ".join(f'"{name}"' for name in ("meta", *DATA_TABLES))
    # Start from nothing, so that a table a role no longer writes is taken back.
    statements.append(f"REVOKE ALL ON {all_tables} FROM {everyone}")
    statements.append(f"GRANT SELECT ON {all_tables} TO {everyone}")
    # Each write stamps its kinds in meta (changed:…, :mod:`.stamps`), deleting the old
    # stamp and inserting the new one: those keys alone, by any person of a writing role.
    stamp = "starts_with(key, 'changed:') AND ct_is_person()"
    statements += [
        "ALTER TABLE meta ENABLE ROW LEVEL SECURITY",
        "DROP POLICY IF EXISTS read_all ON meta",
        "CREATE POLICY read_all ON meta FOR SELECT USING (true)",
        "DROP POLICY IF EXISTS stamps ON meta",
        f"CREATE POLICY stamps ON meta FOR ALL TO {writers} USING ({stamp}) WITH CHECK ({stamp})",
        f"GRANT INSERT, UPDATE, DELETE ON meta TO {writers}",
    ]
    for table in DATA_TABLES:
        if table not in ("audit", "region_closure"):
            statements += _table_statements(table)
    # The region chain follows the regions table, which only an admin writes.
    admin = group_role(ADMIN)
    statements += [
        "ALTER TABLE region_closure ENABLE ROW LEVEL SECURITY",
        "DROP POLICY IF EXISTS read_all ON region_closure",
        "CREATE POLICY read_all ON region_closure FOR SELECT USING (true)",
        "DROP POLICY IF EXISTS admin_writes ON region_closure",
        f"CREATE POLICY admin_writes ON region_closure FOR ALL TO {admin} "
        f"USING (ct_acts_as('{ADMIN}')) WITH CHECK (ct_acts_as('{ADMIN}'))",
        f"GRANT INSERT, UPDATE, DELETE ON region_closure TO {admin}",
    ]
    # The audit trail: read by everyone, written by its triggers alone (as the owner).
    return statements


def apply_policies(conn: Connection) -> None:
    """Run :func:`policy_statements` on ``conn`` (a PostgreSQL workspace's owner), inside
    the caller's transaction: all of them, or none."""
    for statement in policy_statements():
        conn.execute(text(statement))
