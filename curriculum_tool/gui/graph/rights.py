"""What the person working may change in the graph editor, shown on its actions.

The rule is the edit service's (:mod:`curriculum_tool.edit.graph_edits`): a read-only
role changes no edge, a regional officer only the edges of their region's local modules
(an edge's region is its module's scope). The editor asks it when the graph is loaded
and greys out what the service would refuse, each disabled action saying why in its
tooltip, in the service's own words.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from sqlalchemy import Connection

from ...edit.graph_edits import Edge, edge_refusal, editable_modules
from ...errors import CurriculumError
from ...graph import PrerequisiteGraph
from ...store import Workspace
from ..i18n import error_text
from .toolbar import GraphToolbar
from .view import GraphView

__all__ = ["EditRights"]


class EditRights(QObject):
    """Which edges the workspace's actor may change, and the toolbar and view following it.

    ``read_only`` is why the actor changes no edge at all (None: some, or all);
    ``editable`` the modules whose edges they may change.
    """

    def __init__(self, toolbar: GraphToolbar, view: GraphView, parent: QObject | None = None):
        super().__init__(parent)
        self.toolbar, self.view = toolbar, view
        self.workspace: Workspace | None = None
        self.read_only: str | None = None
        self.editable: frozenset[str] = frozenset()
        self._everything = True
        self._refusals: dict[Edge, str | None] = {}
        self._edit_actions: list[QAction] = [
            toolbar.add_action,
            toolbar.delete_action,
            toolbar.kind_action,
            toolbar.save_action,
        ]
        self._tips = {action: action.toolTip() for action in self._edit_actions}

    def load(self, conn: Connection, workspace: Workspace, graph: PrerequisiteGraph) -> None:
        """Ask the rule for the workspace's actor, on the graph just read with ``conn``."""
        self.workspace = workspace
        self._refusals = {}
        refusal = edge_refusal(conn, workspace)
        modules = graph.modules()
        self.editable = editable_modules(conn, workspace, modules)
        self._everything = self.editable >= {m.code for m in modules}
        self._show(None if refusal is None else error_text(refusal))

    def deny(self, reason: str) -> None:
        """Nothing may be changed, for ``reason`` (the graph could not be read)."""
        self.editable, self._everything = frozenset(), False
        self._show(reason)

    def _show(self, read_only: str | None) -> None:
        self.read_only = read_only
        self.view.editable = read_only is None
        for action in self._edit_actions:
            self._enable(action, read_only, self.tr("Hanya baca: {reason}"))

    @property
    def may_edit(self) -> bool:
        """Whether the actor changes any edge at all."""
        return self.read_only is None

    def may_change(self, module: str) -> bool:
        """Whether the actor may add, change and remove the edges of ``module``."""
        return self.read_only is None and (self._everything or module in self.editable)

    def refusal(self, module: str, requires: str) -> str | None:
        """Why the actor may not add, change or remove ``module → requires`` (None: they
        may), in the app's language."""
        if self.read_only is not None:
            return self.read_only
        if self.may_change(module):
            return None
        key = (module, requires)
        if key not in self._refusals:
            self._refusals[key] = self._ask(key)
        return self._refusals[key]

    def _ask(self, edge: Edge) -> str | None:
        assert self.workspace is not None
        try:
            with self.workspace.engine.connect() as conn:
                refusal = edge_refusal(conn, self.workspace, edge)
        except CurriculumError as error:
            return error_text(error)
        return None if refusal is None else error_text(refusal)

    def follow_selection(self, edge: Edge | None) -> None:
        """Enable Hapus prasyarat for a selected edge the actor may remove (with no edge
        selected it stays enabled: pressing it says how to select one)."""
        if self.read_only is not None:
            self._enable(
                self.toolbar.delete_action, self.read_only, self.tr("Hanya baca: {reason}")
            )
            return
        reason = None if edge is None else self.refusal(*edge)
        self._enable(self.toolbar.delete_action, reason, self.tr("Tidak dapat dihapus: {reason}"))

    def _enable(self, action: QAction, reason: str | None, template: str) -> None:
        action.setEnabled(reason is None)
        action.setToolTip(self._tips[action] if reason is None else template.format(reason=reason))
