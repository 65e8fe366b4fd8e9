"""Riwayat: who changed which row of the workspace, when, and what it was before and after.

The audit trail (:mod:`curriculum_tool.store.audit`) is read in a background worker,
newest first, :data:`PAGE` changes at a time ("Tampilkan lebih banyak" reads the next
ones), filtered by person, table, region (with its sub-regions, through the region chain)
and a date range in local time. Selecting a change shows the row before and after side by
side, the changed columns highlighted.

Learner ids (NIP) and names are personal data: they are masked as exports mask them
(:mod:`curriculum_tool.io.audit_export`) unless an admin ticks "Tampilkan NIP dan nama".
The tab reloads whenever the workspace changes (the main window calls :meth:`reload`).
"""

from __future__ import annotations

from typing import Any

import shiboken6
from PySide6.QtCore import (
    QDate,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..domain.roles import ADMIN
from ..store import Workspace
from ..store.audit import AUDITED
from . import workers
from .table_cells import read_only_table

__all__ = ["PAGE", "HistoryModel", "HistoryPage", "HistoryTab", "read_history"]

from .history_model import (
    CHANGED,
    PAGE,
    HistoryModel,
    HistoryPage,
    HistoryQuery,
    read_history,
    shown_table,
    utc_bound,
)


class HistoryTab(QWidget):
    """The audit trail of the workspace, filtered, with one change's before and after."""

    status_message = Signal(str)
    workspace_edited = Signal()  # never emitted: the tab only reads
    loaded = Signal()  # a read has been shown (or has failed)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None):
        super().__init__(parent)
        self.workspace = workspace
        self.limit = PAGE
        self.loading = False
        self._generation = 0
        self._build()
        self.set_workspace(workspace)

    # -- layout ------------------------------------------------------------------------

    def _build(self) -> None:
        self.person = QComboBox(self)
        self.table = QComboBox(self)
        self.table.addItem(self.tr("Semua tabel"), None)
        for name in sorted(AUDITED, key=shown_table):
            self.table.addItem(shown_table(name), name)
        self.region = QComboBox(self)
        self.by_date = QCheckBox(self.tr("Tanggal"), self)
        today = QDate.currentDate()
        self.since = self._date_edit(today.addDays(-30))
        self.until = self._date_edit(today)
        self.show_personal = QCheckBox(self.tr("Tampilkan NIP dan nama"), self)
        self.count_label = QLabel(self)
        self.more_button = QPushButton(self.tr("Tampilkan lebih banyak"), self)
        self.more_button.clicked.connect(self.show_more)
        for combo in (self.person, self.table, self.region):
            # wide enough for "Semua orang" and the names filled in later
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.setMinimumContentsLength(12)
            combo.currentIndexChanged.connect(lambda _index: self.filters_changed())
        self.by_date.toggled.connect(self._dates_toggled)
        self.since.dateChanged.connect(lambda _date: self.filters_changed())
        self.until.dateChanged.connect(lambda _date: self.filters_changed())
        self.show_personal.toggled.connect(self._personal_toggled)

        filters = QHBoxLayout()
        for label, widget in (
            (self.tr("Orang"), self.person),
            (self.tr("Tabel"), self.table),
            (self.tr("Wilayah"), self.region),
        ):
            filters.addWidget(QLabel(label, self))
            filters.addWidget(widget)
        filters.addWidget(self.by_date)
        filters.addWidget(self.since)
        filters.addWidget(QLabel("–", self))
        filters.addWidget(self.until)
        filters.addStretch(1)
        filters.addWidget(self.show_personal)

        self.model = HistoryModel(self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._show_selected())

        self.detail = read_only_table(
            QTableWidget(self), [self.tr("Kolom"), self.tr("Sebelum"), self.tr("Sesudah")]
        )
        header = self.detail.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.view)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        footer = QHBoxLayout()
        footer.addWidget(self.count_label, 1)
        footer.addWidget(self.more_button)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)
        layout.addLayout(footer)
        self.since.setEnabled(False)
        self.until.setEnabled(False)

    def _date_edit(self, day: QDate) -> QDateEdit:
        edit = QDateEdit(day, self)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        return edit

    # -- workspace and reading ---------------------------------------------------------

    def set_workspace(self, workspace: Workspace) -> None:
        """Show another workspace's trail; only an admin may unmask personal data."""
        self.workspace = workspace
        admin = workspace.actor.role == ADMIN
        self.show_personal.setEnabled(admin)
        only_admins = self.tr("Hanya admin yang dapat menampilkan NIP dan nama")
        self.show_personal.setToolTip("" if admin else only_admins)
        if not admin:
            self.show_personal.setChecked(False)
        self.limit = PAGE
        self.reload()

    def query(self) -> HistoryQuery:
        """The filters as chosen, and how many changes to read."""
        dated = self.by_date.isChecked()
        return HistoryQuery(
            actor=self.person.currentData(),
            table=self.table.currentData(),
            region=self.region.currentData(),
            since=utc_bound(self.since.date(), end=False) if dated else None,
            until=utc_bound(self.until.date(), end=True) if dated else None,
            limit=self.limit,
        )

    def reload(self) -> None:
        """Read the trail again with the current filters (in the background)."""
        self._generation += 1
        generation, target, query = self._generation, self.workspace.target, self.query()
        self.loading = True
        self.count_label.setText(self.tr("Memuat riwayat…"))

        def task(*_report_and_cancelled: Any) -> HistoryPage:
            return read_history(target, query)

        def finished(page: HistoryPage) -> None:
            if shiboken6.isValid(self):  # the tab may have closed meanwhile
                self._loaded(generation, page)

        def failed(message: str) -> None:
            if shiboken6.isValid(self):
                self._failed(generation, message)

        workers.start(task, on_finished=finished, on_failed=failed)

    def filters_changed(self) -> None:
        """A filter changed: read the first page again."""
        self.limit = PAGE
        self.reload()

    def show_more(self) -> None:
        """Read the next :data:`PAGE` changes too."""
        self.limit += PAGE
        self.reload()

    def _loaded(self, generation: int, page: HistoryPage) -> None:
        if generation != self._generation:
            return  # a newer read is on its way
        self.loading = False
        self._fill(self.person, [(a, a) for a in page.actors], self.tr("Semua orang"))
        self._fill(
            self.region,
            [(code, f"{code} {name}") for code, name in page.regions],
            self.tr("Semua wilayah"),
        )
        chosen = self._selected_id()
        self.model.set_entries(page.entries, page.secret, dict(page.regions))
        self.model.set_masked(not self.show_personal.isChecked())
        self.view.resizeColumnsToContents()
        self._select_id(chosen)
        self.more_button.setEnabled(page.more)
        text = self.tr("%1 perubahan ditampilkan").replace("%1", str(len(page.entries)))
        if page.more:
            text += " " + self.tr("(masih ada yang lebih lama)")
        self.count_label.setText(text)
        self.loaded.emit()

    def _failed(self, generation: int, message: str) -> None:
        if generation != self._generation:
            return
        self.loading = False
        self.count_label.setText(self.tr("Riwayat tidak dapat dibaca"))
        self.status_message.emit(message)
        self.loaded.emit()

    def _fill(self, combo: QComboBox, items: list[tuple[str, str]], everyone: str) -> None:
        """Put ``items`` (value, text) in ``combo`` after "all", keeping the choice."""
        chosen = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(everyone, None)
        for value, text in items:
            combo.addItem(text, value)
        index = combo.findData(chosen) if chosen is not None else 0
        if index < 0:  # the chosen value is gone: keep it, so the filter still holds
            combo.addItem(str(chosen), chosen)
            index = combo.count() - 1
        combo.setCurrentIndex(index)
        combo.blockSignals(False)

    def _dates_toggled(self, on: bool) -> None:
        self.since.setEnabled(on)
        self.until.setEnabled(on)
        self.filters_changed()

    def _personal_toggled(self, on: bool) -> None:
        if on and self.workspace.actor.role != ADMIN:
            self.show_personal.setChecked(False)
            return
        chosen = self._selected_id()
        self.model.set_masked(not on)
        self._select_id(chosen)

    # -- one change ----------------------------------------------------------------------

    def _selected_id(self) -> int | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.entry(rows[0].row()).id if rows else None

    def _select_id(self, chosen: int | None) -> None:
        """Select the change ``chosen`` again after a reset, if it is still shown."""
        ids = [self.model.entry(row).id for row in range(self.model.rowCount())]
        if chosen in ids:
            self.view.selectRow(ids.index(chosen))
        self._show_selected()

    def _show_selected(self) -> None:
        rows = self.view.selectionModel().selectedRows()
        self.detail.setRowCount(0)
        if not rows or rows[0].row() >= self.model.rowCount():
            return
        row = rows[0].row()
        entry, changed = self.model.entry(row), set(self.model.changed(row))
        before, after = entry.before or {}, entry.after or {}
        columns = list(after or before)
        self.detail.setRowCount(len(columns))
        bold = QFont(self.detail.font())
        bold.setBold(True)
        for line, column in enumerate(columns):
            cells = (column, _value(before, column), _value(after, column))
            for place, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if column in changed:
                    item.setBackground(QBrush(CHANGED))
                    item.setFont(bold)
                self.detail.setItem(line, place, item)

    def detail_rows(self) -> list[tuple[str, str, str, bool]]:
        """What the before/after table shows: (column, before, after, highlighted)."""
        table = self.detail
        rows = []
        for line in range(table.rowCount()):
            a, b, c = (table.item(line, c) or QTableWidgetItem() for c in range(3))
            rows.append((a.text(), b.text(), c.text(), a.font().bold()))
        return rows


def _value(row: dict[str, Any], column: str) -> str:
    """A value of a row before or after, as text (— for none)."""
    return "" if column not in row else "—" if row[column] is None else str(row[column])
