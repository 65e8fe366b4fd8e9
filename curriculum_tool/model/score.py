"""P(success) for many learner × module pairs at once, from the workspace's current model.

A :class:`Scorer` loads the verified model and turns the catalog and the learners into
arrays once; after that, scoring is one vectorised feature build and one
``predict_proba`` call, whatever the number of pairs. A learner's completed modules are
their recorded ``completed`` list plus every module their outcomes show completed.
"""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

import numpy as np
import pandas as pd
import scipy.sparse as sp

from ..errors import Problem, ValidationError
from ..index import CatalogIndex, LearnerArrays
from ..io.tables import read_rows, write_rows
from ..messages import Catalogue
from .dataset import outcomes_frame
from .pairs import pair_frame
from .persist import LoadedModel, load_model

__all__ = ["SAID", "Scorer", "score_file"]

#: Why a pair of ``score``'s input is refused.
SAID = Catalogue(
    "model.score",
    {
        "unknown_learner": (
            "unknown learner (not in this workspace's learners)",
            "peserta tidak dikenal (tidak ada dalam daftar peserta ruang kerja ini)",
        ),
        "unknown_module": ("unknown module '{code}'", "modul '{code}' tidak dikenal"),
    },
)


class Scorer:
    """The active (or named) model bound to a workspace's catalog and learners."""

    def __init__(
        self,
        workspace,
        model: LoadedModel | str | None = None,
        context: CatalogIndex | None = None,
        learners: LearnerArrays | None = None,
    ):
        self.model = model if isinstance(model, LoadedModel) else load_model(workspace, model)
        self.context = context or CatalogIndex.from_workspace(workspace)
        if learners is None:
            learners = self.context.learner_arrays(workspace.load("learners"))
            learners = _with_completed_outcomes(self.context, learners, outcomes_frame(workspace))
        self.learners = learners
        self.learner_row = learners.index()

    def probabilities(self, learner_idx: np.ndarray, module_idx: np.ndarray) -> np.ndarray:
        """P(success) for each (learner row, module index) pair."""
        if len(learner_idx) == 0:
            return np.empty(0)
        frame = pair_frame(self.context, self.learners, learner_idx, module_idx)
        return self.model.estimator.predict_proba(frame)[:, 1]

    def score(self, learners: list[str], modules: list[str]) -> np.ndarray:
        """P(success) for pairs given by learner id and module code (both must exist)."""
        learner_idx = np.array([self.learner_row[u] for u in learners], dtype=np.int64)
        module_idx = np.array([self.context.module_index[m] for m in modules], dtype=np.int64)
        return self.probabilities(learner_idx, module_idx)


def _with_completed_outcomes(
    context: CatalogIndex, learners: LearnerArrays, outcomes: pd.DataFrame
) -> LearnerArrays:
    done = outcomes.loc[outcomes["completed"], ["learner", "module"]]
    rows = done["learner"].map(learners.index())
    cols = done["module"].map(context.module_index)
    keep = rows.notna() & cols.notna()
    extra = sp.csr_matrix(
        (
            np.ones(int(keep.sum()), dtype=bool),
            (rows[keep].to_numpy(int), cols[keep].to_numpy(int)),
        ),
        shape=learners.completed.shape,
    )
    completed = (learners.completed + extra).astype(bool).tocsr()
    return dataclasses.replace(learners, completed=completed)


def score_file(
    workspace,
    pairs_path: str | os.PathLike[str],
    out_path: str | os.PathLike[str],
    scorer: Scorer | None = None,
) -> int:
    """Read PAIRS (learner, module), write the same rows plus ``p_success``; returns rows.

    Every unknown learner or module is reported as ``FILE:ROW:COLUMN`` and nothing is
    written.
    """
    label = Path(pairs_path).name
    columns = ("learner", "module")
    rows, problems = [], []
    scorer = scorer or Scorer(workspace)
    for number, row in read_rows(pairs_path, columns, label):
        if isinstance(row, Problem):
            problems.append(row)
            continue
        if row["learner"] not in scorer.learner_row:
            problems.append(Problem(label, number, "learner", SAID("unknown_learner")))
        if row["module"] not in scorer.context.module_index:
            problems.append(
                Problem(label, number, "module", SAID("unknown_module", code=row["module"]))
            )
        rows.append(row)
    if problems:
        raise ValidationError(problems)
    p = scorer.score([r["learner"] for r in rows], [r["module"] for r in rows])
    out = [{**row, "p_success": f"{value:.4f}"} for row, value in zip(rows, p)]
    write_rows(Path(out_path), (*columns, "p_success"), out, sheet="scores", numeric=["p_success"])
    return len(out)
