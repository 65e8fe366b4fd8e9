"""The prerequisite graph as GraphML, for networkx, Gephi, yEd or Cytoscape.

Nodes are modules with every catalog attribute (numbers typed as numbers, lists as the
contract's ``;``-separated text) and a ``label`` (code and title), which Gephi and yEd
show on the node; edges run from a module to what it requires, with their ``kind``.
``networkx.read_graphml`` gives back the same nodes, edges and values.
"""

from __future__ import annotations

from pathlib import Path

import networkx as nx

from ..domain import Module
from ..graph.prerequisites import PrerequisiteGraph
from ..store import Workspace
from .atomic import atomic_output

__all__ = ["graphml_graph", "write_graphml"]


def _node_attributes(module: Module) -> dict[str, object]:
    row = module.to_row()
    del row["code"]
    return {
        "label": f"{module.code} {module.title}",
        **{
            column: int(text) if Module.CELLS[column].numeric else text
            for column, text in row.items()
        },
    }


def graphml_graph(graph: PrerequisiteGraph) -> nx.DiGraph:
    """A plain DiGraph with GraphML-safe attributes (no tuples, no None), in key order."""
    G = nx.DiGraph(name="prerequisites")
    for module in graph.modules():
        G.add_node(module.code, **_node_attributes(module))
    for edge in graph.prerequisites():
        G.add_edge(edge.module, edge.requires, kind=edge.kind)
    return G


def write_graphml(workspace: Workspace, path: Path) -> int:
    """Write the workspace's prerequisite graph to ``path``; returns the number of modules."""
    G = graphml_graph(PrerequisiteGraph.from_workspace(workspace))
    with atomic_output(path, "wb") as handle:
        nx.write_graphml(G, handle, encoding="utf-8", prettyprint=True)
    return G.number_of_nodes()
