"""What happens when learners follow their planned paths, drawn from the ground truth.

The yearly cycle is measured on the simulator: plan a year, let the simulated learners
take the planned modules, record what the ground truth says happened (completion, the
Kirkpatrick levels), learn from it, plan the next year. :func:`path_outcomes` is the
middle step: each step of each path becomes one enrolment, taken in path order (an
earlier step completed counts as a prerequisite done for the later ones), ending on a
day of the plan year spread over its periods, with the same truth and the same L1–L4
recording habits as :func:`~.simulator.simulate`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import numpy as np
import pandas as pd

from ..domain import LearnerPath
from ..index import CatalogIndex, LearnerArrays
from ..model.pairs import pair_frame
from .ground_truth import true_probabilities
from .simulator import _outcomes

__all__ = ["path_outcomes"]

#: The first and last day of a plan year an enrolment may end on (training calendars
#: rarely run in the first weeks of January or the last of December).
_FIRST_DAY, _LAST_DAY = 20, 340


def _end_days(paths: Sequence[LearnerPath], rng: np.random.Generator) -> list[np.ndarray]:
    """Per path, the day of the year each step ends on: period k of K ends in the k-th
    K-th of the year's training days, its steps in order within it."""
    span = _LAST_DAY - _FIRST_DAY
    days = []
    for path in paths:
        periods = max(path.periods, 1)
        step_period = np.array([max(step.period, 1) for step in path.steps], dtype=np.int64)
        start = _FIRST_DAY + (step_period - 1) * span // periods
        width = span // periods
        offsets = np.sort(rng.integers(0, max(width, 1), len(step_period)))
        days.append(start + offsets)
    return days


def path_outcomes(
    context: CatalogIndex,
    learners: LearnerArrays,
    learner_row: dict[str, int],
    paths: Sequence[LearnerPath],
    seed: int = 0,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The outcomes (contract columns) and the truth (learner, module, date, p_completed,
    p_success) of every planned step of ``paths``, each in its path's plan year.

    ``learners`` are the arrays the paths were planned on (a Scorer's), ``learner_row``
    maps a learner id to its row there. Steps whose module is not in ``context`` are
    skipped.
    """
    rng = np.random.default_rng(seed)
    module_of = {code: i for i, code in enumerate(context.module_codes)}
    li, mi, order, when = [], [], [], []
    for path, days in zip(paths, _end_days(paths, rng), strict=True):
        row = learner_row[path.learner]
        first = dt.date(path.year, 1, 1)
        for k, (step, day) in enumerate(zip(path.steps, days, strict=True)):
            if step.module in module_of:
                li.append(row)
                mi.append(module_of[step.module])
                order.append(k)
                when.append(first + dt.timedelta(days=int(day)))
    li_a, mi_a, order_a = (np.asarray(a, dtype=np.int64) for a in (li, mi, order))
    frame = pair_frame(context, learners, li_a, mi_a)
    done = learners.completed.toarray().astype(bool)
    p_completed, p_success = np.zeros(len(li_a)), np.zeros(len(li_a))
    completed, applied = np.zeros(len(li_a), bool), np.zeros(len(li_a), bool)
    u_complete, u_apply = rng.random(len(li_a)), rng.random(len(li_a))
    for k in range(int(order_a.max(initial=-1)) + 1):
        rows = np.flatnonzero(order_a == k)
        sub = frame.iloc[rows].copy()
        sub["prereq_missing"] = context.prereq_missing(mi_a[rows], done, rows=li_a[rows])
        p_completed[rows], p_success[rows] = true_probabilities(sub)
        completed[rows] = u_complete[rows] < p_completed[rows]
        applied[rows] = completed[rows] & (u_apply[rows] * p_completed[rows] < p_success[rows])
        finished = rows[completed[rows]]
        done[li_a[finished], mi_a[finished]] = True
    ids = np.asarray(learners.ids, dtype=object)[li_a]
    codes = np.asarray(context.module_codes, dtype=object)[mi_a]
    dates = np.asarray([day.isoformat() for day in when], dtype=object)
    outcomes = _outcomes(rng, ids, codes, dates, completed, applied, p_completed, p_success)
    truth = pd.DataFrame(
        {
            "learner": ids,
            "module": codes,
            "date": dates,
            "p_completed": p_completed,
            "p_success": p_success,
        }
    )
    return outcomes, truth
