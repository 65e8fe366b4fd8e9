"""The dialog that adds or changes one regional standard of a region.

A regional standard is the level every civil servant of the region should reach in
one competency, with the reason (a hazard index and its source, say).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ...domain import Competency, Region, RegionalStandard
from .fields import ProblemList, combo_code, competency_combo, level_combo

__all__ = ["StandardDialog"]


class StandardDialog(QDialog):
    """Add or change one regional standard of ``region``; ``save(row)`` writes it and
    returns the problems, and the dialog stays open until there are none."""

    def __init__(
        self,
        region: Region,
        competencies: Sequence[Competency],
        save: Callable[[dict[str, str]], list[tuple[str, str]]],
        standard: RegionalStandard | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.region = region
        self._save = save
        self.setWindowTitle(
            self.tr("Ubah standar wilayah") if standard else self.tr("Tambah standar wilayah")
        )
        self.setModal(True)
        self.setMinimumWidth(560)
        self.competency_combo = competency_combo(competencies, self)
        self.level_combo = level_combo(self, str(standard.level) if standard else "2")
        self.reason_edit = QPlainTextEdit(self)
        self.reason_edit.setPlaceholderText(
            self.tr(
                "Mengapa setiap ASN di wilayah ini perlu mencapai level ini, mis. indeks bahaya "
                "dan sumbernya"
            )
        )
        self.reason_edit.setFixedHeight(72)
        if standard is not None:
            found = self.competency_combo.findData(standard.competency)
            if found >= 0:
                self.competency_combo.setCurrentIndex(found)
            else:
                self.competency_combo.setEditText(standard.competency)
            self.competency_combo.setEnabled(False)  # the key: add another one instead
            self.reason_edit.setPlainText(standard.reason)
        form = QFormLayout()
        form.addRow(self.tr("Wilayah"), QLabel(f"<b>{region.code}</b> {region.name}", self))
        form.addRow(self.tr("Kompetensi"), self.competency_combo)
        form.addRow(self.tr("Level"), self.level_combo)
        form.addRow(self.tr("Alasan"), self.reason_edit)
        self.problems = ProblemList(self)
        buttons = QDialogButtonBox(self)
        self.save_button = buttons.addButton(
            self.tr("Simpan"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel_button = buttons.addButton(
            self.tr("Batal"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.try_save)
        self.cancel_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problems)
        layout.addWidget(buttons)

    def row(self) -> dict[str, str]:
        """The dialog as the text cells of a ``regional_standards.csv`` row."""
        reason = " ".join(self.reason_edit.toPlainText().split())
        return {
            "region": self.region.code,
            "competency": combo_code(self.competency_combo),
            "level": self.level_combo.currentText().strip(),
            "reason": reason,
        }

    def try_save(self) -> bool:
        problems = self._save(self.row())
        self.problems.set_problems(problems)
        if problems:
            return False
        self.accept()
        return True
