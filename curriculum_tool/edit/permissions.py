"""Whether an actor may make a change: :data:`~curriculum_tool.domain.roles.WRITES` applied
to the rows a change touches.

A record's region is found as :data:`~curriculum_tool.store.rows.ROW_REGION` says (its
own column, or its parent's), and the actor's scope is the region chain kept in
``region_closure``: the same two definitions PostgreSQL's row-level policies read, so the
service and the database refuse the same changes. An update is checked on the row as it
was and as it would be: a regional officer can neither edit another region's standard nor
move one of theirs there.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import Connection, select

from ..domain import Record
from ..domain.roles import (
    COLUMNS,
    EVERYWHERE,
    IN_SCOPE,
    ROLE_NAMES,
    STATUS_LIMIT,
    SUPERVISED,
    Actor,
)
from ..domain.vocab import STATUSES
from ..errors import CurriculumError
from ..messages import Catalogue, Message
from ..store import schema
from ..store.closure import within
from ..store.mapping import mapping_for
from ..store.names import table_name
from ..store.rows import ROW_REGION, SUPERVISED_VIA, RegionOf, key_columns
from ..store.writes import key_of, record_keys, stored_rows

__all__ = [
    "NotAllowed",
    "check_allowed",
    "check_deletion",
    "may_write_region",
    "record_refusal",
    "refuse_storing_paths",
    "refuse_unless_allowed",
    "region_refusal",
    "role_name",
    "row_region",
]

SAID = Catalogue(
    "edit.permissions",
    {
        "read_only": (
            "{actor} ({role}) may not change {what}",
            "{actor} ({role}) tidak berwenang mengubah {what}",
        ),
        "outside_scope": (
            "{what} {key} is in region {region}, outside the scope of {actor} ({scope})",
            "{what} {key} berada di wilayah {region}, di luar cakupan {actor} ({scope})",
        ),
        "national": (
            "{what} {key} is national; {actor} ({role}) may change only their region's",
            "{what} {key} berlaku nasional; {actor} ({role}) hanya dapat mengubah milik wilayahnya",
        ),
        "not_supervised": (
            "{what} {key} belongs to a learner {actor} does not supervise",
            "{what} {key} milik peserta yang bukan bawahan langsung {actor}",
        ),
        "status_limit": (
            "{actor} ({role}) may take a module as far as '{limit}', not '{status}'",
            "{actor} ({role}) hanya dapat membawa modul sampai status '{limit}', bukan '{status}'",
        ),
        "outside_units": (
            "{what} {key} is of a learner outside the units of {actor} ({units})",
            "{what} {key} milik peserta di luar unit kerja {actor} ({units})",
        ),
        "columns_only": (
            "{actor} ({role}) may change only {columns} of {what} {key}",
            "{actor} ({role}) hanya dapat mengubah {columns} pada {what} {key}",
        ),
        "region_outside_scope": (
            "{actor} ({role}) may change {what} only in {scope} and the regions below it, "
            "not in {region}",
            "{actor} ({role}) hanya dapat mengubah {what} di wilayah {scope} dan wilayah di "
            "bawahnya, bukan di {region}",
        ),
        "national_rows": (
            "{actor} ({role}) may change only their region's {what}, not national ones",
            "{actor} ({role}) hanya dapat mengubah {what} milik wilayahnya, bukan yang berlaku "
            "nasional",
        ),
        "supervised_rows": (
            "{actor} ({role}) may change {what} only of the learners they supervise",
            "{actor} ({role}) hanya dapat mengubah {what} milik bawahan langsungnya",
        ),
    },
)


class NotAllowed(CurriculumError):
    """The actor's role does not allow this change; nothing was written."""


def role_name(actor: Actor) -> Message:
    indonesian, english = ROLE_NAMES[actor.role]
    return Message(english, indonesian.lower(), "role", {"role": actor.role})


def _value_of(conn: Connection, where: RegionOf | None, row: Mapping[str, Any]) -> Any:
    """The value ``where`` points at for ``row``: its own column, or its parent's."""
    if where is None:
        return None
    if where.via is None:
        return row.get(where.column)
    parent = schema.tables[where.via]
    query = select(parent.c[where.column]).where(parent.c[where.via_key] == row[where.link])
    return conn.execute(query).scalar_one_or_none()


def row_region(conn: Connection, table: str, row: Mapping[str, Any]) -> str | None:
    """The region a row of ``table`` belongs to (None: national)."""
    return _value_of(conn, ROW_REGION.get(table), row)


