"""Peserta & Jalur: the training officer's desk for learners and their learning paths.

Left, the agency's learners: search them (Ctrl+F), import a learners file, plan every
learner at once in the background, write the agency summary. Right, the selected
learner: the competency gaps of their target profile, the officer's knobs (JP budget,
yearly minimum, periods, the two seed policies) and the recommended path as a timeline by
period, each step with its reasons, then the modules left out and why. The path can be
saved as the learner's current path (Ctrl+S) through the edit service, or exported as PDF
(Ctrl+P) or XLSX. A stored path is a proposal until the learner's atasan, a training
officer of their region or an admin approves it ("Setujui jalur"); the PDF of the stored
path says so. What the workspace's actor may not do is greyed out, with the reason.

The tab composes the parts in :mod:`curriculum_tool.gui.paths` and keeps the desk's
state: the workspace, the planner (loaded in the background), the current learner and
their path. Planning one learner takes a few tens of milliseconds and runs on the GUI
thread, so every change of a knob shows its path at once.

Learner ids and names are personal data: shown here, in the officer's own workspace,
never logged, and masked in exported files unless the officer ticks "Tampilkan NIP dan
nama".
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMessageBox, QSplitter, QVBoxLayout, QWidget

from ..domain import Learner, LearnerPath
from ..edit.approvals import path_save_refusal
from ..edit.service import save_path
from ..errors import CurriculumError
from ..io.masking import pseudonym
from ..recommend.planner import PathOptions, Recommender
from ..store import Workspace
from . import workers
from .i18n import error_text
from .paths.agency_panel import AgencyPanel
from .paths.desk import DeskData, load_desk
from .paths.jobs import DeskJobs
from .paths.learner_detail import LearnerDetail
from .paths.learner_list import LearnerList
from .paths.learner_model import LearnerTableModel
from .paths.path_exports import PATH_COLUMNS, PathExports

__all__ = ["PATH_COLUMNS", "DeskData", "LearnerTableModel", "PathsTab"]


class PathsTab(QWidget):
    """Peserta & Jalur: learners on the left, the selected learner's path on the right.

    Receives a workspace; loads the planner in the background (``desk_loaded`` when
    ready); recomputes the path when a learner or a knob changes (``path_updated``);
    runs the agency batch in the background (``batch_finished`` with ``finished``,
    ``cancelled`` or ``failed``). Writes to the workspace emit ``workspace_edited``.
    """

    status_message = Signal(str)
    workspace_edited = Signal()
    desk_loaded = Signal()
    path_updated = Signal()
    batch_finished = Signal(str)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None):
        super().__init__(parent)
        self.workspace = workspace
        self.recommender: Recommender | None = None
        self.learner: Learner | None = None
        self.path: LearnerPath | None = None
        self.saved_path: LearnerPath | None = None
        self._load_problem = ""
        self._loading = False
        self._generation = 0
        self._positions: dict[str, str] = {}
        self._regions: dict[str, str] = {}
        self._competencies: dict[str, str] = {}
        self._loader: workers.Worker | None = None
        self.jobs = DeskJobs(self)
        self._workers = self.jobs.running  # the same set: empty once no job runs
        self.exports = PathExports(self.jobs, self)
        self._build()
        self._connect_parts()
        self._build_shortcuts()
        self.reload()

    # -- layout ------------------------------------------------------------------------

    def _build(self) -> None:
        self.learners = LearnerList(self.jobs, lambda: self.workspace, self)
        self.agency = AgencyPanel(self.jobs, lambda: self.workspace, self.options, self)
        self.detail = LearnerDetail(self)
        self.knobs, self.view = self.detail.knobs, self.detail.view
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 4, 0)
        left_layout.addWidget(self.learners, 1)
        left_layout.addWidget(self.agency)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([430, 770])
        self.splitter = splitter
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(splitter)
        self._name_widgets()

    def _name_widgets(self) -> None:
        """The parts' widgets under the tab's own names, as before the parts existed."""
        learners, agency, detail = self.learners, self.agency, self.detail
        knobs, view = self.knobs, self.view
        self.search, self.import_button = learners.search, learners.import_button
        self.learner_model, self.learner_proxy = learners.learner_model, learners.learner_proxy
        self.learner_view, self.count_label = learners.learner_view, learners.count_label
        self.batch_button, self.summary_button = agency.batch_button, agency.summary_button
        self.batch_progress, self.batch_cancel = agency.batch_progress, agency.batch_cancel
        self.unmask = agency.unmask
        self.detail_stack, self.placeholder = detail, detail.placeholder
        self.learner_title, self.learner_info = detail.learner_title, detail.learner_info
        self.loading_label, self.save_button = detail.loading_label, detail.save_button
        self.approval, self.approve_button = detail.approval, detail.approve_button
        self.pdf_button, self.xlsx_button = detail.pdf_button, detail.xlsx_button
        self.max_jp, self.min_jp, self.periods = knobs.max_jp, knobs.min_jp, knobs.periods
        self.offline_instead = knobs.offline_instead
        self.literacy_first, self.hazard_first = knobs.literacy_first, knobs.hazard_first
        self.gap_chart, self.timeline = view.gap_chart, view.timeline
        self.step_detail, self.excluded = view.step_detail, view.excluded
        self.path_tabs, self.summary = view.path_tabs, view.summary

    def _connect_parts(self) -> None:
        for part in (self.learners, self.agency, self.exports):
            part.status_message.connect(self.status_message)
        self.learners.learner_selected.connect(self._learner_selected)
        self.learners.learner_activated.connect(self._learner_activated)
        self.learners.learners_imported.connect(self._learners_imported)
        self.agency.workspace_edited.connect(self.workspace_edited)
        self.approval.approved.connect(self._path_approved)
        self.approval.refused.connect(
            lambda title, text: self.jobs.inform(title, text, QMessageBox.Icon.Warning)
        )
        self.agency.batch_finished.connect(self.batch_finished)
        self.knobs.changed.connect(self.recompute)
        self.save_button.clicked.connect(self.save_path)
        self.pdf_button.clicked.connect(lambda: self.export_pdf())
        self.xlsx_button.clicked.connect(lambda: self.export_xlsx())

    def _build_shortcuts(self) -> None:
        for key, slot in (
            (QKeySequence.StandardKey.Find, self.focus_search),
            (QKeySequence.StandardKey.Save, self.save_path),
            (QKeySequence.StandardKey.Print, self.export_pdf),
        ):
            action = QAction(self)
            action.setShortcut(key)
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(lambda _checked=False, slot=slot: slot())
            self.addAction(action)

    # -- workspace ---------------------------------------------------------------------

    def set_workspace(self, workspace: Workspace) -> None:
        """Show another workspace (the caller owns and closes the old one)."""
        self.workspace = workspace
        self.learner = None
        self.path = None
        self.saved_path = None
        self.recommender = None
        self.approval.clear()
        self.learner_model.set_learners([], {}, {})
        self.reload()

    def reload(self) -> None:
        """Reload learners and the planner in the background; the view stays usable."""
        self._generation += 1
        generation = self._generation
        target = self.workspace.target
        self._loading = True
        self.loading_label.show()
        if self.learner is None:
            self.detail.show_placeholder(self.tr("Memuat model dan peserta…"))
        self.status_message.emit(self.tr("Memuat model dan peserta…"))

        def task(report: workers.Report, cancelled: Callable[[], bool]) -> Any:
            return generation, load_desk(target, cancelled)

        if self._loader is not None:
            self._loader.cancel()  # its result would be thrown away anyway
        self._loader = self.jobs.run(
            task, self._desk_loaded, lambda message: self._desk_failed(generation, message)
        )

    def _desk_loaded(self, result: tuple[int, DeskData]) -> None:
        generation, data = result
        if generation != self._generation:
            return  # a newer reload is on its way
        self._loader = None
        self._loading = False
        self.loading_label.hide()
        self.recommender = data.recommender
        self._load_problem = data.problem
        self._positions, self._regions = data.positions, data.regions
        self._competencies = data.competencies
        current = self.learner.id if self.learner is not None else None
        self.learners.show_learners(data.learners, data.positions, data.regions)
        if data.recommender is None:
            self.status_message.emit(
                self.tr("Jalur belum dapat dihitung: %1").replace("%1", data.problem)
            )
        else:
            self.status_message.emit(
                self.tr("Model %1 dimuat; %2 peserta")
                .replace("%1", data.recommender.model_name)
                .replace("%2", str(len(data.learners)))
            )
        row = self.learner_model.row_of(current) if current is not None else -1
        if row >= 0:
            self.learner = self.learner_model.learner(row)  # the record may have changed
            self.select_learner(self.learner.id)
            self._read_stored()
            self.recompute()
        else:
            self.learner = None
            self.detail.show_placeholder(
                self.tr(
                    "Pilih peserta di daftar kiri untuk melihat "
                    "kesenjangan kompetensi dan jalur belajarnya."
                )
            )
        self.desk_loaded.emit()

    def _desk_failed(self, generation: int, message: str) -> None:
        if generation != self._generation:
            return
        self._loader = None
        self._loading = False
        self.loading_label.hide()
        self.detail.show_placeholder(
            self.tr("Workspace tidak dapat dimuat: %1").replace("%1", message)
        )
        self.status_message.emit(self.tr("Workspace tidak dapat dimuat"))

    # -- learners ----------------------------------------------------------------------

    def focus_search(self) -> None:
        self.learners.focus_search()

    def select_learner(self, learner_id: str) -> bool:
        """Make ``learner_id`` the current learner (clearing a filter that hides it)."""
        return self.learners.select_learner(learner_id)

    def import_learners(self, path: str | Path | None = None) -> bool:
        """Merge a learners file in the background; a refused file lists every problem."""
        return self.learners.import_learners(path)

    @property
    def problems_dialog(self) -> QWidget | None:
        """The list of problems of the last refused learners file."""
        return self.learners.problems_dialog

    def _learner_selected(self, learner: Learner) -> None:
        if self.learner is not None and learner.id == self.learner.id:
            return
        self.learner = learner
        self._read_stored()
        self.recompute()

    def _learner_activated(self, learner: Learner) -> None:
        """Enter (or double click) on a learner: plan again with the current knobs."""
        self.learner = learner
        self._read_stored()
        self.recompute()

    def _learners_imported(self) -> None:
        self.workspace_edited.emit()
        self.reload()

    # -- the path ----------------------------------------------------------------------

    def options(self) -> PathOptions:
        """The knobs as core options (raises CurriculumError for an impossible mix)."""
        return self.knobs.options()

    def recompute(self) -> None:
        """Plan the current learner with the current knobs and show the result."""
        learner = self.learner
        if learner is None:
            return
        self._show_learner(learner)
        if self.recommender is None:
            self._clear_path(
                self._load_problem if not self._loading else "",
                self.tr("Memuat model dan peserta…")
                if self._loading
                else self.tr("Jalur belum dapat dihitung."),
            )
            return
        try:
            path = self.recommender.recommend(learner.id, self.options())
        except CurriculumError as error:
            self._clear_path(error_text(error), self.tr("Jalur tidak dapat dihitung."))
            return
        self.path = path
        self.view.show_path(path, self.recommender, learner.id, self._competencies)
        self.detail.set_path_actions(True)
        refusal = path_save_refusal(self.workspace, path)
        self.save_button.setEnabled(refusal is None)
        self.save_button.setToolTip(
            self.tr("Simpan sebagai jalur terkini peserta ini (Ctrl+S)")
            if refusal is None
            else error_text(refusal)
        )
        self._show_summary(path)
        self.path_updated.emit()

    def _show_learner(self, learner: Learner) -> None:
        self.detail.show_learner(
            learner,
            self._positions.get(learner.position, ""),
            self._regions.get(learner.region, ""),
            self.learner_model.literacy_label(learner.digital_literacy),
        )

    def _clear_path(self, detail: str, headline: str) -> None:
        self.path = None
        self.view.clear_path(detail, headline)
        self.detail.set_path_actions(False)

    def _show_summary(self, path: LearnerPath) -> None:
        saved = self.saved_path is not None and self._same_path(self.saved_path, path)
        self.view.show_summary(path, saved)

    @staticmethod
    def _same_path(a: LearnerPath, b: LearnerPath) -> bool:
        return (a.learner, a.steps, a.max_jp, a.min_jp, a.periods) == (
            b.learner,
            b.steps,
            b.max_jp,
            b.min_jp,
            b.periods,
        )

    # -- saving and exporting ----------------------------------------------------------

    def _read_stored(self) -> None:
        """Read the current learner's stored path and show where it stands (proposed,
        or approved by whom and when)."""
        if self.learner is None:
            self.approval.clear()
            return
        self.saved_path = self.approval.show_learner(self.workspace, self.learner.id)

    def _path_approved(self, message: str) -> None:
        self.saved_path = self.approval.stored
        self.status_message.emit(message)
        self.workspace_edited.emit()

    def save_path(self) -> bool:
        """Store the shown path as the learner's current path: a new proposal, through
        the edit service (refused, with the reason, when the actor may not)."""
        path = self.path
        if path is None:
            return False
        try:
            save_path(self.workspace, path)
        except CurriculumError as error:
            self.jobs.inform(
                self.tr("Jalur tidak disimpan"), error_text(error), QMessageBox.Icon.Warning
            )
            return False
        self._read_stored()
        self.saved_path = path
        self._show_summary(path)
        self.status_message.emit(
            self.tr("Jalur disimpan sebagai jalur terkini: %1 langkah, %2 JP")
            .replace("%1", str(len(path.steps)))
            .replace("%2", str(path.total_jp))
        )
        self.workspace_edited.emit()
        return True

    def _label(self) -> str:
        """The learner as exported files name them: the id, or its pseudonym."""
        assert self.learner is not None
        if self.unmask.isChecked():
            return self.learner.id
        return pseudonym(self.workspace.get_meta("pseudonym_key") or "", self.learner.id)

    def export_pdf(self, out: str | Path | None = None) -> bool:
        """The shown path as the learner's own document to sign: addressed to them, so it
        shows their name and NIP (the file name stays masked unless asked)."""
        path, learner = self.path, self.learner
        if path is None or learner is None:
            return False
        return self.exports.export_pdf(
            self.workspace, self._with_approval(path), self._label(), out
        )

    def _with_approval(self, path: LearnerPath) -> LearnerPath:
        """``path`` with the stored path's approval when it is the stored path; a path
        planned since is a proposal, and says so."""
        stored = self.approval.stored
        if stored is not None and self._same_path(stored, path):
            return replace(path, approval=stored.approval)
        return path

    def export_xlsx(self, out: str | Path | None = None) -> bool:
        """The shown path's steps as a table (XLSX, or CSV by suffix); no personal data."""
        path = self.path
        if path is None or self.learner is None:
            return False
        return self.exports.export_xlsx(path, self._label(), self.view.modality_label, out)

    def export_agency_summary(self, out: str | Path | None = None) -> bool:
        """The agency summary workbook of the stored paths, written in the background."""
        return self.agency.export_agency_summary(out)

    # -- the agency batch --------------------------------------------------------------

    def start_batch(self, out: str | Path | None = None) -> bool:
        """Plan every learner with the current knobs in the background; write ``out``
        and store each path as the learner's current path."""
        return self.agency.start_batch(out)

    def cancel_batch(self) -> None:
        """Ask the batch to stop at its next check; nothing is written or stored."""
        self.agency.cancel_batch()

    @property
    def batch_running(self) -> bool:
        return self.agency.batch_running

    @property
    def batch_percent(self) -> int:
        """How far the running (or last) batch got, 0–100."""
        return self.agency.batch_percent

    @property
    def last_message(self) -> tuple[str, str]:
        """Title and text of the last message shown."""
        return self.jobs.last_message
