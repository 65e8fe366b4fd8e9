"""What changed between two releases of the catalog, and which stored paths it changes.

Each kind's rows are matched by their record type's key: a key only in the new release is
added, only in the old one removed, in both with other cells changed (each changed column
with its old and new text). The modules and edges that changed become graph edits (a
module removed or no longer ``approved`` is retired, a JP changed is a JP change, an edge
added, re-kinded or removed is that edge edit), made in turn on the old release's graph;
the existing impact analysis (:mod:`curriculum_tool.graph.impact`) then repairs each
stored current path and says how it would change. A path that the old release's graph
alone would already change (it was planned on another catalog) is reported only when
the release's edits change it differently.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import select

from ..domain import RECORD_TYPES, Module, Prerequisite
from ..graph.impact import (
    AddEdge,
    ChangeJP,
    EditSequence,
    PathChange,
    RemoveEdge,
    RetireModule,
    impact,
)
from ..graph.prerequisites import PrerequisiteGraph
from ..store import schema
from ..store.paths import load_paths
from .content import Content, catalog_content, content_digest
from .publish import release_content

__all__ = [
    "DIFF_KINDS",
    "KindDiff",
    "ReleaseDiff",
    "RowChange",
    "diff_contents",
    "diff_releases",
    "graph_edits",
]

#: The kinds a diff compares, the graph's first.
DIFF_KINDS = (
    "modules",
    "prerequisites",
    "competencies",
    "regional_standards",
    "job_standards",
    "obligations",
    "regions",
)

Row = dict[str, str]


@dataclass(frozen=True)
class RowChange:
    """A row in both releases with some cells changed: ``(column, old, new)`` each."""

    key: tuple[str, ...]
    columns: tuple[tuple[str, str, str], ...]


@dataclass(frozen=True)
class KindDiff:
    """One kind's rows added, removed and changed, each in key order."""

    kind: str
    added: tuple[Row, ...] = ()
    removed: tuple[Row, ...] = ()
    changed: tuple[RowChange, ...] = ()

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.changed)

    def key_of(self, row: Row) -> tuple[str, ...]:
        return tuple(row.get(column, "") for column in RECORD_TYPES[self.kind].KEY)


@dataclass(frozen=True)
class ReleaseDiff:
    """The differences from release ``old`` to ``new`` ("" = the catalog now, the working
    copy), per kind, and the stored current paths the new release would change."""

    old: str
    new: str
    old_sha256: str
    new_sha256: str
    kinds: tuple[KindDiff, ...]
    affected_paths: tuple[PathChange, ...] = ()
    edits: tuple[AddEdge | RemoveEdge | RetireModule | ChangeJP, ...] = field(default=())

    @property
    def empty(self) -> bool:
        """Nothing differs (the two have the same content)."""
        return all(kind.empty for kind in self.kinds)

    def kind(self, name: str) -> KindDiff:
        return next(k for k in self.kinds if k.kind == name)


def _keyed(kind: str, rows: list[Row]) -> dict[tuple[str, ...], Row]:
    key = RECORD_TYPES[kind].KEY
    return {tuple(row.get(column, "") for column in key): row for row in rows}


def _diff_kind(kind: str, old_rows: list[Row], new_rows: list[Row]) -> KindDiff:
    old, new = _keyed(kind, old_rows), _keyed(kind, new_rows)
    added = tuple(new[k] for k in sorted(new) if k not in old)
    removed = tuple(old[k] for k in sorted(old) if k not in new)
    changed = []
    for k in sorted(set(old) & set(new)):
        columns = list(dict.fromkeys([*old[k], *new[k]]))
        cells = tuple(
            (c, old[k].get(c, ""), new[k].get(c, ""))
            for c in columns
            if old[k].get(c, "") != new[k].get(c, "")
        )
        if cells:
            changed.append(RowChange(k, cells))
    return KindDiff(kind, added, removed, tuple(changed))


