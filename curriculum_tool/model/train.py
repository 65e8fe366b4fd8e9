"""Train the success model on a workspace's outcomes and measure it honestly.

The evaluation split is by time *and* by learner: a seeded share of learners is held
out, the model learns from the other learners' enrolments before a cut-off date, and is
tested on the held-out learners' enrolments from that date on. No held-out learner and
no later enrolment is seen in training. The same split scores three baselines and, on
simulated data, the ground-truth ceiling. The stored model is then refitted on every
labelled row (the card says so), because the split only serves to measure. The result
keeps the held-out rows and the predictions of the model fitted *before* the refit
(:class:`Holdout`), so the promotion gate (:mod:`.gate`) can compare it with the active
model on exactly those rows. A model trained on a workspace records the catalog it used
(its digest, and the published release of that content, if any).

Training reports its stages as ``progress(done, total, stage)`` with a stable key from
:data:`STAGES` and stops between stages when ``cancelled()`` turns true, as
:func:`~curriculum_tool.recommend.batch.run_batch` does between chunks.
"""

from __future__ import annotations

import datetime as dt
import platform
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
from sklearn.base import clone
from sklearn.metrics import roc_auc_score

from ..errors import Cancelled, CurriculumError
from ..messages import Catalogue
from ..releases.content import catalog_digest, current_release
from .card_text import SAID as CARD_SAID, estimator_text, target_meaning
from .dataset import TrainingSet, training_set
from .estimators import make_baselines
from .evaluate import calibration_table, province_slices, scores
from .pairs import CATEGORICAL_COLUMNS, NUMERIC_COLUMNS, PairContext
from .selection import choose_estimator, make_estimator
from .versions import library_versions

__all__ = [
    "MIN_ROWS",
    "SAID",
    "STAGES",
    "STAGE_LABELS",
    "Holdout",
    "Progress",
    "TrainResult",
    "TrainingCancelled",
    "split",
    "train",
    "train_set",
    "training_stages",
]

#: Fewer labelled rows than this cannot be split into a meaningful train and test part.
MIN_ROWS = 200

#: ``progress(done, total, stage)``: stage ``done`` of ``total`` has begun.
Progress = Callable[[int, int, str], None]

#: What training says: its stages (the command line's progress line) and its refusals.
SAID = Catalogue(
    "model.train",
    {
        "stage_features": (
            "reading outcomes and building features",
            "membaca hasil pelatihan dan menyusun fitur",
        ),
        "stage_split": (
            "splitting by learner and time",
            "memisahkan data menurut peserta dan waktu",
        ),
        "stage_fit_model": ("fitting the model", "melatih model"),
        "stage_fit_baselines": ("fitting the baselines", "melatih pembanding"),
        "stage_evaluate": (
            "measuring on the held-out learners",
            "mengukur pada peserta yang disisihkan",
        ),
        "stage_refit": (
            "refitting on every labelled enrolment",
            "melatih ulang pada semua pendaftaran berlabel",
        ),
        "stage_store": ("storing the model", "menyimpan model"),
        "cancelled": (
            "training cancelled; nothing was stored",
            "pelatihan model dibatalkan; tidak ada yang disimpan",
        ),
        "too_few_rows": (
            "only {rows} labelled outcomes; training needs at least "
            "{minimum} to hold some out for an honest test",
            "hanya ada {rows:,} hasil pelatihan berlabel; melatih model memerlukan paling "
            "sedikit {minimum:,} agar sebagian dapat disisihkan untuk pengujian yang jujur",
        ),
        "split_too_small": (
            "the time split leaves {train} training and {test} test rows; import more outcomes",
            "pemisahan menurut waktu menyisakan {train:,} baris latih dan {test:,} baris uji; "
            "impor lebih banyak hasil pelatihan",
        ),
        "one_label": (
            "every training outcome has the same label; nothing to learn",
            "semua hasil pelatihan dalam data latih berlabel sama; tidak ada yang dapat dipelajari",
        ),
    },
)

#: Every stage a training run can report, in order, with its label (a message: English
#: for the command line; the GUI keeps its translatable labels under the same keys).
#: ``features`` is skipped by :func:`train_set`, ``refit`` when not refitting, and
#: ``store`` belongs to :func:`~curriculum_tool.model.training.train_and_store`.
STAGE_LABELS: dict[str, str] = {
    stage: SAID(f"stage_{stage}")
    for stage in ("features", "split", "fit_model", "fit_baselines", "evaluate", "refit", "store")
}
STAGES: tuple[str, ...] = tuple(STAGE_LABELS)

