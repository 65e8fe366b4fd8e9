"""The prerequisite graph editor tab: draw, check, undo and save prerequisite edges.

The tab puts the parts together: the toolbar, the drawn graph, the details and legend,
the lint panel and a status line. Edits are made by :class:`~.editing.EdgeEditing`
(checked, then pushed as undo commands that change the :class:`~.document.GraphDocument`),
the selection is shown by :class:`~.navigation.GraphNavigation`, and lint runs on the
edited graph after every step. What the person working may not change is greyed out
(:class:`~.rights.EditRights`). Saving shows first which stored learner paths the edits
change (:func:`~curriculum_tool.graph.edits.pending_impact`), then writes all edits
through the edit service in one transaction
(:func:`~curriculum_tool.edit.graph_edits.replay_edits`), from the versions the graph was
read at: when someone else changed one of the edges meanwhile, nothing is written and the
conflict is shown, offering to reload the graph or to keep one's own edits on top.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QShowEvent, QUndoStack
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...domain import Prerequisite
from ...edit.conflicts import ConflictError
from ...edit.graph_edits import Edge, StoredGraph, edits_of, load_graph, replay_edits
from ...errors import CurriculumError
from ...graph import LintReport, PrerequisiteGraph
from ...graph.edits import pending_impact
from ...store import Workspace
from ..i18n import error_text, in_app_language
from .commands import AddEdgeCommand, RemoveEdgeCommand
from .details_panel import DetailsPanel
from .dialogs import ImpactDialog
from .document import GraphDocument
from .editing import EdgeEditing
from .layout import layered_layout
from .legend import LegendBox
from .lint_panel import LINT_CONTEXT, LintPanel
from .navigation import GraphNavigation
from .rights import EditRights
from .scene import GraphScene
from .texts import SEP, GraphTexts
from .toolbar import GraphToolbar
from .view import GraphView
from .warning_bar import WarningBar

__all__ = ["GraphEditorTab"]


class GraphEditorTab(QWidget):
    """Edit a workspace's prerequisite graph: view, check, undo, save with impact."""

    status_message = Signal(str)
    workspace_edited = Signal()
    #: True when there are unsaved edits
    modified_changed = Signal(bool)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None):
        super().__init__(parent)
        self.workspace = workspace
        self.document = GraphDocument(self)
        self.texts = GraphTexts(self)
        self._context: dict[str, list] = {}
        self.impact_dialog: ImpactDialog | None = None
        self.message_box: QMessageBox | None = None
        #: The last save's conflict, asking Muat ulang / Simpan versi saya / Batal.
        self.conflict_box: QMessageBox | None = None
        self.undo = QUndoStack(self)
        self.scene = GraphScene(self)
        self.view = GraphView(self.scene, self)
        self.toolbar = GraphToolbar(self)
        self.warning_frame = WarningBar(self)
        self.details = DetailsPanel(self.texts, self)
        self.lint_panel = LintPanel(self)
        self.navigation = GraphNavigation(
            self.document, self.scene, self.view, self.details, self.warning_frame, self.texts, self
        )
        self.rights = EditRights(self.toolbar, self.view, self)
        self.editing = EdgeEditing(
            self.document,
            self.undo,
            self.scene,
            self.view,
            self.navigation,
            self.texts,
            self.toolbar.kind_action,
            self.rights,
            self,
        )
        self._build_layout()
        self._connect()
        self.reload()

    @property
    def graph(self) -> PrerequisiteGraph:
        """The graph as edited (saved or not)."""
        return self.document.graph

    @property
    def report(self) -> LintReport:
        """Lint's report on the edited graph."""
        return self.lint_panel.report

    # -- construction ------------------------------------------------------------------

    def _build_layout(self) -> None:
        side = QWidget(self)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.details, 1)
        side_layout.addWidget(LegendBox(side))
        top = QSplitter(Qt.Orientation.Horizontal, self)
        top.addWidget(self.view)
        top.addWidget(side)
        top.setStretchFactor(0, 4)
        top.setStretchFactor(1, 1)
        top.setSizes([960, 340])
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(top)
        self.splitter.addWidget(self.lint_panel)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([620, 170])

        self.status_label = QLabel(self)
        self.status_label.setStyleSheet("color: #46505C;")
        self.status_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.zoom_label = QLabel(self)
        self.zoom_label.setStyleSheet("color: #6B7682;")
        self.modified_label = QLabel(self)
        status_row = QHBoxLayout()
        status_row.setContentsMargins(4, 0, 4, 0)
        status_row.addWidget(self.status_label, 1)
        status_row.addWidget(self.zoom_label)
        status_row.addSpacing(12)
        status_row.addWidget(self.modified_label)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.warning_frame)
        layout.addWidget(self.splitter, 1)
        layout.addLayout(status_row)

    def _connect(self) -> None:
        bar = self.toolbar
        for action, slot in (
            (bar.undo_action, self.undo.undo),
            (bar.redo_action, self.undo.redo),
            (bar.add_action, self.editing.open_add_dialog),
            (bar.delete_action, self.delete_selected_edge),
            (bar.zoom_in_action, lambda: self._zoom(1.25)),
            (bar.zoom_out_action, lambda: self._zoom(1 / 1.25)),
            (bar.fit_action, lambda: self.fit_view()),
            (bar.layout_action, self.relayout),
            (bar.find_action, self.focus_search),
            (bar.save_action, self.save),
        ):
            action.triggered.connect(slot)
        bar.follow(self.undo)
        bar.search.returnPressed.connect(lambda: self.find_module(bar.search.text()))
        bar.completer.activated.connect(self.find_module)
        self.undo.indexChanged.connect(self._after_step)
        self.undo.cleanChanged.connect(self._on_clean_changed)
        for part in (self.editing, self.navigation):
            part.status_message.connect(self._status)
        self.editing.error.connect(self._show_error)
        self.view.drag_started.connect(
            lambda code: self._status(
                self.tr(
                    "Lepaskan di atas modul yang diperlukan {code} (tahan Shift untuk anjuran); "
                    "Esc membatalkan."
                ).format(code=code)
            )
        )
        self.view.zoom_changed.connect(
            lambda scale: self.zoom_label.setText(
                self.tr("Zoom {p} %").format(p=round(scale * 100))
            )
        )
        self.lint_panel.finding_chosen.connect(self.navigation.show_finding)
        self.navigation.refreshed.connect(
            lambda: self.rights.follow_selection(self.scene.selected_edge)
        )
        # A bound method of the tab, not of a part: the scene emits selectionChanged as
        # it is destroyed, when the tab no longer takes signals but its parts still would.
        self.scene.selectionChanged.connect(self._on_selection_changed)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.toolbar.yield_shortcuts_to_window()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.warning_frame.isVisible():
            self.dismiss_warning()
            event.accept()
            return
        super().keyPressEvent(event)

    # -- loading -----------------------------------------------------------------------

    def set_workspace(self, workspace: Workspace) -> None:
        """Show another workspace; edits not saved to the previous one are dropped."""
        self.workspace = workspace
        self._load(keep_edits=False)

    def reload(self) -> None:
        """Load the graph again (others' changes); edits not yet saved are kept on top."""
        self._load(keep_edits=True)

    def _load(self, keep_edits: bool) -> None:
        self.view.cancel_drag()
        removed, added = self.pending_edits() if keep_edits else ([], [])
        try:
            with self.workspace.engine.connect() as conn:
                stored = load_graph(self.workspace, conn)
                context: dict[str, list] = {
                    kind: self.workspace.load(kind, conn) for kind in LINT_CONTEXT
                }
                self.rights.load(conn, self.workspace, stored.graph)
        except CurriculumError as error:
            stored, context = StoredGraph(PrerequisiteGraph(), {}), {}
            self.rights.deny(error_text(error))
            self._show_error(self.tr("Graf prasyarat tidak dapat dimuat"), error_text(error))
        graph = stored.graph
        touched = self._history() if keep_edits else []
        dropped = self.document.reset(stored, removed, added, touched)
        self._context = context
        self.texts.region_names = {r.code: r.name for r in context.get("regions", [])}
        self.navigation.cycle = None
        if not (removed or added):
            self.undo.clear()
        self.warning_frame.hide()
        modules = graph.modules()
        self.scene.build(
            graph.graph,
            {m.code: self.texts.tag(m) for m in modules},
            {m.code: self.texts.tooltip(m) for m in modules},
            *self._band_labels(),
        )
        self.toolbar.search_model.setStringList([f"{m.code}{SEP}{m.title}" for m in modules])
        self._after_step()
        self._on_clean_changed(self.undo.isClean())
        self.view.auto_fit = True
        self.fit_view(auto=True)
        self._status(
            self.tr(
                "{m} modul, {e} prasyarat. Tambah: seret dengan tombol kanan (atau Alt + seret) "
                "dari modul ke prasyaratnya, Shift = anjuran. Hapus: klik panah, lalu Delete."
            ).format(m=len(modules), e=graph.graph.number_of_edges())
        )
        if dropped:
            self.warning_frame.show_message(
                self.tr(
                    "Graf dimuat ulang. Perubahan yang belum disimpan ini tidak lagi dapat "
                    "diterapkan dan dilewati: {edits}"
                ).format(edits="; ".join(in_app_language(edit) for edit in dropped))
            )

    # -- edits and navigation (the public entry points) --------------------------------

    def add_prerequisite(self, module: str, requires: str, kind: str = "hard") -> bool:
        """Make ``module`` require ``requires``; a cycle is refused, shown and named."""
        return self.editing.add_prerequisite(module, requires, kind)

    def remove_prerequisite(self, module: str, requires: str) -> bool:
        """``module`` no longer requires ``requires``."""
        return self.editing.remove_prerequisite(module, requires)

    def delete_selected_edge(self) -> bool:
        """Remove the selected arrow (Delete key)."""
        return self.editing.delete_selected_edge()

    def dismiss_warning(self) -> None:
        """Hide the cycle warning and its red highlight."""
        self.navigation.dismiss_warning()

    def select_modules(
        self, codes: list[str], edge: tuple[str, str] | None = None, center: bool = True
    ) -> None:
        """Select these modules (and one edge), highlight them and center the first."""
        self.navigation.select_modules(codes, edge, center)

    def find_module(self, text: str) -> str | None:
        """Select and center the module best matching ``text`` (code first, then title)."""
        return self.navigation.find_module(text)

    @property
    def is_modified(self) -> bool:
        """There are edits not saved to the workspace."""
        return not self.undo.isClean()

    def _on_clean_changed(self, clean: bool) -> None:
        if clean:
            self.modified_label.setText(self.tr("Tersimpan"))
            self.modified_label.setStyleSheet("color: #5F6B78;")
        else:
            self.modified_label.setText(self.tr("● Belum disimpan"))
            self.modified_label.setStyleSheet("color: #B45F06; font-weight: bold;")
        self.modified_changed.emit(not clean)

    def _on_selection_changed(self) -> None:
        self.navigation.follow_selection()

    def _after_step(self, _index: int = 0) -> None:
        """Lint, highlight and details follow every step of the undo stack."""
        self.lint_panel.check(self.graph, self._context)
        self.navigation.refresh()

    # -- search, zoom, layout ----------------------------------------------------------

    def focus_search(self) -> None:
        self.toolbar.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.toolbar.search.selectAll()

    def _zoom(self, factor: float) -> None:
        self.view.auto_fit = False
        self.view.zoom_by(factor)

    def fit_view(self, auto: bool = False) -> None:
        """Show the whole graph (Ctrl+0)."""
        if not auto:
            self.view.auto_fit = False
        self.view.fit_all()

    def relayout(self) -> None:
        """Lay the graph out again by layers (after edits moved modules between layers)."""
        self.scene.apply_layout(layered_layout(self.graph.graph), *self._band_labels())
        self.fit_view()

    def _band_labels(self) -> tuple[str, str]:
        """The labels of a layer and of the modules without edges (formats with ``{n}``)."""
        return self.tr("Lapis {n}"), self.tr("Tanpa hubungan prasyarat ({n} modul)")

    # -- saving ------------------------------------------------------------------------

    def pending_edits(self) -> tuple[list[tuple[str, str]], list[Prerequisite]]:
        """Edges removed since the last save, and edges added or re-kinded."""
        return self.document.pending_edits()

    def save(self) -> bool:
        """Save the edits (Ctrl+S); asks first when stored learner paths would change.

        Returns True when written now; with the confirmation open it returns False and
        writes when the user confirms.
        """
        removed, added = self.pending_edits()
        if not removed and not added:
            self.undo.setClean()
            self._status(self.tr("Tidak ada perubahan untuk disimpan."))
            return False
        try:
            changes = pending_impact(self.workspace, self.document.saved, removed, added)
        except CurriculumError as error:
            self._show_error(self.tr("Dampak perubahan tidak dapat dihitung"), error_text(error))
            return False
        if not changes:
            return self._write(removed, added)
        if self.impact_dialog is not None:
            self.impact_dialog.deleteLater()
        key = self.workspace.get_meta("pseudonym_key")
        dialog = ImpactDialog(changes, key, self.texts, self)
        dialog.accepted.connect(lambda: self._write(removed, added))
        dialog.rejected.connect(
            lambda: self._status(self.tr("Penyimpanan dibatalkan; perubahan belum disimpan."))
        )
        self.impact_dialog = dialog
        dialog.open()
        return False

    def _write(self, removed: list[tuple[str, str]], added: list[Prerequisite]) -> bool:
        """Write the edits through the edit service in one transaction, from the versions
        they were made from; a conflict writes nothing and asks what to do."""
        expected = self.document.expected_versions(removed, added)
        try:
            written = replay_edits(self.workspace, edits_of(removed, added), expected)
        except ConflictError as error:
            self._show_conflict(error)
            return False
        except CurriculumError as error:
            self._show_error(self.tr("Perubahan tidak dapat disimpan"), error_text(error))
            return False
        self.document.mark_saved(written)
        self.undo.setClean()
        self._status(
            self.tr("Tersimpan: {a} prasyarat ditambah atau diubah, {r} dihapus.").format(
                a=len(added), r=len(removed)
            )
        )
        self.workspace_edited.emit()
        return True

    def _history(self) -> list[Edge]:
        """The edges the undo stack's steps change (done or undone)."""
        commands = (self.undo.command(i) for i in range(self.undo.count()))
        return [
            (c.module, c.requires)
            for c in commands
            if isinstance(c, (AddEdgeCommand, RemoveEdgeCommand))
        ]

    def _show_conflict(self, error: ConflictError) -> None:
        """Someone else changed an edge since it was read: nothing was written. Muat ulang
        shows the graph as stored (dropping the unsaved edits); Simpan versi saya saves
        the edits again on top of the other person's change."""
        if self.conflict_box is not None:
            self.conflict_box.deleteLater()
        text = error_text(error)
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Prasyarat telah diubah orang lain"),
            text,
            QMessageBox.StandardButton.NoButton,
            self,
        )
        box.setInformativeText(
            self.tr(
                "Tidak ada yang disimpan. Muat ulang: tampilkan graf terbaru; perubahan Anda "
                "yang belum disimpan dibuang. Simpan versi saya: simpan perubahan Anda di "
                "atas perubahan itu."
            )
        )
        reload = box.addButton(self.tr("Muat ulang"), QMessageBox.ButtonRole.AcceptRole)
        keep = box.addButton(self.tr("Simpan versi saya"), QMessageBox.ButtonRole.ApplyRole)
        box.addButton(self.tr("Batal"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(reload)
        box.buttonClicked.connect(
            lambda button: self._answer_conflict(button is reload, button is keep)
        )
        self.conflict_box = box
        self._status(text)
        box.open()

    def _answer_conflict(self, reload: bool, keep: bool) -> None:
        if reload:
            self._load(keep_edits=False)
            self._status(self.tr("Graf dimuat ulang; perubahan yang belum disimpan dibuang."))
        elif keep:
            self._load(keep_edits=True)
            self.document.rebase()
            self.save()
        else:
            self._status(self.tr("Penyimpanan dibatalkan; perubahan belum disimpan."))

    # -- messages ----------------------------------------------------------------------

    def _status(self, text: str) -> None:
        self.status_label.setText(text)
        self.status_label.setToolTip(text)
        self.status_message.emit(text)

    def _show_error(self, title: str, text: str) -> None:
        """A non-blocking error box (window-modal)."""
        if self.message_box is not None:
            self.message_box.deleteLater()
        box = QMessageBox(
            QMessageBox.Icon.Critical, title, text, QMessageBox.StandardButton.Ok, self
        )
        self.message_box = box
        self._status(text)
        box.open()
