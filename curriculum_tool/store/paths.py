"""Stored learner paths: saved by ``recommend``/``batch``, read back for exports and for
the impact of a graph edit on the paths officers have already handed out."""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

from sqlalchemy import Connection, bindparam, delete, select

from ..domain import Exclusion, LearnerPath, PathStep
from ..domain.paths import ObligationStep, PathApproval
from ..domain.reasons import KINDS, Reason, in_language
from ..errors import CurriculumError
from ..messages import Catalogue
from . import schema

__all__ = [
    "KEPT_COLUMNS",
    "PATH_TABLES",
    "follow_versions",
    "insert_rows",
    "load_paths",
    "path_rows",
    "planned_columns",
    "refuse_repeats",
    "save_paths",
    "stored_versions",
]

_CHUNK = 900

#: What storing paths refuses (here and in :mod:`.staging`).
SAID = Catalogue(
    "store.paths",
    {
        "repeated": (
            "{count} learner(s) have more than one path in one save; "
            "a learner has one current path",
            "{count} peserta memiliki lebih dari satu jalur dalam satu penyimpanan; "
            "seorang peserta hanya memiliki satu jalur yang berlaku",
        ),
        "already_staged": (
            "{count} learner(s) were already staged; a learner has one current path",
            "{count} peserta sudah ditampung sementara; seorang peserta hanya memiliki satu "
            "jalur yang berlaku",
        ),
    },
)


def save_paths(conn: Connection, paths: Iterable[LearnerPath]) -> int:
    """Store ``paths`` as their learners' current paths; returns the count.

    The path each replaces is kept, as an earlier version (:mod:`.path_history`). A new
    path is a new proposal: its approval starts empty, its record version is one more
    than the path it replaces (so an approval made from a read of the old one is refused),
    and its plan version one more than the last of its plan year.
    """
    from .path_history import archive_paths, number_plans

    paths = list(paths)
    learners = [p.learner for p in paths]
    refuse_repeats(learners)
    earlier = []
    archive_paths(conn, learners)
    for start in range(0, len(learners), _CHUNK):
        chunk = learners[start : start + _CHUNK]
        earlier += stored_versions(conn, schema.paths.c.learner.in_(chunk))
        for table in reversed(PATH_TABLES):  # children first
            conn.execute(delete(table).where(table.c.learner.in_(chunk)))
    for table, rows in zip(PATH_TABLES, path_rows(paths), strict=True):
        insert_rows(conn, table.name, table, rows)
    follow_versions(conn, earlier)
    for start in range(0, len(learners), _CHUNK):
        number_plans(conn, schema.paths.c.learner.in_(learners[start : start + _CHUNK]))
    return len(paths)


#: Columns of ``paths`` the store keeps itself; a planned row does not carry them.
KEPT_COLUMNS = frozenset({"row_version", "approval", "approved_by", "approved_at"})


def planned_columns(table) -> list[str]:
    """The columns of a path table that a planned row fills, in order."""
    return [column.name for column in table.columns if column.name not in KEPT_COLUMNS]


def stored_versions(conn: Connection, where) -> list[tuple[str, int]]:
    """``(learner, row_version)`` of the stored paths matching ``where``."""
    paths = schema.paths
    query = select(paths.c.learner, paths.c.row_version).where(where)
    return [(learner, version) for learner, version in conn.execute(query)]


def follow_versions(conn: Connection, earlier: list[tuple[str, int]]) -> None:
    """Give each re-planned path the version after the one it replaced."""
    if earlier:
        paths = schema.paths
        conn.execute(
            paths.update()
            .where(paths.c.learner == bindparam("replaced"))
            .values(row_version=bindparam("next")),
            [{"replaced": learner, "next": version + 1} for learner, version in earlier],
        )


#: The tables one stored path spans, parents first.
PATH_TABLES = (schema.paths, schema.path_steps, schema.path_exclusions)


def refuse_repeats(learners: Iterable[str]) -> None:
    """A learner has one current path: refuse a save that holds two."""
    twice = [learner for learner, n in Counter(learners).items() if n > 1]
    if twice:
        raise CurriculumError(SAID("repeated", count=len(twice)))


def path_rows(paths: list[LearnerPath]) -> tuple[list[tuple], list[tuple], list[tuple]]:
    """The rows of :data:`PATH_TABLES` for ``paths``, as tuples in column order."""
    heads = [
        (
            p.learner,
            p.position,
            p.region,
            p.model_name,
            p.model_sha256,
            p.min_jp,
            p.max_jp,
            p.periods,
            p.expected_value,
            p.created,
            json.dumps([o.to_json() for o in p.obligations], ensure_ascii=False),
            None
            if p.below_minimum is None
            else json.dumps(_reason_json(p.below_minimum), ensure_ascii=False),
            p.year,
            p.plan_version or 1,
            p.catalog_sha256 or None,
            p.release or None,
            json.dumps(p.options, ensure_ascii=False, sort_keys=True) if p.options else None,
        )
        for p in paths
    ]
    steps = [
        (
            p.learner,
            i,
            s.module,
            s.title,
            s.period,
            s.jp,
            s.modality,
            s.p_success,
            s.value,
            json.dumps([_reason_json(r) for r in s.reasons], ensure_ascii=False),
        )
        for p in paths
        for i, s in enumerate(p.steps)
    ]
    excluded = [_exclusion_row(p.learner, i, e) for p in paths for i, e in enumerate(p.excluded)]
    return heads, steps, excluded


