"""A non-modal warning above the graph: a refused cycle, until dismissed or the next edit."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QWidget

__all__ = ["WarningBar"]


class WarningBar(QFrame):
    """A red bar with selectable text and a close button (× emits ``closed``); hidden at first."""

    closed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setStyleSheet(
            "QFrame { background: #FDECEC; border: 1px solid #E0A3A3; border-radius: 4px; }"
            "QLabel { border: none; color: #8E1B1B; }"
        )
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        close = QToolButton(self)
        close.setText("×")
        close.setToolTip(self.tr("Tutup peringatan"))
        close.setAutoRaise(True)
        close.clicked.connect(self.closed)
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 4, 4, 4)
        row.addWidget(self.label, 1)
        row.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()

    def show_message(self, text: str) -> None:
        self.label.setText(text)
        self.show()
