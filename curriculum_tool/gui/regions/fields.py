"""Small input widgets the regional forms share: the list of problems a refused write
reports, and the competency and level combos."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QWidget,
)

from ...domain import Competency
from ...domain.vocab import LEVELS
from ..i18n import in_app_language
from ..vocab_labels import field_label

__all__ = ["ProblemList", "combo_code", "competency_combo", "level_combo"]


class ProblemList(QListWidget):
    """Every reason the workspace refused an entry, one line each; hidden when empty."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("problems")
        self.setStyleSheet(
            "QListWidget#problems { background: #fdecea; color: #8a1c12;"
            " border: 1px solid #f5c2bd; border-radius: 3px; }"
        )
        self.setWordWrap(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.hide()

    def set_problems(self, problems: Sequence[tuple[str, str]]) -> None:
        """Show ``(column, message)`` pairs as ``Field: message``."""
        self.clear()
        icon = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        for column, raw in problems:
            label, message = field_label(column), in_app_language(raw)
            self.addItem(QListWidgetItem(icon, f"{label}: {message}" if label else message))
        rows = sum(self.sizeHintForRow(i) for i in range(min(self.count(), 6)))
        self.setFixedHeight(rows + 2 * self.frameWidth() + 6)
        self.setVisible(bool(problems))

    def texts(self) -> list[str]:
        return [self.item(i).text() for i in range(self.count())]


def competency_combo(competencies: Iterable[Competency], parent: QWidget) -> QComboBox:
    """An editable combo of the workspace competencies (``CODE — name``); typing filters.

    It stays editable so a code can be typed; the workspace, not the widget, decides
    whether it exists.
    """
    combo = QComboBox(parent)
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    for competency in competencies:
        combo.addItem(f"{competency.code} — {competency.name}", competency.code)
        combo.setItemData(combo.count() - 1, competency.description, Qt.ItemDataRole.ToolTipRole)
    combo.setCurrentIndex(-1)
    line_edit = combo.lineEdit()
    assert line_edit is not None, "an editable combo has a line edit"
    line_edit.setPlaceholderText(
        QCoreApplication.translate("Labels", "Ketik kode atau nama kompetensi…")
    )
    completer = QCompleter(combo.model(), combo)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    combo.setCompleter(completer)
    combo.setMinimumContentsLength(24)
    return combo


def combo_code(combo: QComboBox) -> str:
    """The code in a competency combo: the part before `` — `` of what is shown."""
    return combo.currentText().split("—", 1)[0].strip()


def level_combo(parent: QWidget, current: str = "") -> QComboBox:
    """Proficiency levels 1–5 to pick from; editable, the core checks what is typed."""
    combo = QComboBox(parent)
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    combo.addItems([str(level) for level in LEVELS])
    combo.setCurrentText(current)
    combo.setMaximumWidth(70)
    return combo