def _exclusion_row(learner: str, pos: int, exclusion: Exclusion) -> tuple:
    """An exclusion as stored: its kind and parameters, the texts only for a reason
    without a kind (rendered again on loading: an agency batch stores millions of these,
    and the two texts were most of their bytes)."""
    reason = exclusion.reason
    if isinstance(reason, Reason) and reason.kind in KINDS:
        return (learner, pos, exclusion.module, "", "", reason.kind, reason.params_json())
    params = json.dumps(getattr(reason, "params", {}), ensure_ascii=False)
    return (
        learner,
        pos,
        exclusion.module,
        str(reason),
        in_language(reason, "id"),
        exclusion.kind,
        params,
    )


def _reason_json(reason: str) -> list:
    """``[English, Indonesian, kind, params]``: the stored form of a reason."""
    return [
        str(reason),
        in_language(reason, "id"),
        getattr(reason, "kind", ""),
        getattr(reason, "params", {}),
    ]


def _reason(stored: list) -> Reason:
    """A stored reason back (rows written before kinds were stored have text only)."""
    return Reason(*stored[:2], *stored[2:4])


def insert_rows(conn: Connection, name: str, table, rows: list[tuple]) -> None:
    """Plain tuples into table ``name`` (with ``table``'s columns) in bulk: the driver's
    executemany on SQLite, ``COPY`` on PostgreSQL. An agency batch stores millions of
    exclusion rows, and building a parameter dict for each costs more than the insert.

    ``COPY`` goes only into a staging copy (a temporary table, ``name`` not the table's
    own): PostgreSQL refuses ``COPY FROM`` into a table whose row-level security applies
    to the login (a training officer's), so rows for the workspace's own tables are
    inserted, and its policies check each."""
    if not rows:
        return
    names = planned_columns(table)
    columns = ", ".join(names)
    if conn.dialect.name == "postgresql" and name != table.name:
        driver = conn.connection.driver_connection
        assert driver is not None, "an open connection has its driver's connection"
        cursor = driver.cursor()
        try:
            with cursor.copy(f"COPY {name} ({columns}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        finally:
            cursor.close()
        return
    mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
    marks = ", ".join([mark] * len(names))
    conn.exec_driver_sql(f"INSERT INTO {name} ({columns}) VALUES ({marks})", rows)


def load_paths(
    conn: Connection, learners: Sequence[str] | None = None, exclusions: bool = True
) -> list[LearnerPath]:
    """Every stored current path (of ``learners`` only, when given), by learner id, with
    steps and (unless ``exclusions`` is false) exclusions in their order, and each path's
    approval (proposed, or approved by whom and when, with the approver's name when
    ``people`` knows them)."""
    steps: dict[str, list[PathStep]] = defaultdict(list)
    t = schema.path_steps
    for row in conn.execute(_of(select(t), t, learners).order_by(t.c.learner, t.c.pos)):
        steps[row.learner].append(
            PathStep(
                row.module,
                row.title,
                row.period,
                row.jp,
                row.modality,
                row.p_success,
                row.value,
                tuple(_reason(stored) for stored in json.loads(row.reasons)),
            )
        )
    excluded: dict[str, list[Exclusion]] = defaultdict(list)
    if exclusions:
        t = schema.path_exclusions
        for row in conn.execute(_of(select(t), t, learners).order_by(t.c.learner, t.c.pos)):
            params = json.loads(row.params) if row.params else {}
            reason = (
                Reason(row.reason, row.reason_id, row.kind or "", params)
                if row.reason or row.kind not in KINDS
                else Reason.of(row.kind, **params)
            )
            excluded[row.learner].append(Exclusion(row.module, reason))
    people = schema.tables["people"]
    names: dict[str, str] = {}
    for login, name in conn.execute(select(people.c.login, people.c.name)):
        names[login] = name
    t = schema.paths
    return [
        LearnerPath(
            row.learner,
            row.position,
            row.region,
            tuple(steps[row.learner]),
            tuple(excluded[row.learner]),
            row.expected_value,
            row.min_jp,
            row.max_jp,
            row.periods,
            row.model_name,
            row.model_sha256,
            row.created,
            tuple(ObligationStep(**o) for o in json.loads(row.obligations or "[]")),
            _reason(json.loads(row.below_minimum)) if row.below_minimum else None,
            PathApproval(
                row.approval,
                row.approved_by,
                row.approved_at,
                row.row_version,
                names.get(row.approved_by or "") or "",
            ),
            plan_year=row.plan_year or 0,
            plan_version=row.plan_version or 0,
            catalog_sha256=row.catalog_sha256 or "",
            release=row.release or "",
            options=json.loads(row.options) if row.options else {},
        )
        for row in conn.execute(_of(select(t), t, learners).order_by(t.c.learner))
    ]


def _of(query, table, learners: Sequence[str] | None):
    """``query`` limited to the rows of ``learners`` (all rows when None)."""
    return query if learners is None else query.where(table.c.learner.in_(list(learners)))
