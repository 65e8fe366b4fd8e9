"""The prerequisite graph a tab edits, as a Qt object whose signals say what changed.

The graph itself stays Qt-free (:mod:`curriculum_tool.graph`). This adapter makes the
checked edits of :mod:`curriculum_tool.graph.edits` and tells the views about each one,
as orange-canvas-core's ``Scheme`` does for its links; the undo commands change the
graph only through it, so the scene follows every edit, undo and redo alike.

It also remembers which stored version of each edge the edits are made from: the
versions read with the graph, except where a reload found an edge changed by someone
else that the editor's own history (pending edits, undo steps) had touched. There the
older version stays expected, so saving (or an undo) that would overwrite the other
person's change is refused as a conflict rather than made silently.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from PySide6.QtCore import QObject, Signal

from ...domain import Prerequisite
from ...edit.graph_edits import Edge, StoredGraph
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
        #: The stored version of each edge of ``saved``, as read (or written) last.
        self.versions: dict[Edge, int] = {}
        #: Older versions still expected: edges of the editor's history that someone else
        #: changed before the latest reload (None: the edge did not exist then).
        self.bases: dict[Edge, int | None] = {}

    def reset(
        self,
        stored: StoredGraph,
        removed: Sequence[tuple[str, str]] = (),
        added: Sequence[Prerequisite] = (),
        touched: Iterable[Edge] = (),
    ) -> list[str]:
        """Edit ``stored.graph`` (as loaded) from now on, with unsaved edits made again on
        top; the edges they change and those of ``touched`` (the undo history) keep the
        version expected until now where it differs from the one stored.

        Returns the edits the graph refuses now (``"module → requires: reason"``).
        """
        edited = {*touched, *removed, *(edge.key() for edge in added)}
        earlier = {key: self.expected(key) for key in edited}
        graph = stored.graph
        self.saved = graph.copy()
        self.versions = dict(stored.versions)
        self.bases = {k: v for k, v in earlier.items() if v != self.versions.get(k)}
        refused = apply_edits(graph, removed, added, skip_refused=True)
        self.graph = graph
        return refused

    def expected(self, key: Edge) -> int | None:
        """The stored version an edit of ``key`` is made from (None: a new edge)."""
        return self.bases[key] if key in self.bases else self.versions.get(key)

    def expected_versions(
        self, removed: Iterable[Edge], added: Iterable[Prerequisite]
    ) -> dict[Edge, int | None]:
        """The versions pending edits (:meth:`pending_edits`) are made from, by edge."""
        return {key: self.expected(key) for key in [*removed, *(e.key() for e in added)]}

    def rebase(self) -> None:
        """Keep the pending edits on top of the versions stored now (the user chose to
        keep theirs over someone else's change)."""
        self.bases.clear()

    def mark_saved(self, written: Mapping[Edge, int | None]) -> None:
        """The edits are stored, each edge now at its ``written`` version (None: gone)."""
        self.saved = self.graph.copy()
        for key, version in written.items():
            self.bases.pop(key, None)
            if version is None:
                self.versions.pop(key, None)
            else:
                self.versions[key] = version

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
