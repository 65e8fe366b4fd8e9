"""Model: the workspace's stored success models, their cards, and training a new one.

The list shows every model the workspace holds (newest first, the active one bold) with
its state: Kandidat (trained, not promoted), Aktif or Pensiun; selecting one shows its
card (:class:`~.model_card.ModelCard`), with the promotion gate's comparison and
decision. "Promosikan" makes the selected model active: at once when the gate promoted
it over the model active now, else only with a written reason (asked for in a dialog;
an empty one is refused), which its card keeps. A model that fails
verification (altered bytes or card, other library versions, a pickle from older
versions, untrusted types) is listed with the reason and never used; listing only
verifies, it never rebuilds a model. "Latih model…" asks for the options
(:class:`~.train_dialog.TrainDialog`) and trains in a background worker that opens its
own workspace; the :class:`~.training_panel.TrainingPanel` shows each stage and cancels
the run (button or Esc) before the next one, and a cancelled run stores nothing.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ..errors import CurriculumError
from ..model.gate import gate_passed
from ..model.persist import StoredModel, activate_model, list_models, verify_model
from ..model.training import default_model_name
from ..store import Workspace
from .i18n import error_text, in_app_language
from .model_card import ModelCard
from .model_list import ModelList
from .model_metrics import BASELINES
from .roles import allow
from .table_cells import number_text
from .train_dialog import TrainDialog, TrainOptions
from .training_panel import TrainingPanel, training_task
from .workers import Worker, start

__all__ = [
    "BASELINES",
    "ModelTab",
    "TrainDialog",
    "TrainOptions",
    "default_model_name",
]


class ModelTab(QWidget):
    """The workspace's models: list, card, activation and training."""

    status_message = Signal(str)
    workspace_edited = Signal()
    active_model_changed = Signal(str)
    #: A training run stored a model (active or candidate), by name.
    trained = Signal(str)
    #: True when a training run starts, False when it ends (stored, failed or cancelled).
    training_changed = Signal(bool)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None):
        super().__init__(parent)
        self.workspace = workspace
        self.models: list[StoredModel] = []
        self._refusals: dict[tuple[str, str], str | None] = {}
        self._province_names: dict[str, str] = {}
        self._worker: Worker | None = None
        self._training: tuple[str, TrainOptions] | None = None
        self.train_dialog: TrainDialog | None = None
        self._build()
        self.reload()

    def _build(self) -> None:
        heading = QLabel(self.tr("Model peluang keberhasilan"), self)
        font = QFont(heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.15)
        font.setBold(True)
        heading.setFont(font)
        self.train_button = QPushButton(self.tr("Latih model…"), self)
        self.train_button.setToolTip(self.tr("Latih model baru dari hasil pelatihan workspace"))
        self.train_button.clicked.connect(self.open_train_dialog)
        self.activate_button = QPushButton(self.tr("Promosikan"), self)
        self.activate_button.setToolTip(
            self.tr(
                "Jadikan model terpilih model aktif (dipakai untuk skor, rekomendasi dan "
                "batch); tanpa lolos gerbang promosi perlu alasan tertulis"
            )
        )
        self.activate_button.clicked.connect(self.activate_selected)
        toolbar = QHBoxLayout()
        toolbar.addWidget(heading)
        toolbar.addStretch(1)
        toolbar.addWidget(self.activate_button)
        toolbar.addWidget(self.train_button)

        self.progress_panel = TrainingPanel(self)
        self.progress_panel.cancel_requested.connect(self.cancel_training)
        self.list = ModelList(self)
        self.list.itemSelectionChanged.connect(self._selection_changed)
        self.list.doubleClicked.connect(lambda _index: self.activate_selected())
        self.card = ModelCard(self)

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.list)
        splitter.addWidget(self.card)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 4)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([150, 600])
        self.splitter = splitter
        layout = QVBoxLayout(self)
        layout.addLayout(toolbar)
        layout.addWidget(self.progress_panel)
        layout.addWidget(splitter, 1)

    # ------------------------------------------------------------- workspace

    def set_workspace(self, workspace: Workspace) -> None:
        """Show another workspace (a training run in progress keeps its own)."""
        self.workspace = workspace
        self._refusals.clear()
        self.reload()

    def reload(self) -> None:
        """Read the models again, keeping the selection where possible."""
        selected = self.selected_name()
        try:
            self.models = list_models(self.workspace)
            self._province_names = {
                region.code: region.name
                for region in self.workspace.load("regions")
                if not region.parent
            }
        except CurriculumError as error:
            self.models = []
            self.status_message.emit(error_text(error))
        self.list.show_models(self.models, self.refusal_reason)
        names = [model.name for model in self.models]
        active = self.active_name()
        self.select(selected if selected in names else active or (names[0] if names else ""))
        if not names:
            self._show_card(None)
        self._update_buttons()

    def active_name(self) -> str | None:
        """The name of the workspace's active model, if any."""
        return next((model.name for model in self.models if model.active), None)

    def refusal_reason(self, model: StoredModel) -> str | None:
        """Why ``model`` is refused, in the interface's language (verified once per name
        and hash, without rebuilding it), or None."""
        key = (model.name, model.sha256)
        if key not in self._refusals:
            try:
                self._refusals[key] = verify_model(self.workspace, model.name)
            except CurriculumError as error:
                self._refusals[key] = error_text(error)
            except Exception as error:  # noqa: BLE001 - an unreadable row is shown, not raised
                self._refusals[key] = f"{type(error).__name__}: {error}"
        refused = self._refusals[key]
        return None if refused is None else in_app_language(refused)

    # ------------------------------------------------------------- selection

    def selected_name(self) -> str | None:
        """The model selected in the list."""
        return self.list.selected_name()

    def select(self, name: str | None) -> None:
        """Select the model ``name`` in the list (and show its card)."""
        if self.list.select_name(name):
            self._selection_changed()

    def model_named(self, name: str | None) -> StoredModel | None:
        return next((model for model in self.models if model.name == name), None)

    def _selection_changed(self) -> None:
        self._show_card(self.model_named(self.selected_name()))
        self._update_buttons()

    def _show_card(self, model: StoredModel | None) -> None:
        refused = self.refusal_reason(model) if model is not None else None
        self.card.show_model(model, refused, self._province_names, any_models=bool(self.models))

    def _update_buttons(self) -> None:
        selected = self.model_named(self.selected_name())
        busy = self.is_training
        actor = self.workspace.actor
        allow([self.train_button], actor, "models", not busy)
        allow(
            [self.activate_button],
            actor,
            "models",
            not busy and selected is not None and not selected.active,
        )

    # ------------------------------------------------------------ activation

    def needs_reason(self, model: StoredModel) -> bool:
        """True when promoting ``model`` overrides the gate: it is not a candidate the
        gate promoted over the model active now."""
        return model.state != "candidate" or not gate_passed(model.card, self.active_name())

    def ask_reason(self, model: StoredModel) -> str | None:
        """The written reason for promoting ``model`` over the gate; None when cancelled,
        "" (refused by the caller) when left empty."""
        text, accepted = QInputDialog.getMultiLineText(
            self,
            self.tr("Alasan promosi"),
            self.tr(
                "Model “%1” tidak lolos gerbang promosi terhadap model aktif.\n"
                "Tuliskan alasan mempromosikannya; alasan ini disimpan di kartu model."
            ).replace("%1", model.name),
        )
        return text.strip() if accepted else None

    def activate_selected(self) -> None:
        """Promote the selected model to the workspace's active model (refused ones are
        not); without a gate pass, only with a written reason."""
        model = self.model_named(self.selected_name())
        if model is None or model.active or self.is_training:
            return
        refused = self.refusal_reason(model)
        if refused:
            QMessageBox.warning(
                self,
                self.tr("Model ditolak"),
                self.tr("Model “%1” tidak dapat dijadikan aktif:\n%2")
                .replace("%1", model.name)
                .replace("%2", refused),
            )
            return
        reason = None
        if self.needs_reason(model):
            reason = self.ask_reason(model)
            if reason is None:
                return
            if not reason:
                QMessageBox.warning(
                    self,
                    self.tr("Alasan wajib diisi"),
                    self.tr("Model “%1” tidak dipromosikan: alasannya kosong.").replace(
                        "%1", model.name
                    ),
                )
                return
        try:
            activate_model(self.workspace, model.name, reason)
        except CurriculumError as error:
            QMessageBox.warning(self, self.tr("Model tidak dapat diaktifkan"), error_text(error))
            return
        self.reload()
        self.select(model.name)
        self.status_message.emit(self.tr("Model aktif sekarang: %1").replace("%1", model.name))
        self.workspace_edited.emit()
        self.active_model_changed.emit(model.name)

    # -------------------------------------------------------------- training

    @property
    def is_training(self) -> bool:
        return self._worker is not None

    def open_train_dialog(self) -> None:
        """Ask for the training options, then train in the background."""
        if self.is_training:
            return
        dialog = TrainDialog({model.name for model in self.models}, self)
        self.train_dialog = dialog
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            options = dialog.options()
        finally:
            self.train_dialog = None
            dialog.deleteLater()
        self.start_training(options)

    def start_training(self, options: TrainOptions) -> None:
        """Train with ``options`` on this workspace in a background worker."""
        if self.is_training:
            return
        target = self.workspace.target
        self._training = (target, options)
        self.progress_panel.begin(options.name)
        self._worker = start(
            training_task(target, options),
            on_finished=self._training_finished,
            on_failed=self._training_failed,
            on_progress=self._training_progress,
            on_cancelled=self._training_cancelled,
        )
        self._update_buttons()
        self.status_message.emit(self.tr("Melatih model “%1”…").replace("%1", options.name))
        self.training_changed.emit(True)

    def cancel_training(self) -> None:
        """Stop the running training before its next stage; nothing is stored."""
        if self._worker is None:
            return
        self._worker.cancel()
        self.progress_panel.cancelling()

    def _training_progress(self, done: int, total: int, stage: str) -> None:
        if self._worker is None or self._worker.is_cancelled:
            return
        self.progress_panel.show_stage(done, total, stage)

    def _end_training(self) -> tuple[str, TrainOptions] | None:
        training = self._training
        self._worker = None
        self._training = None
        self.progress_panel.hide()
        self._update_buttons()
        self.training_changed.emit(False)
        return training

    def _training_finished(self, stored: StoredModel) -> None:
        training = self._end_training()
        same_workspace = training is not None and training[0] == self.workspace.target
        if not same_workspace:
            self.status_message.emit(
                self.tr("Model “%1” disimpan di workspace %2")
                .replace("%1", stored.name)
                .replace("%2", training[0] if training else "?")
            )
            return
        self._refusals.pop((stored.name, stored.sha256), None)
        self.reload()
        self.select(stored.name)
        auc = stored.card.get("metrics", {}).get("model", {}).get("auc")
        said = (
            self.tr("Model “%1” disimpan dan dijadikan aktif (AUC %2)")
            if stored.active
            else self.tr(
                "Model “%1” disimpan sebagai kandidat (AUC %2): tidak lolos gerbang promosi"
            )
        )
        self.status_message.emit(
            said.replace("%1", stored.name).replace("%2", number_text(self, auc))
        )
        self.workspace_edited.emit()
        self.trained.emit(stored.name)
        if stored.active:
            self.active_model_changed.emit(stored.name)

    def _training_failed(self, message: str) -> None:
        self._end_training()
        self.status_message.emit(self.tr("Pelatihan model gagal"))
        QMessageBox.warning(self, self.tr("Model tidak dapat dilatih"), message)

    def _training_cancelled(self) -> None:
        # train_and_store raises before its store stage: a cancelled run stored nothing
        self._end_training()
        self.status_message.emit(self.tr("Pelatihan dibatalkan; tidak ada model disimpan"))