INTENDED_USE = CARD_SAID("intended_use")
LIMITS = CARD_SAID("limits")


class TrainingCancelled(Cancelled):
    """Training stopped at a stage boundary because its caller asked it to."""

    def __init__(self, message: str | None = None):
        super().__init__(SAID("cancelled") if message is None else message)


@dataclass
class Holdout:
    """The held-out rows of a run and the predictions of the model fitted on the
    training rows only (before any refit): what the promotion gate compares."""

    features: pd.DataFrame
    label: np.ndarray
    predicted: np.ndarray

    def __len__(self) -> int:
        return len(self.label)


@dataclass
class TrainResult:
    """A fitted model and its card (metrics, data, versions), with the held-out rows."""

    model: Any
    card: dict[str, Any]
    holdout: Holdout | None = None


def split(
    data: TrainingSet, seed: int = 0, test_learners: float = 0.3, cutoff_quantile: float = 0.7
) -> tuple[np.ndarray, np.ndarray, np.datetime64]:
    """Boolean train and test masks and the cut-off date.

    Train: enrolments of the other learners before the cut-off. Test: enrolments of a
    seeded ``test_learners`` share of learners on or after it.
    """
    learners = np.unique(data.learner)
    rng = np.random.default_rng(seed)
    held_out = set(
        rng.choice(
            learners, size=max(1, round(len(learners) * test_learners)), replace=False
        ).tolist()
    )
    in_test_group = np.fromiter((lid in held_out for lid in data.learner), bool, count=len(data))
    days = data.date.astype("datetime64[D]")
    cutoff = np.quantile(days.astype(np.int64), cutoff_quantile).round().astype(np.int64)
    later = days.astype(np.int64) >= cutoff
    return ~in_test_group & ~later, in_test_group & later, np.datetime64(int(cutoff), "D")


def train(
    workspace,
    target: str = "l3",
    seed: int = 0,
    truth: pd.DataFrame | None = None,
    *,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    refit: bool = True,
) -> TrainResult:
    """Build the training set from ``workspace`` and :func:`train_set` it.

    ``progress(done, total, stage)`` announces each stage as it begins (``done`` counts
    it, so the last stage reports ``total``); ``stage`` is a key of :data:`STAGES`.
    ``cancelled()`` is checked before each stage and between baselines; when it turns true
    training stops with :class:`TrainingCancelled`.
    """
    stages = _Stages(training_stages(from_workspace=True, refit=refit), progress, cancelled)
    stages.begin("features")
    context = PairContext.from_workspace(workspace)
    data = training_set(workspace, target, context)
    result = _train_set(data, seed, truth, refit, stages)
    result.card["catalog"] = catalog_of(workspace)
    return result


def catalog_of(workspace) -> dict[str, str | None]:
    """The catalog a model is trained on: its digest, and the newest published release
    with that content (None when the catalog changed since, or none was published)."""
    with workspace.engine.connect() as conn:
        digest = catalog_digest(workspace, conn)
        release = current_release(conn, digest)
    return {"release": release or None, "sha256": digest}


def train_set(
    data: TrainingSet,
    seed: int = 0,
    truth: pd.DataFrame | None = None,
    *,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    refit: bool = True,
) -> TrainResult:
    """Evaluate the model and the baselines on a time/learner split, then refit.

    ``truth`` (learner, module, date, p_success[, p_completed]) adds the ground-truth
    ceiling: the AUC of the true probabilities on the same held-out rows. ``progress`` and
    ``cancelled`` work as in :func:`train`.
    """
    stages = _Stages(training_stages(from_workspace=False, refit=refit), progress, cancelled)
    return _train_set(data, seed, truth, refit, stages)


def training_stages(
    from_workspace: bool = True, refit: bool = True, store: bool = False
) -> tuple[str, ...]:
    """The stage keys one run reports, in order: :data:`STAGES` less the ones it skips.

    >>> training_stages(refit=False)
    ('features', 'split', 'fit_model', 'fit_baselines', 'evaluate')
    """
    skipped = {
        "features": not from_workspace,
        "refit": not refit,
        "store": not store,
    }
    return tuple(stage for stage in STAGES if not skipped.get(stage, False))


class _Stages:
    """Announces the stages of one run in order and stops it when it is cancelled."""

    def __init__(
        self,
        stages: tuple[str, ...],
        progress: Progress | None,
        cancelled: Callable[[], bool] | None,
    ):
        self.stages = stages
        self.progress = progress
        self.cancelled = cancelled

    def check(self) -> None:
        """Raise :class:`TrainingCancelled` if the caller asked to stop."""
        if self.cancelled is not None and self.cancelled():
            raise TrainingCancelled()

    def begin(self, stage: str) -> None:
        """Check for a cancel, then report ``stage`` as begun."""
        self.check()
        if self.progress is not None:
            self.progress(self.stages.index(stage) + 1, len(self.stages), stage)


