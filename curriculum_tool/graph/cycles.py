"""Find cycles in a directed graph and spell each one out in order.

A prerequisite cycle deadlocks every learner who needs any module on it, so the
workspace refuses one and names it: ``PB-301 → PB-201 → PB-101 → PB-301`` reads
"PB-301 requires PB-201, which requires PB-101, which requires PB-301".
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable

import networkx as nx

__all__ = ["find_cycles", "format_cycle"]


def find_cycles(G: nx.DiGraph) -> list[list[str]]:
    """One cycle per strongly connected component that has one, as a closed node list.

    ``G``'s nodes are module codes (strings), as in every prerequisite graph.

    Each cycle starts and ends at the smallest node of its component, so the answer is
    the same for the same graph however it was built.

    Examples
    --------
    >>> G = nx.DiGraph([("PB-301", "PB-201"), ("PB-201", "PB-101"), ("PB-101", "PB-301")])
    >>> find_cycles(G)
    [['PB-101', 'PB-301', 'PB-201', 'PB-101']]
    >>> find_cycles(nx.DiGraph([("A", "A"), ("B", "C")]))
    [['A', 'A']]
    """
    cycles: list[list[str]] = []
    for component in nx.strongly_connected_components(G):
        start = min(component)
        if len(component) == 1 and not G.has_edge(start, start):
            continue
        edges = nx.find_cycle(G.subgraph(component), source=start)
        nodes = [u for u, _ in edges]
        first = nodes.index(min(nodes))
        nodes = nodes[first:] + nodes[:first]
        cycles.append([*nodes, nodes[0]])
    return sorted(cycles)


def format_cycle(cycle: Iterable[Hashable]) -> str:
    """``A → B → A``."""
    return " → ".join(str(node) for node in cycle)
