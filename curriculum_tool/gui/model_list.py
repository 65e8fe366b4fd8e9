"""The workspace's stored models in a table: each one's state (Kandidat, Aktif, Pensiun),
the active one bold, refused ones marked."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QStyle, QTableWidget, QWidget

from ..model.persist import StoredModel
from .model_card import created_text, state_text
from .table_cells import SortItem, number_text, read_only_table

__all__ = ["ModelList"]

#: The item data role holding each cell's model name.
_NAME = Qt.ItemDataRole.UserRole
#: Sorting the state column: the active model first, then candidates, then retired ones.
_STATE_ORDER = {"active": 0, "candidate": 1, "retired": 2}


class ModelList(QTableWidget):
    """One row per model: name, creation time, target, data rows, AUC, ECE and its state
    (Kandidat, Aktif, Pensiun). A refused model shows a warning icon and its reason as tooltip."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        read_only_table(
            self,
            [
                self.tr("Nama"),
                self.tr("Dibuat"),
                self.tr("Target"),
                self.tr("Baris data"),
                self.tr("AUC"),
                self.tr("ECE"),
                self.tr("Status"),
            ],
        )
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)

    def show_models(
        self, models: list[StoredModel], refusal_reason: Callable[[StoredModel], str | None]
    ) -> None:
        """Fill the rows (without selection signals); ``refusal_reason(model)`` says why a
        model is refused, or None."""
        self.blockSignals(True)
        self.setRowCount(len(models))
        locale = self.locale()
        warning_icon = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        for row, model in enumerate(models):
            card = model.card
            metrics = card.get("metrics", {}).get("model", {})
            rows = card.get("data", {}).get("rows")
            refused = refusal_reason(model)
            cells = [
                SortItem(model.name, model.name),
                SortItem(created_text(model.created), model.created),
                SortItem(self._target_text(card.get("target", "")), card.get("target", "")),
                SortItem(locale.toString(int(rows)) if rows is not None else "–", rows),
                SortItem(number_text(self, metrics.get("auc")), metrics.get("auc")),
                SortItem(number_text(self, metrics.get("ece")), metrics.get("ece")),
                SortItem(state_text(model.state), _STATE_ORDER.get(model.state, 3)),
            ]
            for column, item in enumerate(cells):
                item.setData(_NAME, model.name)
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
                self.setItem(row, column, item)
            if refused:
                cells[0].setIcon(warning_icon)
        self.blockSignals(False)

    def _target_text(self, target: str) -> str:
        if target == "l3":
            return self.tr("L3 (diterapkan)")
        if target == "completed":
            return self.tr("Selesai")
        return target

    def selected_name(self) -> str | None:
        """The name of the selected model, if any."""
        rows = self.selectionModel().selectedRows() if self.selectionModel() else []
        if not rows:
            return None
        item = self.item(rows[0].row(), 0)
        return item.data(_NAME) if item is not None else None

    def select_name(self, name: str | None) -> bool:
        """Select the row of the model ``name`` (or nothing); True if it was found."""
        for row in range(self.rowCount()):
            item = self.item(row, 0)
            if item is not None and item.data(_NAME) == name:
                self.selectRow(row)
                self.scrollToItem(item)
                return True
        self.clearSelection()
        return False
