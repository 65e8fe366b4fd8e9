"""The training table: one row per labelled enrolment, features as of the enrolment date.

Features must never see the future. Each row's learner × module facts come from
:func:`.pairs.pair_frame`, with one history-dependent column recomputed from the
outcomes themselves: which hard prerequisites the learner had completed *before* that
enrolment's date. Later enrolments never feed an earlier row, and the time split in
:mod:`.train` keeps training rows before test rows.

An enrolment recorded before it ends (``completed`` 0 and a ``date``, its planned end,
after today) is not an outcome yet: training leaves it out, and counts it in the card,
until its end date passes or its completion is recorded.

Learner levels are taken as recorded in ``learners`` (an assessment before the
enrolments, see ``docs/simulator.md``); a learner's ``completed`` list has no dates, so
training ignores it and scoring uses it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

import numpy as np
import pandas as pd
import scipy.sparse as sp
from sqlalchemy import Integer, String, cast, select

from ..errors import CurriculumError
from ..index import CatalogIndex, LearnerArrays
from ..messages import Catalogue, Message
from ..store import schema
from .pairs import pair_frame

__all__ = [
    "SAID",
    "TARGETS",
    "TrainingSet",
    "label",
    "not_ended",
    "outcomes_frame",
    "training_set",
    "unknown_target",
]

#: What a model predicts: ``l3`` success (completed and applied at work) or completion.
TARGETS = ("l3", "completed")

#: Why there is nothing to train on.
SAID = Catalogue(
    "model.dataset",
    {
        "unknown_target": (
            "unknown target '{target}'; one of: {targets}",
            "sasaran '{target}' tidak dikenal; pilih salah satu dari: {targets}",
        ),
        "no_labelled_outcomes": (
            "the workspace has no labelled outcomes to train on; "
            "import outcomes.csv first (or run 'simulate')",
            "ruang kerja ini tidak memiliki hasil pelatihan berlabel untuk melatih model; "
            "impor outcomes.csv terlebih dahulu (atau jalankan 'simulate')",
        ),
    },
)


def unknown_target(target: str) -> Message:
    """The refusal of a ``target`` that is not one of :data:`TARGETS`.

    >>> unknown_target("l4").render("id")
    "sasaran 'l4' tidak dikenal; pilih salah satu dari: l3, completed"
    """
    return SAID("unknown_target", target=target, targets=", ".join(TARGETS))


@dataclass
class TrainingSet:
    """Pair features, labels and the enrolment each row came from."""

    features: pd.DataFrame
    label: np.ndarray  # int8, 0/1
    learner: np.ndarray  # object, learner ids (never shown, only grouped on)
    date: np.ndarray  # datetime64[D]
    target: str
    unlabelled: int  # completed enrolments without an l3 report (target l3)
    data_sha256: str  # of (learner, module, date, label), to name the data in the card
    not_ended: int = 0  # enrolments still running (not completed, end date after today)

    def __len__(self) -> int:
        return len(self.label)


def outcomes_frame(workspace) -> pd.DataFrame:
    """Every outcome row as a DataFrame (learner, module, date, completed, l3), read in bulk."""
    table = schema.outcomes
    # Dates as text and flags as integers: no per-row conversion in Python, then one
    # vectorised parse (a million rows read in about a second).
    query = select(
        table.c.learner,
        table.c.module,
        cast(table.c.date, String),
        cast(table.c.completed, Integer),
        cast(table.c.l3, Integer),
    ).order_by(table.c.learner, table.c.module, table.c.date)
    with workspace.engine.connect() as conn:
        frame = pd.read_sql_query(query, conn)
    frame.columns = ["learner", "module", "date", "completed", "l3"]
    frame["date"] = pd.to_datetime(frame["date"], format="%Y-%m-%d").astype("datetime64[s]")
    frame["completed"] = frame["completed"].astype(bool)
    frame["l3"] = frame["l3"].astype("Float64").astype(float)
    return frame


def label(outcomes: pd.DataFrame, target: str) -> pd.Series:
    """1/0 per outcome row, NaN where the row has no label for ``target``.

    Contract §2: success = completed and l3 = 1; a completed row with empty l3 has no
    label for ``l3``; a row that was not completed is a failure for both targets.
    """
    if target not in TARGETS:
        raise CurriculumError(unknown_target(target))
    completed = outcomes["completed"].astype(bool)
    if target == "completed":
        return completed.astype(float)
    l3 = outcomes["l3"].astype("float")
    return pd.Series(np.where(completed, l3, 0.0), index=outcomes.index)


def not_ended(outcomes: pd.DataFrame, today: dt.date | None = None) -> pd.Series:
    """True for the enrolments that have not ended: not completed, and their date (the
    planned end) after ``today`` (default: today). They are no outcome yet."""
    today = today or dt.date.today()
    return ~outcomes["completed"].astype(bool) & (outcomes["date"] > pd.Timestamp(today))


def completed_before(
    context: CatalogIndex, rows: pd.DataFrame, outcomes: pd.DataFrame
) -> sp.csr_matrix:
    """Rows × modules: the hard prerequisites of each row's module that its learner had
    completed strictly before the row's date (only those matter to the features)."""
    first_done = (
        outcomes.loc[outcomes["completed"], ["learner", "module", "date"]]
        .groupby(["learner", "module"], sort=False)["date"]
        .min()
        .rename("done")
        .reset_index()
    )
    prereq = context.hard_prerequisites.tocoo()
    edges = pd.DataFrame(
        {
            "module": np.asarray(context.module_codes, dtype=object)[prereq.row],
            "requires": np.asarray(context.module_codes, dtype=object)[prereq.col],
            "col": prereq.col,
        }
    )
    pairs = pd.DataFrame(
        {
            "row": np.arange(len(rows)),
            "learner": rows["learner"].to_numpy(),
            "module": rows["module"].to_numpy(),
            "date": rows["date"].to_numpy(),
        }
    )
    joined = pairs.merge(edges, on="module").merge(
        first_done,
        left_on=["learner", "requires"],
        right_on=["learner", "module"],
        suffixes=("", "_done"),
    )
    joined = joined[joined["done"] < joined["date"]]
    return sp.csr_matrix(
        (np.ones(len(joined), dtype=bool), (joined["row"].to_numpy(), joined["col"].to_numpy())),
        shape=(len(rows), len(context.module_codes)),
    )


