"""The success model and its baselines, as scikit-learn estimators over pair frames.

The model is one Pipeline: a ColumnTransformer that turns the pair frame's categories
into integer codes and passes its numbers through, then a HistGradientBoostingClassifier.
It was chosen by measurement against a calibrated variant, a random forest, logistic
regression and a per-module rate (``benchmarks/results/model.md``).

Its settings were tuned on simulated seeds 0–2 (20,000 learners, and a random half and
quarter of them) and then checked, untouched, on unseen seeds (the results file shows
both groups):

- Native categorical splits only for the small closed vocabularies (``modality``,
  ``position_family``). A native split may send any subset of a column's categories
  left, so on ``module`` (≈130 codes), ``province`` (≈38) and ``position`` it learns
  noise from a few hundred rows per category; with 10,000 learners that alone cost
  1–1.5 points of the share of the way to the truth ceiling. Those three are given
  to the trees as their sorted codes instead, which still follow the catalog's order
  (module family and level, BPS province number), so a tree can still single out a
  module or a province, only with more evidence.
- Small trees (7 leaves) at learning rate 0.2: on the simulator, success is a smooth
  function of a few columns, and 31-leaf trees fitted interactions that are not there.
- At most 80 trees with early stopping on a 10 % validation part: small data stop
  earlier (≈50–80 trees at 10,000–20,000 learners), a million rows use all 80. Scoring
  cost grows with the number of trees times their depth; 80 trees of 7 leaves cost no
  more than the former ≈60 trees of 31 leaves (1,000,000 pairs < 5 s).

Baselines are what a training office could do without this tool: the overall success
rate, each module's own success rate, and a logistic regression on the same columns.
"""

from __future__ import annotations

from typing import Any, Protocol

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator, ClassifierMixin, TransformerMixin
from sklearn.compose import ColumnTransformer
from sklearn.dummy import DummyClassifier
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

from .pairs import CATEGORICAL_COLUMNS, NUMERIC_COLUMNS

__all__ = [
    "NATIVE_CATEGORICAL",
    "CategoryCodes",
    "Classifier",
    "ModuleRate",
    "make_baselines",
    "make_model",
]

#: HistGradientBoosting handles at most this many categories per feature.
MAX_CATEGORIES = 250


class Classifier(Protocol):
    """What training asks of the model and each baseline: fit, then success probabilities."""

    def fit(self, X: pd.DataFrame, y: Any) -> Classifier: ...

    def predict_proba(self, X: pd.DataFrame) -> np.ndarray: ...


class CategoryCodes(TransformerMixin, BaseEstimator):
    """Text columns → integer codes of the categories seen in ``fit`` (NaN when unseen).

    Keeps the ``max_categories`` most frequent values of each column; rarer or unseen ones
    become missing, which the gradient-boosted trees handle natively. Works on pandas
    Categorical columns without converting them to Python strings, so a million rows
    encode in milliseconds.
    """

    def __init__(self, max_categories: int = MAX_CATEGORIES):
        self.max_categories = max_categories

    def fit(self, X: pd.DataFrame, y=None) -> CategoryCodes:
        self.categories_ = []
        for column in X.columns:
            counts = X[column].astype("category").value_counts(sort=True)
            counts = counts[counts > 0]
            self.categories_.append(sorted(counts.index[: self.max_categories].astype(str)))
        self.feature_names_in_ = np.asarray(X.columns, dtype=object)
        return self

    def transform(self, X: pd.DataFrame) -> np.ndarray:
        out = np.empty((len(X), len(self.categories_)), dtype=np.float64)
        for j, (column, categories) in enumerate(zip(X.columns, self.categories_)):
            values = X[column]
            if isinstance(values.dtype, pd.CategoricalDtype):
                codes = values.cat.set_categories(categories).cat.codes.to_numpy()
            else:
                codes = pd.Categorical(values.astype(str), categories=categories).codes
            out[:, j] = np.where(codes >= 0, codes, np.nan)
        return out

    def get_feature_names_out(self, input_features=None) -> np.ndarray:
        return self.feature_names_in_


def _columns(categorical, numeric) -> ColumnTransformer:
    return ColumnTransformer(
        [
            ("categories", categorical, list(CATEGORICAL_COLUMNS)),
            ("numbers", numeric, list(NUMERIC_COLUMNS)),
        ],
        verbose_feature_names_out=False,
    )


#: Categorical columns split natively by the trees: the small closed vocabularies. The
#: other categorical columns reach the trees as their (sorted) category codes.
NATIVE_CATEGORICAL = ("modality", "position_family")


def make_model(seed: int = 0) -> Pipeline:
    """The success model: category codes + numbers → gradient-boosted trees."""
    categorical = [CATEGORICAL_COLUMNS.index(column) for column in NATIVE_CATEGORICAL]
    return Pipeline(
        [
            ("features", _columns(CategoryCodes(), "passthrough")),
            (
                "classifier",
                HistGradientBoostingClassifier(
                    learning_rate=0.2,
                    max_iter=80,
                    max_leaf_nodes=7,
                    min_samples_leaf=40,
                    l2_regularization=1.0,
                    categorical_features=categorical,
                    early_stopping=True,
                    validation_fraction=0.1,
                    n_iter_no_change=15,
                    random_state=seed,
                ),
            ),
        ]
    )


class ModuleRate(ClassifierMixin, BaseEstimator):
    """Each module's own success rate, shrunk towards the overall rate for rare modules."""

    def __init__(self, prior_weight: float = 20.0):
        self.prior_weight = prior_weight

    def fit(self, X: pd.DataFrame, y) -> ModuleRate:
        y = np.asarray(y, dtype=float)
        self.classes_ = np.array([0, 1])
        self.base_rate_ = float(y.mean())
        stats = pd.DataFrame({"module": X["module"].astype(str).to_numpy(), "y": y})
        grouped = stats.groupby("module")["y"].agg(["sum", "count"])
        self.rates_ = (
            (grouped["sum"] + self.prior_weight * self.base_rate_)
            / (grouped["count"] + self.prior_weight)
        ).to_dict()
        return self

    def predict_proba(self, X: pd.DataFrame) -> np.ndarray:
        p = X["module"].astype(str).map(self.rates_).fillna(self.base_rate_).to_numpy(float)
        return np.column_stack([1 - p, p])


def make_baselines(seed: int = 0) -> dict[str, Classifier]:
    """The baselines every model is reported against, by name."""
    return {
        "base_rate": DummyClassifier(strategy="prior"),
        "module_rate": ModuleRate(),
        "logistic": Pipeline(
            [
                (
                    "features",
                    _columns(
                        OneHotEncoder(handle_unknown="ignore", min_frequency=20), StandardScaler()
                    ),
                ),
                ("classifier", LogisticRegression(max_iter=500, C=1.0, random_state=seed)),
            ]
        ),
    }
