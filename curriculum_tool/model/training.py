"""One way to train and store a model, shared by the command line and the desktop app.

:func:`train_and_store` checks every input before it reads a single outcome (target,
seed, model name, the simulator's ground truth), names an unnamed model the same way
everywhere (:func:`default_model_name`), trains with :func:`~.train.train` and stores
the result in one transaction as a *candidate*. The promotion gate (:mod:`.gate`)
compares it with the active model on the same hold-out; it becomes the active model
only when the gate promotes it, or when the caller overrides the gate with a written
reason (``promote="always"``), which the card keeps. Its progress adds a last
``store`` stage to training's own, and a cancelled run raises
:class:`~.train.TrainingCancelled` before anything is written.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from ..errors import CurriculumError
from ..messages import Catalogue
from .dataset import TARGETS, unknown_target
from .gate import compare
from .persist import StoredModel, _check_name, list_models, load_model, save_model
from .persist_text import SAID as PERSIST_SAID, said_by
from .train import Progress, TrainingCancelled, train, training_stages

__all__ = [
    "MAX_SEED",
    "PROMOTE_MODES",
    "SAID",
    "default_model_name",
    "read_truth",
    "train_and_store",
]

#: How a trained model may become active: ``gate`` when the promotion gate says so
#: (the default), ``always`` as an override with a written reason, ``never`` (stored as
#: a candidate whatever the gate says).
PROMOTE_MODES = ("gate", "always", "never")

#: The largest seed scikit-learn's estimators accept (``random_state`` below 2**32).
MAX_SEED = 2**32 - 1

#: Why a training run's options are refused.
SAID = Catalogue(
    "model.training",
    {
        "bad_seed": (
            "seed {seed} must be a whole number from 0 to {maximum}",
            "seed {seed} harus berupa bilangan bulat dari 0 sampai {maximum:,}",
        ),
        "unreadable_truth": (
            "cannot read the ground truth {file}: {error}",
            "berkas peluang sebenarnya {file} tidak dapat dibaca: {error}",
        ),
        "bad_promote": (
            "promote must be one of {modes}, not '{promote}'",
            "promote harus salah satu dari {modes}, bukan '{promote}'",
        ),
        "reason_needed": (
            "promoting a model whatever the gate says needs a written reason (--reason)",
            "mempromosikan model tanpa memedulikan gerbang promosi memerlukan alasan "
            "tertulis (--reason)",
        ),
        "not_truth": (
            "{file} is not a simulator truth file: it has no column {columns}",
            "{file} bukan berkas peluang sebenarnya dari simulator: kolom {columns} tidak ada",
        ),
    },
)


def default_model_name(
    taken: set[str] | frozenset[str] = frozenset(), now: dt.datetime | None = None
) -> str:
    """``model-YYYYMMDD-HHMM`` for now, with ``-2``, ``-3``… if that name is taken.

    >>> default_model_name({"model-20250304-0506"}, dt.datetime(2025, 3, 4, 5, 6))
    'model-20250304-0506-2'
    """
    base = (now or dt.datetime.now()).strftime("model-%Y%m%d-%H%M")
    name, counter = base, 1
    while name in taken:
        counter += 1
        name = f"{base}-{counter}"
    return name


def _check_target(target: str) -> str:
    """``target`` if training knows it, else a :class:`CurriculumError`."""
    if target not in TARGETS:
        raise CurriculumError(unknown_target(target))
    return target


def _check_seed(seed: int) -> int:
    """``seed`` if it is a whole number from 0 to :data:`MAX_SEED`."""
    if isinstance(seed, bool) or not isinstance(seed, int) or not 0 <= seed <= MAX_SEED:
        raise CurriculumError(SAID("bad_seed", seed=repr(seed), maximum=MAX_SEED))
    return seed


def read_truth(path: Path | str, target: str) -> pd.DataFrame:
    """The simulator's ``truth.csv``, checked for the columns the ceiling of ``target``
    needs."""
    path = Path(path)
    column = "p_success" if target == "l3" else "p_completed"
    try:
        frame = pd.read_csv(path)
    except (OSError, ValueError) as error:
        raise CurriculumError(SAID("unreadable_truth", file=path.name, error=str(error))) from None
    missing = [c for c in ("learner", "module", "date", column) if c not in frame.columns]
    if missing:
        raise CurriculumError(SAID("not_truth", file=path.name, columns=", ".join(missing)))
    return frame


def train_and_store(
    workspace,
    *,
    target: str = "l3",
    seed: int = 0,
    name: str | None = None,
    truth: Path | str | None = None,
    models_dir: Path | str | None = None,
    promote: str = "gate",
    reason: str | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> StoredModel:
    """Check the inputs, train on ``workspace``'s outcomes and store the model.

    ``name`` defaults to :func:`default_model_name` (free among the workspace's models);
    a stored model of the same name is replaced. ``truth`` is the simulator's
    ``truth.csv`` (adds the ground-truth ceiling). With ``models_dir`` the model is also
    written there as ``NAME.skops`` and ``NAME.json``. The model is stored as a
    candidate and becomes the workspace's active model when the gate promotes it
    (``promote="gate"``), or whatever the gate says with ``promote="always"`` and a
    written ``reason`` (kept in the card's ``overrides`` when the gate did not promote
    it); ``promote="never"`` keeps it a candidate. The card's ``gate`` holds the
    comparison and the decision. ``progress`` and ``cancelled`` work as in
    :func:`~.train.train`, with ``store`` as the last stage; a cancel seen before that
    stage stores nothing.
    """
    _check_target(target)
    _check_seed(seed)
    if promote not in PROMOTE_MODES:
        raise CurriculumError(SAID("bad_promote", promote=promote, modes=", ".join(PROMOTE_MODES)))
    reason = (reason or "").strip() or None
    if promote == "always" and reason is None:
        raise CurriculumError(SAID("reason_needed"))
    if name is not None:
        _check_name(name)
    truth_frame = read_truth(truth, target) if truth is not None else None
    stored = list_models(workspace)
    active_name = next((model.name for model in stored if model.active), None)
    if name is None:
        name = default_model_name({model.name for model in stored})
    elif name == active_name and promote != "always":
        raise CurriculumError(PERSIST_SAID("replaces_active", name=name))

    total = len(training_stages(store=True))  # train's own stages, then "store"

    def training_progress(done: int, _total: int, stage: str) -> None:
        if progress is not None:
            progress(done, total, stage)

    result = train(
        workspace, target, seed, truth_frame, progress=training_progress, cancelled=cancelled
    )
    if cancelled is not None and cancelled():
        raise TrainingCancelled()
    if progress is not None:
        progress(total, total, "store")
    active, problem = None, None
    if active_name is not None:
        try:
            active = load_model(workspace, active_name)
        except CurriculumError as error:
            problem = said_by(error)
    passed, result.card["gate"] = compare(result.card, result.holdout, active, problem, active_name)
    activate = passed if promote == "gate" else promote == "always"
    override = reason if promote == "always" and not passed else None
    directory = Path(models_dir) if models_dir is not None else None
    return save_model(
        workspace, result, name, directory=directory, activate=activate, override=override
    )
