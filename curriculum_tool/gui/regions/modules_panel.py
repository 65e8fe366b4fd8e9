"""The local modules of the current region and their review workflow.

A region's own modules are listed with their status; the form adds or changes one
with its prerequisites. Two buttons take the selected module through its review
(``edit.service.review_module``): "Ajukan untuk ditinjau" (draft → review, with an
optional comment), then "Setujui" (review → approved), and "Kembalikan" (back to draft,
with a note saying what to change); each asks its note in a small dialog. The last
review note, its reviewer and time are shown under the table. Only an approved module
is recommended to learners.

Every change goes through the edit service from the versions read with the records;
what the workspace's actor may not do (a regional officer approving, or touching
another region's modules; a reader anything) is greyed out with the reason as the
button's tooltip.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QColor
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain import Module, Prerequisite, Region, RowError
from ...domain.regions import effective_hazards, offered_in
from ...domain.review import APPROVED, FIRST_STATUS, next_status
from ...edit.approvals import review_refusal
from ...edit.permissions import record_refusal, region_refusal
from ...edit.regional import save_local_module, usable_modules
from ...edit.service import RETURNED, review_module, versions
from ...report.path_labels import moment_text
from ...store import Workspace
from ..i18n import current_language
from ..record_model import RecordTableModel
from ..vocab_labels import modality_label, status_label
from .display import STATUS_COLORS, DisplayProxy, RegionRecordsPanel, record_table, select_record
from .local_module_form import LocalModuleForm
from .region_data import RegionData
from .review_dialog import APPROVE, RETURN, SUBMIT, ReviewDialog
from .writes import allow, attempt, confirm

__all__ = ["LocalModulesPanel"]


@dataclass
class _Read:
    """The versions an open form's module (None: a new one) and its prerequisite edges
    were read at; a save refused because someone changed them moves them on, so saving
    again keeps the person's edit on top of the other one."""

    version: int | None
    edges: dict[Any, int] = field(default_factory=dict)


