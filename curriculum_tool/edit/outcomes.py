"""Recording what happened to one enrolment: the enrolment itself, its completion, L1 and
L2 at the end of the module, L3 (applied at work) and L4 (unit result) months later.

An outcome row (contract §2, key learner + module + ``date``) is written bit by bit by
different people: the training officer enrols the learner (a row with ``completed`` 0
dated the planned end, after today: not an outcome yet), then records the completion and
the scores; the atasan records L3 and L4 three to six months after the end. Each call of
:func:`record_outcome` merges the fields it is given into the stored row and saves it
through :func:`~curriculum_tool.edit.service.save_records`: one transaction, the role's
rules (an atasan writes only l3 and l4 of the learners they supervise) and the row's
version (a change made meanwhile by someone else is a conflict, not lost).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

from sqlalchemy import Connection, and_, select

from ..domain import Outcome
from ..domain.vocab import SCORE_RANGE
from ..errors import CurriculumError
from ..messages import Catalogue
from ..store import Workspace, schema
from .service import delete_records, save_records

__all__ = ["UNCHANGED", "outcome_key", "read_outcome", "record_outcome"]

#: A field :func:`record_outcome` leaves as stored.
UNCHANGED: Any = object()

SAID = Catalogue(
    "edit.outcomes",
    {
        "no_outcome": (
            "no enrolment of this learner in {module} ending {date} is recorded: enrol them "
            "first, or record the completion",
            "belum ada pendaftaran peserta ini pada {module} yang berakhir {date}: daftarkan "
            "dulu, atau catat penyelesaiannya",
        ),
        "already_enrolled": (
            "the enrolment in {module} ending {date} is already recorded",
            "pendaftaran pada {module} yang berakhir {date} sudah tercatat",
        ),
        "score_range": (
            "{what} must be a whole number from {low} to {high}, not {value}",
            "{what} harus bilangan bulat dari {low} sampai {high}, bukan {value}",
        ),
        "completed_in_future": (
            "{module} cannot be completed on {date}, after today ({today}): the date of a "
            "completion is the day the enrolment ended",
            "{module} tidak dapat selesai pada {date}, setelah hari ini ({today}): tanggal "
            "penyelesaian adalah hari pelatihan berakhir",
        ),
        "l3_not_completed": (
            "{what} is recorded only for a completed enrolment; record the completion first",
            "{what} hanya dicatat untuk pelatihan yang selesai; catat dulu penyelesaiannya",
        ),
        "nothing": (
            "nothing to record: give the completion or a score",
            "tidak ada yang dicatat: isi penyelesaian atau nilainya",
        ),
    },
)


_FIELDS = ("completed", "l1", "l2", "l3", "l4")


def outcome_key(learner: str, module: str, date: dt.date) -> tuple[str, str, dt.date]:
    """An outcome's key as the edit service's versions name it."""
    return (learner, module, date)


def read_outcome(
    conn: Connection, learner: str, module: str, date: dt.date
) -> tuple[Outcome | None, int | None]:
    """The stored outcome of that key and its row version (None, None: not recorded)."""
    o = schema.outcomes
    row = (
        conn.execute(
            select(o).where(and_(o.c.learner == learner, o.c.module == module, o.c.date == date))
        )
        .mappings()
        .first()
    )
    if row is None:
        return None, None
    outcome = Outcome(
        row["learner"],
        row["module"],
        row["date"],
        bool(row["completed"]),
        row["l1"],
        row["l2"],
        None if row["l3"] is None else bool(row["l3"]),
        None if row["l4"] is None else bool(row["l4"]),
    )
    return outcome, row["row_version"]


def _check_score(what: str, value: Any) -> None:
    if value is UNCHANGED or value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int) or value not in SCORE_RANGE:
        raise CurriculumError(
            SAID(
                "score_range",
                what=what,
                low=SCORE_RANGE.start,
                high=SCORE_RANGE.stop - 1,
                value=value,
            )
        )


def record_outcome(
    workspace: Workspace,
    learner: str,
    module: str,
    date: dt.date,
    *,
    enrol: bool = False,
    completed: Any = UNCHANGED,
    l1: Any = UNCHANGED,
    l2: Any = UNCHANGED,
    l3: Any = UNCHANGED,
    l4: Any = UNCHANGED,
    expected: Any = UNCHANGED,
    ended: dt.date | None = None,
    today: dt.date | None = None,
    note: str = "",
) -> tuple[Outcome, int]:
    """Merge the given fields into the outcome of ``learner`` × ``module`` ending ``date``
    and save it; returns the outcome as stored and its new version.

    ``enrol`` records a new enrolment (``completed`` 0 unless given); otherwise the row
    must exist, unless ``completed`` is given (an enrolment recorded only once it ended).
    A field left :data:`UNCHANGED` keeps its stored value; None empties it. ``expected``
    is the row version the caller read (the app's due list); by default the one read
    here. ``ended``: the enrolment ended on another day than its planned ``date`` (the
    row moves to that key). Nothing is written when any check refuses.
    """
    today = today or dt.date.today()
    _check_score("l1", l1)
    _check_score("l2", l2)
    given = {
        name: value
        for name, value in zip(_FIELDS, (completed, l1, l2, l3, l4), strict=True)
        if value is not UNCHANGED
    }
    if not given and not enrol and ended is None:
        raise CurriculumError(SAID("nothing"))
    with workspace.transaction() as conn:
        stored, version = read_outcome(conn, learner, module, date)
        if stored is not None and enrol:
            raise CurriculumError(SAID("already_enrolled", module=module, date=date.isoformat()))
        if stored is None and not enrol and "completed" not in given:
            raise CurriculumError(SAID("no_outcome", module=module, date=date.isoformat()))
        base = stored or Outcome(learner, module, date, False)
        after = replace(base, **{name: _typed(name, value) for name, value in given.items()})
        if ended is not None and ended != date:
            after = replace(after, date=ended)
        if after.completed and after.date > today:
            raise CurriculumError(
                SAID(
                    "completed_in_future",
                    module=module,
                    date=after.date.isoformat(),
                    today=today.isoformat(),
                )
            )
        for level in ("l3", "l4"):
            if getattr(after, level) is not None and not after.completed:
                raise CurriculumError(SAID("l3_not_completed", what=level.upper()))
        key = outcome_key(learner, module, date)
        seen = version if expected is UNCHANGED else expected
        if after.date != date:  # it ended on another day than planned: the key moves
            if stored is not None:
                delete_records(workspace, "outcomes", [key], {key: seen}, note=note, conn=conn)
            key, seen = outcome_key(learner, module, after.date), None
        left = save_records(workspace, "outcomes", [after], {key: seen}, note=note, conn=conn)
        return after, left[key]


def _typed(name: str, value: Any) -> Any:
    """A given field as the record holds it: scores as numbers, the rest as flags."""
    if value is None or name in ("l1", "l2"):
        return value
    return bool(value)
