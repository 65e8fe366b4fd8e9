"""The graph editor's edits, written through the edit service: one transaction, checked
against the versions the graph was read at, by whoever is working.

The editor reads the graph with every edge's ``row_version`` (:func:`load_graph`, one
query, so no edge is newer than the version it carries). On save, its edits since then
(the pending difference, or its undo stack's steps in order) are replayed here
(:func:`replay_edits`): removals through :func:`~.service.delete_records`, additions and
changes of kind through :func:`~.service.save_records`, in one transaction. Everything the
service checks applies to each edge: an edge someone else changed, removed or added since
the read is refused with a :class:`~.conflicts.ConflictError` naming them; an edge the
actor may not change (a regional officer and a national module's edge: an edge's region
is its module's scope) with :class:`~.permissions.NotAllowed`; a cycle with
:class:`~curriculum_tool.errors.CycleError`. Any refusal writes nothing.

Which edges the actor may change is asked of the same rule (:func:`editable_modules`,
:func:`edge_refusal`), so the editor greys out exactly what the service would refuse.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, select

from ..domain import Module, Prerequisite, Record
from ..graph import PrerequisiteGraph
from ..graph.edits import apply_edits
from ..store import Workspace, schema
from .conflicts import check_versions, stored_versions
from .permissions import NotAllowed, check_allowed, check_deletion, refuse_unless_allowed
from .service import delete_records, save_records

__all__ = [
    "Edge",
    "EdgeEdit",
    "StoredGraph",
    "edge_refusal",
    "editable_modules",
    "edits_of",
    "load_graph",
    "replay_edits",
]

#: An edge's key: (module, the module it requires).
Edge = tuple[str, str]

_KIND = "prerequisites"


@dataclass(frozen=True)
class EdgeEdit:
    """One step of an editor: give ``module → requires`` the ``kind`` (None: remove it)."""

    module: str
    requires: str
    kind: str | None

    @property
    def key(self) -> Edge:
        return (self.module, self.requires)


@dataclass(frozen=True)
class StoredGraph:
    """The prerequisite graph as stored, and the ``row_version`` of each of its edges."""

    graph: PrerequisiteGraph
    versions: dict[Edge, int]


def load_graph(workspace: Workspace, conn: Connection | None = None) -> StoredGraph:
    """The stored graph with its edges' versions, read in one query."""
    if conn is None:
        with workspace.engine.connect() as own:
            return load_graph(workspace, own)
    table = schema.tables[_KIND]
    query = select(table.c.module, table.c.requires, table.c.kind, table.c.row_version)
    edges, versions = [], {}
    for module, requires, kind, version in conn.execute(
        query.order_by(table.c.module, table.c.requires)
    ):
        edges.append(Prerequisite(module, requires, kind))
        versions[(module, requires)] = version
    return StoredGraph(PrerequisiteGraph(workspace.load("modules", conn), edges), versions)


def edits_of(removed: Iterable[Edge], added: Iterable[Prerequisite]) -> list[EdgeEdit]:
    """Pending edits (:func:`~curriculum_tool.graph.edits.pending_edits`) as steps,
    removals first (every graph in between stays acyclic)."""
    steps = [EdgeEdit(module, requires, None) for module, requires in removed]
    return steps + [EdgeEdit(e.module, e.requires, e.kind) for e in added]


def replay_edits(
    workspace: Workspace,
    edits: Sequence[EdgeEdit],
    expected: Mapping[Edge, int | None] | None = None,
    note: str = "",
) -> dict[Edge, int | None]:
    """Write ``edits`` (steps in the order they were made) in one transaction through the
    edit service; return the stored version of each edge written (None: removed).

    Each edge ends with the kind of its last step. ``expected`` are the versions the edits
    were made from (an edge missing from it did not exist then); an edge changed since is
    refused, naming who changed it. An edge added and removed again, which did not exist
    when read, is left alone. Without ``expected`` (a script), nothing is compared.
    Checked in this order: whether the actor may, the versions, the graph as stored now
    (a cycle is named from the edge that closes it), then the service's own checks of
    each change. Refused: nothing is written.
    """
    final: dict[Edge, str | None] = {}
    for edit in edits:
        final[edit.key] = edit.kind
    known = {} if expected is None else expected
    removed = [
        key
        for key, kind in final.items()
        if kind is None and (expected is None or known.get(key) is not None)
    ]
    kept = [Prerequisite(m, r, kind) for (m, r), kind in final.items() if kind is not None]
    changed = [*removed, *(edge.key() for edge in kept)]
    with workspace.transaction() as conn:
        # Who may first: on PostgreSQL a row the login may not write is hidden from the
        # version check's locking read, which would call it deleted.
        check_deletion(workspace, conn, _KIND, removed)
        records: list[Record] = [*kept]
        check_allowed(workspace, conn, _KIND, records, replace=False)
        if expected is not None:
            check_versions(conn, _KIND, {key: known.get(key) for key in changed})
        if kept:  # the graph's own checks: a cycle is named from the edge that closes it
            apply_edits(PrerequisiteGraph.from_workspace(workspace, conn), removed, kept)
        if removed:
            wanted = None if expected is None else {key: known[key] for key in removed}
            delete_records(workspace, _KIND, removed, wanted, note, conn=conn)
        if kept:
            wanted = None if expected is None else {e.key(): known.get(e.key()) for e in kept}
            save_records(workspace, _KIND, kept, wanted, note, conn=conn)
        now = stored_versions(conn, _KIND, changed) if changed else {}
    return {key: now.get(key) for key in changed}


def edge_refusal(
    conn: Connection, workspace: Workspace, edge: Edge | None = None
) -> NotAllowed | None:
    """Why the workspace's actor may not add, change or remove ``edge`` (None: they may);
    without an edge, why they may change no edge at all (a read-only role).

    An edge's region is its module's, so one check covers adding, changing and removing.
    """
    changes: list[tuple[Mapping[str, Any] | None, Mapping[str, Any] | None]] = []
    if edge is not None:
        changes.append((None, {"module": edge[0], "requires": edge[1], "kind": "hard"}))
    try:
        refuse_unless_allowed(conn, workspace.actor, _KIND, changes)
    except NotAllowed as refusal:
        return refusal
    return None


def editable_modules(
    conn: Connection, workspace: Workspace, modules: Iterable[Module]
) -> frozenset[str]:
    """The codes of ``modules`` whose edges the workspace's actor may change.

    Asked once per scope (a national module, each region's local ones), not per module:
    an edge's region is its module's scope, all the rule looks at.
    """
    if not workspace.actor.may_write(_KIND):
        return frozenset()
    by_scope: dict[str, list[str]] = {}
    for module in modules:
        by_scope.setdefault(module.scope, []).append(module.code)
    allowed: set[str] = set()
    for codes in by_scope.values():
        if edge_refusal(conn, workspace, (codes[0], codes[0])) is None:
            allowed.update(codes)
    return frozenset(allowed)
