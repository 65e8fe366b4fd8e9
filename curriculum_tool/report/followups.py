"""The L3 follow-up due list: completed enrolments whose "applied at work" is not recorded.

Contract §2: l3 (applied at work, 0/1) is recorded by the learner's atasan langsung at
least three months after the enrolment ended. The follow-up window of an outcome is
:data:`DUE_FROM_MONTHS` to :data:`DUE_UNTIL_MONTHS` calendar months after its ``date`` (the
day the enrolment ended); an outcome with ``completed`` 1 and ``l3`` empty is

- ``upcoming`` before the window opens (too early to judge the transfer to work),
- ``due`` inside it,
- ``overdue`` after it closes (still worth recording, but late).

:func:`followups` lists them for a day, per supervisor and work unit (the learners'
optional ``supervisor`` and ``unit`` columns), overdue first. Ids and names are plain
here; whoever shows them masks them (:mod:`curriculum_tool.io.masking`).
Core module: never Qt.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, select

from ..store import schema

__all__ = [
    "DUE",
    "DUE_FROM_MONTHS",
    "DUE_UNTIL_MONTHS",
    "OVERDUE",
    "STATUSES",
    "UPCOMING",
    "FollowUp",
    "add_months",
    "followup_status",
    "followups",
]

#: The follow-up window opens this many calendar months after the enrolment's end date.
DUE_FROM_MONTHS = 3
#: ... and closes this many months after it (contract §2: "3–6 months after").
DUE_UNTIL_MONTHS = 6

#: Fewer days than any DUE_FROM_MONTHS calendar months span (a loose bound for the query;
#: the exact window is :func:`followup_status`'s).
_SHORTEST_WAIT_DAYS = 28 * DUE_FROM_MONTHS

UPCOMING, DUE, OVERDUE = "upcoming", "due", "overdue"
#: Statuses in the order the list shows them (most urgent first).
STATUSES = (OVERDUE, DUE, UPCOMING)


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved by whole calendar months, kept within the month (31 Aug + 3 → 30 Nov).

    >>> add_months(dt.date(2026, 8, 31), 3), add_months(dt.date(2026, 11, 30), 3)
    (datetime.date(2026, 11, 30), datetime.date(2027, 2, 28))
    """
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def followup_status(ended: dt.date, today: dt.date) -> str:
    """Where the follow-up of an enrolment that ended on ``ended`` stands on ``today``.

    >>> followup_status(dt.date(2026, 1, 15), dt.date(2026, 4, 14))
    'upcoming'
    >>> followup_status(dt.date(2026, 1, 15), dt.date(2026, 4, 15))
    'due'
    >>> followup_status(dt.date(2026, 1, 15), dt.date(2026, 7, 16))
    'overdue'
    """
    if today < add_months(ended, DUE_FROM_MONTHS):
        return UPCOMING
    if today > add_months(ended, DUE_UNTIL_MONTHS):
        return OVERDUE
    return DUE


@dataclass(frozen=True, slots=True)
class FollowUp:
    """One completed enrolment waiting for its L3 (applied at work) from the atasan.

    ``version`` is the outcome's stored row version as read: saving the follow-up sends
    it back, so a change made meanwhile by someone else is a conflict, not lost."""

    learner: str
    name: str
    module: str
    title: str
    date: dt.date
    due_from: dt.date
    due_until: dt.date
    status: str
    supervisor: str | None
    supervisor_name: str
    unit: str
    region: str
    l4: bool | None = None
    version: int = 0

    @property
    def overdue(self) -> bool:
        return self.status == OVERDUE

    def to_json(self) -> dict[str, Any]:
        """The follow-up as JSON keys (dates ISO)."""
        return {
            "learner": self.learner,
            "name": self.name,
            "module": self.module,
            "title": self.title,
            "date": self.date.isoformat(),
            "due_from": self.due_from.isoformat(),
            "due_until": self.due_until.isoformat(),
            "status": self.status,
            "supervisor": self.supervisor,
            "unit": self.unit,
            "region": self.region,
        }


def _sort_key(item: FollowUp) -> tuple[Any, ...]:
    return (STATUSES.index(item.status), item.due_until, item.learner, item.module, item.date)


def followups(
    workspace: Any,
    today: dt.date | None = None,
    supervisor: str | None = None,
    unit: str | None = None,
    include_upcoming: bool = False,
) -> list[FollowUp]:
    """Every completed enrolment (``completed`` 1) whose ``l3`` is empty, with its
    follow-up window and status on ``today`` (default: the computer's today); only the
    learners of ``supervisor`` (their atasan's learner id) and of work ``unit`` when
    given. Upcoming ones (the window not yet open) only with ``include_upcoming``.
    Overdue first, then due, then upcoming; each by the end of its window."""
    today = today or dt.date.today()
    o, learners, modules = schema.outcomes, schema.tables["learners"], schema.tables["modules"]
    boss = learners.alias("boss")
    query = (
        select(
            o.c.learner,
            o.c.module,
            o.c.date,
            o.c.l4,
            o.c.row_version,
            learners.c.name,
            learners.c.supervisor,
            learners.c.unit,
            learners.c.region,
            modules.c.title,
            boss.c.name.label("supervisor_name"),
        )
        .join(learners, learners.c.id == o.c.learner)
        .join(modules, modules.c.code == o.c.module)
        .outerjoin(boss, boss.c.id == learners.c.supervisor)
        .where(and_(o.c.completed.is_(True), o.c.l3.is_(None)))
    )
    if supervisor is not None:
        query = query.where(learners.c.supervisor == supervisor)
    if unit is not None:
        query = query.where(learners.c.unit == unit)
    if not include_upcoming:  # no window opens sooner than this after the end date
        query = query.where(o.c.date <= today - dt.timedelta(days=_SHORTEST_WAIT_DAYS))
    with workspace.engine.connect() as conn:
        rows = conn.execute(query).all()
    items = []
    for row in rows:
        status = followup_status(row.date, today)
        if status == UPCOMING and not include_upcoming:
            continue
        items.append(
            FollowUp(
                learner=row.learner,
                name=row.name or "",
                module=row.module,
                title=row.title or "",
                date=row.date,
                due_from=add_months(row.date, DUE_FROM_MONTHS),
                due_until=add_months(row.date, DUE_UNTIL_MONTHS),
                status=status,
                supervisor=row.supervisor,
                supervisor_name=row.supervisor_name or "",
                unit=row.unit or "",
                region=row.region,
                l4=row.l4,
                version=row.row_version,
            )
        )
    return sorted(items, key=_sort_key)
