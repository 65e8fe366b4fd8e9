"""The module prerequisite graph, and the checked edits a curriculum designer makes to it.

Edges point from a module to what it requires (``PB-201 → PB-101``: PB-201 requires
PB-101), each with its ``kind``: ``hard`` (must be completed first) or ``soft`` (better
first). Nodes carry their :class:`~curriculum_tool.domain.Module`. Every edit is checked
before it changes anything: an edge that would close a cycle is refused with the cycle
spelled out, so the designer sees which edge to drop.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import Any

import networkx as nx

from ..domain import Module, Prerequisite
from ..domain.vocab import PREREQUISITE_KINDS
from ..errors import CurriculumError, CycleError, Problem
from ..messages import Catalogue
from .cycles import format_cycle

__all__ = ["PrerequisiteGraph"]

#: Why the graph refuses an edit.
SAID = Catalogue(
    "graph.prerequisites",
    {
        "bad_kind": (
            "prerequisite kind must be one of {kinds}, not '{kind}'",
            "jenis prasyarat harus salah satu dari {kinds}, bukan '{kind}'",
        ),
        "closes_cycle": (
            "{module} cannot require {requires}: that closes the prerequisite cycle {cycle}",
            "{module} tidak dapat memerlukan {requires} karena membentuk siklus prasyarat {cycle}",
        ),
        "no_such_edge": (
            "{module} does not require {requires}",
            "{module} tidak memerlukan {requires}",
        ),
        "unknown_module": ("unknown module '{code}'", "modul '{code}' tidak dikenal"),
    },
)


class PrerequisiteGraph:
    """Modules and their prerequisite edges (hard and soft) over a ``networkx.DiGraph``.

    ``graph`` is public for analysis (networkx algorithms, layouts); change it only
    through the methods here, which keep it acyclic and its attributes consistent.
    """

    def __init__(self, modules: Iterable[Module] = (), prerequisites: Iterable[Prerequisite] = ()):
        self.graph = nx.DiGraph()
        for module in modules:
            self.graph.add_node(module.code, module=module)
        for edge in prerequisites:
            self.graph.add_edge(edge.module, edge.requires, kind=edge.kind)

    @classmethod
    def from_workspace(cls, workspace, conn=None) -> PrerequisiteGraph:
        """The graph as stored in ``workspace`` (a :class:`~curriculum_tool.store.Workspace`)."""
        return cls(workspace.load("modules", conn), workspace.load("prerequisites", conn))

    def copy(self) -> PrerequisiteGraph:
        clone = PrerequisiteGraph()
        clone.graph = self.graph.copy()
        return clone

    # -- reading ---------------------------------------------------------------------

    def __contains__(self, code: object) -> bool:
        return code in self.graph

    def __len__(self) -> int:
        return self.graph.number_of_nodes()

    def module(self, code: str) -> Module:
        """The module ``code``; a clear error when the graph has no such module."""
        self._require_node(code)
        return self.graph.nodes[code]["module"]

    def modules(self) -> list[Module]:
        """The modules in code order (an edge to an unknown code adds no module)."""
        return [
            data["module"] for _, data in sorted(self.graph.nodes(data=True)) if "module" in data
        ]

    def prerequisites(self) -> list[Prerequisite]:
        """Every edge as a record, in key order."""
        return sorted(
            (Prerequisite(m, r, data["kind"]) for m, r, data in self.graph.edges(data=True)),
            key=Prerequisite.key,
        )

    def kind(self, module: str, requires: str) -> str | None:
        data = self.graph.get_edge_data(module, requires)
        return None if data is None else data["kind"]

    def requires(self, code: str, kinds: str | Iterable[str] = PREREQUISITE_KINDS) -> set[str]:
        """Every module ``code`` needs before it, directly or through others."""
        return nx.descendants(self._view(kinds), code)

    def unlocks(self, code: str, kinds: str | Iterable[str] = PREREQUISITE_KINDS) -> set[str]:
        """Every module that needs ``code`` before it, directly or through others."""
        return nx.ancestors(self._view(kinds), code)

    def hard_requirements(self, code: str) -> list[str]:
        """The direct hard prerequisites of ``code``, sorted."""
        return sorted(
            r for r in self.graph.successors(code) if self.graph.edges[code, r]["kind"] == "hard"
        )

    def _view(self, kinds: Iterable[str]) -> nx.DiGraph:
        kinds = {kinds} if isinstance(kinds, str) else set(kinds)
        if kinds >= set(PREREQUISITE_KINDS):
            return self.graph
        return nx.subgraph_view(
            self.graph, filter_edge=lambda u, v: self.graph.edges[u, v]["kind"] in kinds
        )

    # -- checked edits ---------------------------------------------------------------

    def cycle_with(self, module: str, requires: str) -> list[str] | None:
        """The cycle the edge ``module → requires`` would close, or None.

        >>> g = PrerequisiteGraph(prerequisites=[Prerequisite("PB-301", "PB-201"),
        ...                                      Prerequisite("PB-201", "PB-101")])
        >>> g.cycle_with("PB-101", "PB-301")
        ['PB-101', 'PB-301', 'PB-201', 'PB-101']
        """
        if module == requires:
            return [module, module]
        if (
            requires in self.graph
            and module in self.graph
            and nx.has_path(self.graph, requires, module)
        ):
            return [module, *nx.shortest_path(self.graph, requires, module)]
        return None

    def add_edge(self, module: str, requires: str, kind: str = "hard") -> Prerequisite:
        """Add (or re-kind) ``module → requires``; refuse a cycle, naming it in order."""
        if kind not in PREREQUISITE_KINDS:
            raise CurriculumError(SAID("bad_kind", kinds=", ".join(PREREQUISITE_KINDS), kind=kind))
        self._require_node(module)
        self._require_node(requires)
        if not self.graph.has_edge(module, requires):
            cycle = self.cycle_with(module, requires)
            if cycle is not None:
                text = SAID(
                    "closes_cycle", module=module, requires=requires, cycle=format_cycle(cycle)
                )
                raise CycleError(cycle, [Problem("-", 0, "requires", text)])
        self.graph.add_edge(module, requires, kind=kind)
        return Prerequisite(module, requires, kind)

    def remove_edge(self, module: str, requires: str) -> Prerequisite:
        """Remove ``module → requires``; returns the removed edge (for undo)."""
        kind = self.kind(module, requires)
        if kind is None:
            raise CurriculumError(SAID("no_such_edge", module=module, requires=requires))
        self.graph.remove_edge(module, requires)
        return Prerequisite(module, requires, kind)

    def add_module(self, module: Module) -> None:
        """Add a new module, or replace an existing module's attributes (edges stay)."""
        self.graph.add_node(module.code, module=module)

    def remove_module(self, code: str) -> list[Prerequisite]:
        """Remove a module and its edges; returns the removed edges (for undo)."""
        self._require_node(code)
        edges = [Prerequisite(m, r, d["kind"]) for m, r, d in self.graph.in_edges(code, data=True)]
        edges += [
            Prerequisite(m, r, d["kind"]) for m, r, d in self.graph.out_edges(code, data=True)
        ]
        self.graph.remove_node(code)
        return edges

    def update_module(self, code: str, **changes: Any) -> Module:
        """Change fields of a module (e.g. ``jp=16`` or ``status="draft"``); returns the old one."""
        old = self.module(code)
        self.graph.nodes[code]["module"] = replace(old, **changes)
        return old

    def _require_node(self, code: str) -> None:
        if code not in self.graph or "module" not in self.graph.nodes[code]:
            raise CurriculumError(SAID("unknown_module", code=code))

    def edges_by_kind(self, kind: str) -> Iterator[tuple[str, str]]:
        return ((m, r) for m, r, k in self.graph.edges(data="kind") if k == kind)
