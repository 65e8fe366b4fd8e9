"""The prerequisite graph a tab edits, as a Qt object whose signals say what changed.

The graph itself stays Qt-free (:mod:`curriculum_tool.graph`). This adapter makes the
checked edits of :mod:`curriculum_tool.graph.edits` and tells the views about each one,
as orange-canvas-core's ``Scheme`` does for its links; the undo commands change the
graph only through it, so the scene follows every edit, undo and redo alike.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, Signal

from ...domain import Prerequisite
from ...errors import CurriculumError
from ...graph import PrerequisiteGraph
from ...graph.edits import apply_edits, check_edit, pending_edits, set_prerequisite

__all__ = ["GraphDocument"]


class GraphDocument(QObject):
    """The edited graph and the graph as last loaded or saved (what edits are pending against)."""

    #: module, requires, the edge's kind now (``None``: the edge is gone)
    edge_changed = Signal(str, str, object)
    #: module, requires, the ``CurriculumError`` that refused the edit (nothing changed)
    edit_refused = Signal(str, str, object)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.graph = PrerequisiteGraph()
        self.saved = PrerequisiteGraph()

    def reset(
        self,
        graph: PrerequisiteGraph,
        removed: Sequence[tuple[str, str]] = (),
        added: Sequence[Prerequisite] = (),
    ) -> list[str]:
        """Edit ``graph`` (as loaded) from now on, with unsaved edits made again on top.

        Returns the edits ``graph`` refuses now (``"module → requires: reason"``).
        """
        self.saved = graph.copy()
        refused = apply_edits(graph, removed, added, skip_refused=True)
        self.graph = graph
        return refused

    def mark_saved(self) -> None:
        """The edits are stored: nothing is pending any more."""
        self.saved = self.graph.copy()

    def pending_edits(self) -> tuple[list[tuple[str, str]], list[Prerequisite]]:
        """Edges removed since the last save, and edges added or given another kind."""
        return pending_edits(self.saved, self.graph)

    def check(self, module: str, requires: str, kind: str | None) -> None:
        """Raise the error this edit would meet (a cycle, an unknown module); change nothing."""
        check_edit(self.graph, module, requires, kind)

    def set_prerequisite(self, module: str, requires: str, kind: str | None) -> bool:
        """Give ``module → requires`` the ``kind`` (``None`` removes it); False when refused."""
        try:
            set_prerequisite(self.graph, module, requires, kind)
        except CurriculumError as error:
            self.edit_refused.emit(module, requires, error)
            return False
        self.edge_changed.emit(module, requires, kind)
        return True
