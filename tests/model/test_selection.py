"""Each training run fits the estimator that ranks its latest training rows better: the
logistic regression on a weak, additive signal in few rows, the trees on an interaction
the logistic regression cannot see. The held-out rows are never used to choose."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from curriculum_tool.model.pairs import CATEGORICAL_COLUMNS, NUMERIC_COLUMNS
from curriculum_tool.model.selection import (
    LOGISTIC,
    MIN_VALIDATION_ROWS,
    TREES,
    choose_estimator,
    make_estimator,
)


def _frame(n: int, seed: int) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    frame = pd.DataFrame(
        {
            c: pd.Categorical(rng.choice([f"{c}{i}" for i in range(8)], n))
            for c in CATEGORICAL_COLUMNS
        }
    )
    for column in NUMERIC_COLUMNS:
        frame[column] = rng.normal(size=n)
    return frame


def _dates(n: int) -> np.ndarray:
    return np.datetime64("2024-01-01") + np.arange(n).astype("timedelta64[D]") // 10


def test_an_additive_signal_in_few_rows_chooses_the_logistic_regression():
    n = 1_500
    X = _frame(n, 1)
    rng = np.random.default_rng(2)
    z = sum(0.35 * X[c].to_numpy() for c in NUMERIC_COLUMNS[:6])
    y = (rng.random(n) < 1 / (1 + np.exp(-z))).astype(np.int8)
    chosen, record = choose_estimator(X, y, _dates(n), seed=0)
    assert chosen == LOGISTIC
    assert record["auc"][LOGISTIC] > record["auc"][TREES]
    assert record["validation_rows"] == pytest.approx(0.2 * n, rel=0.05)


def test_an_interaction_chooses_the_trees():
    n = 6_000
    X = _frame(n, 3)
    a, b = X[NUMERIC_COLUMNS[0]].to_numpy() > 0, X[NUMERIC_COLUMNS[1]].to_numpy() > 0
    noise = np.random.default_rng(4).random(n) < 0.1
    y = ((a ^ b) ^ noise).astype(np.int8)
    chosen, record = choose_estimator(X, y, _dates(n), seed=0)
    assert chosen == TREES and record["chosen"] == TREES
    assert record["auc"][TREES] > 0.8 > record["auc"][LOGISTIC]


def test_too_few_rows_to_measure_fit_the_trees_unmeasured():
    n = MIN_VALIDATION_ROWS  # a fifth of them would validate: too few
    X = _frame(n, 5)
    y = (np.arange(n) % 2).astype(np.int8)
    assert choose_estimator(X, y, _dates(n)) == (
        TREES,
        {"validation_rows": pytest.approx(n // 5, abs=10), "auc": {}, "chosen": TREES},
    )


def test_the_chosen_estimators_are_the_shipped_ones():
    assert make_estimator(TREES)[-1].__class__.__name__ == "HistGradientBoostingClassifier"
    assert make_estimator(LOGISTIC)[-1].__class__.__name__ == "LogisticRegression"
