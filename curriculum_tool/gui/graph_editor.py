"""The prerequisite graph editor tab: draw, check, undo and save prerequisite edges.

Every edit goes through :class:`~curriculum_tool.graph.PrerequisiteGraph` (a cycle is
refused and named), lint runs on the edited graph after each change, and saving shows
first which stored learner paths the edits change (:func:`~curriculum_tool.graph.impact`),
then writes all edits in one transaction.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QIcon,
    QKeyEvent,
    QKeySequence,
    QShowEvent,
    QUndoCommand,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QStyle,
    QToolBar,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..domain import Module, Prerequisite
from ..errors import CurriculumError, CycleError
from ..graph import (
    AddEdge,
    LintReport,
    PathChange,
    PrerequisiteGraph,
    RemoveEdge,
    apply_edit,
    format_cycle,
    impact,
    lint,
)
from ..graph.lint import Finding
from ..io.masking import pseudonym
from ..store import Workspace
from ..store.paths import load_paths
from .graph_scene import (
    COLORS,
    CYCLE,
    REQUIRES,
    SELECTED,
    UNLOCKS,
    GraphScene,
    GraphView,
    layered_layout,
)

__all__ = [
    "AddEdgeCommand",
    "AddPrerequisiteDialog",
    "GraphEditorTab",
    "ImpactDialog",
    "RemoveEdgeCommand",
]

#: The one separator between a module's code and title in lists and completers.
SEP = " — "


# -- undo commands ----------------------------------------------------------------------


class AddEdgeCommand(QUndoCommand):
    """``module`` now requires ``requires`` (new, or re-kinded from ``previous``).

    Pushed after the checked edit was made, so its first ``redo`` does nothing. A step
    the graph refuses later (after a reload brought in others' edges) drops the command.
    """

    def __init__(self, editor: GraphEditorTab, edge: Prerequisite, previous: str | None, text: str):
        super().__init__(text)
        self.editor, self.edge, self.previous = editor, edge, previous
        self._made = True

    def redo(self) -> None:
        if self._made:
            self._made = False
            return
        self.editor._replay(self, self.edge.module, self.edge.requires, self.edge.kind, undo=False)

    def undo(self) -> None:
        self.editor._replay(self, self.edge.module, self.edge.requires, self.previous, undo=True)


class RemoveEdgeCommand(QUndoCommand):
    """``edge`` is removed; undo puts it back with its kind."""

    def __init__(self, editor: GraphEditorTab, edge: Prerequisite, text: str):
        super().__init__(text)
        self.editor, self.edge = editor, edge
        self._made = True

    def redo(self) -> None:
        if self._made:
            self._made = False
            return
        self.editor._replay(self, self.edge.module, self.edge.requires, None, undo=False)

    def undo(self) -> None:
        self.editor._replay(self, self.edge.module, self.edge.requires, self.edge.kind, undo=True)


# -- dialogs ----------------------------------------------------------------------------


class AddPrerequisiteDialog(QDialog):
    """Choose a module, the module it requires and the kind: the keyboard way to add an edge."""

    def __init__(
        self,
        entries: list[tuple[str, str]],
        module: str | None,
        kind: str,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Tambah prasyarat"))
        self._codes = {code.lower(): code for code, _ in entries}
        self.module_box = self._module_box(entries)
        self.requires_box = self._module_box(entries)
        if module is not None:
            self.module_box.setCurrentIndex(self.module_box.findData(module))
        self.kind_box = QComboBox(self)
        self.kind_box.addItem(self.tr("wajib — harus selesai lebih dulu"), "hard")
        self.kind_box.addItem(self.tr("anjuran — sebaiknya lebih dulu"), "soft")
        self.kind_box.setCurrentIndex(self.kind_box.findData(kind))
        self.error_label = QLabel(self)
        self.error_label.setStyleSheet("color: #B71C1C;")
        self.error_label.hide()
        form = QFormLayout()
        form.addRow(self.tr("&Modul:"), self.module_box)
        form.addRow(self.tr("M&emerlukan:"), self.requires_box)
        form.addRow(self.tr("&Jenis:"), self.kind_box)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Tambah"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Batal"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        hint = QLabel(
            self.tr(
                "Modul memerlukan prasyaratnya: “PB-201 memerlukan PB-101” "
                "berarti PB-101 diambil sebelum PB-201."
            ),
            self,
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #5F6B78;")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.resize(560, self.sizeHint().height())
        (self.requires_box if module is not None else self.module_box).setFocus()

    def _module_box(self, entries: list[tuple[str, str]]) -> QComboBox:
        box = QComboBox(self)
        box.setEditable(True)
        box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        box.setMaxVisibleItems(15)
        for code, label in entries:
            box.addItem(label, code)
        box.setCurrentIndex(-1)
        completer = box.completer()
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        return box

    def _code(self, box: QComboBox) -> str | None:
        text = box.currentText().strip()
        index = box.findText(text, Qt.MatchFlag.MatchFixedString)
        if index >= 0:
            return box.itemData(index)
        return self._codes.get(text.split(SEP)[0].strip().lower())

    def values(self) -> tuple[str | None, str | None, str]:
        """(module, requires, kind); a code is None when the text names no module."""
        return (
            self._code(self.module_box),
            self._code(self.requires_box),
            self.kind_box.currentData(),
        )

    def accept(self) -> None:
        module, requires, _ = self.values()
        if module is None or requires is None:
            which = self.module_box if module is None else self.requires_box
            self.error_label.setText(
                self.tr("“{text}” bukan kode modul di katalog.").format(text=which.currentText())
            )
            self.error_label.show()
            which.setFocus()
            return
        super().accept()


class ImpactDialog(QDialog):
    """Which stored learner paths the unsaved edits change; Simpan or Batal."""

    def __init__(self, count: int, lines: list[str], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Dampak pada jalur peserta"))
        self.heading = QLabel(self.tr("{n} jalur peserta akan berubah").format(n=count), self)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.heading.setFont(font)
        note = QLabel(
            self.tr(
                "Perubahan prasyarat ini mengubah jalur yang sudah diberikan kepada peserta "
                "berikut (ID disamarkan). Setelah menyimpan, buat ulang rekomendasi mereka."
            ),
            self,
        )
        note.setWordWrap(True)
        self.details = QPlainTextEdit(self)
        self.details.setReadOnly(True)
        self.details.setPlainText("\n".join(lines))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Simpan"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Batal"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.heading, note, self.details, self.buttons):
            layout.addWidget(widget)
        self.resize(640, 420)


def _replay_edits(
    graph: PrerequisiteGraph, removed: list[tuple[str, str]], added: list[Prerequisite]
) -> list[str]:
    """Make unsaved edits again on a freshly loaded graph; returns the refused ones."""
    dropped = []
    for module, requires in removed:
        if graph.kind(module, requires) is not None:
            graph.remove_edge(module, requires)
    for edge in added:
        try:
            graph.add_edge(edge.module, edge.requires, edge.kind)
        except CurriculumError as error:
            dropped.append(f"{edge.module} → {edge.requires}: {error}")
    return dropped


# -- the tab ----------------------------------------------------------------------------


class GraphEditorTab(QWidget):
    """Edit a workspace's prerequisite graph: view, check, undo, save with impact."""

    status_message = Signal(str)
    workspace_edited = Signal()
    #: True when there are unsaved edits
    modified_changed = Signal(bool)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None):
        super().__init__(parent)
        self.workspace = workspace
        self.graph = PrerequisiteGraph()
        self._saved = PrerequisiteGraph()
        self._context: dict[str, list] = {}
        self._region_names: dict[str, str] = {}
        self.report = LintReport()
        self._findings: list[Finding] = []
        self._cycle: list[str] | None = None
        self.add_dialog: AddPrerequisiteDialog | None = None
        self.impact_dialog: ImpactDialog | None = None
        self.message_box: QMessageBox | None = None
        self.undo = QUndoStack(self)
        self._shortcuts: dict[QAction, list[QKeySequence]] = {}
        self.scene = GraphScene(self)
        self.view = GraphView(self.scene, self)
        self._build_actions()
        self._build_ui()
        self._connect()
        self.reload()

    # -- construction ------------------------------------------------------------------

    def _action(self, text: str, shortcuts: list, slot, icon: str = "", tip: str = "") -> QAction:
        action = QAction(QIcon.fromTheme(icon) if icon else QIcon(), text, self)
        keys = [QKeySequence(s) for s in shortcuts]
        action.setShortcuts(keys)
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shown = ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in keys)
        action.setToolTip(f"{tip or text.rstrip('…')} ({shown})" if shown else tip or text)
        action.triggered.connect(slot)
        self.addAction(action)
        self._shortcuts[action] = keys
        return action

    def _build_actions(self) -> None:
        self.undo_action = self._action(
            self.tr("Urungkan"), [QKeySequence.StandardKey.Undo], self.undo.undo, "edit-undo"
        )
        self.redo_action = self._action(
            self.tr("Ulangi"), ["Ctrl+Shift+Z", "Ctrl+Y"], self.undo.redo, "edit-redo"
        )
        self.add_action = self._action(
            self.tr("Tambah prasyarat…"),
            ["Ctrl+Shift+P"],
            self.open_add_dialog,
            "list-add",
            self.tr("Tambah prasyarat dengan memilih modul dan prasyaratnya"),
        )
        self.delete_action = self._action(
            self.tr("Hapus prasyarat"),
            [QKeySequence.StandardKey.Delete, "Backspace"],
            self.delete_selected_edge,
            "edit-delete",
            self.tr("Hapus panah prasyarat yang dipilih"),
        )
        self.kind_action = self._action(
            self.tr("Jenis: wajib"),
            ["Ctrl+J"],
            lambda: None,
            tip=self.tr("Jenis prasyarat baru: wajib atau anjuran (Shift saat melepas = anjuran)"),
        )
        self.kind_action.setCheckable(True)
        self.zoom_in_action = self._action(
            self.tr("Perbesar"), ["Ctrl++", "Ctrl+="], lambda: self._zoom(1.25), "zoom-in"
        )
        self.zoom_out_action = self._action(
            self.tr("Perkecil"), ["Ctrl+-"], lambda: self._zoom(1 / 1.25), "zoom-out"
        )
        self.fit_action = self._action(
            self.tr("Muat semua"),
            ["Ctrl+0"],
            lambda: self.fit_view(),
            "zoom-fit-best",
            self.tr("Tampilkan seluruh graf"),
        )
        self.layout_action = self._action(
            self.tr("Susun ulang"),
            ["Ctrl+L"],
            self.relayout,
            "view-refresh",
            self.tr("Susun ulang tata letak menurut lapis"),
        )
        self.find_action = self._action(
            self.tr("Cari"),
            [QKeySequence.StandardKey.Find],
            self.focus_search,
            "edit-find",
            self.tr("Cari modul menurut kode atau judul"),
        )
        self.save_action = self._action(
            self.tr("Simpan"),
            [QKeySequence.StandardKey.Save],
            self.save,
            "document-save",
            self.tr("Simpan perubahan prasyarat ke workspace"),
        )
        self.undo_action.setEnabled(False)
        self.redo_action.setEnabled(False)

    def _build_ui(self) -> None:
        self.toolbar = QToolBar(self)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for action in (
            self.undo_action,
            self.redo_action,
            None,
            self.add_action,
            self.delete_action,
            self.kind_action,
            None,
            self.zoom_in_action,
            self.zoom_out_action,
            self.fit_action,
            self.layout_action,
            None,
            self.save_action,
        ):
            if action is None:
                self.toolbar.addSeparator()
            else:
                self.toolbar.addAction(action)
        spacer = QWidget(self.toolbar)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.toolbar.addWidget(spacer)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Cari kode atau judul modul… (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(260)
        self.search_model = QStringListModel(self)
        self.completer = QCompleter(self.search_model, self)
        self.completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setMaxVisibleItems(12)
        self.search.setCompleter(self.completer)
        self.toolbar.addWidget(self.search)

        # A non-modal warning: a refused cycle, until dismissed or the next edit.
        self.warning_frame = QFrame(self)
        self.warning_frame.setStyleSheet(
            "QFrame { background: #FDECEC; border: 1px solid #E0A3A3; border-radius: 4px; }"
            "QLabel { border: none; color: #8E1B1B; }"
        )
        self.warning_label = QLabel(self.warning_frame)
        self.warning_label.setWordWrap(True)
        self.warning_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        close = QToolButton(self.warning_frame)
        close.setText("×")
        close.setToolTip(self.tr("Tutup peringatan"))
        close.setAutoRaise(True)
        close.clicked.connect(self.dismiss_warning)
        row = QHBoxLayout(self.warning_frame)
        row.setContentsMargins(8, 4, 4, 4)
        row.addWidget(self.warning_label, 1)
        row.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)
        self.warning_frame.hide()

        side = QWidget(self)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        details_box = QGroupBox(self.tr("Rincian"), side)
        self.details = QLabel(details_box)
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        details_scroll = QScrollArea(details_box)
        details_scroll.setWidget(self.details)
        details_scroll.setWidgetResizable(True)
        details_scroll.setFrameShape(QFrame.Shape.NoFrame)
        details_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.requires_list = QListWidget(details_box)
        self.required_by_list = QListWidget(details_box)
        for widget in (self.requires_list, self.required_by_list):
            widget.setToolTip(
                self.tr(
                    "Pilih untuk menandai panahnya (lalu Delete untuk "
                    "menghapus); klik ganda untuk membuka modulnya"
                )
            )
            widget.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            widget.setTextElideMode(Qt.TextElideMode.ElideRight)
            widget.setMaximumHeight(80)
        box_layout = QVBoxLayout(details_box)
        box_layout.addWidget(details_scroll, 1)
        self.requires_caption = QLabel(self.tr("Prasyarat langsung:"), details_box)
        box_layout.addWidget(self.requires_caption)
        box_layout.addWidget(self.requires_list)
        self.required_by_caption = QLabel(self.tr("Dibutuhkan langsung oleh:"), details_box)
        box_layout.addWidget(self.required_by_caption)
        box_layout.addWidget(self.required_by_list)
        side_layout.addWidget(details_box, 1)
        legend = QLabel(self._legend_html(), side)
        legend.setTextFormat(Qt.TextFormat.RichText)
        legend.setWordWrap(True)
        legend_box = QGroupBox(self.tr("Keterangan"), side)
        QVBoxLayout(legend_box).addWidget(legend)
        side_layout.addWidget(legend_box)

        lint_box = QGroupBox(self.tr("Temuan pemeriksaan graf (lint)"), self)
        self.lint_summary = QLabel(lint_box)
        self.lint_summary.setWordWrap(True)
        self.lint_list = QTreeWidget(lint_box)
        self.lint_list.setHeaderLabels(
            [
                self.tr("Tingkat"),
                self.tr("Aturan"),
                self.tr("Modul"),
                self.tr("Pesan"),
                self.tr("Perbaikan"),
            ]
        )
        self.lint_list.setRootIsDecorated(False)
        self.lint_list.setUniformRowHeights(True)
        self.lint_list.setAlternatingRowColors(True)
        self.lint_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        for column, width in enumerate((105, 190, 150, 520)):
            self.lint_list.setColumnWidth(column, width)
        lint_layout = QVBoxLayout(lint_box)
        lint_layout.addWidget(self.lint_summary)
        lint_layout.addWidget(self.lint_list)

        top = QSplitter(Qt.Orientation.Horizontal, self)
        top.addWidget(self.view)
        top.addWidget(side)
        top.setStretchFactor(0, 4)
        top.setStretchFactor(1, 1)
        top.setSizes([960, 340])
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(top)
        self.splitter.addWidget(lint_box)
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

    def _legend_html(self) -> str:
        def swatch(fill: str, border: str, label: str) -> str:
            return (
                f'<span style="background:{fill}; color:{border};">&#9608;&#9608;</span>'
                f"&nbsp;{html.escape(label)}"
            )

        c = {k: v.name() for k, v in COLORS.items()}
        hard, soft = self.tr("wajib"), self.tr("anjuran")
        reading = self.tr("A → B: A memerlukan B (B diambil lebih dulu).")
        modules = [
            swatch(c["national_fill"], c["national_accent"], self.tr("nasional")),
            swatch(c["local_fill"], c["local_accent"], self.tr("lokal (daerah)")),
            swatch(c["inactive_fill"], c["inactive_accent"], self.tr("draf / tinjauan")),
            f"<b>━━▶</b> {html.escape(hard)}",
            f"<b>╍╍▶</b> {html.escape(soft)}",
        ]
        roles = [
            swatch(c[SELECTED + "_fill"], c[SELECTED], self.tr("dipilih")),
            swatch(c[REQUIRES + "_fill"], c[REQUIRES], self.tr("diperlukan")),
            swatch(c[UNLOCKS + "_fill"], c[UNLOCKS], self.tr("dibuka")),
            swatch(c[CYCLE + "_fill"], c[CYCLE], self.tr("siklus ditolak")),
            "",
        ]
        rows = "".join(
            f"<tr><td style='padding-right:14px'>{a}</td><td>{b}</td></tr>"
            for a, b in zip(modules, roles)
        )
        return f"<table>{rows}</table><p style='margin-top:4px'>{html.escape(reading)}</p>"

    def _connect(self) -> None:
        self.undo.canUndoChanged.connect(self.undo_action.setEnabled)
        self.undo.canRedoChanged.connect(self.redo_action.setEnabled)
        self.undo.undoTextChanged.connect(
            lambda text: self.undo_action.setToolTip(
                self.tr("Urungkan: {text} (Ctrl+Z)").format(text=text)
            )
        )
        self.undo.redoTextChanged.connect(
            lambda text: self.redo_action.setToolTip(
                self.tr("Ulangi: {text} (Ctrl+Shift+Z)").format(text=text)
            )
        )
        self.undo.indexChanged.connect(self._after_edit)
        self.undo.cleanChanged.connect(self._on_clean_changed)
        self.kind_action.toggled.connect(self._on_kind_toggled)
        self.view.edge_drawn.connect(self._on_edge_drawn)
        self.view.edge_clicked.connect(self._on_edge_clicked)
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
        self.scene.selectionChanged.connect(self._on_selection_changed)
        self.search.returnPressed.connect(lambda: self.find_module(self.search.text()))
        self.completer.activated.connect(self.find_module)
        self.lint_list.itemClicked.connect(self._on_finding_chosen)
        self.lint_list.itemActivated.connect(self._on_finding_chosen)
        self.lint_list.currentItemChanged.connect(
            lambda current, _previous: self._on_finding_chosen(current)
        )
        for widget in (self.requires_list, self.required_by_list):
            widget.itemClicked.connect(self._on_edge_listed)
            widget.itemDoubleClicked.connect(self._on_module_listed)
            widget.itemActivated.connect(self._on_module_listed)

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
                graph = PrerequisiteGraph.from_workspace(self.workspace, conn)
                context = {
                    kind: self.workspace.load(kind, conn)
                    for kind in ("competencies", "regions", "job_standards", "regional_standards")
                }
        except CurriculumError as error:
            graph, context = PrerequisiteGraph(), {}
            self._show_error(self.tr("Graf prasyarat tidak dapat dimuat"), str(error))
        self._saved = graph.copy()
        dropped = _replay_edits(graph, removed, added)
        self.graph = graph
        self._context = context
        self._region_names = {r.code: r.name for r in context.get("regions", [])}
        self._cycle = None
        if not (removed or added):
            self.undo.clear()
        self.warning_frame.hide()
        modules = graph.modules()
        self.scene.build(
            graph.graph,
            {m.code: self._tag(m) for m in modules},
            {m.code: self._tooltip(m) for m in modules},
            self.tr("Lapis {n}"),
            self.tr("Tanpa hubungan prasyarat ({n} modul)"),
        )
        self.search_model.setStringList([f"{m.code}{SEP}{m.title}" for m in modules])
        self._refresh_lint()
        self._show_details()
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
            self.warning_label.setText(
                self.tr(
                    "Graf dimuat ulang. Perubahan yang belum disimpan ini tidak lagi dapat "
                    "diterapkan dan dilewati: {edits}"
                ).format(edits="; ".join(dropped))
            )
            self.warning_frame.show()

    def _tag(self, module: Module) -> str:
        parts = []
        if module.status != "approved":
            parts.append(self._status_text(module.status))
        if module.is_local:
            parts.append(self.tr("lokal {scope}").format(scope=module.scope))
        parts.append(self.tr("{jp} JP").format(jp=module.jp))
        return " · ".join(parts)

    def _tooltip(self, module: Module) -> str:
        return self.tr(
            "{code} — {title}\n{jp} JP · {modality} · level {level}\n{status} · {scope}"
        ).format(
            code=module.code,
            title=module.title,
            jp=module.jp,
            modality=module.modality,
            level=module.level,
            status=self._status_text(module.status),
            scope=self._scope_text(module),
        )

    def _status_text(self, status: str) -> str:
        return {
            "draft": self.tr("draf"),
            "review": self.tr("tinjauan"),
            "approved": self.tr("disetujui"),
        }.get(status, status)

    def _kind_text(self, kind: str) -> str:
        return {"hard": self.tr("wajib"), "soft": self.tr("anjuran")}.get(kind, kind)

    def _scope_text(self, module: Module) -> str:
        if not module.is_local:
            return self.tr("nasional")
        name = self._region_names.get(module.scope)
        return (
            self.tr("lokal: {code} {name}").format(code=module.scope, name=name)
            if name
            else self.tr("lokal: {code}").format(code=module.scope)
        )

    def _severity_text(self, severity: str) -> str:
        return {"error": self.tr("Galat"), "warning": self.tr("Peringatan")}.get(severity, severity)

    def _rule_text(self, rule: str) -> str:
        return {
            "cycle": self.tr("siklus"),
            "unknown-code": self.tr("kode tak dikenal"),
            "local-required-by-national": self.tr("nasional memerlukan lokal"),
            "prerequisite-out-of-scope": self.tr("prasyarat di luar wilayah"),
            "unapproved-prerequisite": self.tr("prasyarat belum disetujui"),
            "redundant-edge": self.tr("prasyarat berlebih"),
            "orphan": self.tr("modul yatim"),
            "unreachable-module": self.tr("modul tak terjangkau"),
            "untaught-level": self.tr("level tak diajarkan"),
        }.get(rule, rule)

    # -- edits -------------------------------------------------------------------------

    def edge_text(self, module: str, requires: str, kind: str | None = None) -> str:
        """``PB-201 → PB-101 (wajib)``."""
        text = f"{module} → {requires}"
        return f"{text} ({self._kind_text(kind)})" if kind else text

    def add_prerequisite(self, module: str, requires: str, kind: str = "hard") -> bool:
        """Make ``module`` require ``requires``; a cycle is refused, shown and named."""
        self.view.cancel_drag()
        self.dismiss_warning()
        previous = self.graph.kind(module, requires)
        if previous == kind:
            self._status(
                self.tr("{edge} sudah ada.").format(edge=self.edge_text(module, requires, kind))
            )
            return False
        try:
            edge = self.graph.add_edge(module, requires, kind)
        except CycleError as error:
            self._refuse_cycle(module, requires, error.cycle)
            return False
        except CurriculumError as error:
            self._show_error(self.tr("Prasyarat tidak dapat ditambahkan"), str(error))
            return False
        self.scene.set_edge(module, requires, kind)
        if previous is None:
            text = self.tr("Tambah prasyarat {edge}").format(
                edge=self.edge_text(module, requires, kind)
            )
        else:
            text = self.tr("Ubah jenis {edge} menjadi {kind}").format(
                edge=self.edge_text(module, requires), kind=self._kind_text(kind)
            )
        self.undo.push(AddEdgeCommand(self, edge, previous, text))
        self._status(
            self.tr(
                "{module} kini memerlukan {requires} ({kind}). Ctrl+Z untuk mengurungkan."
            ).format(module=module, requires=requires, kind=self._kind_text(kind))
        )
        return True

    def remove_prerequisite(self, module: str, requires: str) -> bool:
        """``module`` no longer requires ``requires``."""
        self.dismiss_warning()
        try:
            edge = self.graph.remove_edge(module, requires)
        except CurriculumError as error:
            self._status(str(error))
            return False
        self.scene.set_edge(module, requires, None)
        self.undo.push(
            RemoveEdgeCommand(
                self,
                edge,
                self.tr("Hapus prasyarat {edge}").format(
                    edge=self.edge_text(module, requires, edge.kind)
                ),
            )
        )
        self._status(
            self.tr("{module} tidak lagi memerlukan {requires}. Ctrl+Z untuk mengurungkan.").format(
                module=module, requires=requires
            )
        )
        return True

    def delete_selected_edge(self) -> bool:
        """Remove the selected arrow (Delete key)."""
        key = self.scene.selected_edge
        if key is None:
            self._status(self.tr("Pilih dulu panah prasyarat (klik panahnya), lalu tekan Delete."))
            return False
        return self.remove_prerequisite(*key)

    def _apply_edge(self, module: str, requires: str, kind: str | None) -> None:
        """Set one edge through the checked graph (``None`` removes it) and redraw it."""
        if kind is None:
            if self.graph.kind(module, requires) is not None:
                self.graph.remove_edge(module, requires)
        else:
            self.graph.add_edge(module, requires, kind)
        self.scene.set_edge(module, requires, self.graph.kind(module, requires))

    def _replay(
        self, command: QUndoCommand, module: str, requires: str, kind: str | None, undo: bool
    ) -> None:
        """Undo or redo one command's edge; a refusal drops the command from the stack."""
        self.dismiss_warning()
        try:
            self._apply_edge(module, requires, kind)
        except CycleError as error:
            command.setObsolete(True)
            self._refuse_cycle(module, requires, error.cycle)
            return
        except CurriculumError as error:
            command.setObsolete(True)
            self._status(str(error))
            return
        text = self.tr("Diurungkan: {text}") if undo else self.tr("Diulangi: {text}")
        self._status(text.format(text=command.text()))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._yield_shortcuts_to_window()

    def _yield_shortcuts_to_window(self) -> None:
        """Leave a key to the window when one of its own actions has it.

        Two actions with one key fire neither ("ambiguous shortcut"); a main window whose
        Edit ▸ Urungkan drives this tab's stack through a QUndoGroup takes Ctrl+Z.
        """
        window = self.window()
        taken: set[str] = set()
        if window is not self:
            for action in window.findChildren(
                QAction, options=Qt.FindChildOption.FindDirectChildrenOnly
            ):
                if action not in self._shortcuts and action.shortcutContext() in (
                    Qt.ShortcutContext.WindowShortcut,
                    Qt.ShortcutContext.ApplicationShortcut,
                ):
                    taken.update(key.toString() for key in action.shortcuts())
        for action, keys in self._shortcuts.items():
            wanted = [key for key in keys if key.toString() not in taken]
            if wanted != action.shortcuts():
                action.setShortcuts(wanted)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.warning_frame.isVisible():
            self.dismiss_warning()
            event.accept()
            return
        super().keyPressEvent(event)

    def _after_edit(self, _index: int = 0) -> None:
        self._refresh_lint()
        self._update_highlight()
        self._show_details()

    def _on_edge_drawn(self, module: str, requires: str, shift: bool) -> None:
        kind = "soft" if shift or self.kind_action.isChecked() else "hard"
        self.add_prerequisite(module, requires, kind)

    def _on_kind_toggled(self, soft: bool) -> None:
        self.kind_action.setText(self.tr("Jenis: anjuran") if soft else self.tr("Jenis: wajib"))
        self._status(
            self.tr("Prasyarat baru berjenis {kind}.").format(
                kind=self._kind_text("soft" if soft else "hard")
            )
        )

    def open_add_dialog(self) -> AddPrerequisiteDialog:
        """The 'Tambah prasyarat…' dialog (non-blocking); adds the edge on Tambah."""
        if self.add_dialog is not None:
            self.add_dialog.deleteLater()
        entries = [(m.code, f"{m.code}{SEP}{m.title}") for m in self.graph.modules()]
        selected = self.scene.selected_codes()
        dialog = AddPrerequisiteDialog(
            entries,
            selected[0] if len(selected) == 1 else None,
            "soft" if self.kind_action.isChecked() else "hard",
            self,
        )
        dialog.accepted.connect(lambda: self._add_from_dialog(dialog))
        self.add_dialog = dialog
        dialog.open()
        return dialog

    def _add_from_dialog(self, dialog: AddPrerequisiteDialog) -> None:
        module, requires, kind = dialog.values()
        if module is not None and requires is not None:
            self.add_prerequisite(module, requires, kind)
            self.view.setFocus()

    def _refuse_cycle(self, module: str, requires: str, cycle: list[str]) -> None:
        named = format_cycle(cycle)
        message = self.tr(
            "Ditolak: {module} tidak dapat memerlukan {requires} karena "
            "membentuk siklus prasyarat {cycle}. Tidak ada yang diubah."
        ).format(module=module, requires=requires, cycle=named)
        self._cycle = list(cycle)
        self.scene.select_edge(None)
        self._update_highlight()
        self.scene.show_ghost(module, requires)
        self.warning_label.setText(message)
        self.warning_frame.show()
        self._show_codes(cycle)
        self._status(message)

    def dismiss_warning(self) -> None:
        """Hide the cycle warning and its red highlight."""
        self.warning_frame.hide()
        self.scene.clear_ghost()
        if self._cycle is not None:
            self._cycle = None
            self._update_highlight()

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

    # -- selection and highlight -------------------------------------------------------

    def _on_selection_changed(self) -> None:
        if self._cycle is not None:  # the user moved on from the refused edge
            self._cycle = None
            self.scene.clear_ghost()
        if self.scene.selected_codes():
            self.scene.select_edge(None)
        self._update_highlight()
        self._show_details()

    def _update_highlight(self) -> None:
        roles: dict[str, str] = {}
        edge_roles: dict[tuple[str, str], str] = {}
        G = self.graph.graph
        if self._cycle is not None:
            roles = dict.fromkeys(self._cycle, CYCLE)
            edge_roles = dict.fromkeys(zip(self._cycle, self._cycle[1:]), CYCLE)
        elif self.scene.selected_edge is not None:
            roles = dict.fromkeys(self.scene.selected_edge, SELECTED)
        else:
            codes = [c for c in self.scene.selected_codes() if c in G]
            if len(codes) == 1:
                code = codes[0]
                requires, unlocks = self.graph.requires(code), self.graph.unlocks(code)
                roles = {
                    **dict.fromkeys(requires, REQUIRES),
                    **dict.fromkeys(unlocks, UNLOCKS),
                    code: SELECTED,
                }
                for node in (code, *requires):
                    for target in G.successors(node):
                        edge_roles[(node, target)] = REQUIRES
                for node in (code, *unlocks):
                    for source in G.predecessors(node):
                        edge_roles[(source, node)] = UNLOCKS
            elif codes:
                chosen = set(codes)
                roles = dict.fromkeys(codes, SELECTED)
                edge_roles = {
                    (m, r): SELECTED for m in codes for r in G.successors(m) if r in chosen
                }
        self.scene.highlight(roles, edge_roles)

    def select_modules(
        self, codes: list[str], edge: tuple[str, str] | None = None, center: bool = True
    ) -> None:
        """Select these modules (and one edge), highlight them and center the first."""
        codes = [c for c in codes if c in self.scene.nodes]
        self.scene.blockSignals(True)
        try:
            self.scene.clearSelection()
            for code in codes:
                self.scene.nodes[code].setSelected(True)
        finally:
            self.scene.blockSignals(False)
        self._on_selection_changed()
        if edge is not None and edge in self.scene.edges:
            self.scene.select_edge(edge)
            self._update_highlight()
            self._show_details()
        if center and codes:
            self.center_on(codes[0])

    def center_on(self, code: str) -> None:
        """Scroll (and zoom in to a readable size if needed) so ``code`` is in the middle."""
        node = self.scene.nodes.get(code)
        if node is None:
            return
        self.view.auto_fit = False
        if self.view.scale_factor < 0.7:
            self.view.set_zoom(0.9)
        self.view.centerOn(node)

    def _show_codes(self, codes: list[str]) -> None:
        """Bring these modules into view, zooming out (not below a readable size) if needed."""
        nodes = [self.scene.nodes[c] for c in codes if c in self.scene.nodes]
        if not nodes:
            return
        rect = nodes[0].sceneBoundingRect()
        for node in nodes[1:]:
            rect = rect.united(node.sceneBoundingRect())
        rect.adjust(-40, -40, 40, 40)
        self.view.auto_fit = False
        visible = self.view.mapToScene(self.view.viewport().rect()).boundingRect()
        if not visible.contains(rect):
            viewport = self.view.viewport().rect()
            scale = min(viewport.width() / rect.width(), viewport.height() / rect.height())
            self.view.set_zoom(max(0.3, min(self.view.scale_factor, scale)))
            self.view.centerOn(rect.center())

    def _on_edge_clicked(self, module: str, requires: str) -> None:
        if not module:
            if self.scene.selected_edge is not None:
                self.scene.select_edge(None)
                self._update_highlight()
                self._show_details()
            return
        self.scene.blockSignals(True)
        try:
            self.scene.clearSelection()
        finally:
            self.scene.blockSignals(False)
        self._cycle = None
        self.scene.clear_ghost()
        self.scene.select_edge((module, requires))
        self._update_highlight()
        self._show_details()
        self._status(
            self.tr("Dipilih: {edge}. Tekan Delete untuk menghapus.").format(
                edge=self.edge_text(module, requires, self.graph.kind(module, requires))
            )
        )

    def _on_edge_listed(self, item: QListWidgetItem) -> None:
        key = item.data(Qt.ItemDataRole.UserRole)
        if key:
            self._on_edge_clicked(*key)

    def _on_module_listed(self, item: QListWidgetItem) -> None:
        code = item.data(Qt.ItemDataRole.UserRole + 1)
        if code:
            self.select_modules([code])

    # -- details -----------------------------------------------------------------------

    def _show_details(self) -> None:
        self.requires_list.clear()
        self.required_by_list.clear()
        edge = self.scene.selected_edge
        codes = self.scene.selected_codes()
        if edge is not None:
            module, requires = edge
            kind = self.graph.kind(module, requires)
            self.details.setText(
                "<h3>{}</h3><p>{}</p><p style='color:#5F6B78'>{}</p>".format(
                    html.escape(self.edge_text(module, requires, kind)),
                    html.escape(
                        self.tr(
                            "{module} memerlukan {requires}: {title} diambil lebih dulu."
                        ).format(
                            module=module,
                            requires=requires,
                            title=self.graph.module(requires).title,
                        )
                    ),
                    html.escape(self.tr("Tekan Delete untuk menghapus prasyarat ini.")),
                )
            )
            self._set_lists_visible(False)
            return
        if len(codes) != 1:
            text = (
                self.tr("{n} modul dipilih.").format(n=len(codes))
                if codes
                else self.tr(
                    "Pilih modul untuk melihat rinciannya, prasyarat yang diperlukannya "
                    "(jingga) dan modul yang dibukanya (hijau)."
                )
            )
            self.details.setText(f"<p style='color:#5F6B78'>{html.escape(text)}</p>")
            self._set_lists_visible(False)
            return
        code = codes[0]
        module = self.graph.module(code)
        rows = [
            (self.tr("JP"), str(module.jp)),
            (self.tr("Modalitas"), module.modality),
            (self.tr("Level"), str(module.level)),
            (self.tr("Status"), self._status_text(module.status)),
            (self.tr("Cakupan"), self._scope_text(module)),
            (self.tr("Pemilik"), module.owner or "–"),
            (self.tr("Kompetensi"), ", ".join(f"{c}:{lv}" for c, lv in module.competencies) or "–"),
            (self.tr("Bahaya"), ", ".join(module.hazards) or "–"),
            (
                self.tr("Memerlukan"),
                self.tr("{n} modul (langsung dan tidak langsung)").format(
                    n=len(self.graph.requires(code))
                ),
            ),
            (self.tr("Membuka"), self.tr("{n} modul").format(n=len(self.graph.unlocks(code)))),
        ]
        table = "".join(
            f"<tr><td style='color:#5F6B78; padding-right:8px'>{html.escape(k)}"
            f"</td><td>{html.escape(v)}</td></tr>"
            for k, v in rows
        )
        self.details.setText(
            f"<h3 style='margin-bottom:2px'>{html.escape(code)}</h3>"
            f"<p style='margin-top:0'>{html.escape(module.title)}</p>"
            f"<table>{table}</table>"
        )
        G = self.graph.graph
        for target in sorted(G.successors(code)):
            self._list_edge(self.requires_list, (code, target), target)
        for source in sorted(G.predecessors(code)):
            self._list_edge(self.required_by_list, (source, code), source)
        self._set_lists_visible(True)

    def _list_edge(self, widget: QListWidget, key: tuple[str, str], other: str) -> None:
        kind = self.graph.kind(*key) or ""
        title = self.graph.module(other).title if other in self.graph else ""
        item = QListWidgetItem(f"{other} ({self._kind_text(kind)}){SEP}{title}", widget)
        item.setData(Qt.ItemDataRole.UserRole, key)
        item.setData(Qt.ItemDataRole.UserRole + 1, other)
        item.setToolTip(self.edge_text(*key, kind))

    def _set_lists_visible(self, visible: bool) -> None:
        for widget in (
            self.requires_list,
            self.required_by_list,
            self.requires_caption,
            self.required_by_caption,
        ):
            widget.setVisible(visible)

    # -- lint --------------------------------------------------------------------------

    def _refresh_lint(self) -> None:
        """Lint the in-memory graph with the workspace's competencies, regions, standards."""
        self.report = lint(
            self.graph,
            competencies=self._context.get("competencies"),
            regions=self._context.get("regions", ()),
            job_standards=self._context.get("job_standards", ()),
            regional_standards=self._context.get("regional_standards", ()),
        )
        self._findings = list(self.report.findings)
        style = self.style()
        icons = {
            "error": style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical),
            "warning": style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning),
        }
        colours = {"error": QColor("#B71C1C"), "warning": QColor("#8A5A00")}
        items = []
        for index, finding in enumerate(self._findings):
            item = QTreeWidgetItem(
                [
                    self._severity_text(finding.severity),
                    self._rule_text(finding.rule),
                    ", ".join(finding.modules),
                    finding.message,
                    finding.fix,
                ]
            )
            item.setIcon(0, icons[finding.severity])
            item.setForeground(0, colours[finding.severity])
            item.setToolTip(3, finding.message)
            item.setToolTip(4, finding.fix)
            item.setData(0, Qt.ItemDataRole.UserRole, index)
            items.append(item)
        self.lint_list.blockSignals(True)
        try:
            self.lint_list.clear()
            self.lint_list.addTopLevelItems(items)
        finally:
            self.lint_list.blockSignals(False)
        report = self.report
        summary = self.tr("{e} galat, {w} peringatan.").format(
            e=len(report.errors), w=len(report.warnings)
        )
        if report.longest_by_jp.modules:
            summary += " " + self.tr(
                "Rantai wajib terpanjang: {jp} JP dalam {n} langkah ({chain})."
            ).format(
                jp=report.longest_by_jp.jp,
                n=report.longest_by_jp.steps,
                chain=" → ".join(report.longest_by_jp.modules),
            )
        if not self._findings:
            summary += " " + self.tr("Tidak ada temuan.")
        self.lint_summary.setText(summary)

    def _on_finding_chosen(self, item: QTreeWidgetItem | None) -> None:
        if item is None:
            return
        finding = self._findings[item.data(0, Qt.ItemDataRole.UserRole)]
        codes = [c for c in finding.modules if c in self.scene.nodes]
        if not codes:
            self._status(self.tr("Temuan ini tidak menunjuk modul tertentu."))
            return
        edge = (finding.modules[0], finding.modules[1]) if len(finding.modules) == 2 else None
        self.select_modules(codes, edge if edge in self.scene.edges else None)
        self._status(finding.message)

    # -- search, zoom, layout ----------------------------------------------------------

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def find_module(self, text: str) -> str | None:
        """Select and center the module best matching ``text`` (code first, then title)."""
        query = text.split(SEP)[0].strip() if SEP in text else text.strip()
        if not query:
            return None
        needle = query.lower()
        codes = sorted(self.scene.nodes)
        match = (
            next((c for c in codes if c.lower() == needle), None)
            or next((c for c in codes if c.lower().startswith(needle)), None)
            or next((c for c in codes if needle in c.lower()), None)
            or next((c for c in codes if needle in self.graph.module(c).title.lower()), None)
        )
        if match is None:
            self._status(self.tr("Tidak ada modul yang cocok dengan “{text}”.").format(text=query))
            return None
        self.select_modules([match])
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)
        self._status(
            self.tr("Ditemukan: {code}{sep}{title}").format(
                code=match, sep=SEP, title=self.graph.module(match).title
            )
        )
        return match

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
        self.scene.apply_layout(
            layered_layout(self.graph.graph),
            self.tr("Lapis {n}"),
            self.tr("Tanpa hubungan prasyarat ({n} modul)"),
        )
        self.fit_view()

    # -- saving ------------------------------------------------------------------------

    def pending_edits(self) -> tuple[list[tuple[str, str]], list[Prerequisite]]:
        """Edges removed since the last save, and edges added or re-kinded."""
        saved = {(m, r): k for m, r, k in self._saved.graph.edges(data="kind")}
        now = {(m, r): k for m, r, k in self.graph.graph.edges(data="kind")}
        removed = sorted(set(saved) - set(now))
        added = [
            Prerequisite(m, r, k) for (m, r), k in sorted(now.items()) if saved.get((m, r)) != k
        ]
        return removed, added

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
            changes = self.path_changes(removed, added)
        except CurriculumError as error:
            self._show_error(self.tr("Dampak perubahan tidak dapat dihitung"), str(error))
            return False
        if not changes:
            return self._write(removed, added)
        count, lines = self._describe_changes(changes)
        if self.impact_dialog is not None:
            self.impact_dialog.deleteLater()
        dialog = ImpactDialog(count, lines, self)
        dialog.accepted.connect(lambda: self._write(removed, added))
        dialog.rejected.connect(
            lambda: self._status(self.tr("Penyimpanan dibatalkan; perubahan belum disimpan."))
        )
        self.impact_dialog = dialog
        dialog.open()
        return False

    def path_changes(
        self, removed: list[tuple[str, str]], added: list[Prerequisite]
    ) -> list[tuple[AddEdge | RemoveEdge, PathChange]]:
        """What each pending edit does to the stored learner paths, edit by edit."""
        with self.workspace.engine.connect() as conn:
            paths = load_paths(conn)
            if not paths:
                return []
            wanted = {p.learner for p in paths}
            completed = {
                learner.id: learner.completed
                for learner in self.workspace.load("learners", conn)
                if learner.id in wanted
            }
        edits: list[AddEdge | RemoveEdge] = [RemoveEdge(m, r) for m, r in removed]
        edits += [AddEdge(e.module, e.requires, e.kind) for e in added]
        graph = self._saved
        result = []
        for edit in edits:  # removals first: every intermediate graph stays acyclic
            result += [(edit, change) for change in impact(graph, edit, paths, completed)]
            graph = apply_edit(graph, edit)
        return result

    def _describe_changes(
        self, changes: list[tuple[AddEdge | RemoveEdge, PathChange]]
    ) -> tuple[int, list[str]]:
        """(learners affected, lines) with learner ids masked."""
        key = self.workspace.get_meta("pseudonym_key")
        by_learner: dict[str, list[str]] = {}
        for edit, change in changes:
            if isinstance(edit, AddEdge):
                what = self.tr("{module} memerlukan {requires} ({kind})").format(
                    module=edit.module, requires=edit.requires, kind=self._kind_text(edit.kind)
                )
            else:
                what = self.tr("{module} tidak lagi memerlukan {requires}").format(
                    module=edit.module, requires=edit.requires
                )
            by_learner.setdefault(change.learner, []).append(f"    • {what}: {change.describe()}")
        lines = []
        for number, learner in enumerate(sorted(by_learner), start=1):
            shown = pseudonym(key, learner) if key else self.tr("peserta {n}").format(n=number)
            lines.append(shown)
            lines += by_learner[learner]
        return len(by_learner), lines

    def _write(self, removed: list[tuple[str, str]], added: list[Prerequisite]) -> bool:
        """Write the edits in one transaction, re-checked against the stored graph."""
        try:
            with self.workspace.transaction() as conn:
                # Someone else may have edited the workspace since it was loaded: the same
                # checked edits on what is stored now refuse a cycle before anything is kept.
                stored = PrerequisiteGraph.from_workspace(self.workspace, conn)
                for module, requires in removed:
                    if stored.kind(module, requires) is not None:
                        stored.remove_edge(module, requires)
                for edge in added:
                    stored.add_edge(edge.module, edge.requires, edge.kind)
                self.workspace.delete(conn, "prerequisites", removed)
                self.workspace.write(conn, "prerequisites", added)
        except CurriculumError as error:
            self._show_error(self.tr("Perubahan tidak dapat disimpan"), str(error))
            return False
        self._saved = self.graph.copy()
        self.undo.setClean()
        self._status(
            self.tr("Tersimpan: {a} prasyarat ditambah atau diubah, {r} dihapus.").format(
                a=len(added), r=len(removed)
            )
        )
        self.workspace_edited.emit()
        return True

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
