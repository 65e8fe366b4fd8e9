"""Model: the workspace's stored success models, their cards, and training a new one.

The list shows every model the workspace holds (newest first, the active one bold);
selecting one shows its card: held-out metrics against the baselines (and the
ground-truth ceiling on simulated data), a reliability diagram, per-province slices and
the card's details. A model that fails verification (altered bytes or card, other
library versions, a pickle from older versions, untrusted types) is listed with the
reason and never used; listing only verifies, it never rebuilds a model. "Latih model…"
trains on the workspace's outcomes in a background worker that opens its own workspace,
reports each stage of :func:`~curriculum_tool.model.train.train` and can be cancelled
between stages; a cancelled run stores nothing.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
from PySide6.QtCore import QT_TRANSLATE_NOOP, QRegularExpression, Qt, Signal
from PySide6.QtGui import QColor, QFont, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QSplitter,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ..errors import CurriculumError
from ..model.persist import (
    NAME,
    StoredModel,
    activate_model,
    list_models,
    save_model,
    verify_model,
)
from ..model.train import train
from ..model.versions import version_mismatches
from ..store import Workspace
from .calibration_chart import CalibrationChart
from .workers import Cancelled, Worker, start

__all__ = [
    "BASELINES",
    "TRAINING_STEPS",
    "ModelTab",
    "TrainDialog",
    "TrainOptions",
    "default_model_name",
]

#: Baseline keys of a card, in display order, with their Indonesian names.
BASELINES: tuple[tuple[str, str], ...] = (
    ("base_rate", QT_TRANSLATE_NOOP("ModelTab", "Tingkat dasar")),
    ("module_rate", QT_TRANSLATE_NOOP("ModelTab", "Tingkat per modul")),
    ("logistic", QT_TRANSLATE_NOOP("ModelTab", "Regresi logistik")),
)
#: Metric keys of a card, with column titles and whether a higher value is better.
METRICS: tuple[tuple[str, str, bool], ...] = (
    ("auc", "AUC", True),
    ("log_loss", "Log loss", False),
    ("brier", "Brier", False),
    ("ece", "ECE", False),
)
#: Progress steps of one training run: train()'s stages (features, model, three baselines,
#: refit), then storing.
TRAINING_STEPS = 7

_USER = Qt.ItemDataRole.UserRole


def default_model_name(
    taken: set[str] | frozenset[str] = frozenset(), now: dt.datetime | None = None
) -> str:
    """``model-YYYYMMDD-HHMM`` for now, with ``-2``, ``-3``… if that name is taken."""
    base = (now or dt.datetime.now()).strftime("model-%Y%m%d-%H%M")
    name, counter = base, 1
    while name in taken:
        counter += 1
        name = f"{base}-{counter}"
    return name


@dataclass(frozen=True)
class TrainOptions:
    """What the user chose in the training dialog."""

    target: str = "l3"
    seed: int = 0
    name: str = ""
    truth: Path | None = None


def _read_truth(path: Path, target: str) -> pd.DataFrame:
    """``truth.csv`` of the simulator, checked for the columns the ceiling needs."""
    column = "p_success" if target == "l3" else "p_completed"
    try:
        frame = pd.read_csv(path)
    except (OSError, ValueError) as error:
        raise CurriculumError(f"cannot read the ground truth {path.name}: {error}") from None
    missing = [c for c in ("learner", "module", "date", column) if c not in frame.columns]
    if missing:
        raise CurriculumError(
            f"{path.name} is not a simulator truth file: it has no column {', '.join(missing)}"
        )
    return frame


def training_task(target: str, options: TrainOptions) -> Callable[..., StoredModel]:
    """The background task: train on the workspace at ``target`` and store the model.

    It opens its own :class:`Workspace` (connections are not shared across threads).
    ``train`` has no cancel hook, so the task checks ``cancelled()`` each time ``train``
    reports a stage and once more just before storing: a cancelled run stops at the next
    stage and never writes anything.
    """

    def task(report: Callable[[int, int, str], None], cancelled: Callable[[], bool]) -> StoredModel:
        step = 0

        def progress(message: str) -> None:
            nonlocal step
            if cancelled():
                raise Cancelled()
            step = min(step + 1, TRAINING_STEPS)
            report(step, TRAINING_STEPS, message)

        truth = _read_truth(options.truth, options.target) if options.truth else None
        with Workspace.open(target) as workspace:
            result = train(workspace, options.target, options.seed, truth, progress=progress)
            progress("storing the model")
            return save_model(workspace, result, options.name, activate=True)

    return task


def _created_text(created: str) -> str:
    """A card's UTC ISO timestamp as local ``YYYY-MM-DD HH:MM``."""
    try:
        moment = dt.datetime.fromisoformat(created)
    except (TypeError, ValueError):
        return str(created or "")
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    return moment.strftime("%Y-%m-%d %H:%M")


