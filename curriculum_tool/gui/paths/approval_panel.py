"""Where the selected learner's stored path stands, and the button that approves it.

A stored path is a proposal ("Diusulkan") until the learner's atasan langsung, a
training officer of their region or an admin approves it ("Disetujui oleh X pada T");
storing a new path makes a new proposal. "Setujui jalur" approves through the edit
service from the version read with the path, so an approval made from a stale read is
refused; it is greyed out, with the reason as its tooltip, for anyone else.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from ...domain import LearnerPath
from ...edit.approvals import approval_refusal, stored_path
from ...edit.service import approve_path
from ...errors import CurriculumError
from ...report.path_labels import moment_text
from ...store import Workspace
from ..i18n import current_language, error_text

__all__ = ["ApprovalPanel"]

_PROPOSED_COLOUR, _APPROVED_COLOUR = "#b34700", "#2e7d32"


class ApprovalPanel(QWidget):
    """The stored path's approval (``status_label``) and "Setujui jalur"
    (``approve_button``) for one learner (``show_learner``)."""

    #: After an approval, with a short message for the status bar.
    approved = Signal(str)
    #: An approval refused: title and text of the message to show.
    refused = Signal(str, str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.workspace: Workspace | None = None
        self.learner: str | None = None
        #: The learner's stored path as last read, with its approval; None when none.
        self.stored: LearnerPath | None = None
        self.status_label = QLabel(self)
        self.status_label.setWordWrap(True)
        self.approve_button = QPushButton(self.tr("Setujui jalur"), self)
        self.approve_button.clicked.connect(self.approve)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.status_label, 1)
        layout.addWidget(self.approve_button)
        self.clear()

    def clear(self) -> None:
        """No learner: nothing to say, nothing to approve."""
        self.learner, self.stored = None, None
        self.status_label.clear()
        self.approve_button.setEnabled(False)
        self.approve_button.setToolTip("")

    def show_learner(self, workspace: Workspace, learner: str) -> LearnerPath | None:
        """Read ``learner``'s stored path and show where it stands; returns it."""
        self.workspace, self.learner = workspace, learner
        self.stored = stored_path(workspace, learner)
        approval = self.stored.approval if self.stored is not None else None
        if self.stored is None:
            self._say(self.tr("Belum ada jalur tersimpan"), "#6b6b6b")
            tooltip = self.tr("Simpan jalur dulu; hanya jalur tersimpan yang dapat disetujui.")
            self.approve_button.setEnabled(False)
        elif approval is not None and approval.approved:
            who = approval.approved_by or ""
            if approval.approver_name:
                who = f"{approval.approver_name} ({who})"
            when = moment_text(approval.approved_at or "", current_language())
            self._say(
                self.tr("Jalur tersimpan: Disetujui oleh {by} pada {at}").format(by=who, at=when),
                _APPROVED_COLOUR,
            )
            tooltip = self.tr("Jalur tersimpan sudah disetujui.")
            self.approve_button.setEnabled(False)
        else:
            self._say(self.tr("Jalur tersimpan: Diusulkan"), _PROPOSED_COLOUR)
            refusal = approval_refusal(workspace, learner)
            self.approve_button.setEnabled(refusal is None)
            tooltip = (
                self.tr(
                    "Setujui jalur tersimpan peserta ini (atasan langsung, pengelola pelatihan "
                    "wilayahnya, atau admin)."
                )
                if refusal is None
                else error_text(refusal)
            )
        self.approve_button.setToolTip(tooltip)
        return self.stored

    def _say(self, text: str, colour: str) -> None:
        self.status_label.setText(text)
        self.status_label.setStyleSheet(f"color: {colour}")

    def approve(self) -> bool:
        """Approve the stored path shown, from the version read with it."""
        workspace, learner, stored = self.workspace, self.learner, self.stored
        if workspace is None or learner is None or stored is None:
            return False
        version = stored.approval.version if stored.approval is not None else None
        try:
            approve_path(workspace, learner, version)
        except CurriculumError as error:
            self.show_learner(workspace, learner)  # as it stands now
            self.refused.emit(self.tr("Jalur tidak disetujui"), error_text(error))
            return False
        self.show_learner(workspace, learner)
        self.approved.emit(self.tr("Jalur tersimpan peserta ini disetujui."))
        return True
