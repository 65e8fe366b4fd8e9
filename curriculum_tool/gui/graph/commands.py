"""Undoable edits of the prerequisite graph: one model call in ``redo``, its inverse in ``undo``.

As orange-canvas-core's ``AddLinkCommand`` and ``RemoveLinkCommand``: a command holds
the edge it changes and the kind the edge had, ``redo`` gives the edge its new kind and
``undo`` gives it back the old one, each one call on the
:class:`~curriculum_tool.gui.graph.document.GraphDocument`, whose signals redraw the
view. Pushing a command makes the edit (``QUndoStack.push`` runs ``redo``), so the
editor checks an edit before it pushes one. A step the graph refuses later (after a
reload brought in others' edges) makes the command obsolete, and the stack drops it.
"""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from ...domain import Prerequisite
from .document import GraphDocument

__all__ = ["AddEdgeCommand", "RemoveEdgeCommand"]


class _EdgeCommand(QUndoCommand):
    """Give ``module → requires`` the kind ``after`` in ``redo``, ``before`` in ``undo``."""

    def __init__(
        self,
        document: GraphDocument,
        module: str,
        requires: str,
        before: str | None,
        after: str | None,
        text: str,
    ):
        super().__init__(text)
        self.document = document
        self.module, self.requires = module, requires
        self.before, self.after = before, after

    def redo(self) -> None:
        self._set(self.after)

    def undo(self) -> None:
        self._set(self.before)

    def _set(self, kind: str | None) -> None:
        if not self.document.set_prerequisite(self.module, self.requires, kind):
            self.setObsolete(True)


class AddEdgeCommand(_EdgeCommand):
    """``edge.module`` now requires ``edge.requires`` (new, or re-kinded from ``previous``)."""

    def __init__(
        self, document: GraphDocument, edge: Prerequisite, previous: str | None, text: str
    ):
        super().__init__(document, edge.module, edge.requires, previous, edge.kind, text)
        self.edge, self.previous = edge, previous


class RemoveEdgeCommand(_EdgeCommand):
    """``edge`` is removed; undo puts it back with its kind."""

    def __init__(self, document: GraphDocument, edge: Prerequisite, text: str):
        super().__init__(document, edge.module, edge.requires, edge.kind, None, text)
        self.edge = edge
