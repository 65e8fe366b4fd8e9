"""The edge edits of the graph editor: add, re-kind and remove prerequisites, undoably.

An edit is checked first (:meth:`GraphDocument.check`: a cycle is refused, drawn and
named, and nothing changes) and then made by pushing its undo command, whose ``redo``
makes it; the scene follows the document's ``edge_changed``. An undo or redo the graph
refuses later is shown the same way, and says so in the status line otherwise. An edge
the person working may not change (:class:`~.rights.EditRights`) is refused before any
check, with the edit service's reason.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QWidget

from ...domain import Prerequisite
from ...errors import CurriculumError, CycleError
from ...graph import format_cycle
from ..i18n import error_text
from .commands import AddEdgeCommand, RemoveEdgeCommand
from .dialogs import AddPrerequisiteDialog
from .document import GraphDocument
from .navigation import GraphNavigation
from .rights import EditRights
from .scene import GraphScene
from .texts import SEP, GraphTexts
from .view import GraphView

__all__ = ["EdgeEditing"]


class EdgeEditing(QObject):
    """Adds (drawn, or from the 'Tambah prasyarat…' dialog), re-kinds and removes edges.

    ``kind_action`` checked makes new edges soft. Says what happened through
    ``status_message``, and asks ``owner`` to show an error box through ``error``.
    """

    status_message = Signal(str)
    #: title, text
    error = Signal(str, str)

    def __init__(
        self,
        document: GraphDocument,
        undo: QUndoStack,
        scene: GraphScene,
        view: GraphView,
        navigation: GraphNavigation,
        texts: GraphTexts,
        kind_action: QAction,
        rights: EditRights,
        owner: QWidget,
    ):
        super().__init__(owner)
        self.document, self.undo, self.scene, self.view = document, undo, scene, view
        self.rights = rights
        self.navigation, self.texts, self.kind_action = navigation, texts, kind_action
        self.owner = owner
        self.add_dialog: AddPrerequisiteDialog | None = None
        # The stack's index before its latest step, whether the step changed an edge,
        # and whether it was a push (which reports what it did itself).
        self._index, self._edge_changed, self._pushing = 0, False, False
        document.edge_changed.connect(self._on_edge_changed)
        document.edit_refused.connect(self._on_edit_refused)
        undo.indexChanged.connect(self._on_step)
        view.edge_drawn.connect(self._on_edge_drawn)
        kind_action.toggled.connect(self._on_kind_toggled)

    def add_prerequisite(self, module: str, requires: str, kind: str = "hard") -> bool:
        """Make ``module`` require ``requires``; a cycle is refused, shown and named."""
        self.view.cancel_drag()
        self.navigation.dismiss_warning()
        if self._refused(module, requires):
            return False
        previous = self.document.graph.kind(module, requires)
        if previous == kind:
            self.status_message.emit(
                self.tr("{edge} sudah ada.").format(edge=self.texts.edge(module, requires, kind))
            )
            return False
        try:
            self.document.check(module, requires, kind)
        except CycleError as error:
            self._refuse_cycle(module, requires, error.cycle)
            return False
        except CurriculumError as error:
            self.error.emit(self.tr("Prasyarat tidak dapat ditambahkan"), error_text(error))
            return False
        if previous is None:
            text = self.tr("Tambah prasyarat {edge}").format(
                edge=self.texts.edge(module, requires, kind)
            )
        else:
            text = self.tr("Ubah jenis {edge} menjadi {kind}").format(
                edge=self.texts.edge(module, requires), kind=self.texts.kind(kind)
            )
        self._push(
            AddEdgeCommand(self.document, Prerequisite(module, requires, kind), previous, text)
        )
        self.status_message.emit(
            self.tr(
                "{module} kini memerlukan {requires} ({kind}). Ctrl+Z untuk mengurungkan."
            ).format(module=module, requires=requires, kind=self.texts.kind(kind))
        )
        return True

    def remove_prerequisite(self, module: str, requires: str) -> bool:
        """``module`` no longer requires ``requires``."""
        self.navigation.dismiss_warning()
        if self._refused(module, requires):
            return False
        kind = self.document.graph.kind(module, requires)
        try:
            self.document.check(module, requires, None)
        except CurriculumError as error:
            self.status_message.emit(error_text(error))
            return False
        assert kind is not None  # the check refuses removing an edge that is not there
        text = self.tr("Hapus prasyarat {edge}").format(
            edge=self.texts.edge(module, requires, kind)
        )
        self._push(RemoveEdgeCommand(self.document, Prerequisite(module, requires, kind), text))
        self.status_message.emit(
            self.tr("{module} tidak lagi memerlukan {requires}. Ctrl+Z untuk mengurungkan.").format(
                module=module, requires=requires
            )
        )
        return True

    def delete_selected_edge(self) -> bool:
        """Remove the selected arrow (Delete key)."""
        key = self.scene.selected_edge
        if key is None:
            self.status_message.emit(
                self.tr("Pilih dulu panah prasyarat (klik panahnya), lalu tekan Delete.")
            )
            return False
        return self.remove_prerequisite(*key)

    def open_add_dialog(self) -> AddPrerequisiteDialog:
        """The 'Tambah prasyarat…' dialog (non-blocking); adds the edge on Tambah."""
        if self.add_dialog is not None:
            self.add_dialog.deleteLater()
        entries = [(m.code, f"{m.code}{SEP}{m.title}") for m in self.document.graph.modules()]
        # The module box offers only the modules whose edges the person may change.
        own = [e for e in entries if self.rights.may_change(e[0])]
        selected = [c for c in self.scene.selected_codes() if c in dict(own)]
        dialog = AddPrerequisiteDialog(
            entries,
            selected[0] if len(selected) == 1 else None,
            "soft" if self.kind_action.isChecked() else "hard",
            self.owner,
            modules=own,
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

    def _refused(self, module: str, requires: str) -> bool:
        """Refuse (and say why) an edge the person working may not change."""
        reason = self.rights.refusal(module, requires)
        if reason is None:
            return False
        message = self.tr("Ditolak: {reason}. Tidak ada yang diubah.").format(reason=reason)
        self.navigation.warning.show_message(message)
        self.status_message.emit(message)
        return True

    def _push(self, command: QUndoCommand) -> None:
        """Make a checked edit: ``QUndoStack.push`` runs the command's ``redo``."""
        self._pushing = True
        try:
            self.undo.push(command)
        finally:
            self._pushing = False

    def _on_edge_changed(self, module: str, requires: str, kind: str | None) -> None:
        self._edge_changed = True
        self.navigation.dismiss_warning()
        self.scene.set_edge(module, requires, kind)

    def _on_edit_refused(self, module: str, requires: str, error: CurriculumError) -> None:
        """An undo or redo the graph refuses now (a reload brought in others' edges)."""
        self.navigation.dismiss_warning()
        if isinstance(error, CycleError):
            self._refuse_cycle(module, requires, error.cycle)
        else:
            self.status_message.emit(error_text(error))

    def _on_step(self, index: int) -> None:
        """Name an undo or redo that changed an edge in the status line."""
        previous, self._index = self._index, index
        changed, self._edge_changed = self._edge_changed, False
        if not changed or self._pushing:
            return
        if index < previous:
            text = self.tr("Diurungkan: {text}").format(text=self.undo.text(index))
        else:
            text = self.tr("Diulangi: {text}").format(text=self.undo.text(index - 1))
        self.status_message.emit(text)

    def _refuse_cycle(self, module: str, requires: str, cycle: list[str]) -> None:
        message = self.tr(
            "Ditolak: {module} tidak dapat memerlukan {requires} karena "
            "membentuk siklus prasyarat {cycle}. Tidak ada yang diubah."
        ).format(module=module, requires=requires, cycle=format_cycle(cycle))
        self.navigation.show_refused(module, requires, cycle, message)
        self.status_message.emit(message)

    def _on_edge_drawn(self, module: str, requires: str, shift: bool) -> None:
        kind = "soft" if shift or self.kind_action.isChecked() else "hard"
        self.add_prerequisite(module, requires, kind)

    def _on_kind_toggled(self, soft: bool) -> None:
        self.status_message.emit(
            self.tr("Prasyarat baru berjenis {kind}.").format(
                kind=self.texts.kind("soft" if soft else "hard")
            )
        )
