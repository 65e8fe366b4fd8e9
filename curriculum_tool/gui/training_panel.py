"""A training run in the background: its task, and the panel showing its stages.

:func:`training_task` runs :func:`~curriculum_tool.model.training.train_and_store` on a
worker thread with the worker's ``report`` and ``cancelled``. Training reports a stable
stage key (:data:`~curriculum_tool.model.train.STAGES`); :data:`STAGE_LABELS` holds the
translatable words for each key, and :class:`TrainingPanel` shows them with the stage
number out of all and a Cancel button (Esc) that stops the run at the next stage.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from ..model.persist import StoredModel
from ..model.train import STAGE_LABELS as CORE_STAGE_LABELS
from ..model.training import train_and_store
from ..store import Workspace
from .i18n import in_app_language
from .train_dialog import TrainOptions
from .workers import Report

__all__ = ["STAGE_LABELS", "TrainingPanel", "training_task"]

#: What each training stage is doing, in Indonesian (English in the translations); keyed
#: by the stage keys of :data:`curriculum_tool.model.train.STAGES`.
STAGE_LABELS: dict[str, str] = {
    "features": str(
        QT_TRANSLATE_NOOP("TrainingPanel", "Membaca hasil pelatihan dan menyusun fitur")
    ),
    "split": str(QT_TRANSLATE_NOOP("TrainingPanel", "Memisahkan data latih dan data uji")),
    "fit_model": str(QT_TRANSLATE_NOOP("TrainingPanel", "Melatih model")),
    "fit_baselines": str(QT_TRANSLATE_NOOP("TrainingPanel", "Melatih pembanding")),
    "evaluate": str(QT_TRANSLATE_NOOP("TrainingPanel", "Mengukur pada peserta yang disisihkan")),
    "refit": str(
        QT_TRANSLATE_NOOP("TrainingPanel", "Melatih ulang pada semua pendaftaran berlabel")
    ),
    "store": str(QT_TRANSLATE_NOOP("TrainingPanel", "Menyimpan model")),
}


def training_task(
    target: str, options: TrainOptions
) -> Callable[[Report, Callable[[], bool]], StoredModel]:
    """The background task: train on the workspace at ``target`` and store the model.

    It opens its own :class:`Workspace` (connections are not shared across threads). A
    cancel is seen before each stage; a cancelled run raises before the ``store`` stage
    and writes nothing.
    """

    def task(report: Report, cancelled: Callable[[], bool]) -> StoredModel:
        with Workspace.open(target) as workspace:
            return train_and_store(
                workspace,
                target=options.target,
                seed=options.seed,
                name=options.name or None,
                truth=options.truth,
                progress=report,
                cancelled=cancelled,
            )

    return task


class TrainingPanel(QFrame):
    """The running training: the model's name, the current stage, stage n of all, and a
    Cancel button (Esc while the panel shows) that emits ``cancel_requested``."""

    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._name = ""
        self.label = QLabel(self)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 0)
        self.bar.setTextVisible(True)
        self.bar.setMinimumWidth(240)
        self.cancel_button = QPushButton(self.tr("Batal"), self)
        self.cancel_button.setToolTip(self.tr("Hentikan pelatihan (Esc); tidak ada model disimpan"))
        self.cancel_button.clicked.connect(self.cancel_requested)
        # Esc anywhere in the window, but only while the panel (so the Model tab) shows.
        self.escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        self.escape.setContext(Qt.ShortcutContext.WindowShortcut)
        self.escape.activated.connect(self.cancel_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel_button)
        self.hide()

    def begin(self, name: str) -> None:
        """Show the panel for a run training the model ``name``."""
        self._name = name
        self.bar.setRange(0, 0)
        self.bar.setFormat(self.tr("%v dari %m"))
        self.label.setText(self.tr("Melatih model “%1”: memulai…").replace("%1", name))
        self.cancel_button.setEnabled(True)
        self.cancel_button.setText(self.tr("Batal"))
        self.escape.setEnabled(True)
        self.show()

    def show_stage(self, done: int, total: int, stage: str) -> None:
        """Show that stage ``done`` of ``total``, the key ``stage``, has begun."""
        self.label.setText(
            self.tr("Melatih model “%1”: %2")
            .replace("%1", self._name)
            .replace("%2", self.stage_text(stage))
        )
        self.bar.setRange(0, total)
        self.bar.setValue(done)

    def stage_text(self, stage: str) -> str:
        """The words for a stage key: the panel's own, else the core's label in the
        interface's language (an unknown key is shown as it is)."""
        label = STAGE_LABELS.get(stage)
        if label is not None:
            return self.tr(label)
        return in_app_language(CORE_STAGE_LABELS.get(stage, stage))

    def cancelling(self) -> None:
        """Show that the run stops at its next stage."""
        self.cancel_button.setEnabled(False)
        self.cancel_button.setText(self.tr("Membatalkan…"))
        self.escape.setEnabled(False)
        self.label.setText(self.tr("Membatalkan: berhenti setelah tahap ini…"))
