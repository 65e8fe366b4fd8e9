"""The prerequisite graph: checked edits, lint, and the impact of an edit on paths."""

from .cycles import find_cycles, format_cycle
from .impact import AddEdge, ChangeJP, PathChange, RemoveEdge, RetireModule, apply_edit, impact
from .lint import Finding, LintReport, lint, lint_workspace
from .prerequisites import PrerequisiteGraph

__all__ = [
    "AddEdge",
    "ChangeJP",
    "Finding",
    "LintReport",
    "PathChange",
    "PrerequisiteGraph",
    "RemoveEdge",
    "RetireModule",
    "apply_edit",
    "find_cycles",
    "format_cycle",
    "impact",
    "lint",
    "lint_workspace",
]
