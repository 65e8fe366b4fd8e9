"""The two small forms of the Tindak lanjut tab.

- :class:`FollowupDialog` ("Catat L3…"): the atasan says whether the learner applied the
  module at work (L3, Ya/Tidak) and, optionally, whether the unit's result improved (L4);
- :class:`OutcomeDialog` ("Catat hasil pelatihan…"): a training officer records an
  enrolment (ending on a planned day), its completion or drop, and the L1 reaction and L2
  post-test scores.

They only collect the answer; the tab saves it through the edit service
(:func:`curriculum_tool.edit.outcomes.record_outcome`).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..report.followups import FollowUp

__all__ = ["ENROLLED", "FAILED", "PASSED", "FollowupDialog", "OutcomeDialog"]

#: What the outcome form records: an enrolment not ended yet, a completion, a drop.
ENROLLED, PASSED, FAILED = "enrolled", "completed", "dropped"


def _buttons(dialog: QDialog) -> QDialogButtonBox:
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, dialog
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


class FollowupDialog(QDialog):
    """L3 (applied at work, Ya/Tidak) and optional L4 of one completed enrolment."""

    def __init__(self, item: FollowUp, learner_text: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.item = item
        self.setWindowTitle(self.tr("Catat tindak lanjut L3"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.addRow(self.tr("Peserta:"), QLabel(learner_text, self))
        form.addRow(self.tr("Modul:"), QLabel(f"{item.module} {item.title}", self))
        form.addRow(self.tr("Berakhir:"), QLabel(item.date.isoformat(), self))
        self.yes = QRadioButton(self.tr("Ya"), self)
        self.no = QRadioButton(self.tr("Tidak"), self)
        self.applied = QButtonGroup(self)
        self.applied.addButton(self.yes)
        self.applied.addButton(self.no)
        choice = QHBoxLayout()
        choice.addWidget(self.yes)
        choice.addWidget(self.no)
        choice.addStretch(1)
        form.addRow(self.tr("Diterapkan di tempat kerja (L3):"), choice)
        self.l4 = QComboBox(self)
        self.l4.addItem(self.tr("Belum dinilai"), None)
        self.l4.addItem(self.tr("Ya, hasil unit membaik"), True)
        self.l4.addItem(self.tr("Tidak"), False)
        if item.l4 is not None:
            self.l4.setCurrentIndex(self.l4.findData(item.l4))
        form.addRow(self.tr("Hasil unit (L4, opsional):"), self.l4)
        layout.addLayout(form)
        self.buttons = _buttons(self)
        layout.addWidget(self.buttons)
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setEnabled(False)  # L3 is the answer asked for: Ya or Tidak first
        self.applied.buttonToggled.connect(lambda *_: save.setEnabled(True))

    def answer(self) -> dict[str, Any]:
        """The fields to record: ``l3`` and ``l4`` (None: not assessed)."""
        return {"l3": self.yes.isChecked(), "l4": self.l4.currentData()}


class OutcomeDialog(QDialog):
    """An enrolment, its completion or drop, and its L1 and L2 scores."""

    def __init__(
        self,
        learners: list[tuple[str, str]],
        modules: list[tuple[str, str]],
        today: dt.date,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Catat hasil pelatihan"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.learner = QComboBox(self)
        for value, text in learners:
            self.learner.addItem(text, value)
        self.learner.setEditable(False)
        form.addRow(self.tr("Peserta:"), self.learner)
        self.module = QComboBox(self)
        for code, title in modules:
            self.module.addItem(f"{code} {title}", code)
        form.addRow(self.tr("Modul:"), self.module)
        self.state = QComboBox(self)
        self.state.addItem(self.tr("Terdaftar (belum berakhir)"), ENROLLED)
        self.state.addItem(self.tr("Selesai"), PASSED)
        self.state.addItem(self.tr("Tidak selesai"), FAILED)
        form.addRow(self.tr("Keadaan:"), self.state)
        self.date = QDateEdit(QDate(today.year, today.month, today.day), self)
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.date_label = QLabel(self)
        form.addRow(self.date_label, self.date)
        self.l1 = self._score()
        self.l2 = self._score()
        form.addRow(self.tr("L1 reaksi (0–100):"), self.l1)
        form.addRow(self.tr("L2 nilai akhir (0–100):"), self.l2)
        layout.addLayout(form)
        layout.addWidget(_buttons(self))
        self.state.currentIndexChanged.connect(lambda _index: self._state_changed())
        self._state_changed()

    def _score(self) -> QSpinBox:
        box = QSpinBox(self)
        box.setRange(-1, 100)
        box.setSpecialValueText(self.tr("—"))  # -1: not recorded
        box.setValue(-1)
        return box

    def _state_changed(self) -> None:
        enrolling = self.state.currentData() == ENROLLED
        self.date_label.setText(
            self.tr("Rencana berakhir:") if enrolling else self.tr("Tanggal berakhir:")
        )
        for box in (self.l1, self.l2):
            box.setEnabled(not enrolling)

    def answer(self) -> dict[str, Any]:
        """learner, module, date, and what to record (``enrol``, ``completed``, scores)."""
        day = self.date.date()
        state = self.state.currentData()
        chosen: dict[str, Any] = {
            "learner": self.learner.currentData(),
            "module": self.module.currentData(),
            "date": dt.date(day.year(), day.month(), day.day()),
        }
        if state == ENROLLED:
            chosen["enrol"] = True
            return chosen
        chosen["completed"] = state == PASSED
        for name, box in (("l1", self.l1), ("l2", self.l2)):
            if box.value() >= 0:
                chosen[name] = box.value()
        return chosen
