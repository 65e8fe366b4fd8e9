"""Katalog: the competency dictionary and the module catalog, filtered, edited, undoable.

Tables are Qt models over the records; filters are a proxy model. Every edit goes through the
core's edit service (an import's checks, by the person signed in, one transaction) and onto a
QUndoStack, so Ctrl+Z takes it back. Each edit (undo, redo) is made from the version read; when
someone else changed it meanwhile, nothing is written and :mod:`.conflict_dialog` asks.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..domain import RECORD_TYPES, Competency, Module, Record
from ..domain.vocab import COMPETENCY_GROUPS, HAZARDS, MODALITIES, STATUSES
from ..edit.service import versions
from ..errors import CurriculumError, ValidationError
from ..store import Workspace
from .conflict_dialog import (
    CANCEL,
    RELOAD,
    SAVED,
    RecordCommand,
    read_current,
    record_key,
    write_versioned,
)
from .i18n import QT_TRANSLATE_NOOP, error_text
from .record_form import RecordForm
from .record_model import RecordTableModel
from .release_dialog import ReleaseBar
from .roles import allow
from .vocab_labels import group_label, hazard_label, modality_label, status_label

__all__ = [
    "COLUMN_LABELS",
    "CatalogTab",
    "ModuleFilter",
    "RecordBrowser",
    "RecordTable",
    "column_labels",
]

#: Indonesian column labels, per kind.
COLUMN_LABELS: dict[str, dict[str, str]] = {
    "modules": {
        "code": QT_TRANSLATE_NOOP("Columns", "Kode"),
        "title": QT_TRANSLATE_NOOP("Columns", "Judul"),
        "jp": QT_TRANSLATE_NOOP("Columns", "JP"),
        "modality": QT_TRANSLATE_NOOP("Columns", "Modalitas"),
        "level": QT_TRANSLATE_NOOP("Columns", "Level"),
        "competencies": QT_TRANSLATE_NOOP("Columns", "Kompetensi"),
        "hazards": QT_TRANSLATE_NOOP("Columns", "Bahaya"),
        "min_connectivity": QT_TRANSLATE_NOOP("Columns", "Konektivitas min."),
        "min_digital_literacy": QT_TRANSLATE_NOOP("Columns", "Literasi digital min."),
        "scope": QT_TRANSLATE_NOOP("Columns", "Cakupan"),
        "status": QT_TRANSLATE_NOOP("Columns", "Status"),
        "owner": QT_TRANSLATE_NOOP("Columns", "Pemilik"),
        "audience": QT_TRANSLATE_NOOP("Columns", "Sasaran"),
    },
    "competencies": {
        "code": QT_TRANSLATE_NOOP("Columns", "Kode"),
        "name": QT_TRANSLATE_NOOP("Columns", "Nama"),
        "group": QT_TRANSLATE_NOOP("Columns", "Kelompok"),
        "description": QT_TRANSLATE_NOOP("Columns", "Deskripsi"),
    },
    "prerequisites": {
        "module": QT_TRANSLATE_NOOP("Columns", "Modul"),
        "requires": QT_TRANSLATE_NOOP("Columns", "Memerlukan"),
        "kind": QT_TRANSLATE_NOOP("Columns", "Jenis"),
    },
    "regions": {
        "code": QT_TRANSLATE_NOOP("Columns", "Kode"),
        "name": QT_TRANSLATE_NOOP("Columns", "Nama"),
        "parent": QT_TRANSLATE_NOOP("Columns", "Induk"),
        "hazards": QT_TRANSLATE_NOOP("Columns", "Indeks bahaya"),
        "connectivity": QT_TRANSLATE_NOOP("Columns", "Konektivitas"),
        "is_3t": QT_TRANSLATE_NOOP("Columns", "3T"),
    },
    "regional_standards": {
        "region": QT_TRANSLATE_NOOP("Columns", "Wilayah"),
        "competency": QT_TRANSLATE_NOOP("Columns", "Kompetensi"),
        "level": QT_TRANSLATE_NOOP("Columns", "Level"),
        "reason": QT_TRANSLATE_NOOP("Columns", "Alasan"),
    },
    "job_standards": {
        "position": QT_TRANSLATE_NOOP("Columns", "Jabatan"),
        "title": QT_TRANSLATE_NOOP("Columns", "Nama jabatan"),
        "competency": QT_TRANSLATE_NOOP("Columns", "Kompetensi"),
        "level": QT_TRANSLATE_NOOP("Columns", "Level"),
        "jenjang": QT_TRANSLATE_NOOP("Columns", "Jenjang"),
    },
    "learners": {
        "id": QT_TRANSLATE_NOOP("Columns", "ID"),
        "name": QT_TRANSLATE_NOOP("Columns", "Nama"),
        "position": QT_TRANSLATE_NOOP("Columns", "Jabatan"),
        "region": QT_TRANSLATE_NOOP("Columns", "Wilayah"),
        "digital_literacy": QT_TRANSLATE_NOOP("Columns", "Literasi digital"),
        "competencies": QT_TRANSLATE_NOOP("Columns", "Kompetensi"),
        "completed": QT_TRANSLATE_NOOP("Columns", "Modul selesai"),
        "status": QT_TRANSLATE_NOOP("Columns", "Status kepegawaian"),
        "unit": QT_TRANSLATE_NOOP("Columns", "Unit kerja"),
        "supervisor": QT_TRANSLATE_NOOP("Columns", "Atasan langsung"),
    },
    "obligations": {
        "who": QT_TRANSLATE_NOOP("Columns", "Wajib bagi"),
        "module": QT_TRANSLATE_NOOP("Columns", "Modul"),
        "regulation": QT_TRANSLATE_NOOP("Columns", "Dasar hukum"),
    },
    "outcomes": {
        "learner": QT_TRANSLATE_NOOP("Columns", "Peserta"),
        "module": QT_TRANSLATE_NOOP("Columns", "Modul"),
        "date": QT_TRANSLATE_NOOP("Columns", "Tanggal"),
        "completed": QT_TRANSLATE_NOOP("Columns", "Selesai"),
        "l1": QT_TRANSLATE_NOOP("Columns", "L1"),
        "l2": QT_TRANSLATE_NOOP("Columns", "L2"),
        "l3": QT_TRANSLATE_NOOP("Columns", "L3"),
        "l4": QT_TRANSLATE_NOOP("Columns", "L4"),
    },
}

ALL = QT_TRANSLATE_NOOP("Columns", "(semua)")


def column_labels(kind: str) -> dict[str, str]:
    """The column labels of ``kind`` in the interface's language."""
    return {
        column: QCoreApplication.translate("Columns", label)
        for column, label in COLUMN_LABELS[kind].items()
    }


