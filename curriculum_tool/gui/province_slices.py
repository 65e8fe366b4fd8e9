"""A model card's per-province slices of the test data, largest first, sortable."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QTableWidget, QWidget

from .table_cells import SortItem, header_tip, number_text, read_only_table

__all__ = ["ProvinceTable"]


class ProvinceTable(QTableWidget):
    """Rows, observed rate, mean prediction and AUC per province of the held-out rows;
    each column sorts by its number."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        read_only_table(
            self,
            [
                self.tr("Provinsi"),
                self.tr("Baris"),
                self.tr("Tingkat"),
                self.tr("Prediksi"),
                self.tr("AUC"),
            ],
        )
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.setSortingEnabled(True)
        header_tip(self, 2, self.tr("Tingkat keberhasilan teramati di provinsi ini"))
        header_tip(self, 3, self.tr("Rata-rata peluang prediksi model di provinsi ini"))

    def show_slices(self, provinces: list[dict[str, Any]], names: dict[str, str]) -> None:
        """One row per slice of a card; ``names`` maps province codes to names."""
        self.setSortingEnabled(False)
        self.setRowCount(len(provinces))
        locale = self.locale()
        for row, slice_ in enumerate(provinces):
            code = str(slice_.get("province", ""))
            name = names.get(code)
            rows = slice_.get("rows")
            cells = [
                SortItem(f"{code} · {name}" if name else code, code),
                SortItem(locale.toString(int(rows)) if rows is not None else "–", rows),
                SortItem(number_text(self, slice_.get("rate")), slice_.get("rate")),
                SortItem(number_text(self, slice_.get("predicted")), slice_.get("predicted")),
                SortItem(number_text(self, slice_.get("auc")), slice_.get("auc")),
            ]
            cells[0].setToolTip(cells[0].text())
            for column, item in enumerate(cells):
                if column:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.setItem(row, column, item)
        self.setSortingEnabled(True)
        self.sortByColumn(1, Qt.SortOrder.DescendingOrder)
