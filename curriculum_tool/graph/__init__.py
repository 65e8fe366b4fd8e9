"""The prerequisite graph: checked edits, lint, and the impact of an edit on paths."""

from .cycles import find_cycles, format_cycle
from .impact import AddEdge, ChangeJP, PathChange, RemoveEdge, RetireModule, apply_edit, impact
from .lint import Finding, LintReport, lint, lint_workspace
from .prerequisites import PrerequisiteGraph

__all__ = ["find_cycles", "format_cycle", "PrerequisiteGraph", "lint", "lint_workspace",
           "LintReport", "Finding", "impact", "apply_edit", "AddEdge", "RemoveEdge",
           "RetireModule", "ChangeJP", "PathChange"]
