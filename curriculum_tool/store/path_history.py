"""Plan years and the history of a learner's paths.

A path belongs to a learner and a plan year. The ``paths`` table holds each learner's
current path; replacing it (re-planning the year, or planning the next one) first copies
the old one, approval and all, into ``path_archive``, so every version of every year stays
and what was planned can be joined to what happened. Versions count within a plan year:
the first path of 2027 is version 1, its re-plan version 2.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Connection, func, insert, select, text, update

from ..domain import LearnerPath, PathStep
from ..domain.paths import ObligationStep, PathApproval
from ..domain.reasons import Reason
from . import schema
from .migrations import data_step
from .paths import load_paths

__all__ = [
    "PlanVersion",
    "archive_paths",
    "load_year",
    "number_plans",
    "plan_history",
    "plan_years",
]

_CHUNK = 900


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _document(path: LearnerPath) -> str:
    """The archived form of ``path``: its contract JSON (without the left-out modules,
    which explain a plan but are not part of it) plus what the JSON leaves out."""
    document = path.to_json()
    document.pop("excluded", None)
    document.update(created=path.created, plan_version=path.plan_version, options=path.options)
    return json.dumps(document, ensure_ascii=False)


def archive_paths(conn: Connection, learners: Sequence[str]) -> int:
    """Copy the current paths of ``learners`` (those that have one) into ``path_archive``
    before they are replaced; returns how many were kept."""
    replaced, archived = _now(), 0
    table = schema.path_archive
    for start in range(0, len(learners), _CHUNK):
        chunk = list(learners[start : start + _CHUNK])
        rows = []
        for path in load_paths(conn, chunk, exclusions=False):
            approval = path.approval or PathApproval()
            rows.append(
                {
                    "learner": path.learner,
                    "plan_year": path.year,
                    "plan_version": path.plan_version or 1,
                    "position": path.position,
                    "region": path.region,
                    "model_name": path.model_name,
                    "model_sha256": path.model_sha256,
                    "catalog_sha256": path.catalog_sha256 or None,
                    "release": path.release or None,
                    "created": path.created,
                    "replaced": replaced,
                    "total_jp": path.total_jp,
                    "approval": approval.status,
                    "approved_by": approval.approved_by,
                    "approved_at": approval.approved_at,
                    "document": _document(path),
                }
            )
        if rows:
            conn.execute(insert(table), rows)
            archived += len(rows)
    return archived


def number_plans(conn: Connection, where) -> None:
    """Give the current paths matching ``where`` (a condition over ``paths``) the version
    after the last kept version of their learner's plan year."""
    p, a = schema.paths, schema.path_archive
    last = (
        select(func.max(a.c.plan_version))
        .where(a.c.learner == p.c.learner, a.c.plan_year == p.c.plan_year)
        .scalar_subquery()
    )
    conn.execute(update(p).where(where).values(plan_version=1 + func.coalesce(last, 0)))


@dataclass(frozen=True)
class PlanVersion:
    """One version of one learner's plan for one year, as a history lists it."""

    learner: str
    plan_year: int
    plan_version: int
    created: str
    total_jp: int
    model_name: str
    release: str
    approval: str | None
    approved_by: str | None
    current: bool


def plan_history(conn: Connection, learner: str) -> list[PlanVersion]:
    """Every version of ``learner``'s plans, oldest year and version first."""
    a = schema.path_archive
    versions = [
        PlanVersion(
            row.learner,
            row.plan_year,
            row.plan_version,
            row.created,
            row.total_jp,
            row.model_name,
            row.release or "",
            row.approval,
            row.approved_by,
            False,
        )
        for row in conn.execute(select(a).where(a.c.learner == learner))
    ]
    for path in load_paths(conn, [learner], exclusions=False):
        approval = path.approval or PathApproval()
        versions.append(
            PlanVersion(
                path.learner,
                path.year,
                path.plan_version or 1,
                path.created,
                path.total_jp,
                path.model_name,
                path.release,
                approval.status,
                approval.approved_by,
                True,
            )
        )
    return sorted(versions, key=lambda v: (v.plan_year, v.plan_version))


def plan_years(conn: Connection) -> list[int]:
    """The plan years any path (current or kept) is for, ascending."""
    p, a = schema.paths, schema.path_archive
    years = {row[0] for row in conn.execute(select(p.c.plan_year).distinct())}
    years |= {row[0] for row in conn.execute(select(a.c.plan_year).distinct())}
    return sorted(year for year in years if year)


def load_year(
    conn: Connection, year: int, learners: Sequence[str] | None = None
) -> list[LearnerPath]:
    """The latest version of each learner's plan for ``year`` (of ``learners`` only, when
    given), by learner id: the current path when it is for that year, else the last kept
    version of it. Kept versions come back without their left-out modules."""
    current = [p for p in load_paths(conn, learners) if p.year == year]
    have = {p.learner for p in current}
    a = schema.path_archive
    latest = (
        select(a.c.learner, func.max(a.c.plan_version).label("version"))
        .where(a.c.plan_year == year)
        .group_by(a.c.learner)
    )
    if learners is not None:
        latest = latest.where(a.c.learner.in_(list(learners)))
    last = latest.subquery()
    query = select(a).join(
        last, (a.c.learner == last.c.learner) & (a.c.plan_version == last.c.version)
    )
    kept = [
        _from_archive(row)
        for row in conn.execute(query.where(a.c.plan_year == year))
        if row.learner not in have
    ]
    return sorted(current + kept, key=lambda p: p.learner)


def _from_archive(row) -> LearnerPath:
    """A kept version back as a path (its steps, obligations and approval)."""
    doc = json.loads(row.document)
    steps = tuple(
        PathStep(
            s["module"],
            s["title"],
            s["period"],
            s["jp"],
            s["modality"],
            s["p_success"],
            s["value"],
            tuple(
                Reason(en, id_, kind)
                for en, id_, kind in zip(
                    s.get("reasons", []),
                    s.get("reasons_id", s.get("reasons", [])),
                    s.get("reason_kinds", [""] * len(s.get("reasons", []))),
                )
            ),
        )
        for s in doc.get("steps", [])
    )
    below = doc.get("below_minimum")
    return LearnerPath(
        row.learner,
        row.position,
        row.region,
        steps,
        (),
        doc.get("expected_value", 0.0),
        doc.get("min_jp", 20),
        doc.get("max_jp", 40),
        doc.get("periods", 1),
        row.model_name,
        row.model_sha256,
        row.created,
        tuple(ObligationStep(**o) for o in doc.get("obligations", [])),
        None if not below else Reason(below["reason"], below["reason_id"], below["kind"]),
        PathApproval(row.approval, row.approved_by, row.approved_at),
        plan_year=row.plan_year,
        plan_version=row.plan_version,
        catalog_sha256=row.catalog_sha256 or "",
        release=row.release or "",
        options=doc.get("options") or {},
    )


@data_step(5)
def _years_of_stored_paths(conn: Connection) -> None:
    """Version 5: each stored path is version 1 of the year it was created in."""
    conn.execute(
        text(
            "UPDATE paths SET plan_version = 1, "
            "plan_year = CAST(SUBSTR(created, 1, 4) AS INTEGER) WHERE plan_year IS NULL"
        )
    )
