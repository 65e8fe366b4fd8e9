"""The region tree: every province with its regencies, filtered by code or name.

Each row shows a region's connectivity, 3T status and its highest hazard (its own, or
its province's where it states none); picking a row makes it the current region.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QLabel, QLineEdit, QTreeView, QVBoxLayout, QWidget

from ...domain import Region
from ...domain.regions import effective_hazards
from ..vocab_labels import connectivity_label, format_index, hazard_label, hazard_short_label
from .display import CODE_ROLE, SORT_ROLE, RegionFilter, bold_font, severity_color, swatch

__all__ = ["RegionTree"]


class RegionTree(QWidget):
    """The provinces and their regencies in a filterable tree; the current row is the
    region the rest of the tab shows."""

    #: The region now current in the tree, or None when there is none.
    region_changed = Signal(object)

    COLUMNS = 5

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.regions: Mapping[str, Region] = {}
        self.items: dict[str, QStandardItem] = {}
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(self.tr("Saring wilayah… (kode atau nama)"))
        self.filter.setClearButtonEnabled(True)
        self.model = QStandardItemModel(0, self.COLUMNS, self)
        self.proxy = RegionFilter(self)
        self.proxy.setSourceModel(self.model)
        self.view = QTreeView(self)
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.view.setAlternatingRowColors(True)
        self.view.setUniformRowHeights(True)
        self.view.setIndentation(14)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self.filter.textChanged.connect(self._on_filter)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        title = QLabel(self.tr("Wilayah"), self)
        title.setFont(bold_font())
        box.addWidget(title)
        box.addWidget(self.filter)
        box.addWidget(self.view)

    def fill(self, regions: Mapping[str, Region]) -> None:
        """Show ``regions``: provinces at the top, each with its regencies below."""
        self.regions = regions
        # No current row while rebuilding, so removing rows selects nothing on the way.
        self.view.selectionModel().clear()
        self.model.removeRows(0, self.model.rowCount())
        self.model.setHorizontalHeaderLabels(
            [
                self.tr("Kode"),
                self.tr("Nama"),
                self.tr("Konektivitas"),
                self.tr("3T"),
                self.tr("Bahaya tertinggi"),
            ]
        )
        self.items = {}
        parents = [r for r in self.regions.values() if not r.parent or r.parent not in self.regions]
        children: dict[str, list[Region]] = {}
        for region in self.regions.values():
            if region.parent and region.parent in self.regions:
                children.setdefault(region.parent, []).append(region)
        root = self.model.invisibleRootItem()
        for region in sorted(parents, key=lambda r: r.code):
            row = self._row(region)
            root.appendRow(row)
            for child in sorted(children.get(region.code, []), key=lambda r: r.code):
                row[0].appendRow(self._row(child))
                # a third level (rare) is shown under its regency
                for grandchild in sorted(children.get(child.code, []), key=lambda r: r.code):
                    self.items[child.code].appendRow(self._row(grandchild))
        self.view.expandAll()
        for column in range(self.COLUMNS - 1):
            self.view.resizeColumnToContents(column)

    def _row(self, region: Region) -> list[QStandardItem]:
        hazards = effective_hazards(region, self.regions)
        top = hazards[0] if hazards else None
        cells = [
            (region.code, region.code),
            (region.name, region.name),
            (connectivity_label(region.connectivity), region.connectivity),
            (self.tr("Ya") if region.is_3t else "", int(region.is_3t)),
            (
                (f"{hazard_short_label(top.hazard)} {format_index(top.index)}" if top else "—"),
                top.index if top else 0.0,
            ),
        ]
        row = []
        for text, sort in cells:
            item = QStandardItem(text)
            item.setEditable(False)
            item.setData(sort, SORT_ROLE)
            item.setData(region.code, CODE_ROLE)
            row.append(item)
        if top is not None:
            row[4].setIcon(swatch(severity_color(top.index)))
            row[4].setData(top.hazard, CODE_ROLE)
            row[4].setToolTip(
                hazard_label(top.hazard) + (self.tr(" (dari provinsi)") if top.inherited else "")
            )
        if region.is_3t:
            row[3].setToolTip(self.tr("Daerah tertinggal, terdepan dan terluar"))
        self.items[region.code] = row[0]
        return row

    def _on_filter(self, text: str) -> None:
        self.proxy.setFilterFixedString(text)
        self.view.expandAll()

    def select(self, code: str) -> bool:
        """Make ``code`` the current region; False when absent or filtered out."""
        item = self.items.get(code)
        if item is None:
            return False
        index = self.proxy.mapFromSource(item.index())
        if not index.isValid():
            return False
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)
        return True

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        code = current.data(CODE_ROLE) if current.isValid() else None
        self.region_changed.emit(self.regions.get(code) if code else None)