class KeyTable(QTableView):
    """A table that turns Delete and Enter into signals (edit and delete the row)."""

    delete_pressed = Signal()
    enter_pressed = Signal()

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Delete:
            self.delete_pressed.emit()
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.enter_pressed.emit()
        else:
            super().keyPressEvent(event)


class ModuleFilter(QSortFilterProxyModel):
    """Text filter over every column plus the catalog's facets."""

    def __init__(self, groups: dict[str, str], parent: QWidget | None = None):
        super().__init__(parent)
        self.groups = groups  # competency code -> group
        self.facets: dict[str, str] = {}
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterKeyColumn(-1)

    def set_facet(self, name: str, value: str) -> None:
        self.beginFilterChange()
        if value == ALL:
            self.facets.pop(name, None)
        else:
            self.facets[name] = value
        self.endFilterChange()

    def filterAcceptsRow(self, row: int, parent: QModelIndex | QPersistentModelIndex) -> bool:
        if not super().filterAcceptsRow(row, parent):
            return False
        module: Module = self.sourceModel().record(row)  # type: ignore[attr-defined]
        facets = self.facets
        if "group" in facets and facets["group"] not in {
            self.groups.get(code) for code, _ in module.competencies
        }:
            return False
        if "modality" in facets and module.modality != facets["modality"]:
            return False
        if "hazard" in facets and facets["hazard"] not in module.hazards:
            return False
        if "status" in facets and module.status != facets["status"]:
            return False
        scope = facets.get("scope")
        return not (
            (scope == "nasional" and module.is_local) or (scope == "lokal" and not module.is_local)
        )


