"""Checked edits of the prerequisite graph, each with its inverse, and how they are saved.

An editor changes a :class:`~curriculum_tool.graph.PrerequisiteGraph` with one call,
:func:`set_prerequisite`: it gives an edge a kind or removes it, checks before anything
changes (an edge that would close a cycle raises
:class:`~curriculum_tool.errors.CycleError`) and returns the kind the edge had, so the
same call with that kind is its inverse. The GUI's undo commands make exactly these
two calls. The edits made since the last save are the difference of two graphs
(:func:`pending_edits`). They are saved through the edit service, a layer above this one
(:func:`curriculum_tool.edit.graph_edits.replay_edits`: one transaction, checked against
the versions the graph was read at and against what is stored by then).
"""

from __future__ import annotations

from collections.abc import Sequence

from ..domain import Prerequisite
from ..errors import CurriculumError, describe
from ..messages import Catalogue, Message
from ..store import Workspace
from ..store.paths import load_paths
from .impact import AddEdge, PathChange, RemoveEdge, apply_edit, impact
from .prerequisites import PrerequisiteGraph

__all__ = [
    "apply_edits",
    "check_edit",
    "pending_edits",
    "pending_impact",
    "set_prerequisite",
]

SAID = Catalogue(
    "graph.edits",
    {"refused": ("{module} → {requires}: {reason}", "{module} → {requires} ditolak: {reason}")},
)


def set_prerequisite(
    graph: PrerequisiteGraph, module: str, requires: str, kind: str | None
) -> str | None:
    """Give ``module → requires`` the ``kind`` (``None``: no such edge); return its old kind.

    Checked before anything changes: an edge that would close a cycle raises
    ``CycleError``, an unknown module or kind ``CurriculumError``. Removing an edge that
    is not there changes nothing. ``set_prerequisite(graph, module, requires, old)``
    undoes the call.

    >>> g = PrerequisiteGraph(prerequisites=[Prerequisite("PB-201", "PB-101", "hard")])
    >>> set_prerequisite(g, "PB-201", "PB-101", None)
    'hard'
    >>> g.kind("PB-201", "PB-101") is None
    True
    """
    previous = graph.kind(module, requires)
    if kind is None:
        if previous is not None:
            graph.remove_edge(module, requires)
    elif kind != previous:
        graph.add_edge(module, requires, kind)
    return previous


def check_edit(graph: PrerequisiteGraph, module: str, requires: str, kind: str | None) -> None:
    """Raise the error a new edit would meet, changing nothing.

    A removal is refused when there is no such edge. An addition or a change of kind is
    made and taken back at once, so the graph's own checks decide (the rule stays in one
    place, :meth:`PrerequisiteGraph.add_edge`) at the cost of two edge updates.
    """
    if kind is None:
        if graph.kind(module, requires) is None:
            graph.remove_edge(module, requires)  # refused: the graph names what is missing
        return
    previous = set_prerequisite(graph, module, requires, kind)
    set_prerequisite(graph, module, requires, previous)


def pending_edits(
    saved: PrerequisiteGraph, edited: PrerequisiteGraph
) -> tuple[list[tuple[str, str]], list[Prerequisite]]:
    """Edges ``edited`` no longer has, and edges it added or gave another kind, sorted."""
    before = {(m, r): k for m, r, k in saved.graph.edges(data="kind")}
    now = {(m, r): k for m, r, k in edited.graph.edges(data="kind")}
    removed = sorted(set(before) - set(now))
    added = [Prerequisite(m, r, k) for (m, r), k in sorted(now.items()) if before.get((m, r)) != k]
    return removed, added


def apply_edits(
    graph: PrerequisiteGraph,
    removed: Sequence[tuple[str, str]],
    added: Sequence[Prerequisite],
    *,
    skip_refused: bool = False,
) -> list[str]:
    """Make pending edits on another graph (reloaded, or as stored now), removals first.

    An edit the graph refuses raises its error, or with ``skip_refused`` is left out and
    named in the result (``"PB-LOC → LD-201: reason"``, a message in English and Indonesian).
    """
    for module, requires in removed:
        set_prerequisite(graph, module, requires, None)
    refused: list[str] = []
    for edge in added:
        try:
            set_prerequisite(graph, edge.module, edge.requires, edge.kind)
        except CurriculumError as error:
            if not skip_refused:
                raise
            reason = Message(str(error), describe(error, "id"))
            refused.append(
                SAID("refused", module=edge.module, requires=edge.requires, reason=reason)
            )
    return refused


def pending_impact(
    workspace: Workspace,
    saved: PrerequisiteGraph,
    removed: Sequence[tuple[str, str]],
    added: Sequence[Prerequisite],
) -> list[tuple[AddEdge | RemoveEdge, PathChange]]:
    """What each pending edit does to the learner paths stored in ``workspace``, edit by edit."""
    with workspace.engine.connect() as conn:
        paths = load_paths(conn)
        if not paths:
            return []
        wanted = {p.learner for p in paths}
        completed = {
            learner.id: learner.completed
            for learner in workspace.load("learners", conn)
            if learner.id in wanted
        }
    edits: list[AddEdge | RemoveEdge] = [RemoveEdge(m, r) for m, r in removed]
    edits += [AddEdge(e.module, e.requires, e.kind) for e in added]
    graph = saved
    result = []
    for edit in edits:  # removals first: every intermediate graph stays acyclic
        result += [(edit, change) for change in impact(graph, edit, paths, completed)]
        graph = apply_edit(graph, edit)
    return result