def _supervisor(conn: Connection, table: str, row: Mapping[str, Any]) -> str | None:
    return _value_of(conn, SUPERVISED_VIA[table], row)


#: Key columns that hold a learner id: personal data (a NIP), never put in a message.
_PERSONAL_KEYS = {("learners", "id"), ("people", "learner")}
HIDDEN = "***"


def _key(table: str, row: Mapping[str, Any]) -> str:
    """A row's key as a message shows it, a learner id hidden."""
    return "/".join(
        HIDDEN if column == "learner" or (table, column) in _PERSONAL_KEYS else str(row[column])
        for column in key_columns(table)
    )


def refuse_unless_allowed(
    conn: Connection,
    actor: Actor,
    table: str,
    changes: Iterable[tuple[Mapping[str, Any] | None, Mapping[str, Any] | None]],
) -> None:
    """Raise :class:`NotAllowed` unless ``actor`` may make every change of ``table``: pairs
    of the main row before (None: added) and after (None: deleted)."""
    where = actor.writes(table)
    what = table_name(table)
    facts = {"actor": actor.login, "role": role_name(actor), "what": what}
    if where is None:
        raise NotAllowed(SAID("read_only", **facts))
    scope: set[str] | None = None
    limit = STATUS_LIMIT.get(actor.role) if table == "modules" else None
    columns = COLUMNS.get((actor.role, table))
    for before, after in changes:
        row = after if after is not None else before
        assert row is not None
        key = _key(table, row)
        if columns is not None:
            changed = [c for c in row if before is None or after is None or before[c] != after[c]]
            if before is None or after is None or set(changed) - set(columns):
                listed = ", ".join(c for c in columns if c != "row_version")
                raise NotAllowed(SAID("columns_only", **facts, columns=listed, key=key))
        if limit is not None and after is not None:
            status = after.get("status")
            if status in STATUSES and STATUSES.index(status) > STATUSES.index(limit):
                raise NotAllowed(SAID("status_limit", **facts, limit=limit, status=status))
        if where == EVERYWHERE:
            continue
        for side in (before, after):
            if side is None:
                continue
            if where == IN_SCOPE:
                region = row_region(conn, table, side)
                if region is None:
                    raise NotAllowed(SAID("national", **facts, key=key))
                if actor.scope is not None:
                    if scope is None:
                        scope = within(conn, actor.scope)
                    if region not in scope:
                        raise NotAllowed(
                            SAID(
                                "outside_scope", **facts, key=key, region=region, scope=actor.scope
                            )
                        )
                if actor.units and _unit(conn, table, side) not in actor.units:
                    units = ", ".join(actor.units)
                    raise NotAllowed(SAID("outside_units", **facts, key=key, units=units))
            elif actor.learner is None or _supervisor(conn, table, side) != actor.learner:
                raise NotAllowed(SAID("not_supervised", **facts, key=key))


def _unit(conn: Connection, table: str, row: Mapping[str, Any]) -> str | None:
    """The work unit of the learner a row belongs to (a learner's own row: its unit)."""
    if table == "learners":
        return row.get("unit")
    where = ROW_REGION.get(table)
    if where is None or where.via != "learners":
        return None
    return _value_of(conn, RegionOf("unit", "learners", "id", where.link), row)


def _unbounded(actor: Actor, table: str) -> bool:
    """Whether ``actor`` writes ``table`` everywhere, with no column or status limit: no
    row needs looking at."""
    return (
        actor.writes(table) == EVERYWHERE
        and (actor.role, table) not in COLUMNS
        and not (table == "modules" and actor.role in STATUS_LIMIT)
    )


def check_allowed(
    workspace: Any, conn: Connection, kind: str, records: list[Record], replace: bool
) -> None:
    """Refuse writing ``records`` of ``kind`` (and, with ``replace``, deleting the others)
    unless the workspace's actor may."""
    mapping = mapping_for(kind)
    if _unbounded(workspace.actor, mapping.table.name):
        return
    rows = [mapping.main_row(record) for record in records]
    keys = [key_of(mapping, row) for row in rows]
    stored, _ = stored_rows(conn, mapping, keys)
    changes: list[tuple[Mapping[str, Any] | None, Mapping[str, Any] | None]] = [
        (stored.get(key), row) for key, row in zip(keys, rows) if stored.get(key) != row
    ]
    if replace:
        gone = record_keys(conn, kind) - set(keys)
        changes += [(row, None) for row in stored_rows(conn, mapping, list(gone))[0].values()]
    refuse_unless_allowed(conn, workspace.actor, mapping.table.name, changes)


