"""The regional standards of the current region: a table to add, change and delete them.

A regional standard is the level every civil servant of the region should reach in
one competency. The panel lists the region's own standards, names those it inherits
from its parents below, and writes each change through the edit service from the
version it read; what the person may not change (another region's standard, anything
for a read-only role) is greyed out, with the reason as the button's tooltip.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHeaderView,
    QPushButton,
    QWidget,
)

from ...domain import Region, RegionalStandard, RowError
from ...edit.permissions import record_refusal, region_refusal
from ...edit.regional import save_standard
from ...edit.service import delete_records, versions
from ...store import Workspace
from ..record_model import RecordTableModel
from .display import DisplayProxy, RegionRecordsPanel, record_table, select_record
from .region_data import RegionData
from .standard_dialog import StandardDialog
from .writes import allow, attempt, confirm, show_refusal

__all__ = ["RegionalStandardsPanel"]


class RegionalStandardsPanel(RegionRecordsPanel):
    """The current region's competency standards, with the dialog that adds or changes
    one and the Delete key that removes one after asking."""

    #: After each successful write, with a short message for the status bar.
    edited = Signal(str)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(self.tr("Standar kompetensi wilayah"))
        self.workspace = workspace
        self.data = RegionData()
        self.region: Region | None = None
        self.dialog: StandardDialog | None = None
        self.model: RecordTableModel[RegionalStandard] = RecordTableModel(
            ("competency", "level", "reason"),
            (self.tr("Kompetensi"), self.tr("Level"), self.tr("Alasan")),
            self,
        )
        self.proxy = DisplayProxy(
            {}, tooltip={0: lambda code: self.data.competency_name(code)}, parent=self
        )
        self.proxy.setSourceModel(self.model)
        self.view = record_table(self)
        self.view.setModel(self.proxy)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.view.doubleClicked.connect(self._edit_if_allowed)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)

        self.add_button = QPushButton(self.tr("Tambah…"), self)
        self.edit_button = QPushButton(self.tr("Ubah…"), self)
        self.delete_button = QPushButton(self.tr("Hapus…"), self)
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.delete_action = QAction(self.tr("Hapus standar…"), self.view)
        self.delete_action.setShortcut(QKeySequence(Qt.Key.Key_Delete))
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.delete_action.triggered.connect(self.delete_selected)
        self.edit_action = QAction(self.tr("Ubah standar…"), self.view)
        self.edit_action.triggered.connect(self.edit_selected)
        self.view.addActions([self.edit_action, self.delete_action])

        self._lay_out((self.add_button, self.edit_button, self.delete_button))

    def show_region(self, region: Region | None, data: RegionData) -> None:
        """Show the standards of ``region`` and those it inherits, or none."""
        chain = self._enter(region, data)
        if region is None or chain is None:
            return
        self.model.set_records([s for s in data.standards if s.region == region.code])
        inherited = [s for s in data.standards if s.region in chain]
        self.inherited.setText(
            self.tr("Juga berlaku dari wilayah induk: {items}").format(
                items="; ".join(f"{s.competency} level {s.level} ({s.region})" for s in inherited)
            )
            if inherited
            else ""
        )
        self._update_buttons()

    def selected(self) -> RegionalStandard | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.record(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        """Each button enabled when it applies and the workspace's actor may use it."""
        region = self.region
        standard = self.selected() if region is not None else None
        actor = self.workspace.actor
        with self.workspace.engine.connect() as conn:
            adding = (
                region_refusal(conn, actor, "regional_standards", region.code) if region else None
            )
            changing = (
                record_refusal(conn, actor, "regional_standards", standard) if standard else None
            )
        allow(self.add_button, region is not None, adding, self.tr("Tambah standar wilayah ini"))
        allow(self.edit_button, standard is not None, changing, self.tr("Ubah standar terpilih"))
        allow(self.delete_button, standard is not None, changing, self.tr("Hapus standar terpilih"))
        self.edit_action.setEnabled(self.edit_button.isEnabled())
        self.delete_action.setEnabled(self.delete_button.isEnabled())

    # -- writing ---------------------------------------------------------------------------

    def add(self) -> StandardDialog | None:
        """Open the dialog for a new standard of the current region."""
        return self._open(None)

    def _edit_if_allowed(self, _index) -> None:
        """A double click edits, when the edit button would."""
        if self.edit_button.isEnabled():
            self.edit_selected()

    def edit_selected(self) -> StandardDialog | None:
        standard = self.selected()
        return self._open(standard) if standard else None

    def _open(self, standard: RegionalStandard | None) -> StandardDialog | None:
        if self.region is None:
            return None
        # The version the standard was read at (None: a new one); a save refused because
        # someone changed it meanwhile moves it on, so saving again keeps this edit.
        read = [None if standard is None else self.data.version(standard.KIND, standard.key())]
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = StandardDialog(
            self.region,
            self.data.competencies,
            lambda row: self.save(row, read),
            standard,
            self,
        )
        self.dialog.open()
        return self.dialog

    def save(self, row: dict[str, str], read: list[int | None]) -> list[tuple[str, str]]:
        """Validate and write one regional standard from the version in ``read`` (None:
        a new one); the problems, or [] once written."""
        try:
            standard = RegionalStandard.from_row(row)
        except RowError as error:
            return list(error.problems)
        key = standard.key()

        def changed() -> None:
            read[0] = versions(self.workspace, standard.KIND, [key]).get(key)

        problems = attempt(lambda: save_standard(self.workspace, standard, read[0]), changed)
        if not problems:
            self.edited.emit(
                self.tr("Standar {competency} level {level} untuk {region} disimpan.").format(
                    competency=standard.competency, level=standard.level, region=standard.region
                )
            )
            select_record(self.view, self.model, standard.key())
        return problems

    def delete_selected(self) -> bool:
        """Delete the selected standard after the user confirms."""
        standard = self.selected()
        if standard is None or self.region is None:
            return False
        if not confirm(
            self,
            self.tr("Hapus standar wilayah"),
            self.tr(
                "Hapus standar {competency} level {level} untuk {name} ({code})?\n"
                "Peserta di wilayah ini tidak lagi ditargetkan mencapai level ini."
            ).format(
                competency=standard.competency,
                level=standard.level,
                name=self.region.name,
                code=self.region.code,
            ),
        ):
            return False
        key = standard.key()
        expected = {key: self.data.version(standard.KIND, key)}
        problems = attempt(lambda: delete_records(self.workspace, standard.KIND, [key], expected))
        if problems:
            show_refusal(self, self.tr("Standar tidak dihapus"), problems)
            return False
        self.edited.emit(
            self.tr("Standar {competency} untuk {region} dihapus.").format(
                competency=standard.competency, region=standard.region
            )
        )
        return True
