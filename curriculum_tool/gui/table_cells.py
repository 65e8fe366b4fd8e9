"""Cells and numbers of the Model tab's read-only tables (models, metrics, provinces)."""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QAbstractItemView, QTableWidget, QTableWidgetItem, QWidget

__all__ = [
    "SORT_KEY",
    "SortItem",
    "header_tip",
    "number_text",
    "percent_text",
    "read_only_table",
]

#: The item data role holding a cell's sort key (``UserRole`` itself holds a row's name).
SORT_KEY = Qt.ItemDataRole.UserRole + 1


class SortItem(QTableWidgetItem):
    """A table cell shown as text but sorted by a number (None sorts first)."""

    def __init__(self, text: str, key: float | str | None):
        super().__init__(text)
        self.setData(SORT_KEY, key)

    def __lt__(self, other: QTableWidgetItem) -> bool:
        mine, theirs = self.data(SORT_KEY), other.data(SORT_KEY)
        if mine is None or theirs is None:
            return mine is None and theirs is not None
        return mine < theirs


def read_only_table(table: QTableWidget, headers: list[str]) -> QTableWidget:
    """Give ``table`` the columns ``headers``, whole-row selection and no editing."""
    table.setColumnCount(len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setAlternatingRowColors(True)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
    table.setWordWrap(False)
    return table


def header_tip(table: QTableWidget, column: int, tip: str) -> None:
    """Show ``tip`` over the header of ``column``."""
    item = table.horizontalHeaderItem(column)
    if item is not None:
        item.setToolTip(tip)


def number_text(widget: QWidget, value: float | None, digits: int = 3) -> str:
    """``value`` with ``digits`` decimals in the widget's locale, or "–" for none."""
    locale: QLocale = widget.locale()
    return "–" if value is None else locale.toString(float(value), "f", digits)


def percent_text(widget: QWidget, value: float) -> str:
    """A share (0…1) as a percentage with one decimal in the widget's locale."""
    return widget.locale().toString(100 * float(value), "f", 1) + "%"
