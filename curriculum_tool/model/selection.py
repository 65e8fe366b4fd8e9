"""Which estimator a training run fits: the gradient-boosted trees or the logistic
regression, whichever ranks the latest training enrolments better.

The trees win on a large, varied history (``benchmarks/results/model.md``). On a few
thousand outcomes, or on outcomes that follow the tool's own earlier plans (an agency's
second year: ``benchmarks/results/yearly.md``), the logistic regression ranks better, and
a candidate that loses to the logistic baseline is never promoted. So each run measures
both on a validation slice of its *training* rows (their latest :data:`VALIDATION_SHARE`
by date, the way the held-out rows are the latest of all) and fits the better; the held-out
rows the card reports and the promotion gate compares are never used to choose.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
from sklearn.metrics import roc_auc_score

from .estimators import make_baselines, make_model

__all__ = [
    "CHOICE_MARGIN",
    "ESTIMATORS",
    "LOGISTIC",
    "TREES",
    "VALIDATION_SHARE",
    "choose_estimator",
    "make_estimator",
]

TREES, LOGISTIC = "gradient_boosting", "logistic"
#: The latest share of the training rows (by date) the choice is measured on.
VALIDATION_SHARE = 0.2
#: The logistic regression is chosen only when it ranks better by at least this AUC.
CHOICE_MARGIN = 0.002
#: Fewer validation rows (or one label among them) and the trees are fitted unmeasured.
MIN_VALIDATION_ROWS = 200


def _logistic(seed: int) -> Any:
    return make_baselines(seed)["logistic"]


#: name -> ``make(seed)``: an unfitted estimator.
ESTIMATORS = {TREES: make_model, LOGISTIC: _logistic}


def make_estimator(name: str, seed: int = 0) -> Any:
    """An unfitted estimator of ``name`` (:data:`TREES` or :data:`LOGISTIC`)."""
    return ESTIMATORS[name](seed)


def choose_estimator(
    X: pd.DataFrame, y: np.ndarray, dates: np.ndarray, seed: int = 0
) -> tuple[str, dict[str, Any]]:
    """The estimator to fit on these training rows, and what the choice measured (the
    validation rows and each estimator's AUC on them), for the model card."""
    days = np.asarray(dates).astype("datetime64[D]").astype(np.int64)
    cutoff = np.quantile(days, 1 - VALIDATION_SHARE)
    valid = days >= cutoff
    fit = ~valid
    if (
        valid.sum() < MIN_VALIDATION_ROWS
        or len(np.unique(y[valid])) < 2
        or len(np.unique(y[fit])) < 2
    ):
        return TREES, {"validation_rows": int(valid.sum()), "auc": {}, "chosen": TREES}
    auc = {}
    for name in ESTIMATORS:
        fitted = make_estimator(name, seed).fit(X[fit], y[fit])
        auc[name] = float(roc_auc_score(y[valid], fitted.predict_proba(X[valid])[:, 1]))
    chosen = LOGISTIC if auc[LOGISTIC] >= auc[TREES] + CHOICE_MARGIN else TREES
    return chosen, {"validation_rows": int(valid.sum()), "auc": auc, "chosen": chosen}
