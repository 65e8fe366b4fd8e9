"""The main window: one tab per task, in the order the work flows.

Katalog (designers) → Graf Prasyarat (designers) → Peserta & Jalur (training officers)
→ Wilayah & Modul Lokal (regional staff) → Model; plus Data, every table as imported,
and Riwayat, who changed which row and when.
The status bar names the workspace and the model in use. Tabs that edit keep their own
undo stack; Edit ▸ Urungkan follows the tab in front.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QSettings, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QUndoGroup
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QTabWidget,
    QWidget,
)

from .. import __version__
from ..catalog import create_workspace
from ..errors import CurriculumError, ValidationError
from ..store import Workspace
from ..store.workspace import is_url
from . import workers
from .catalog_tab import CatalogTab, RecordTable
from .graph_editor import GraphEditorTab
from .guide import GUIDES, GuideDialog, guide_title
from .history_tab import HistoryTab
from .i18n import LANGUAGES, QT_TRANSLATE_NOOP, current_language, error_text, in_app_language
from .model_tab import ModelTab
from .paths_tab import PathsTab
from .regions_tab import RegionsTab
from .roles import signed_in_text
from .transfer import COMPLETION_KIND, ProblemsDialog, TransferDialog, run_export, run_import

__all__ = ["DATA_KINDS", "RECENT_LIMIT", "MainWindow"]

#: The tables shown read-only under Data, in the order a user meets them.
DATA_KINDS = (
    "modules",
    "competencies",
    "prerequisites",
    "regions",
    "regional_standards",
    "job_standards",
    "obligations",
    "learners",
)
RECENT_LIMIT = 8

#: A task tab: each has status_message, workspace_edited, set_workspace and reload.
TaskTab = CatalogTab | GraphEditorTab | PathsTab | RegionsTab | ModelTab | HistoryTab


class RecordTab(RecordTable):
    """One table of the workspace, read-only, with a filter box above it."""

    def __init__(self, kind: str, parent: QWidget | None = None):
        super().__init__(kind, parent=parent)
        self.layout_.addWidget(self.filter)
        self.layout_.addWidget(self.view)


class MainWindow(QMainWindow):
    """Shows one workspace; opens, creates and switches workspaces; switches language."""

    workspace_changed = Signal(str)

    def __init__(
        self,
        workspace: Workspace,
        parent: QWidget | None = None,
        switch_language: Callable[[str], None] | None = None,
        lang: str = "id",
    ):
        super().__init__(parent)
        self.workspace = workspace
        self.lang = lang
        self._switch_language = switch_language
        self._workers: list[workers.Worker] = []
        self.resize(1360, 860)
        self.undo_group = QUndoGroup(self)
        self.tabs = QTabWidget(self)
        self.catalog = CatalogTab(workspace, self)
        self.graph = GraphEditorTab(workspace, self)
        self.paths = PathsTab(workspace, self)
        self.regions = RegionsTab(workspace, self)
        self.model_tab = ModelTab(workspace, self)
        self.task_tabs: list[TaskTab] = [
            self.catalog,
            self.graph,
            self.paths,
            self.regions,
            self.model_tab,
        ]
        for tab, title in zip(
            self.task_tabs,
            (
                self.tr("Katalog"),
                self.tr("Graf Prasyarat"),
                self.tr("Peserta && Jalur"),
                self.tr("Wilayah && Modul Lokal"),
                self.tr("Model"),
            ),
        ):
            self.tabs.addTab(tab, title)
            tab.status_message.connect(lambda text: self.statusBar().showMessage(text, 8000))
            tab.workspace_edited.connect(lambda source=tab: self._edited(source))
            stack = getattr(tab, "undo", None)  # the tabs that edit have an undo stack
            if stack is not None:
                self.undo_group.addStack(stack)
        self.model_tab.active_model_changed.connect(lambda _name: self._update_status())
        self.data = QTabWidget(self)
        self.record_tabs: dict[str, RecordTab] = {}
        for kind in DATA_KINDS:
            record_tab = RecordTab(kind, self.data)
            self.record_tabs[kind] = record_tab
            self.data.addTab(record_tab, self.tr(_DATA_TITLES[kind]))
        self.tabs.addTab(self.data, self.tr("Data"))
        # Riwayat: who changed what; it reloads with the other task tabs after every change.
        self.history = HistoryTab(workspace, self)
        self.tabs.addTab(self.history, self.tr("Riwayat"))
        self.history.status_message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.task_tabs.append(self.history)
        from .followup_tab import add_followup_tab  # Tindak lanjut: L3 due list, outcomes

        self.followups = add_followup_tab(self)
        from .evaluation_tab import add_evaluation_tab  # Evaluasi: funnel, plans, drift

        self.evaluation = add_evaluation_tab(self)
        self.tabs.currentChanged.connect(self._tab_changed)
        self.setCentralWidget(self.tabs)
        self.workspace_label = QLabel(self)
        self.model_label = QLabel(self)
        self.person_label = QLabel(self)  # who works here: their changes carry this name
        self.statusBar().addPermanentWidget(self.model_label)
        self.statusBar().addPermanentWidget(self.workspace_label)
        self.statusBar().addPermanentWidget(self.person_label)
        self._build_menu()
        self._tab_changed(0)
        self.show_workspace(workspace)

    # -- menus -------------------------------------------------------------------------

    def _action(self, menu, text: str, slot, shortcut=None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _build_menu(self) -> None:
        files = self.menuBar().addMenu(self.tr("&Berkas"))
        self._action(
            files, self.tr("&Buka workspace…"), self.open_workspace, QKeySequence.StandardKey.Open
        )
        self._action(
            files, self.tr("Workspace &baru…"), self.new_workspace, QKeySequence.StandardKey.New
        )
        self.recent_menu = files.addMenu(self.tr("Workspace &terakhir"))
        files.addSeparator()
        self._action(files, self.tr("&Impor…"), self.import_file, QKeySequence("Ctrl+I"))
        self._action(files, self.tr("&Ekspor…"), self.export_file, QKeySequence("Ctrl+E"))
        files.addSeparator()
        self._action(files, self.tr("&Muat ulang"), self.reload, QKeySequence.StandardKey.Refresh)
        self._action(files, self.tr("&Keluar"), self.close, QKeySequence.StandardKey.Quit)
        edit = self.menuBar().addMenu(self.tr("&Edit"))
        undo = self.undo_group.createUndoAction(self, self.tr("Urungkan"))
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self.undo_group.createRedoAction(self, self.tr("Ulangi"))
        redo.setShortcuts(
            [QKeySequence(QKeySequence.StandardKey.Redo), QKeySequence("Ctrl+Shift+Z")]
        )
        edit.addAction(undo)
        edit.addAction(redo)
        language = self.menuBar().addMenu(self.tr("B&ahasa"))
        group = QActionGroup(self)
        for code, name in LANGUAGES.items():
            action = QAction(name, self, checkable=True)
            action.setChecked(code == self.lang)
            action.triggered.connect(lambda _checked, code=code: self.set_language(code))
            group.addAction(action)
            language.addAction(action)
        self.language_actions = group
        help_menu = self.menuBar().addMenu(self.tr("Ban&tuan"))
        self._action(
            help_menu,
            self.tr("Panduan untuk tab ini"),
            lambda _checked=False: self.show_guide(self.guide_for_tab()),
            QKeySequence.StandardKey.HelpContents,
        )
        for guide in GUIDES:
            self._action(
                help_menu, guide_title(guide), lambda _checked=False, g=guide: self.show_guide(g)
            )
        help_menu.addSeparator()
        self._action(help_menu, self.tr("Tentang curriculum-tool"), self.about)
        self._fill_recent()

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for target in _recent():
            self._action(
                self.recent_menu,
                target,
                lambda _checked=False, t=target: self._switch(lambda: Workspace.open(t)),
            )
        self.recent_menu.setEnabled(bool(_recent()))

    def _tab_changed(self, index: int) -> None:
        tab = self.tabs.widget(index)
        stack = getattr(tab, "undo", None)
        # None clears the active stack (Qt takes nullptr; PySide6's stub leaves None out).
        self.undo_group.setActiveStack(stack)  # type: ignore[arg-type]

    # -- workspace ---------------------------------------------------------------------

    def show_workspace(self, workspace: Workspace) -> None:
        if workspace is not self.workspace:
            self.workspace.close()
            self.workspace = workspace
            for tab in self.task_tabs:
                tab.set_workspace(workspace)
        self.reload_data()
        self.setWindowTitle(f"curriculum-tool — {workspace.label}")
        # A database URL is remembered without its password.
        _remember(workspace.label if is_url(workspace.target) else workspace.target)
        self._fill_recent()
        self.workspace_changed.emit(workspace.label)

    def reload(self) -> None:
        for tab in self.task_tabs:
            tab.reload()
        self.reload_data()

    def reload_data(self) -> None:
        for tab in self.record_tabs.values():
            tab.load(self.workspace)
        self._update_status()

    def _edited(self, source: QWidget) -> None:
        """One tab changed the workspace: the others show it too."""
        for tab in self.task_tabs:
            if tab is not source:
                tab.reload()
        self.reload_data()

    def _update_status(self) -> None:
        self.person_label.setText(signed_in_text(self.workspace.actor))
        self.person_label.setToolTip(self.tr("Perubahan Anda tercatat di Riwayat atas nama ini."))
        counts = {kind: tab.model.rowCount() for kind, tab in self.record_tabs.items()}
        self.workspace_label.setText(
            self.tr("Workspace: %1 · %2 modul · %3 wilayah · %4 peserta")
            .replace("%1", self.workspace.label)
            .replace("%2", str(counts["modules"]))
            .replace("%3", str(counts["regions"]))
            .replace("%4", str(counts["learners"]))
        )
        from ..model.persist import list_models

        active = next((m for m in list_models(self.workspace) if m.active), None)
        self.model_label.setText(
            self.tr("Model: %1 (%2…)").replace("%1", active.name).replace("%2", active.sha256[:8])
            if active
            else self.tr("Model: belum ada")
        )

    def open_workspace(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Buka workspace"),
            "",
            self.tr("Workspace SQLite (*.sqlite);;Semua berkas (*)"),
        )
        if path:
            self._switch(lambda: Workspace.open(path))

    def new_workspace(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Workspace baru dari katalog nasional"),
            "workspace.sqlite",
            self.tr("Workspace SQLite (*.sqlite)"),
        )
        if path:
            self._switch(lambda: create_workspace(path))

    def confirm_unsaved(self) -> bool:
        """Ask before unsaved graph edits are lost; True when it is fine to go on."""
        if not getattr(self.graph, "is_modified", False):
            return True
        answer = QMessageBox.question(
            self,
            self.tr("Perubahan belum disimpan"),
            self.tr("Graf prasyarat punya perubahan yang belum disimpan. Simpan dulu?"),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Save:
            self.graph.save()
            return not self.graph.is_modified
        return answer == QMessageBox.StandardButton.Discard

    def _switch(self, opener: Callable[[], Workspace]) -> None:
        if not self.confirm_unsaved():
            return
        try:
            workspace = opener()
        except CurriculumError as error:
            QMessageBox.warning(self, self.tr("Workspace tidak dapat dibuka"), error_text(error))
            return
        self.show_workspace(workspace)

    # -- import / export ----------------------------------------------------------------

    def import_file(self) -> None:
        dialog = TransferDialog(exporting=False, parent=self)
        if not dialog.exec():
            return
        kind, path, replace = dialog.choice()
        module = dialog.module if kind == COMPLETION_KIND else None
        target = self.workspace.target
        self.statusBar().showMessage(self.tr("Mengimpor %1…").replace("%1", path.name))

        def task(report, cancelled):
            with Workspace.open(target) as workspace:
                return run_import(workspace, kind, path, replace, module)

        def failed(message: str) -> None:
            self.statusBar().clearMessage()
            QMessageBox.warning(self, self.tr("Impor ditolak"), message)

        self._workers.append(workers.start(task, on_finished=self._imported, on_failed=failed))

    def _imported(self, summary: str) -> None:
        self.reload()
        self.statusBar().showMessage(in_app_language(summary), 10000)

    def run_import_now(
        self, kind: str, path, replace: bool = False, module: str | None = None
    ) -> bool:
        """Import on the GUI thread (small files, tests); shows every problem on refusal.
        ``module``: the module of a Moodle course-completion report."""
        try:
            summary = run_import(self.workspace, kind, path, replace, module)
        except ValidationError as error:
            lines = [p.render(current_language()) for p in error.problems]
            ProblemsDialog(self.tr("Impor ditolak"), lines, self).exec()
            return False
        except CurriculumError as error:
            QMessageBox.warning(self, self.tr("Impor ditolak"), error_text(error))
            return False
        self._imported(summary)
        return True

    def export_file(self) -> None:
        dialog = TransferDialog(exporting=True, parent=self)
        if not dialog.exec():
            return
        kind, path, unmask = dialog.choice()
        try:
            summary = run_export(self.workspace, kind, path, unmask)
        except CurriculumError as error:
            QMessageBox.warning(self, self.tr("Ekspor gagal"), error_text(error))
            return
        self.statusBar().showMessage(in_app_language(summary), 10000)

    # -- language, about, closing -------------------------------------------------------

    def set_language(self, lang: str) -> None:
        if lang != self.lang and self._switch_language is not None and self.confirm_unsaved():
            self._switch_language(lang)

    def guide_for_tab(self) -> str:
        """Whose guide the tab in front belongs to: the catalog and the graph are the
        designer's, the regions the regional staff's, the rest the training officer's."""
        return {0: "perancang", 1: "perancang", 3: "wilayah"}.get(
            self.tabs.currentIndex(), "pengelola"
        )

    def show_guide(self, guide: str) -> GuideDialog:
        """Bantuan → one user's guide (F1: the guide for the tab in front)."""
        dialog = GuideDialog(guide, self)
        dialog.show()
        self.guide_dialog = dialog
        return dialog

    def about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("Tentang curriculum-tool"),
            self.tr(
                "curriculum-tool %1\nJalur belajar yang dipersonalisasi dan relevan secara lokal "
                "bagi ASN (UU 5/2014, PP 11/2017: minimal 20 JP per tahun)."
            ).replace("%1", __version__),
        )

    def closeEvent(self, event) -> None:
        if not getattr(self, "keep_workspace_open", False) and not self.confirm_unsaved():
            event.ignore()
            return
        for worker in self._workers:
            worker.cancel()
        if not getattr(self, "keep_workspace_open", False):
            self.workspace.close()
        super().closeEvent(event)


_DATA_TITLES = {
    "modules": QT_TRANSLATE_NOOP("MainWindow", "Modul"),
    "competencies": QT_TRANSLATE_NOOP("MainWindow", "Kompetensi"),
    "prerequisites": QT_TRANSLATE_NOOP("MainWindow", "Prasyarat"),
    "regions": QT_TRANSLATE_NOOP("MainWindow", "Wilayah"),
    "regional_standards": QT_TRANSLATE_NOOP("MainWindow", "Standar Wilayah"),
    "job_standards": QT_TRANSLATE_NOOP("MainWindow", "Standar Jabatan"),
    "obligations": QT_TRANSLATE_NOOP("MainWindow", "Program Wajib"),
    "learners": QT_TRANSLATE_NOOP("MainWindow", "Peserta"),
}


def _recent() -> list[str]:
    value = QSettings().value("recent_workspaces", [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, Iterable):  # QSettings.value() is typed object
        return []
    return [str(v) for v in value]


def _remember(target: str) -> None:
    recent = [target] + [t for t in _recent() if t != target]
    QSettings().setValue("recent_workspaces", recent[:RECENT_LIMIT])
