"""The prerequisite graph editor tab; its parts live in :mod:`curriculum_tool.gui.graph`."""

from .graph.commands import AddEdgeCommand, RemoveEdgeCommand
from .graph.dialogs import AddPrerequisiteDialog, ImpactDialog
from .graph.editor_tab import GraphEditorTab

__all__ = [
    "AddEdgeCommand",
    "AddPrerequisiteDialog",
    "GraphEditorTab",
    "ImpactDialog",
    "RemoveEdgeCommand",
]