def _train_set(
    data: TrainingSet, seed: int, truth: pd.DataFrame | None, refit: bool, stages: _Stages
) -> TrainResult:
    stages.begin("split")
    if len(data) < MIN_ROWS:
        raise CurriculumError(SAID("too_few_rows", rows=len(data), minimum=MIN_ROWS))
    train_mask, test_mask, cutoff = split(data, seed)
    if train_mask.sum() < MIN_ROWS // 2 or test_mask.sum() < MIN_ROWS // 4:
        raise CurriculumError(
            SAID("split_too_small", train=int(train_mask.sum()), test=int(test_mask.sum()))
        )
    y_train, y_test = data.label[train_mask], data.label[test_mask]
    if len(np.unique(y_train)) < 2:
        raise CurriculumError(SAID("one_label"))
    X_train = data.features[train_mask]
    X_test = data.features[test_mask]

    stages.begin("fit_model")
    chosen, selection = choose_estimator(X_train, y_train, data.date[train_mask], seed)
    model = make_estimator(chosen, seed).fit(X_train, y_train)
    p_test = model.predict_proba(X_test)[:, 1]
    metrics: dict[str, Any] = {"model": scores(y_test, p_test), "baselines": {}}
    stages.begin("fit_baselines")
    for name, baseline in make_baselines(seed).items():
        stages.check()
        fitted = baseline.fit(X_train, y_train)
        metrics["baselines"][name] = scores(y_test, fitted.predict_proba(X_test)[:, 1])
    stages.begin("evaluate")
    if truth is not None:
        metrics["ceiling_auc"] = _ceiling(data, test_mask, truth)
    metrics["calibration"] = calibration_table(y_test, p_test)
    metrics["provinces"] = province_slices(
        y_test, p_test, X_test["province"].astype(str).to_numpy()
    )
    if refit:
        stages.begin("refit")
        model = clone(model).fit(data.features, data.label)
    dates = data.date
    card = {
        "name": "",
        "created": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "target": data.target,
        "target_meaning": target_meaning(data.target),
        "seed": seed,
        "estimator": _describe(model),
        "selection": selection,
        "features": {"categorical": list(CATEGORICAL_COLUMNS), "numeric": list(NUMERIC_COLUMNS)},
        "data": {
            "sha256": data.data_sha256,
            "rows": len(data),
            "unlabelled": data.unlabelled,
            "not_ended": data.not_ended,
            "positive_rate": float(data.label.mean()),
            "first_date": str(dates.min()),
            "last_date": str(dates.max()),
        },
        "evaluation": {
            "split": CARD_SAID("split"),
            "cutoff": str(cutoff),
            "train_rows": int(train_mask.sum()),
            "test_rows": int(test_mask.sum()),
            "refitted_on_all_rows": refit,
        },
        "metrics": metrics,
        "library_versions": library_versions(),
        "platform": platform.platform(),
        "intended_use": INTENDED_USE,
        "limits": LIMITS,
    }
    return TrainResult(model, card, Holdout(X_test, y_test, p_test))


def _ceiling(data: TrainingSet, test_mask: np.ndarray, truth: pd.DataFrame) -> float | None:
    column = "p_success" if data.target == "l3" else "p_completed"
    keys = pd.DataFrame(
        {
            "learner": data.learner[test_mask],
            "date": data.date[test_mask].astype("datetime64[s]"),
            "module": data.features["module"][test_mask].astype(str).to_numpy(),
            "y": data.label[test_mask],
        }
    )
    truth = truth.assign(date=pd.to_datetime(truth["date"]).astype("datetime64[s]"))
    joined = keys.merge(
        truth[["learner", "module", "date", column]], on=["learner", "module", "date"], how="inner"
    )
    if len(joined) < len(keys) or joined["y"].nunique() < 2:
        return None
    return float(roc_auc_score(joined["y"], joined[column]))


def _describe(model: Any) -> str:
    classifier = model[-1]
    if not hasattr(classifier, "n_iter_") or not hasattr(classifier, "max_leaf_nodes"):
        return CARD_SAID("estimator_logistic", estimator=type(classifier).__name__)
    return estimator_text(
        type(classifier).__name__,
        classifier.n_iter_,
        classifier.learning_rate,
        classifier.max_leaf_nodes,
    )