class RecordTable(QWidget):
    """One kind's records as a sortable table with a filter box over every column."""

    def __init__(
        self, kind: str, proxy: QSortFilterProxyModel | None = None, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.kind = kind
        self.labels = labels = column_labels(kind)
        columns = RECORD_TYPES[kind].COLUMNS
        self.model: RecordTableModel[Record] = RecordTableModel(
            columns, [labels.get(c, c) for c in columns], self
        )
        self.proxy = proxy or QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(self.tr("Saring… (semua kolom)"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.view = KeyTable(self)
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.setAlternatingRowColors(True)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.layout_ = QVBoxLayout(self)

    def load(self, workspace: Workspace) -> None:
        self.model.set_records(workspace.load(self.kind))
        self.view.resizeColumnsToContents()
        for column in range(self.model.columnCount()):
            if self.view.columnWidth(column) > 320:
                self.view.setColumnWidth(column, 320)


class RecordBrowser(RecordTable):
    """One kind's records: filter, sortable table, add / edit / delete with undo."""

    edited = Signal()

    def __init__(
        self,
        kind: str,
        undo: QUndoStack,
        workspace: Workspace,
        proxy: QSortFilterProxyModel | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(kind, proxy, parent)
        self.workspace = workspace
        self.undo = undo
        #: The version of each record shown, read before the records (see :meth:`load`).
        self.seen: dict[object, int] = {}
        self.view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.view.doubleClicked.connect(lambda _index: self.edit_selected())
        self.facet_bar = QHBoxLayout()
        self.facet_bar.addWidget(self.filter, 2)
        buttons = QHBoxLayout()
        self.edit_buttons: list[QPushButton] = []
        for text, slot, tip in (
            (self.tr("Tambah…"), self.add, "Ctrl+Shift+N"),
            (self.tr("Ubah…"), self.edit_selected, "Enter"),
            (self.tr("Hapus"), self.delete_selected, "Delete"),
        ):
            button = QPushButton(text, self)
            button.setToolTip(tip)
            button.clicked.connect(slot)
            buttons.addWidget(button)
            self.edit_buttons.append(button)
        buttons.addStretch(1)
        self.count = QLabel(self)
        buttons.addWidget(self.count)
        self.view.delete_pressed.connect(self.delete_selected)
        self.view.enter_pressed.connect(self.edit_selected)
        add = QAction(self)
        add.setShortcut(QKeySequence("Ctrl+Shift+N"))
        add.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        add.triggered.connect(self.add)
        self.addAction(add)
        self.layout_.addLayout(self.facet_bar)
        self.layout_.addWidget(self.view)
        self.layout_.addLayout(buttons)
        self.proxy.rowsInserted.connect(self._count)
        self.proxy.rowsRemoved.connect(self._count)
        self.proxy.modelReset.connect(self._count)
        self.proxy.layoutChanged.connect(self._count)

    def _count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.count.setText(
            self.tr("%1 dari %2").replace("%1", str(shown)).replace("%2", str(total))
        )

    def load(self, workspace: Workspace | None = None) -> None:
        """Show the records, remembering the version of each (read first: a record shown
        is never older than the version a delete of it expects)."""
        if workspace is not None:
            self.workspace = workspace
        with self.workspace.engine.connect() as conn:
            keys = self.workspace.keys(self.kind, conn)
        self.seen = versions(self.workspace, self.kind, list(keys))
        super().load(self.workspace)
        self._count()
        allow(self.edit_buttons, self.workspace.actor, self.kind)  # greyed, saying why

    def _may_edit(self) -> bool:
        """Whether the person's role changes this table (asked by shortcuts too)."""
        return self.workspace.actor.may_write(self.kind)

    def selected(self) -> Record | None:
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.record(self.proxy.mapToSource(rows[0]).row())

    def select_key(self, key: tuple) -> None:
        for row in range(self.proxy.rowCount()):
            source = self.proxy.mapToSource(self.proxy.index(row, 0)).row()
            if self.model.record(source).key() == key:
                self.view.selectRow(row)
                self.view.scrollTo(self.proxy.index(row, 0))
                return

    def add(self) -> None:
        if self._may_edit():
            self._open_form(None)

    def edit_selected(self) -> None:
        record = self.selected()
        if record is not None and self._may_edit():
            self._open_form(record)

    def _open_form(self, record: Record | None) -> None:
        """Edit ``record`` (None: add one) as it is stored now, from its version."""
        version = None
        if record is not None:
            record, version = read_current(self.workspace, self.kind, record_key(record))
            if record is None:  # deleted since the table was read
                self.load()
                gone = self.tr("Data ini telah dihapus orang lain; tabel dimuat ulang.")
                QMessageBox.information(self, self.tr("Data tidak ada lagi"), gone)
                return
        form = RecordForm(RECORD_TYPES[self.kind], self.labels, record, self)
        while form.exec():
            new = form.record()
            if new is None or new == record:
                return
            if record is None and new.key() in {r.key() for r in self.model.records()}:
                taken = self.tr("kode ini sudah ada; ubah data itu atau pilih kode lain")
                form.show_problems([(new.KEY[0], taken)])
                continue
            try:
                written = write_versioned(
                    form, self.workspace, self.kind, record, new, version, labels=self.labels
                )
            except ValidationError as error:
                form.show_problems([(p.column, p.message) for p in error.problems])
                continue
            except CurriculumError as error:
                form.show_problems([("", error_text(error))])
                continue
            if written.choice == CANCEL:
                continue  # the form stays open as it is
            if written.choice == RELOAD:
                record, version = written.record, written.version
                if record is None:  # deleted meanwhile: nothing left to edit
                    self.load()
                    return
                form.set_record(record)
                continue
            self.undo.push(
                RecordCommand(
                    self, self.tr("Simpan %1"), written.replaced, written.record, written.version
                )
            )
            self.load()
            self.select_key(new.key())
            self.edited.emit()
            return

    def delete_selected(self) -> None:
        record = self.selected()
        if record is None or not self._may_edit():
            return
        shown = "/".join(map(str, record.key()))
        answer = QMessageBox.question(
            self,
            self.tr("Hapus data"),
            self.tr("Hapus %1? (Dapat dibatalkan dengan Ctrl+Z)").replace("%1", shown),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        key = record_key(record)
        version = self.seen.get(key)
        if version is None:  # added after the table's versions were read
            version = read_current(self.workspace, self.kind, key)[1]
        try:
            written = write_versioned(
                self, self.workspace, self.kind, record, None, version, labels=self.labels
            )
        except CurriculumError as error:
            QMessageBox.warning(self, self.tr("Tidak dapat dihapus"), error_text(error))
            return
        if written.choice == SAVED and written.replaced is not None:
            self.undo.push(RecordCommand(self, self.tr("Hapus %1"), written.replaced, None, None))
        self.load()
        self.edited.emit()

    def refresh(self) -> None:
        """Show the workspace as it is now (after an undo or a redo, or its refusal)."""
        self.load()
        self.edited.emit()

    def refused(self, error: CurriculumError) -> None:
        """Say why an undo or a redo was refused (nothing was written)."""
        QMessageBox.warning(self, self.tr("Tidak dapat dibatalkan"), error_text(error))


class CatalogTab(QWidget):
    """Modules and competencies, side by side in sub-tabs, with the catalog's facets."""

    status_message = Signal(str)
    workspace_edited = Signal()

    def __init__(self, workspace: Workspace, parent: QWidget | None = None):
        super().__init__(parent)
        self.workspace = workspace
        self.undo = QUndoStack(self)
        self.module_filter = ModuleFilter({}, self)
        self.modules = RecordBrowser("modules", self.undo, workspace, self.module_filter, self)
        self.competencies = RecordBrowser("competencies", self.undo, workspace, parent=self)
        self.facets: dict[str, QComboBox] = {}
        words = {
            "group": group_label,
            "modality": modality_label,
            "hazard": hazard_label,
            "status": status_label,
        }
        for name, label, values in (
            ("group", self.tr("Kelompok"), COMPETENCY_GROUPS),
            ("modality", self.tr("Modalitas"), MODALITIES),
            ("hazard", self.tr("Bahaya"), HAZARDS),
            ("scope", self.tr("Cakupan"), ("nasional", "lokal")),
            ("status", self.tr("Status"), STATUSES),
        ):
            combo = QComboBox(self)
            combo.addItem(QCoreApplication.translate("Columns", ALL), ALL)
            for value in values:  # the words in the app's language, the key as data
                combo.addItem(words[name](value) if name in words else value, value)
            combo.setToolTip(label)
            combo.currentIndexChanged.connect(
                lambda _index, name=name, combo=combo: self.module_filter.set_facet(
                    name, combo.currentData()
                )
            )
            self.modules.facet_bar.addWidget(QLabel(label + ":", self))
            self.modules.facet_bar.addWidget(combo)
            self.facets[name] = combo
        self.inner = QTabWidget(self)
        self.inner.addTab(self.modules, self.tr("Modul"))
        self.inner.addTab(self.competencies, self.tr("Kompetensi"))
        for browser in (self.modules, self.competencies):
            browser.edited.connect(self._edited)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.inner)
        self.releases = ReleaseBar(self, layout)  # publish and compare releases
        self.reload()

    def _edited(self) -> None:
        self.module_filter.groups = self._competency_groups()
        self.status_message.emit(self.tr("Perubahan disimpan (Ctrl+Z untuk membatalkan)"))
        self.workspace_edited.emit()

    def _competency_groups(self) -> dict[str, str]:
        """Competency code -> group, from the competencies tab (which shows only those)."""
        records = self.competencies.model.records()
        return {c.code: c.group for c in records if isinstance(c, Competency)}

    def set_workspace(self, workspace: Workspace) -> None:
        self.workspace = workspace
        self.undo.clear()  # edits of another workspace cannot be undone here
        for browser in (self.modules, self.competencies):
            browser.workspace = workspace
        self.reload()

    def reload(self) -> None:
        self.competencies.load(self.workspace)
        self.module_filter.groups = self._competency_groups()
        self.module_filter.beginFilterChange()
        self.modules.load(self.workspace)
        self.module_filter.endFilterChange()
