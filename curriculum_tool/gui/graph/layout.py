"""Where each module of the prerequisite graph is drawn: layers, prerequisites on the left.

Arrows point as the core writes edges: ``PB-201 → PB-101`` means PB-201 requires PB-101,
so an arrow leaves a module and ends at what it requires. Prerequisites sit in the left
columns (layer 1 has no prerequisite), the modules that need them to the right; modules
with no edge at all go in a compact grid below. Plain geometry over networkx, no Qt.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field

import networkx as nx

__all__ = ["BAND_GAP", "CELL_H", "NODE_H", "NODE_W", "SUBCOLUMN_GAP", "Layout", "layered_layout"]

NODE_W, NODE_H = 184.0, 58.0
#: Horizontal gap between layers (edges run there) and between the columns of one layer.
BAND_GAP, SUBCOLUMN_GAP = 96.0, 28.0
ROW_GAP = 14.0
CELL_H = NODE_H + ROW_GAP


@dataclass
class Layout:
    """Node centres, and where each layer and the grid of unconnected modules sit."""

    positions: dict[str, tuple[float, float]] = field(default_factory=dict)
    #: (layer number from 1, left x, right x) of each layer.
    bands: list[tuple[int, float, float]] = field(default_factory=list)
    #: Top of the grid of modules without any edge, and how many there are.
    grid_top: float | None = None
    grid_count: int = 0
    #: Height of the layered part, and of everything.
    band_height: float = 0.0
    height: float = 0.0


def _layers(G: nx.DiGraph, nodes: set[str]) -> list[list[str]]:
    """Layers of ``nodes`` by longest prerequisite chain: layer 0 requires nothing."""
    try:
        generations = list(nx.topological_generations(G.reverse(copy=False)))
    except nx.NetworkXUnfeasible:  # a cycle: the workspace refuses one, draw anyway
        return [sorted(nodes)]
    return [layer for layer in ([n for n in gen if n in nodes] for gen in generations) if layer]


def _order(G: nx.DiGraph, layers: list[list[str]]) -> list[list[str]]:
    """Reduce crossings: sort each layer by the mean rank of its neighbours (3 sweeps)."""
    rank: dict[str, float] = {}

    def assign(layer: list[str]) -> None:
        top = max(1, len(layer) - 1)
        for i, node in enumerate(layer):
            rank[node] = i / top

    layers = [sorted(layer) for layer in layers]
    for layer in layers:
        assign(layer)

    def key(node: str, neighbours) -> tuple[float, str]:
        near = [rank[m] for m in neighbours(node) if m in rank]
        return (sum(near) / len(near) if near else rank[node], node)

    def sweep(indices: Iterable[int], neighbours) -> None:
        for i in indices:
            layers[i].sort(key=lambda node: key(node, neighbours))
            assign(layers[i])

    forward, backward = range(1, len(layers)), range(len(layers) - 2, -1, -1)
    sweep(forward, G.successors)  # prerequisites are in earlier layers
    sweep(backward, G.predecessors)  # the modules needing them in later ones
    sweep(forward, G.successors)
    return layers


def layered_layout(G: nx.DiGraph, aspect: float = 1.6) -> Layout:
    """Centres for every node of ``G`` (edges point from a module to what it requires).

    Connected modules go in layers by ``networkx.topological_generations`` of the reversed
    graph, prerequisites left; a layer taller than suits ``aspect`` (width / height) wraps
    into several adjacent columns. Modules with no edge fill a grid below, in code order.
    """
    layout = Layout()
    connected = {n for n in G if G.degree(n) > 0}
    layers = _order(G, _layers(G, connected)) if connected else []
    width = 0.0
    if layers:
        sizes = [len(layer) for layer in layers]
        rows = _rows_per_column(sizes, aspect)
        height = min(rows, max(sizes)) * CELL_H - ROW_GAP
        x = 0.0
        for number, layer in enumerate(layers, start=1):
            columns = math.ceil(len(layer) / rows)
            per_column = math.ceil(len(layer) / columns)
            left = x
            for c in range(columns):
                column = layer[c * per_column : (c + 1) * per_column]
                top = (height - (len(column) * CELL_H - ROW_GAP)) / 2
                for r, node in enumerate(column):
                    layout.positions[node] = (x + NODE_W / 2, top + r * CELL_H + NODE_H / 2)
                x += NODE_W + (SUBCOLUMN_GAP if c < columns - 1 else 0)
            layout.bands.append((number, left, x))
            x += BAND_GAP
        width = x - BAND_GAP
        layout.band_height = layout.height = height
    isolated = sorted(n for n in G if n not in connected)
    if isolated:
        cell_w = NODE_W + SUBCOLUMN_GAP
        if width > 0:
            columns = max(1, int((width + SUBCOLUMN_GAP) // cell_w))
            top = layout.band_height + 110.0
        else:
            columns = max(1, round(math.sqrt(len(isolated) * aspect * CELL_H / cell_w)))
            top = 0.0
        for i, node in enumerate(isolated):
            r, c = divmod(i, columns)
            layout.positions[node] = (c * cell_w + NODE_W / 2, top + r * CELL_H + NODE_H / 2)
        layout.grid_top, layout.grid_count = top, len(isolated)
        layout.height = top + math.ceil(len(isolated) / columns) * CELL_H
    return layout


def _rows_per_column(sizes: list[int], aspect: float) -> int:
    """How many nodes a column holds before its layer wraps, to come near ``aspect``."""
    tallest = max(sizes)
    best, best_score = tallest, math.inf
    for rows in range(min(6, tallest), tallest + 1):
        columns = sum(math.ceil(k / rows) for k in sizes)
        width = (
            columns * NODE_W + (columns - len(sizes)) * SUBCOLUMN_GAP + (len(sizes) - 1) * BAND_GAP
        )
        height = min(rows, tallest) * CELL_H
        score = abs(math.log(width / height / aspect))
        if score < best_score - 1e-9:
            best, best_score = rows, score
    return best