class LocalModulesPanel(RegionRecordsPanel):
    """The current region's local modules: the form that adds or changes one, and the
    buttons that submit it for review, approve it or return it."""

    #: After each successful write, with a short message for the status bar.
    edited = Signal(str)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(self.tr("Modul lokal"))
        self.workspace = workspace
        self.data = RegionData()
        self.region: Region | None = None
        self.form: LocalModuleForm | None = None
        self.review_dialog: ReviewDialog | None = None
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
        self.view.doubleClicked.connect(self._edit_if_allowed)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)

        self.add_button = QPushButton(self.tr("Tambah modul lokal…"), self)
        self.edit_button = QPushButton(self.tr("Ubah…"), self)
        self.workflow_button = QPushButton(self.tr("Ajukan untuk ditinjau"), self)
        self.return_button = QPushButton(self.tr("Kembalikan…"), self)
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit_selected)
        self.workflow_button.clicked.connect(self.advance_selected)
        self.return_button.clicked.connect(self.return_selected)
        self.edit_action = QAction(self.tr("Ubah modul…"), self.view)
        self.edit_action.triggered.connect(self.edit_selected)
        self.view.addAction(self.edit_action)
        self.review_label = QLabel(self)
        self.review_label.setWordWrap(True)
        self.review_label.hide()

        self._lay_out((self.add_button, self.edit_button, self.workflow_button, self.return_button))
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout), "_lay_out stacks the panel vertically"
        layout.insertWidget(2, self.review_label)  # under the table and the inherited note

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
        """Each button enabled when it applies to the selected module and the
        workspace's actor may take it; the reason otherwise as its tooltip."""
        region = self.region
        module = self.selected() if region is not None else None
        status = module.status if module else FIRST_STATUS
        step = next_status(status)
        actor = self.workspace.actor
        with self.workspace.engine.connect() as conn:
            adding = region_refusal(conn, actor, "modules", region.code) if region else None
            changing = record_refusal(conn, actor, "modules", module) if module else None
        forward = review_refusal(self.workspace, module.code, step) if module and step else None
        back = (
            review_refusal(self.workspace, module.code, RETURNED)
            if module and status != FIRST_STATUS
            else None
        )
        allow(
            self.add_button, region is not None, adding, self.tr("Tambah modul lokal wilayah ini")
        )
        allow(self.edit_button, module is not None, changing, self.tr("Ubah modul terpilih"))
        self.edit_action.setEnabled(self.edit_button.isEnabled())
        self.workflow_button.setText(
            {
                "draft": self.tr("Ajukan untuk ditinjau"),
                "review": self.tr("Setujui"),
                "approved": self.tr("Sudah disetujui"),
            }[status]
        )
        allow(
            self.workflow_button,
            module is not None and step is not None,
            forward,
            self.tr(
                "Alur kerja: Draf → Ditinjau → Disetujui. Hanya modul yang disetujui yang "
                "direkomendasikan kepada peserta."
            ),
        )
        allow(
            self.return_button,
            module is not None and status != FIRST_STATUS,
            back,
            self.tr("Kembalikan modul ke draf dengan catatan apa yang harus diperbaiki."),
        )
        self._show_review(module)

    def _show_review(self, module: Module | None) -> None:
        """The selected module's last review note, its reviewer and time."""
        review = self.data.reviews.get(module.code) if module is not None else None
        if review is None:
            self.review_label.hide()
            self.review_label.clear()
            return
        text = self.tr("Catatan terakhir dari {by} pada {at}").format(
            by=review.by, at=moment_text(review.at, current_language())
        )
        if review.note:
            text += self.tr(": “{note}”").format(note=review.note)
        self.review_label.setText(text)
        self.review_label.show()

    # -- writing ---------------------------------------------------------------------------

    def add(self) -> LocalModuleForm | None:
        """Open the form for a new local module of the selected region."""
        return self._open(None)

    def _edit_if_allowed(self, _index) -> None:
        """A double click edits, when the edit button would."""
        if self.edit_button.isEnabled():
            self.edit_selected()

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
        edges = [
            p for p in self.data.prerequisites if module is not None and p.module == module.code
        ]
        chosen = {p.requires: p.kind for p in edges}
        read = _Read(
            None if module is None else self.data.version("modules", module.code),
            {
                p.key(): v
                for p in edges
                if (v := self.data.version("prerequisites", p.key())) is not None
            },
        )
        candidates = usable_modules(self.data.modules, self.region.code, self.data.regions, chosen)
        if self.form is not None:
            self.form.deleteLater()
        self.form = LocalModuleForm(
            self.region,
            hazards,
            self.data.competencies,
            candidates,
            lambda row, chosen_edges: self.save(row, chosen_edges, read),
            module,
            chosen,
            self,
        )
        self.form.open()
        return self.form

    def save(
        self, row: dict[str, str], edges: Sequence[tuple[str, str]], read: _Read
    ) -> list[tuple[str, str]]:
        """Validate and write a local module with exactly ``edges`` as its prerequisites,
        in one transaction, from the versions in ``read``; the problems, or [] once
        written."""
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

        def changed() -> None:
            stored_edges = {
                p.key() for p in self.workspace.load("prerequisites") if p.module == module.code
            }
            keys = list(stored_edges | {p.key() for p in edges_in})
            if read.version is not None:
                read.version = versions(self.workspace, "modules", [module.code]).get(module.code)
            read.edges = versions(self.workspace, "prerequisites", keys)

        problems = attempt(
            lambda: save_local_module(
                self.workspace,
                module,
                edges_in,
                version=read.version,
                edge_versions=read.edges,
            ),
            changed,
        )
        if not problems:
            self.edited.emit(
                self.tr("Modul lokal {code} disimpan ({status}).").format(
                    code=module.code, status=status_label(module.status)
                )
            )
            select_record(self.view, self.model, module.key())
        return problems

    # -- the review ------------------------------------------------------------------------

    def advance_selected(self) -> ReviewDialog | None:
        """Ask the note of the selected module's next step (draft → review → approved)."""
        module = self.selected()
        step = next_status(module.status) if module is not None else None
        if module is None or step is None:
            return None
        return self._review(module, SUBMIT if step != APPROVED else APPROVE, step)

    def return_selected(self) -> ReviewDialog | None:
        """Ask the note saying what to change, then return the selected module to draft."""
        module = self.selected()
        if module is None or module.status == FIRST_STATUS:
            return None
        return self._review(module, RETURN, RETURNED)

    def _review(self, module: Module, step: str, to: str) -> ReviewDialog:
        """Open the dialog that asks the note of ``step``, then takes ``module`` ``to``
        its next status (or back to draft) from the version read with it."""
        read = [self.data.version("modules", module.code)]

        def changed() -> None:
            read[0] = versions(self.workspace, "modules", [module.code]).get(module.code)

        def take(note: str) -> list[tuple[str, str]]:
            problems = attempt(
                lambda: review_module(self.workspace, module.code, to, note, read[0]), changed
            )
            if not problems:
                self._reviewed(module, to)
            return problems

        if self.review_dialog is not None:
            self.review_dialog.deleteLater()
        self.review_dialog = ReviewDialog(module, step, take, self)
        self.review_dialog.open()
        return self.review_dialog

    def _reviewed(self, module: Module, to: str) -> None:
        """Say what the step did, then select the module again."""
        if to == APPROVED:
            region = self.region
            where = f"{region.name} ({region.code})" if region else module.scope
            if region is not None and not region.parent:
                where += self.tr(" dan kabupaten/kota di bawahnya")
            message = self.tr(
                "Modul {code} disetujui; kini dapat direkomendasikan kepada peserta di {where}."
            ).format(code=module.code, where=where)
        elif to == RETURNED:
            message = self.tr("Modul {code} dikembalikan ke draf.").format(code=module.code)
        else:
            message = self.tr("Modul {code} diajukan untuk ditinjau.").format(code=module.code)
        self.edited.emit(message)
        select_record(self.view, self.model, module.key())