def check_deletion(workspace: Any, conn: Connection, kind: str, keys: list[Any]) -> None:
    """Refuse deleting the records of ``kind`` with ``keys`` unless the actor may."""
    mapping = mapping_for(kind)
    if _unbounded(workspace.actor, mapping.table.name):
        return
    stored, _ = stored_rows(conn, mapping, keys)
    deleted = [(row, None) for row in stored.values()]
    refuse_unless_allowed(conn, workspace.actor, mapping.table.name, deleted)


# -- asking first: what the app greys out ----------------------------------------------


def region_refusal(
    conn: Connection, actor: Actor, table: str, region: str | None
) -> NotAllowed | None:
    """Why ``actor`` may not write rows of ``table`` in ``region`` (None: national rows),
    or None when they may: what a form asks before offering to add a record there. The
    same rule as :func:`refuse_unless_allowed`, for a row not written yet."""
    where = actor.writes(table)
    facts = {"actor": actor.login, "role": role_name(actor), "what": table_name(table)}
    if where is None:
        return NotAllowed(SAID("read_only", **facts))
    if where == EVERYWHERE:
        return None
    if where == SUPERVISED:
        return NotAllowed(SAID("supervised_rows", **facts))
    if region is None:
        return NotAllowed(SAID("national_rows", **facts))
    if actor.scope is not None and region not in within(conn, actor.scope):
        return NotAllowed(SAID("region_outside_scope", **facts, scope=actor.scope, region=region))
    return None


def may_write_region(conn: Connection, actor: Actor, table: str, region: str | None) -> bool:
    """Whether ``actor`` may write rows of ``table`` in ``region`` (None: national).

    >>> from sqlalchemy import create_engine
    >>> with create_engine("sqlite://").connect() as conn:
    ...     may_write_region(conn, Actor("budi", "pembaca"), "modules", "72")
    False
    """
    return region_refusal(conn, actor, table, region) is None


def record_refusal(conn: Connection, actor: Actor, kind: str, record: Record) -> NotAllowed | None:
    """Why ``actor`` may not change ``record`` (a record of ``kind`` as it is stored,
    keeping its region and status), or None when they may: a regional officer may not
    touch another region's standard, nor a module already past the status they may give.
    """
    mapping = mapping_for(kind)
    row = mapping.main_row(record)
    try:
        refuse_unless_allowed(conn, actor, mapping.table.name, [(row, row)])
    except NotAllowed as refused:
        return refused
    return None


def refuse_storing_paths(conn: Connection, actor: Actor, learners: list[str]) -> None:
    """Refuse a batch storing the paths of ``learners`` unless ``actor`` may write every
    one of them: checked once for all, before planning starts (a province's batch would
    otherwise learn it at the end)."""
    tables = ("paths", "path_steps", "path_exclusions")
    first = {"learner": learners[0] if learners else "-", "pos": 0}
    for table in tables:
        if actor.writes(table) != EVERYWHERE or (actor.role, table) in COLUMNS:
            break
    else:
        return
    for table in tables:
        if actor.writes(table) is None or (actor.role, table) in COLUMNS:
            refuse_unless_allowed(conn, actor, table, [(None, first)])
    learners_table = schema.tables["learners"]
    scope = within(conn, actor.scope) if actor.scope is not None else None
    facts = {"actor": actor.login, "role": role_name(actor), "what": table_name("paths")}
    for start in range(0, len(learners), 900):
        query = select(learners_table.c.id, learners_table.c.region, learners_table.c.unit)
        query = query.where(learners_table.c.id.in_(learners[start : start + 900]))
        for learner, region, unit in conn.execute(query):
            if actor.writes("paths") == SUPERVISED:
                refuse_unless_allowed(conn, actor, "paths", [(None, {"learner": learner})])
            elif scope is not None and region not in scope:
                where_to = {"region": region, "scope": actor.scope}
                raise NotAllowed(SAID("outside_scope", **facts, key=HIDDEN, **where_to))
            elif actor.units and unit not in actor.units:
                units = ", ".join(actor.units)
                raise NotAllowed(SAID("outside_units", **facts, key=HIDDEN, units=units))
