"""The graph editor's actions with their shortcuts, its toolbar and its module search."""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtGui import QAction, QIcon, QKeySequence, QUndoStack
from PySide6.QtWidgets import QCompleter, QLineEdit, QSizePolicy, QToolBar, QWidget

__all__ = ["GraphToolbar"]


class GraphToolbar(QToolBar):
    """Undo, redo, add, delete, the kind of new edges, zoom, layout, find and save.

    The actions belong to ``owner`` (the tab): their shortcuts work wherever the focus
    is inside it. The owner connects what they do; the toolbar keeps their texts and
    tooltips up to date (the undo stack's next step, the kind chosen).
    """

    def __init__(self, owner: QWidget):
        super().__init__(owner)
        self.owner = owner
        self._shortcuts: dict[QAction, list[QKeySequence]] = {}
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.undo_action = self._action(
            self.tr("Urungkan"), [QKeySequence.StandardKey.Undo], "edit-undo"
        )
        self.redo_action = self._action(self.tr("Ulangi"), ["Ctrl+Shift+Z", "Ctrl+Y"], "edit-redo")
        self.add_action = self._action(
            self.tr("Tambah prasyarat…"),
            ["Ctrl+Shift+P"],
            "list-add",
            self.tr("Tambah prasyarat dengan memilih modul dan prasyaratnya"),
        )
        self.delete_action = self._action(
            self.tr("Hapus prasyarat"),
            [QKeySequence.StandardKey.Delete, "Backspace"],
            "edit-delete",
            self.tr("Hapus panah prasyarat yang dipilih"),
        )
        self.kind_action = self._action(
            self.tr("Jenis: wajib"),
            ["Ctrl+J"],
            tip=self.tr("Jenis prasyarat baru: wajib atau anjuran (Shift saat melepas = anjuran)"),
        )
        self.kind_action.setCheckable(True)
        self.zoom_in_action = self._action(self.tr("Perbesar"), ["Ctrl++", "Ctrl+="], "zoom-in")
        self.zoom_out_action = self._action(self.tr("Perkecil"), ["Ctrl+-"], "zoom-out")
        self.fit_action = self._action(
            self.tr("Muat semua"), ["Ctrl+0"], "zoom-fit-best", self.tr("Tampilkan seluruh graf")
        )
        self.layout_action = self._action(
            self.tr("Susun ulang"),
            ["Ctrl+L"],
            "view-refresh",
            self.tr("Susun ulang tata letak menurut lapis"),
        )
        self.find_action = self._action(
            self.tr("Cari"),
            [QKeySequence.StandardKey.Find],
            "edit-find",
            self.tr("Cari modul menurut kode atau judul"),
        )
        self.save_action = self._action(
            self.tr("Simpan"),
            [QKeySequence.StandardKey.Save],
            "document-save",
            self.tr("Simpan perubahan prasyarat ke workspace"),
        )
        self.undo_action.setEnabled(False)
        self.redo_action.setEnabled(False)
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
                self.addSeparator()
            else:
                self.addAction(action)
        spacer = QWidget(self)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.addWidget(spacer)
        self.search = QLineEdit(owner)
        self.search.setPlaceholderText(self.tr("Cari kode atau judul modul… (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(260)
        self.search_model = QStringListModel(self)
        self.completer = QCompleter(self.search_model, self)
        self.completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setMaxVisibleItems(12)
        self.search.setCompleter(self.completer)
        self.addWidget(self.search)
        self.kind_action.toggled.connect(self._on_kind_toggled)

    def _action(self, text: str, shortcuts: list, icon: str = "", tip: str = "") -> QAction:
        action = QAction(QIcon.fromTheme(icon) if icon else QIcon(), text, self.owner)
        keys = [QKeySequence(s) for s in shortcuts]
        action.setShortcuts(keys)
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shown = ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in keys)
        action.setToolTip(f"{tip or text.rstrip('…')} ({shown})" if shown else tip or text)
        self.owner.addAction(action)
        self._shortcuts[action] = keys
        return action

    def follow(self, stack: QUndoStack) -> None:
        """Enable undo and redo, and name their next step, as ``stack`` changes."""
        stack.canUndoChanged.connect(self.undo_action.setEnabled)
        stack.canRedoChanged.connect(self.redo_action.setEnabled)
        stack.undoTextChanged.connect(
            lambda text: self.undo_action.setToolTip(
                self.tr("Urungkan: {text} (Ctrl+Z)").format(text=text)
            )
        )
        stack.redoTextChanged.connect(
            lambda text: self.redo_action.setToolTip(
                self.tr("Ulangi: {text} (Ctrl+Shift+Z)").format(text=text)
            )
        )

    def _on_kind_toggled(self, soft: bool) -> None:
        self.kind_action.setText(self.tr("Jenis: anjuran") if soft else self.tr("Jenis: wajib"))

    def yield_shortcuts_to_window(self) -> None:
        """Leave a key to the window when one of its own actions has it.

        Two actions with one key fire neither ("ambiguous shortcut"); a main window whose
        Edit ▸ Urungkan drives the tab's stack through a QUndoGroup takes Ctrl+Z.
        """
        window = self.owner.window()
        taken: set[str] = set()
        if window is not self.owner:
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
