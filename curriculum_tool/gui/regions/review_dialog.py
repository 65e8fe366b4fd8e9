"""The small dialog of one review step of a local module: submit it for review (with an
optional comment), approve it (with an optional note), or return it to draft (with a
note saying what to change, required).

The dialog only gathers the note; the caller's ``step(note)`` takes the step through
the edit service and returns the problems, and the dialog stays open until there are
none.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ...domain import Module
from .fields import ProblemList

__all__ = ["APPROVE", "RETURN", "SUBMIT", "ReviewDialog"]

#: The three steps the dialog asks a note for.
SUBMIT, APPROVE, RETURN = "submit", "approve", "return"


class ReviewDialog(QDialog):
    """Ask the note of one review ``step`` of ``module``; ``take(note)`` takes the step
    and returns the problems (``(column, message)``), [] once done."""

    def __init__(
        self,
        module: Module,
        step: str,
        take: Callable[[str], list[tuple[str, str]]],
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.step = step
        self._take = take
        self.setModal(True)
        self.setMinimumWidth(480)
        titles = {
            SUBMIT: self.tr("Ajukan modul {code} untuk ditinjau"),
            APPROVE: self.tr("Setujui modul {code}"),
            RETURN: self.tr("Kembalikan modul {code} ke draf"),
        }
        prompts = {
            SUBMIT: self.tr("Komentar untuk peninjau (boleh kosong):"),
            APPROVE: self.tr(
                "Catatan persetujuan (boleh kosong). Modul yang disetujui dapat "
                "direkomendasikan kepada peserta."
            ),
            RETURN: self.tr("Catatan untuk penyusun: apa yang harus diperbaiki (wajib diisi):"),
        }
        actions = {
            SUBMIT: self.tr("Ajukan"),
            APPROVE: self.tr("Setujui"),
            RETURN: self.tr("Kembalikan"),
        }
        self.setWindowTitle(titles[step].format(code=module.code))
        heading = QLabel(f"<b>{module.code}</b> {module.title}", self)
        heading.setWordWrap(True)
        prompt = QLabel(prompts[step], self)
        prompt.setWordWrap(True)
        self.note_edit = QPlainTextEdit(self)
        self.note_edit.setFixedHeight(90)
        self.problems = ProblemList(self)
        buttons = QDialogButtonBox(self)
        self.ok_button = buttons.addButton(actions[step], QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = buttons.addButton(
            self.tr("Batal"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.ok_button.setDefault(True)
        self.ok_button.clicked.connect(self.try_take)
        self.cancel_button.clicked.connect(self.reject)
        self.note_edit.textChanged.connect(self._update_ok)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(prompt)
        layout.addWidget(self.note_edit)
        layout.addWidget(self.problems)
        layout.addWidget(buttons)
        self._update_ok()

    @property
    def note_required(self) -> bool:
        return self.step == RETURN

    def note(self) -> str:
        """The note as typed, without surrounding blanks."""
        return self.note_edit.toPlainText().strip()

    def _update_ok(self) -> None:
        missing = self.note_required and not self.note()
        self.ok_button.setEnabled(not missing)
        self.ok_button.setToolTip(
            self.tr("Tuliskan dulu apa yang harus diperbaiki.") if missing else ""
        )

    def try_take(self) -> bool:
        """Take the step with the note; close once done, else show every problem."""
        problems = self._take(self.note())
        self.problems.set_problems(problems)
        if problems:
            return False
        self.accept()
        return True
