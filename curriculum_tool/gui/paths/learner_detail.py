"""The right side of the Peserta & Jalur tab: the selected learner, or a placeholder.

For a learner: their name and details, the knobs (:mod:`.options_panel`), their path
(:mod:`.path_view`), where their stored path stands with the button that approves it
(:mod:`.approval_panel`) and the actions on the shown path (save, PDF, XLSX).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain import Learner
from .approval_panel import ApprovalPanel
from .options_panel import PathOptionsPanel
from .path_view import WARNING_COLOUR, PathView

__all__ = ["LearnerDetail"]


class LearnerDetail(QStackedWidget):
    """A placeholder text (``show_placeholder``) or one learner's page
    (``show_learner``): header, knobs, path view and the path's action buttons."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.placeholder = QLabel(self)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.placeholder.setStyleSheet("color: #6b6b6b; font-size: 11pt")
        self.addWidget(self.placeholder)

        page = QWidget(self)
        self.learner_title = QLabel(page)
        title_font = QFont(self.font())
        title_font.setPointSizeF(self.font().pointSizeF() + 3)
        title_font.setBold(True)
        self.learner_title.setFont(title_font)
        self.learner_title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.learner_info = QLabel(page)
        self.learner_info.setStyleSheet("color: #555")
        self.learner_info.setWordWrap(True)
        self.loading_label = QLabel(self.tr("Memuat model dan peserta…"), page)
        self.loading_label.setStyleSheet(f"color: {WARNING_COLOUR}")
        self.loading_label.hide()
        self.knobs = PathOptionsPanel(page)
        self.view = PathView(page)

        self.save_button = QPushButton(self.tr("Simpan jalur"), page)
        self.save_button.setToolTip(self.tr("Simpan sebagai jalur terkini peserta ini (Ctrl+S)"))
        self.pdf_button = QPushButton(self.tr("Ekspor PDF…"), page)
        self.pdf_button.setToolTip(
            self.tr("Rencana pengembangan kompetensi untuk ditandatangani (Ctrl+P)")
        )
        self.xlsx_button = QPushButton(self.tr("Ekspor XLSX…"), page)
        self.xlsx_button.setToolTip(self.tr("Langkah jalur ini sebagai tabel XLSX"))
        self.approval = ApprovalPanel(page)
        self.approve_button = self.approval.approve_button
        actions = QHBoxLayout()
        actions.addWidget(self.approval, 1)
        for button in (self.save_button, self.pdf_button, self.xlsx_button):
            actions.addWidget(button)

        layout = QVBoxLayout(page)
        layout.setContentsMargins(4, 0, 0, 0)
        layout.addWidget(self.learner_title)
        layout.addWidget(self.learner_info)
        layout.addWidget(self.loading_label)
        layout.addWidget(self.knobs)
        layout.addWidget(self.view, 1)
        layout.addLayout(actions)
        self.addWidget(page)
        self.page = page
        self.set_path_actions(False)

    def show_placeholder(self, text: str) -> None:
        self.placeholder.setText(text)
        self.setCurrentWidget(self.placeholder)

    def show_learner(self, learner: Learner, position: str, region: str, literacy: str) -> None:
        """The learner's page, headed by their name, id, position and region (with the
        names of their codes, when known) and digital literacy."""
        self.setCurrentWidget(self.page)
        self.learner_title.setText(learner.name or learner.id)
        parts = [
            learner.id,
            f"{position} ({learner.position})" if position else learner.position,
            f"{region} ({learner.region})" if region else learner.region,
            self.tr("literasi digital %1").replace("%1", literacy),
        ]
        self.learner_info.setText(" · ".join(parts))

    def set_path_actions(self, enabled: bool) -> None:
        """Enable the actions on the path (there is one) or disable them (there is none)."""
        for button in (self.save_button, self.pdf_button, self.xlsx_button):
            button.setEnabled(enabled)