class _SortItem(QTableWidgetItem):
    """A table cell shown as text but sorted by a number (None sorts first)."""

    def __init__(self, text: str, key: float | str | None):
        super().__init__(text)
        self.setData(_USER + 1, key)

    def __lt__(self, other: QTableWidgetItem) -> bool:
        mine, theirs = self.data(_USER + 1), other.data(_USER + 1)
        if mine is None or theirs is None:
            return mine is None and theirs is not None
        return mine < theirs


def _table(parent: QWidget, headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setAlternatingRowColors(True)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
    table.setWordWrap(False)
    return table


class TrainDialog(QDialog):
    """Options of a training run: target, seed, model name, optional ground truth."""

    TARGETS: tuple[tuple[str, str], ...] = (
        (
            "l3",
            QT_TRANSLATE_NOOP(
                "TrainDialog", "Berhasil diterapkan di tempat kerja (selesai dan L3)"
            ),
        ),
        ("completed", QT_TRANSLATE_NOOP("TrainDialog", "Selesai mengikuti modul")),
    )

    def __init__(self, existing: set[str], parent: QWidget | None = None):
        super().__init__(parent)
        self.existing = set(existing)
        self.setWindowTitle(self.tr("Latih model baru"))
        self.setModal(True)
        intro = QLabel(
            self.tr(
                "Model dilatih dari hasil pelatihan (outcomes) di workspace ini, diuji pada "
                "peserta yang disisihkan, lalu disimpan dan dijadikan model aktif."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.target = QComboBox(self)
        for key, label in self.TARGETS:
            self.target.addItem(self.tr(label), key)
        self.seed = QSpinBox(self)
        self.seed.setRange(0, 2**31 - 1)
        self.seed.setToolTip(self.tr("Benih acak: hasil yang sama untuk benih dan data yang sama"))
        self.name = QLineEdit(default_model_name(self.existing), self)
        self.name.setValidator(
            QRegularExpressionValidator(QRegularExpression(NAME.pattern.strip("^$")), self.name)
        )
        self.name.setToolTip(self.tr("Huruf, angka, '.', '_' atau '-', paling banyak 80"))
        self.truth = QLineEdit(self)
        self.truth.setPlaceholderText(self.tr("opsional: truth.csv dari simulator"))
        self.truth.setClearButtonEnabled(True)
        browse = QPushButton(self.tr("Pilih…"), self)
        browse.clicked.connect(self._browse_truth)
        truth_row = QHBoxLayout()
        truth_row.addWidget(self.truth, 1)
        truth_row.addWidget(browse)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #8a5300;")
        form = QFormLayout()
        form.addRow(self.tr("Sasaran:"), self.target)
        form.addRow(self.tr("Benih acak:"), self.seed)
        form.addRow(self.tr("Nama model:"), self.name)
        form.addRow(self.tr("Kebenaran dasar:"), truth_row)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Latih"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Batal"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.hint)
        layout.addWidget(self.buttons)
        self.name.textChanged.connect(self._check)
        self.truth.textChanged.connect(self._check)
        self.setMinimumWidth(480)
        self._check()

    def _browse_truth(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Kebenaran dasar simulator"), "", self.tr("CSV (*.csv);;Semua berkas (*)")
        )
        if path:
            self.truth.setText(path)

    def problem(self) -> str | None:
        """Why the options cannot be used yet, or None."""
        name = self.name.text().strip()
        if not NAME.fullmatch(name):
            return self.tr(
                "Nama model: huruf, angka, '.', '_' atau '-' (paling banyak 80), "
                "diawali huruf atau angka."
            )
        truth = self.truth.text().strip()
        if truth and not Path(truth).is_file():
            return self.tr("Berkas kebenaran dasar tidak ditemukan.")
        return None

    def _check(self) -> None:
        problem = self.problem()
        warning = problem
        if problem is None and self.name.text().strip() in self.existing:
            warning = self.tr("Model dengan nama ini sudah ada dan akan diganti.")
        self.hint.setText(warning or "")
        self.hint.setVisible(bool(warning))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(problem is None)

    def options(self) -> TrainOptions:
        truth = self.truth.text().strip()
        return TrainOptions(
            self.target.currentData(),
            self.seed.value(),
            self.name.text().strip(),
            Path(truth) if truth else None,
        )


class ModelTab(QWidget):
    """The workspace's models: list, card, activation and training."""

    status_message = Signal(str)
    workspace_edited = Signal()
    active_model_changed = Signal(str)
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
        self._models_before: dict[str, str] = {}
        self.train_dialog: TrainDialog | None = None
        self._build()
        self.reload()

    # ----------------------------------------------------------------- layout

    def _build(self) -> None:
        heading = QLabel(self.tr("Model peluang keberhasilan"), self)
        font = QFont(heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.15)
        font.setBold(True)
        heading.setFont(font)
        self.train_button = QPushButton(self.tr("Latih model…"), self)
        self.train_button.setToolTip(self.tr("Latih model baru dari hasil pelatihan workspace"))
        self.train_button.clicked.connect(self.open_train_dialog)
        self.activate_button = QPushButton(self.tr("Jadikan aktif"), self)
        self.activate_button.setToolTip(
            self.tr("Model aktif dipakai untuk skor, rekomendasi dan batch")
        )
        self.activate_button.clicked.connect(self.activate_selected)
        toolbar = QHBoxLayout()
        toolbar.addWidget(heading)
        toolbar.addStretch(1)
        toolbar.addWidget(self.activate_button)
        toolbar.addWidget(self.train_button)

        self.progress_panel = QFrame(self)
        self.progress_panel.setFrameShape(QFrame.Shape.StyledPanel)
        self.progress_label = QLabel(self.progress_panel)
        self.progress = QProgressBar(self.progress_panel)
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(True)
        self.progress.setMinimumWidth(240)
        self.cancel_button = QPushButton(self.tr("Batal"), self.progress_panel)
        self.cancel_button.clicked.connect(self.cancel_training)
        panel = QHBoxLayout(self.progress_panel)
        panel.setContentsMargins(8, 4, 8, 4)
        panel.addWidget(self.progress_label, 1)
        panel.addWidget(self.progress)
        panel.addWidget(self.cancel_button)
        self.progress_panel.hide()

        self.list = _table(
            self,
            [
                self.tr("Nama"),
                self.tr("Dibuat"),
                self.tr("Target"),
                self.tr("Baris data"),
                self.tr("AUC"),
                self.tr("ECE"),
                self.tr("Aktif"),
            ],
        )
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.verticalHeader().hide()
        header = self.list.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.list.itemSelectionChanged.connect(self._selection_changed)
        self.list.doubleClicked.connect(lambda _index: self.activate_selected())

        self.card = self._build_card()
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

    def _build_card(self) -> QWidget:
        card = QWidget(self)
        self.card_title = QLabel(card)
        self.card_title.setTextFormat(Qt.TextFormat.RichText)
        self.card_summary = QLabel(card)
        self.card_summary.setWordWrap(True)
        self.refusal = QLabel(card)
        self.refusal.setWordWrap(True)
        self.refusal.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.refusal.setStyleSheet(
            "QLabel { background: #fdecea; color: #8b1a10; "
            "border: 1px solid #f5c2bd; border-radius: 3px; "
            "padding: 6px; }"
        )
        self.refusal.hide()

        self.metrics = _table(card, [title for _key, title, _higher in METRICS])
        self.metrics.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.metrics.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.metrics.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.metrics.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.metrics.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        tips = {
            "auc": self.tr(
                "Kemampuan membedakan berhasil dari tidak: 0,5 acak, 1 sempurna; "
                "lebih besar lebih baik"
            ),
            "log_loss": self.tr("Kerugian logaritmik: lebih kecil lebih baik"),
            "brier": self.tr("Rata-rata kuadrat galat peluang: lebih kecil lebih baik"),
            "ece": self.tr(
                "Galat kalibrasi: selisih rata-rata antara peluang prediksi dan "
                "tingkat teramati; lebih kecil lebih baik"
            ),
        }
        for column, (key, _title, _higher) in enumerate(METRICS):
            self.metrics.horizontalHeaderItem(column).setToolTip(tips[key])
        self.metrics_note = QLabel(card)
        self.metrics_note.setWordWrap(True)
        self.metrics_note.setStyleSheet("color: #555555;")
        metrics_box = QGroupBox(self.tr("Metrik uji (peserta yang disisihkan)"), card)
        box = QVBoxLayout(metrics_box)
        box.addWidget(self.metrics)
        box.addWidget(self.metrics_note)

        self.chart = CalibrationChart(card)
        chart_box = QGroupBox(self.tr("Kalibrasi"), card)
        QVBoxLayout(chart_box).addWidget(self.chart)

        self.provinces = _table(
            card,
            [
                self.tr("Provinsi"),
                self.tr("Baris"),
                self.tr("Tingkat"),
                self.tr("Prediksi"),
                self.tr("AUC"),
            ],
        )
        self.provinces.verticalHeader().hide()
        province_header = self.provinces.horizontalHeader()
        province_header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        province_header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.provinces.setSortingEnabled(True)
        self.provinces.horizontalHeaderItem(2).setToolTip(
            self.tr("Tingkat keberhasilan teramati di provinsi ini")
        )
        self.provinces.horizontalHeaderItem(3).setToolTip(
            self.tr("Rata-rata peluang prediksi model di provinsi ini")
        )
        province_box = QGroupBox(self.tr("Per provinsi (data uji)"), card)
        QVBoxLayout(province_box).addWidget(self.provinces)

        self.details = QTextBrowser(card)
        self.details.setOpenLinks(False)
        self.details.setReadOnly(True)
        details_box = QGroupBox(self.tr("Kartu model"), card)
        QVBoxLayout(details_box).addWidget(self.details)

        grid = QGridLayout(card)
        grid.setContentsMargins(0, 6, 0, 0)
        grid.addWidget(self.card_title, 0, 0, 1, 3)
        grid.addWidget(self.card_summary, 1, 0, 1, 3)
        grid.addWidget(self.refusal, 2, 0, 1, 3)
        grid.addWidget(metrics_box, 3, 0)
        grid.addWidget(province_box, 4, 0)
        grid.addWidget(chart_box, 3, 1, 2, 1)
        grid.addWidget(details_box, 3, 2, 2, 1)
        grid.setColumnStretch(0, 5)
        grid.setColumnStretch(1, 4)
        grid.setColumnStretch(2, 5)
        grid.setRowStretch(4, 1)
        return card

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
            self.status_message.emit(str(error))
        self._fill_list()
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
        """Why ``model`` is refused (verified once per name and hash, without rebuilding
        it), or None."""
        key = (model.name, model.sha256)
        if key not in self._refusals:
            try:
                self._refusals[key] = verify_model(self.workspace, model.name)
            except CurriculumError as error:
                self._refusals[key] = str(error)
            except Exception as error:  # noqa: BLE001 - an unreadable row is shown, not raised
                self._refusals[key] = f"{type(error).__name__}: {error}"
        return self._refusals[key]

    # ------------------------------------------------------------------ list

    def _fill_list(self) -> None:
        self.list.blockSignals(True)
        self.list.setRowCount(len(self.models))
        locale = self.locale()
        warning_icon = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        for row, model in enumerate(self.models):
            card = model.card
            metrics = card.get("metrics", {}).get("model", {})
            rows = card.get("data", {}).get("rows")
            refused = self.refusal_reason(model)
            cells = [
                _SortItem(model.name, model.name),
                _SortItem(_created_text(model.created), model.created),
                _SortItem(
                    self._target_text(card.get("target", ""), short=True), card.get("target", "")
                ),
                _SortItem(locale.toString(int(rows)) if rows is not None else "–", rows),
                _SortItem(self._number(metrics.get("auc")), metrics.get("auc")),
                _SortItem(self._number(metrics.get("ece")), metrics.get("ece")),
                _SortItem("✓" if model.active else "", int(model.active)),
            ]
            for column, item in enumerate(cells):
                item.setData(_USER, model.name)
                if column >= 3:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                if column == 6:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if model.active:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                if refused:
                    item.setToolTip(self.tr("Ditolak: %1").replace("%1", refused))
                    item.setForeground(QColor("#8b1a10"))
                self.list.setItem(row, column, item)
            if refused:
                self.list.item(row, 0).setIcon(warning_icon)
        self.list.blockSignals(False)

    def selected_name(self) -> str | None:
        """The model selected in the list."""
        rows = self.list.selectionModel().selectedRows() if self.list.selectionModel() else []
        if not rows:
            return None
        item = self.list.item(rows[0].row(), 0)
        return item.data(_USER) if item is not None else None

    def select(self, name: str | None) -> None:
        """Select the model ``name`` in the list (and show its card)."""
        for row in range(self.list.rowCount()):
            if self.list.item(row, 0).data(_USER) == name:
                self.list.selectRow(row)
                self.list.scrollToItem(self.list.item(row, 0))
                self._selection_changed()
                return
        self.list.clearSelection()

    def model_named(self, name: str | None) -> StoredModel | None:
        return next((model for model in self.models if model.name == name), None)

    def _selection_changed(self) -> None:
        self._show_card(self.model_named(self.selected_name()))
        self._update_buttons()

    def _update_buttons(self) -> None:
        selected = self.model_named(self.selected_name())
        busy = self.is_training
        self.train_button.setEnabled(not busy)
        self.activate_button.setEnabled(not busy and selected is not None and not selected.active)

    # ------------------------------------------------------------------ card

    def _number(self, value: float | None, digits: int = 3) -> str:
        return "–" if value is None else self.locale().toString(float(value), "f", digits)

    def _percent(self, value: float) -> str:
        return self.locale().toString(100 * float(value), "f", 1) + "%"

    def _target_text(self, target: str, short: bool = False) -> str:
        if target == "l3":
            return (
                self.tr("L3 (diterapkan)")
                if short
                else self.tr("selesai dan diterapkan di tempat kerja (Kirkpatrick level 3, l3 = 1)")
            )
        if target == "completed":
            return self.tr("Selesai") if short else self.tr("selesai mengikuti modul")
        return target

    def _show_card(self, model: StoredModel | None) -> None:
        if model is None:
            self.card_title.setText(
                self.tr("<b>Belum ada model dipilih</b>")
                if self.models
                else self.tr("<b>Belum ada model</b>")
            )
            self.card_summary.setText(
                ""
                if self.models
                else self.tr(
                    "Latih model dari hasil pelatihan workspace ini dengan “Latih model…”."
                )
            )
            self.refusal.hide()
            self.metrics.setRowCount(0)
            self.metrics_note.clear()
            self.chart.clear()
            self.provinces.setRowCount(0)
            self.details.clear()
            return
        card = model.card
        state = self.tr("aktif") if model.active else self.tr("tidak aktif")
        self.card_title.setText(
            f"<span style='font-size:large'><b>{html.escape(model.name)}</b></span>"
            f" &nbsp;·&nbsp; {html.escape(state)} &nbsp;·&nbsp; "
            + html.escape(self.tr("dibuat %1").replace("%1", _created_text(model.created)))
        )
        self.card_summary.setText(self._summary(card))
        refused = self.refusal_reason(model)
        self.refusal.setVisible(bool(refused))
        if refused:
            self.refusal.setText(
                self.tr("Model ini ditolak dan tidak akan dipakai: %1").replace("%1", refused)
            )
        metrics = card.get("metrics", {})
        self._fill_metrics(metrics)
        self.chart.set_calibration(metrics.get("calibration"))
        self._fill_provinces(metrics.get("provinces") or [])
        self.details.setHtml(self._details_html(model))

    def _summary(self, card: dict[str, Any]) -> str:
        evaluation, data = card.get("evaluation", {}), card.get("data", {})
        locale = self.locale()

        def count(value: Any) -> str:
            return locale.toString(int(value)) if isinstance(value, int | float) else "?"

        text = (
            self.tr(
                "Sasaran: %1. Diuji pada %2 pendaftaran peserta yang disisihkan sejak "
                "%3; dilatih pada %4 pendaftaran peserta lain sebelum tanggal itu."
            )
            .replace("%1", self._target_text(card.get("target", "")))
            .replace("%2", count(evaluation.get("test_rows")))
            .replace("%3", str(evaluation.get("cutoff", "?")))
            .replace("%4", count(evaluation.get("train_rows")))
        )
        if evaluation.get("refitted_on_all_rows"):
            text += " " + self.tr(
                "Model yang disimpan dilatih ulang pada semua %1 baris berlabel."
            ).replace("%1", count(data.get("rows")))
        return text

    def _fill_metrics(self, metrics: dict[str, Any]) -> None:
        rows: list[tuple[str, dict[str, Any]]] = []
        if "model" in metrics:
            rows.append((self.tr("Model"), metrics["model"]))
        baselines = metrics.get("baselines", {})
        rows += [(self.tr(label), baselines[key]) for key, label in BASELINES if key in baselines]
        rows += [(key, value) for key, value in baselines.items() if key not in dict(BASELINES)]
        ceiling = metrics.get("ceiling_auc")
        self.metrics.setRowCount(len(rows) + (ceiling is not None))
        best: dict[str, float] = {}
        for key, _title, higher in METRICS:
            values = [m.get(key) for _label, m in rows if m.get(key) is not None]
            if values:
                best[key] = max(values) if higher else min(values)
        for row, (label, values) in enumerate(rows):
            header = QTableWidgetItem(label)
            if row == 0:
                header.setToolTip(self.tr("Model yang dilatih"))
            self.metrics.setVerticalHeaderItem(row, header)
            for column, (key, _title, _higher) in enumerate(METRICS):
                value = values.get(key)
                item = QTableWidgetItem(self._number(value))
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if value is not None and key in best and abs(value - best[key]) < 1e-12:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                    item.setToolTip(self.tr("Terbaik di kolom ini"))
                if row == 0:
                    item.setBackground(QColor(31, 111, 178, 28))
                self.metrics.setItem(row, column, item)
        if ceiling is not None:
            row = len(rows)
            header = QTableWidgetItem(self.tr("Batas atas (kebenaran dasar)"))
            header.setToolTip(
                self.tr(
                    "AUC peluang sebenarnya dari simulator pada baris uji yang "
                    "sama: tidak ada model yang dapat melampauinya"
                )
            )
            self.metrics.setVerticalHeaderItem(row, header)
            for column, (key, _title, _higher) in enumerate(METRICS):
                item = QTableWidgetItem(self._number(ceiling) if key == "auc" else "–")
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                font = item.font()
                font.setItalic(True)
                item.setFont(font)
                item.setForeground(QColor("#666666"))
                self.metrics.setItem(row, column, item)
        height = (
            self.metrics.horizontalHeader().height()
            + 4
            + self.metrics.verticalHeader().defaultSectionSize() * self.metrics.rowCount()
        )
        self.metrics.setFixedHeight(height)
        note = ""
        model_auc = metrics.get("model", {}).get("auc")
        if ceiling is not None and model_auc is not None and ceiling > 0.5:
            note = self.tr("Model menempuh %1 jarak dari AUC 0,5 (acak) ke batas atas.").replace(
                "%1", self._percent((model_auc - 0.5) / (ceiling - 0.5))
            )
        self.metrics_note.setText(
            note
            + (" " if note else "")
            + self.tr(
                "Cetak tebal: terbaik di kolomnya. AUC lebih besar lebih baik; "
                "yang lain lebih kecil lebih baik."
            )
        )

    def _fill_provinces(self, provinces: list[dict[str, Any]]) -> None:
        self.provinces.setSortingEnabled(False)
        self.provinces.setRowCount(len(provinces))
        locale = self.locale()
        for row, slice_ in enumerate(provinces):
            code = str(slice_.get("province", ""))
            name = self._province_names.get(code)
            rows = slice_.get("rows")
            cells = [
                _SortItem(f"{code} · {name}" if name else code, code),
                _SortItem(locale.toString(int(rows)) if rows is not None else "–", rows),
                _SortItem(self._number(slice_.get("rate")), slice_.get("rate")),
                _SortItem(self._number(slice_.get("predicted")), slice_.get("predicted")),
                _SortItem(self._number(slice_.get("auc")), slice_.get("auc")),
            ]
            cells[0].setToolTip(cells[0].text())
            for column, item in enumerate(cells):
                if column:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.provinces.setItem(row, column, item)
        self.provinces.setSortingEnabled(True)
        self.provinces.sortByColumn(1, Qt.SortOrder.DescendingOrder)

    def _details_html(self, model: StoredModel) -> str:
        """The card as one two-column table: section headings, then label/value rows."""
        card = model.card
        data, evaluation = card.get("data", {}), card.get("evaluation", {})
        features = card.get("features", {})
        versions = card.get("library_versions", {})
        locale = self.locale()
        e = html.escape

        def count(value: Any) -> str:
            return locale.toString(int(value)) if isinstance(value, int | float) else "?"

        parts: list[str] = []

        def heading(title: str) -> None:
            parts.append(f"<tr><td colspan='2' style='padding-top:8px'><b>{e(title)}</b></td></tr>")

        def text(body: str) -> None:
            parts.append(f"<tr><td colspan='2'>{body}</td></tr>")

        def row(label: str, value: str) -> None:
            parts.append(
                f"<tr><td nowrap style='padding-right:10px;color:#555'>{e(label)}"
                f"</td><td>{value}</td></tr>"
            )

        heading(self.tr("Sasaran"))
        text(
            e(self._target_text(card.get("target", "")))
            + f" <span style='color:#555'>({e(str(card.get('target_meaning', '')))})</span>"
        )
        heading(self.tr("Data"))
        row(self.tr("Baris berlabel"), e(count(data.get("rows"))))
        row(self.tr("Tanpa label"), e(count(data.get("unlabelled"))))
        row(
            self.tr("Tingkat keberhasilan"),
            e(self._percent(data["positive_rate"])) if "positive_rate" in data else "?",
        )
        row(
            self.tr("Rentang tanggal"),
            e(f"{data.get('first_date', '?')} … {data.get('last_date', '?')}"),
        )
        row(self.tr("SHA-256 data"), f"<code>{e(str(data.get('sha256', ''))[:16])}…</code>")
        if card.get("training_data"):
            row(self.tr("Sumber"), e(str(card["training_data"])))
        heading(self.tr("Evaluasi"))
        row(self.tr("Pemisahan"), e(str(evaluation.get("split", ""))))
        row(self.tr("Batas tanggal"), e(str(evaluation.get("cutoff", "?"))))
        row(
            self.tr("Baris latih / uji"),
            e(f"{count(evaluation.get('train_rows'))} / {count(evaluation.get('test_rows'))}"),
        )
        row(
            self.tr("Dilatih ulang pada semua baris"),
            e(self.tr("ya") if evaluation.get("refitted_on_all_rows") else self.tr("tidak")),
        )
        heading(self.tr("Model"))
        row(self.tr("Estimator"), e(str(card.get("estimator", ""))))
        row(self.tr("Benih acak"), e(str(card.get("seed", ""))))
        row(self.tr("SHA-256 berkas"), f"<code>{e(model.sha256[:16])}…</code>")
        heading(self.tr("Fitur"))
        row(self.tr("Kategorikal"), e(", ".join(features.get("categorical", []))))
        row(self.tr("Numerik"), e(", ".join(features.get("numeric", []))))
        heading(self.tr("Versi pustaka"))
        mismatches = version_mismatches(versions) if isinstance(versions, dict) else []
        versions_text = e(", ".join(f"{k} {v}" for k, v in versions.items()))
        if mismatches:
            versions_text += (
                "<br><span style='color:#8b1a10'>"
                + e(
                    self.tr("Tidak cocok dengan instalasi ini: %1").replace(
                        "%1", "; ".join(mismatches)
                    )
                )
                + "</span>"
            )
        text(versions_text)
        row(self.tr("Platform"), e(str(card.get("platform", ""))))
        heading(self.tr("Penggunaan yang dimaksud"))
        text(e(str(card.get("intended_use", ""))))
        heading(self.tr("Batasan"))
        text(e(str(card.get("limits", ""))))
        return "<table width='100%' cellspacing='0' cellpadding='1'>" + "".join(parts) + "</table>"

    # ------------------------------------------------------------ activation

    def activate_selected(self) -> None:
        """Make the selected model the workspace's active model (refused ones are not)."""
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
        try:
            activate_model(self.workspace, model.name)
        except CurriculumError as error:
            QMessageBox.warning(self, self.tr("Model tidak dapat diaktifkan"), str(error))
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
        self._models_before = {model.name: model.sha256 for model in self.models}
        self.progress.setRange(0, 0)
        self.progress.setFormat(self.tr("%v dari %m"))
        self.progress_label.setText(
            self.tr("Melatih model “%1”: memulai…").replace("%1", options.name)
        )
        self.cancel_button.setEnabled(True)
        self.cancel_button.setText(self.tr("Batal"))
        self.progress_panel.show()
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
        """Stop the running training at its next stage; nothing is stored."""
        if self._worker is None:
            return
        self._worker.cancel()
        self.cancel_button.setEnabled(False)
        self.cancel_button.setText(self.tr("Membatalkan…"))
        self.progress_label.setText(self.tr("Membatalkan: berhenti setelah tahap ini…"))

    def progress_text(self, message: str) -> str:
        """An Indonesian line for one of ``train``'s progress messages."""
        patterns: tuple[tuple[str, str], ...] = (
            (
                r"reading outcomes and building features",
                self.tr("Membaca hasil pelatihan dan menyusun fitur"),
            ),
            (
                r"fitting the model on ([\d,.]+) enrolments",
                self.tr("Melatih model pada %1 pendaftaran"),
            ),
            (r"fitting baseline (\w+)", self.tr("Melatih pembanding: %1")),
            (
                r"refitting on all ([\d,.]+) labelled enrolments",
                self.tr("Melatih ulang pada semua %1 pendaftaran berlabel"),
            ),
            (r"storing the model", self.tr("Menyimpan model")),
        )
        baselines = {key: self.tr(label) for key, label in BASELINES}
        for pattern, text in patterns:
            match = re.fullmatch(pattern, message)
            if match:
                if match.groups():
                    value = match.group(1)
                    value = baselines.get(value, value.replace(",", "."))
                    text = text.replace("%1", value)
                return text
        return message

    def _training_progress(self, done: int, total: int, message: str) -> None:
        if self._worker is None or self._worker.is_cancelled:
            return
        name = self._training[1].name if self._training else ""
        self.progress_label.setText(
            self.tr("Melatih model “%1”: %2")
            .replace("%1", name)
            .replace("%2", self.progress_text(message))
        )
        self.progress.setRange(0, total)
        self.progress.setValue(done)

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
        self.status_message.emit(
            self.tr("Model “%1” disimpan dan dijadikan aktif (AUC %2)")
            .replace("%1", stored.name)
            .replace("%2", self._number(auc))
        )
        self.workspace_edited.emit()
        self.active_model_changed.emit(stored.name)

    def _training_failed(self, message: str) -> None:
        self._end_training()
        self.status_message.emit(self.tr("Pelatihan model gagal"))
        QMessageBox.warning(self, self.tr("Model tidak dapat dilatih"), message)

    def _training_cancelled(self) -> None:
        before = self._models_before
        training = self._end_training()
        self.reload()
        now = (
            self.model_named(training[1].name)
            if training is not None and training[0] == self.workspace.target
            else None
        )
        if now is not None and before.get(now.name) != now.sha256:
            # the cancel arrived while the model was being written: it is stored
            self.status_message.emit(self.tr("Pembatalan terlambat: model sudah disimpan"))
            self.workspace_edited.emit()
            self.active_model_changed.emit(now.name)
        else:
            self.status_message.emit(self.tr("Pelatihan dibatalkan; tidak ada model disimpan"))