def training_set(
    workspace,
    target: str = "l3",
    context: CatalogIndex | None = None,
    learners: LearnerArrays | None = None,
    today: dt.date | None = None,
    after: dt.date | None = None,
) -> TrainingSet:
    """The labelled enrolments of ``workspace`` with their features as of each date.

    Enrolments that have not ended by ``today`` (default: today) are left out
    (:func:`not_ended`); the set counts them in ``not_ended``. With ``after``, only the
    enrolments that ended after that day (a model's drift on new outcomes); every earlier
    completion still counts as a prerequisite done."""
    context = context or CatalogIndex.from_workspace(workspace)
    outcomes = outcomes_frame(workspace)
    running = not_ended(outcomes, today)
    outcomes = outcomes[~running].reset_index(drop=True)
    labels = label(outcomes, target)
    wanted = labels.notna()
    if after is not None:
        wanted &= outcomes["date"] > pd.Timestamp(after)
    rows = outcomes[wanted].reset_index(drop=True)
    y = labels[wanted].to_numpy(dtype=np.int8)
    if len(rows) == 0:
        raise CurriculumError(SAID("no_labelled_outcomes"))
    if learners is None:
        learners = context.learner_arrays(workspace.load("learners"))
    learner_row = learners.index()
    learner_idx = rows["learner"].map(learner_row).to_numpy(dtype=np.int64)
    module_idx = rows["module"].map(context.module_index).to_numpy(dtype=np.int64)
    features = pair_frame(
        context,
        learners,
        learner_idx,
        module_idx,
        completed=completed_before(context, rows, outcomes),
    )
    digest = hashlib.sha256(
        pd.util.hash_pandas_object(rows[["learner", "module", "date"]].assign(y=y), index=False)
        .to_numpy()
        .tobytes()
    )
    return TrainingSet(
        features,
        y,
        rows["learner"].to_numpy(dtype=object),
        rows["date"].to_numpy(dtype="datetime64[D]"),
        target,
        int(labels.isna().sum()),
        digest.hexdigest(),
        int(running.sum()),
    )
