"""The options of a training run: target, seed, model name and optional ground truth.

The dialog checks what it can before training starts (a valid model name, an existing
truth file) and warns when the name replaces a stored model; the training entry point
:func:`~curriculum_tool.model.training.train_and_store` checks the same again.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..model.persist import NAME
from ..model.training import default_model_name

__all__ = ["TrainDialog", "TrainOptions"]


@dataclass(frozen=True)
class TrainOptions:
    """What the user chose in the training dialog."""

    target: str = "l3"
    seed: int = 0
    name: str = ""
    truth: Path | None = None


class TrainDialog(QDialog):
    """Options of a training run: target, seed, model name, optional ground truth."""

    TARGETS: tuple[tuple[str, str], ...] = (
        (
            "l3",
            str(
                QT_TRANSLATE_NOOP(
                    "TrainDialog", "Berhasil diterapkan di tempat kerja (selesai dan L3)"
                )
            ),
        ),
        ("completed", str(QT_TRANSLATE_NOOP("TrainDialog", "Selesai mengikuti modul"))),
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
        self.seed.setToolTip(
            self.tr("Seed (angka acak awal): seed dan data yang sama memberi hasil yang sama")
        )
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
        form.addRow(self.tr("Seed (angka acak awal):"), self.seed)
        form.addRow(self.tr("Nama model:"), self.name)
        form.addRow(self.tr("Peluang sebenarnya (simulator):"), truth_row)
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
            self,
            self.tr("Peluang sebenarnya dari simulator"),
            "",
            self.tr("CSV (*.csv);;Semua berkas (*)"),
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
            return self.tr("Berkas peluang sebenarnya tidak ditemukan.")
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