def diff_contents(old: Content, new: Content) -> tuple[KindDiff, ...]:
    """Each kind's differences from ``old`` to ``new`` (release contents)."""
    return tuple(_diff_kind(kind, old.get(kind, []), new.get(kind, [])) for kind in DIFF_KINDS)


def graph_edits(
    kinds: tuple[KindDiff, ...],
) -> tuple[AddEdge | RemoveEdge | RetireModule | ChangeJP, ...]:
    """The module and edge differences as graph edits, in an order that never passes
    through a cycle: edges removed, then edges added or re-kinded, then JP changes and
    retirements."""
    by_kind = {k.kind: k for k in kinds}
    modules, edges = by_kind["modules"], by_kind["prerequisites"]
    removed_edges = [RemoveEdge(row["module"], row["requires"]) for row in edges.removed]
    added_edges = [AddEdge(row["module"], row["requires"], row["kind"]) for row in edges.added]
    for change in edges.changed:
        cells = {column: new for column, _, new in change.columns}
        if "kind" in cells:
            added_edges.append(AddEdge(change.key[0], change.key[1], cells["kind"]))
    module_edits: list[RetireModule | ChangeJP] = [
        RetireModule(row["code"]) for row in modules.removed
    ]
    for change in modules.changed:
        pairs = {c: (old, new) for c, old, new in change.columns}
        code = change.key[0]
        if "status" in pairs and pairs["status"][0] == "approved":
            module_edits.append(RetireModule(code))
        elif "jp" in pairs:
            module_edits.append(ChangeJP(code, int(pairs["jp"][1])))
    return (*removed_edges, *added_edges, *module_edits)


def _graph(old: Content, new: Content) -> PrerequisiteGraph:
    """The old release's graph, with the modules only the new one has (no edges yet: the
    edits add them) so that edges to them can be added."""
    modules = {row["code"]: Module.from_row(row) for row in old.get("modules", [])}
    for row in new.get("modules", []):
        modules.setdefault(row["code"], Module.from_row(row))
    edges = [Prerequisite.from_row(row) for row in old.get("prerequisites", [])]
    return PrerequisiteGraph(modules.values(), edges)


def _completed(conn, learners: set[str]) -> dict[str, set[str]]:
    """What each learner has completed: their ``completed`` list and completed outcomes."""
    done: dict[str, set[str]] = defaultdict(set)
    listed = schema.learner_completed
    outcomes = schema.outcomes
    for learner, module in conn.execute(select(listed.c.learner, listed.c.module)):
        if learner in learners:
            done[learner].add(module)
    query = select(outcomes.c.learner, outcomes.c.module).where(outcomes.c.completed == 1)
    for learner, module in conn.execute(query):
        if learner in learners:
            done[learner].add(module)
    return done


def _affected(
    conn, graph: PrerequisiteGraph, edits: EditSequence, paths: list
) -> tuple[PathChange, ...]:
    if not edits.edits:
        return ()
    touched = edits.touches()
    paths = [p for p in paths if touched & set(p.modules)]
    completed = _completed(conn, {p.learner for p in paths})
    baseline = {c.learner: c for c in impact(graph, EditSequence(()), paths, completed)}
    return tuple(
        change
        for change in impact(graph, edits, paths, completed)
        if baseline.get(change.learner) != change
    )


def diff_releases(workspace, old: str, new: str | None = None) -> ReleaseDiff:
    """Release ``old`` against release ``new`` (None: the catalog now), with the stored
    current paths the difference would change. Unknown release names are a clear error."""
    with workspace.engine.connect() as conn:
        before = release_content(conn, old)
        after = catalog_content(workspace, conn) if new is None else release_content(conn, new)
        kinds = diff_contents(before, after)
        edits = EditSequence(graph_edits(kinds))
        affected = _affected(conn, _graph(before, after), edits, load_paths(conn, exclusions=False))
    return ReleaseDiff(
        old,
        new or "",
        content_digest(before),
        content_digest(after),
        kinds,
        affected,
        edits.edits,
    )
