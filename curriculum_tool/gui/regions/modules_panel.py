"""The local modules of the current region and their review workflow.

A region's own modules are listed with their status; the form adds or changes one
with its prerequisites, and one button moves the selected module a step along the
review workflow (``domain.review``: draft → review → approved). Only an approved
module is recommended to learners. Every change is written through the core in one
transaction.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QColor
from PySide6.QtWidgets import (
    QHeaderView,
    QPushButton,
    QWidget,
)
from sqlalchemy import Connection

from ...domain import Module, Prerequisite, Region, RowError
from ...domain.regions import effective_hazards, offered_in
from ...domain.review import APPROVED, FIRST_STATUS, next_status
from ...errors import Problem, ValidationError
from ...io.importer import ParsedFile, import_parsed
from ...store import Workspace
from ..record_model import RecordTableModel
from ..vocab_labels import modality_label, status_label
from .display import STATUS_COLORS, DisplayProxy, RegionRecordsPanel, record_table, select_record
from .local_module_form import LocalModuleForm
from .region_data import RegionData
from .writes import MODULE_LABEL, PREREQUISITE_LABEL, confirm, show_refusal, write

__all__ = ["LocalModulesPanel"]


class LocalModulesPanel(RegionRecordsPanel):
    """The current region's local modules: the form that adds or changes one, and the
    button that submits it for review or approves it."""

    #: After each successful write, with a short message for the status bar.
    edited = Signal(str)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(self.tr("Modul lokal"))
        self.workspace = workspace
        self.data = RegionData()
        self.region: Region | None = None
        self.form: LocalModuleForm | None = None
        self.model: RecordTableModel[Module] = RecordTableModel(
            ("code", "title", "jp", "modality", "competencies", "status", "owner"),
            (
                self.tr("Kode"),
                self.tr("Judul"),
                self.tr("JP"),
                self.tr("Modalitas"),
                self.tr("Kompetensi"),
                self.tr("Status"),
                self.tr("Pemilik"),
            ),
            self,
        )
        self.proxy = DisplayProxy(
            {3: modality_label, 5: status_label},
            color={5: lambda status: QColor(STATUS_COLORS.get(status, "#000000"))},
            parent=self,
        )
        self.proxy.setSourceModel(self.model)
        self.view = record_table(self)
        self.view.setModel(self.proxy)
        header = self.view.horizontalHeader()
        for column in range(self.model.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column, width in ((3, 95), (4, 120), (6, 100)):  # long cells: tooltips hold all
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        self.view.doubleClicked.connect(lambda _index: self.edit_selected())
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)

        self.add_button = QPushButton(self.tr("Tambah modul lokal…"), self)
        self.edit_button = QPushButton(self.tr("Ubah…"), self)
        self.workflow_button = QPushButton(self.tr("Ajukan untuk ditinjau"), self)
        self.workflow_button.setToolTip(
            self.tr(
                "Alur kerja: Draf → Ditinjau → Disetujui. Hanya modul yang disetujui yang "
                "direkomendasikan kepada peserta."
            )
        )
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit_selected)
        self.workflow_button.clicked.connect(self.advance_selected)
        edit_action = QAction(self.tr("Ubah modul…"), self.view)
        edit_action.triggered.connect(self.edit_selected)
        self.view.addAction(edit_action)

        self._lay_out((self.add_button, self.edit_button, self.workflow_button))

    def show_region(self, region: Region | None, data: RegionData) -> None:
        """Show the local modules of ``region`` and those its parents offer here, or none."""
        chain = self._enter(region, data)
        if region is None or chain is None:
            return
        self.model.set_records([m for m in data.modules if m.scope == region.code])
        offered = [m for m in data.modules if m.is_local and offered_in(m.scope, chain)]
        notes = []
        if self.model.rowCount() == 0:
            notes.append(self.tr("Belum ada modul lokal untuk {name}.").format(name=region.name))
        if offered:
            notes.append(
                self.tr("Modul lokal wilayah induk yang juga ditawarkan di sini: {items}").format(
                    items="; ".join(f"{m.code} ({status_label(m.status)})" for m in offered)
                )
            )
        self.inherited.setText(" ".join(notes))
        self._update_buttons()

    def selected(self) -> Module | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.record(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        module = self.selected() if self.region is not None else None
        self.add_button.setEnabled(self.region is not None)
        self.edit_button.setEnabled(module is not None)
        status = module.status if module else FIRST_STATUS
        self.workflow_button.setText(
            {
                "draft": self.tr("Ajukan untuk ditinjau"),
                "review": self.tr("Setujui"),
                "approved": self.tr("Sudah disetujui"),
            }[status]
        )
        self.workflow_button.setEnabled(module is not None and next_status(status) is not None)

    # -- writing ---------------------------------------------------------------------------

    def add(self) -> LocalModuleForm | None:
        """Open the form for a new local module of the selected region."""
        return self._open(None)

    def edit_selected(self) -> LocalModuleForm | None:
        """Open the form on the selected module; an approved one only after confirming."""
        module = self.selected()
        if module is None:
            return None
        if module.status == APPROVED and not confirm(
            self,
            self.tr("Ubah modul yang sudah disetujui"),
            self.tr(
                "Modul {code} sudah disetujui dan dapat muncul di jalur belajar peserta. "
                "Perubahan berlaku pada rekomendasi berikutnya. Lanjutkan?"
            ).format(code=module.code),
        ):
            return None
        return self._open(module)

    def _open(self, module: Module | None) -> LocalModuleForm | None:
        if self.region is None:
            return None
        hazards = {h.hazard: h.index for h in effective_hazards(self.region, self.data.regions)}
        chosen = {
            p.requires: p.kind
            for p in self.data.prerequisites
            if module is not None and p.module == module.code
        }
        # Offer what learners here can take: national modules and the local modules of
        # this region or a parent (plus any edge the module already has).
        chain = set(self.data.chain(self.region))
        candidates = [
            m for m in self.data.modules if offered_in(m.scope, chain) or m.code in chosen
        ]
        adding = module is None
        if self.form is not None:
            self.form.deleteLater()
        self.form = LocalModuleForm(
            self.region,
            hazards,
            self.data.competencies,
            candidates,
            lambda row, edges: self.save(row, edges, adding),
            module,
            chosen,
            self,
        )
        self.form.open()
        return self.form

    def save(
        self, row: dict[str, str], edges: Sequence[tuple[str, str]], adding: bool
    ) -> list[tuple[str, str]]:
        """Validate and write a local module with exactly ``edges`` as its prerequisites,
        in one transaction; the problems, or [] once written."""
        try:
            module = Module.from_row(row)
        except RowError as error:
            return list(error.problems)
        problems: list[tuple[str, str]] = []
        edges_in = []
        for requires, kind in edges:
            try:
                edges_in.append(
                    Prerequisite.from_row(
                        {"module": module.code, "requires": requires, "kind": kind}
                    )
                )
            except RowError as error:
                problems.extend(("prerequisites", message) for _, message in error.problems)
        if problems:
            return problems

        def steps(conn: Connection) -> None:
            workspace = self.workspace
            if adding and module.code in workspace.keys(module.KIND, conn):
                raise ValidationError(
                    Problem(
                        MODULE_LABEL,
                        2,
                        "code",
                        self.tr("kode {code} sudah dipakai modul lain; pilih kode lain").format(
                            code=module.code
                        ),
                    )
                )
            import_parsed(
                workspace, [ParsedFile(module.KIND, MODULE_LABEL, [module], [2], [])], conn=conn
            )
            wanted = {p.requires for p in edges_in}
            stale = [
                p.key()
                for p in workspace.load("prerequisites", conn)
                if p.module == module.code and p.requires not in wanted
            ]
            if stale:
                workspace.delete(conn, Prerequisite.KIND, stale)
            if edges_in:
                import_parsed(
                    workspace,
                    [
                        ParsedFile(
                            Prerequisite.KIND,
                            PREREQUISITE_LABEL,
                            list(edges_in),  # a list[Record]: ParsedFile's type
                            list(range(2, len(edges_in) + 2)),
                            [],
                        )
                    ],
                    conn=conn,
                )

        problems = write(self.workspace, steps)
        if not problems:
            self.edited.emit(
                self.tr("Modul lokal {code} disimpan ({status}).").format(
                    code=module.code, status=status_label(module.status)
                )
            )
            select_record(self.view, self.model, module.key())
        return problems

    def advance_selected(self) -> bool:
        """Move the selected module one step: draft → review → approved."""
        module = self.selected()
        step = next_status(module.status) if module is not None else None
        if module is None or step is None:
            return False
        try:
            updated = module.edited(status=step)
        except RowError as error:
            show_refusal(self, self.tr("Status tidak diubah"), error.problems)
            return False
        problems = write(
            self.workspace,
            lambda conn: import_parsed(
                self.workspace,
                [ParsedFile(updated.KIND, MODULE_LABEL, [updated], [2], [])],
                conn=conn,
            ),
        )
        if problems:
            show_refusal(self, self.tr("Status tidak diubah"), problems)
            return False
        region = self.region
        where = f"{region.name} ({region.code})" if region else updated.scope
        if region is not None and not region.parent:
            where += self.tr(" dan kabupaten/kota di bawahnya")
        self.edited.emit(
            self.tr(
                "Modul {code} disetujui; kini dapat direkomendasikan kepada peserta di {where}."
            ).format(code=updated.code, where=where)
            if step == APPROVED
            else self.tr("Modul {code} diajukan untuk ditinjau.").format(code=updated.code)
        )
        select_record(self.view, self.model, updated.key())
        return True
