"""The main window: a workspace's catalog, regions and learners in tabs."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..catalog import create_workspace
from ..domain import RECORD_TYPES
from ..errors import CurriculumError
from ..store import Workspace
from .record_model import RecordTableModel

__all__ = ["MainWindow", "TABS"]

#: (kind, tab title, column headers) in the order a user meets them.
TABS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("modules", "Modul", ("Kode", "Judul", "JP", "Modalitas", "Level", "Kompetensi", "Bahaya",
                          "Konektivitas min.", "Literasi digital min.", "Cakupan", "Status",
                          "Pemilik")),
    ("competencies", "Kompetensi", ("Kode", "Nama", "Kelompok", "Deskripsi")),
    ("prerequisites", "Prasyarat", ("Modul", "Memerlukan", "Jenis")),
    ("regions", "Wilayah", ("Kode", "Nama", "Induk", "Indeks bahaya", "Konektivitas", "3T")),
    ("regional_standards", "Standar Wilayah", ("Wilayah", "Kompetensi", "Level", "Alasan")),
    ("job_standards", "Standar Jabatan", ("Jabatan", "Nama jabatan", "Kompetensi", "Level")),
    ("learners", "Peserta", ("ID", "Nama", "Jabatan", "Wilayah", "Literasi digital",
                             "Kompetensi", "Modul selesai")),
)


class RecordTab(QWidget):
    """One table of the workspace with a filter box above it."""

    def __init__(self, kind: str, headers: tuple[str, ...], parent: QWidget | None = None):
        super().__init__(parent)
        self.kind = kind
        self.model = RecordTableModel(RECORD_TYPES[kind].COLUMNS, headers, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText("Saring… (semua kolom)")
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.view = QTableView(self)
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.setAlternatingRowColors(True)
        self.view.horizontalHeader().setStretchLastSection(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.view)

    def load(self, workspace: Workspace) -> None:
        self.model.set_records(workspace.load(self.kind))
        self.view.resizeColumnsToContents()
        for column in range(self.model.columnCount()):
            if self.view.columnWidth(column) > 320:
                self.view.setColumnWidth(column, 320)


class MainWindow(QMainWindow):
    """Shows one workspace; opens, creates and switches workspaces."""

    workspace_changed = Signal(str)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None):
        super().__init__(parent)
        self.workspace = workspace
        self.resize(1280, 800)
        self.tabs = QTabWidget(self)
        self.record_tabs: dict[str, RecordTab] = {}
        for kind, title, headers in TABS:
            tab = RecordTab(kind, headers, self.tabs)
            self.record_tabs[kind] = tab
            self.tabs.addTab(tab, title)
        self.setCentralWidget(self.tabs)
        self.workspace_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.workspace_label)
        self._build_menu()
        self.show_workspace(workspace)

    def _build_menu(self) -> None:
        menu = self.menuBar().addMenu("&Berkas")
        for text, shortcut, slot in (
            ("&Buka workspace…", QKeySequence.StandardKey.Open, self.open_workspace),
            ("Workspace &baru…", QKeySequence.StandardKey.New, self.new_workspace),
            ("&Muat ulang", QKeySequence.StandardKey.Refresh, self.reload),
        ):
            action = QAction(text, self)
            action.setShortcut(shortcut)
            action.triggered.connect(slot)
            menu.addAction(action)
        menu.addSeparator()
        quit_action = QAction("&Keluar", self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        menu.addAction(quit_action)

    def show_workspace(self, workspace: Workspace) -> None:
        if workspace is not self.workspace:
            self.workspace.close()
        self.workspace = workspace
        self.reload()
        self.setWindowTitle(f"curriculum-tool — {workspace.label}")
        self.workspace_changed.emit(workspace.label)

    def reload(self) -> None:
        for tab in self.record_tabs.values():
            tab.load(self.workspace)
        counts = {kind: tab.model.rowCount() for kind, tab in self.record_tabs.items()}
        self.workspace_label.setText(
            f"Workspace: {self.workspace.label} · {counts['modules']} modul · "
            f"{counts['competencies']} kompetensi · {counts['regions']} wilayah · "
            f"{counts['learners']} peserta")

    def open_workspace(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, "Buka workspace", "", "Workspace SQLite (*.sqlite);;Semua berkas (*)")
        if path:
            self._switch(lambda: Workspace.open(path))

    def new_workspace(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, "Workspace baru dari katalog nasional", "workspace.sqlite",
            "Workspace SQLite (*.sqlite)")
        if path:
            self._switch(lambda: create_workspace(path))

    def _switch(self, opener: object) -> None:
        try:
            workspace = opener()  # type: ignore[operator]
        except CurriculumError as error:
            QMessageBox.warning(self, "Workspace tidak dapat dibuka", str(error))
            return
        self.show_workspace(workspace)

    def closeEvent(self, event: object) -> None:  # noqa: N802 - Qt override
        self.workspace.close()
        super().closeEvent(event)  # type: ignore[arg-type]
