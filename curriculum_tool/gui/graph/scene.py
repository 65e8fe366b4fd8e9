"""The scene of the prerequisite graph editor: one item per module and edge, laid out.

Everything here is presentation: the graph, its edits and its checks stay in
:mod:`curriculum_tool.graph`. The scene draws what it is given (a layout, an edge's
kind, roles to highlight) and keeps the selected edge, the target of Delete.
"""

from __future__ import annotations

from itertools import pairwise

import networkx as nx
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainterPath, QPen, QTransform
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QWidget,
)

from ...domain import Module
from ...graph import PrerequisiteGraph
from .items import (
    COLORS,
    CYCLE,
    DIMMED,
    NORMAL,
    REQUIRES,
    SELECTED,
    UNLOCKS,
    EdgeItem,
    NodeItem,
    node_fonts,
    title_lines,
)
from .layout import NODE_W, Layout, layered_layout

__all__ = ["GraphScene", "highlight_roles"]


class GraphScene(QGraphicsScene):
    """Node and edge items of one prerequisite graph, and how they are highlighted."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.nodes: dict[str, NodeItem] = {}
        self.edges: dict[tuple[str, str], EdgeItem] = {}
        self.selected_edge: tuple[str, str] | None = None
        self._fonts = node_fonts()
        self._highlighted: set[QGraphicsItem] = set()
        self._dimmed = False
        self._ghost: QGraphicsPathItem | None = None
        self._decorations: list[QGraphicsItem] = []
        #: The area the layout uses (the scene rect adds a margin to pan into).
        self.graph_rect = QRectF()
        self.setBackgroundBrush(QColor("#FFFFFF"))

    # -- building ----------------------------------------------------------------------

    def build(
        self,
        G: nx.DiGraph,
        tags: dict[str, str],
        tooltips: dict[str, str],
        band_label: str,
        grid_label: str,
    ) -> None:
        """Items for every module and edge of ``G`` (nodes carry ``module``), laid out.

        ``band_label`` and ``grid_label`` are format strings with ``{n}`` (translated text).
        """
        self.clear()
        self.nodes.clear()
        self.edges.clear()
        self._highlighted.clear()
        self._decorations.clear()
        self._ghost = None
        self._dimmed = False
        self.selected_edge = None
        # No index while thousands of items arrive; built once afterwards.
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
        metrics = QFontMetricsF(self._fonts[1])
        big = QFont(self._fonts[0])
        big.setPointSizeF(20.0)
        big_metrics = QFontMetricsF(big)
        overview_fonts: dict[float, QFont] = {}
        for code, data in G.nodes(data=True):
            module: Module | None = data.get("module")
            if module is None:
                continue
            # The overview font: as large as fits the node, shared by equal sizes.
            size = round(
                min(22.0, 20.0 * (NODE_W - 26) / max(1.0, big_metrics.horizontalAdvance(code))), 1
            )
            if size not in overview_fonts:
                overview_fonts[size] = QFont(big)
                overview_fonts[size].setPointSizeF(size)
            node = NodeItem(
                module,
                title_lines(module.title, metrics, NODE_W - 18),
                tags.get(code, ""),
                self._fonts,
                overview_fonts[size],
            )
            node.setToolTip(tooltips.get(code, module.title))
            self.addItem(node)
            self.nodes[code] = node
        self.apply_layout(layered_layout(G), band_label, grid_label, adjust=False)
        for module, requires, kind in G.edges(data="kind"):
            if module in self.nodes and requires in self.nodes:
                self._add_edge_item(module, requires, kind)
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)

    def apply_layout(
        self, layout: Layout, band_label: str, grid_label: str, adjust: bool = True
    ) -> None:
        """Move the nodes to ``layout`` and redraw the layer bands and labels."""
        for item in self._decorations:
            self.removeItem(item)
        self._decorations.clear()
        for code, (x, y) in layout.positions.items():
            node = self.nodes.get(code)
            if node is not None:
                node.setPos(x, y)
        if adjust:
            for edge in self.edges.values():
                edge.adjust()
        label_font = QFont(self._fonts[2])
        label_font.setPointSizeF(9.5)
        label_font.setBold(True)
        for number, left, right in layout.bands:
            band = self.addRect(
                QRectF(left - 12, -40, right - left + 24, layout.band_height + 52),
                Qt.PenStyle.NoPen,
                COLORS["band"],
            )
            band.setZValue(-10)
            text = self._label(band_label.format(n=number), label_font, left, -8)
            self._decorations += [band, text]
        if layout.grid_top is not None and layout.grid_count:
            self._decorations.append(
                self._label(
                    grid_label.format(n=layout.grid_count), label_font, 0, layout.grid_top - 10
                )
            )
        width = max((x for x, _ in layout.positions.values()), default=0.0) + NODE_W / 2
        self.graph_rect = QRectF(-20, -50, width + 40, layout.height + 70)
        self.setSceneRect(self.graph_rect.adjusted(-200, -200, 200, 200))

    def _label(self, text: str, font: QFont, x: float, y: float) -> QGraphicsSimpleTextItem:
        item = self.addSimpleText(text, font)
        item.setBrush(COLORS["band_text"])
        item.setPos(x, y)
        item.setZValue(-9)
        # The same size on screen at every zoom: readable in the overview, small up close;
        # ``y`` is where the text ends, so it never runs into the nodes below it.
        item.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        item.setTransform(QTransform.fromTranslate(0, -item.boundingRect().height()))
        return item

    def include(self, rect: QRectF) -> None:
        """Grow the graph's area to hold ``rect`` (a node moved outside it)."""
        if not self.graph_rect.contains(rect):
            self.graph_rect = self.graph_rect.united(rect.adjusted(-20, -20, 20, 20))
            self.setSceneRect(
                self.sceneRect().united(self.graph_rect.adjusted(-200, -200, 200, 200))
            )

    def current_layout(self) -> dict[str, tuple[float, float]]:
        return {code: (node.pos().x(), node.pos().y()) for code, node in self.nodes.items()}

    # -- edges -------------------------------------------------------------------------

    def _add_edge_item(
        self, module: str, requires: str, kind: str, adjust: bool = True
    ) -> EdgeItem:
        edge = EdgeItem(self.nodes[module], self.nodes[requires], kind)
        self.addItem(edge)
        self.edges[(module, requires)] = edge
        return edge

    def set_edge(self, module: str, requires: str, kind: str | None) -> None:
        """Show the edge ``module → requires`` with ``kind``, or remove it (``None``)."""
        key = (module, requires)
        edge = self.edges.get(key)
        if kind is None:
            if edge is not None:
                if self.selected_edge == key:
                    self.selected_edge = None
                edge.detach()
                self._highlighted.discard(edge)
                self.removeItem(edge)
                del self.edges[key]
            return
        if edge is None:
            if module in self.nodes and requires in self.nodes:
                edge = self._add_edge_item(module, requires, kind)
                if self._dimmed:
                    edge.setOpacity(DIMMED)
        else:
            edge.set_kind(kind)

    def select_edge(self, key: tuple[str, str] | None) -> None:
        """Mark one edge as the selected one (the target of Delete), or none."""
        if self.selected_edge is not None and self.selected_edge in self.edges:
            self.edges[self.selected_edge].set_selected(False)
        self.selected_edge = key if key in self.edges else None
        if self.selected_edge is not None:
            edge = self.edges[self.selected_edge]
            edge.set_selected(True)
            edge.setOpacity(1.0)

    # -- highlighting ------------------------------------------------------------------

    def highlight(self, roles: dict[str, str], edge_roles: dict[tuple[str, str], str]) -> None:
        """Draw the given nodes and edges in their roles and dim the rest (if any given)."""
        previous = self._highlighted
        self._highlighted = set()
        for code, role in roles.items():
            node = self.nodes.get(code)
            if node is not None:
                node.set_role(role)
                self._highlighted.add(node)
        for key, role in edge_roles.items():
            edge = self.edges.get(key)
            if edge is not None:
                edge.set_role(role)
                self._highlighted.add(edge)
        for item in previous - self._highlighted:
            item.set_role(NORMAL)  # type: ignore[attr-defined]
        dim = bool(self._highlighted)
        if dim or self._dimmed:
            for item in (*self.nodes.values(), *self.edges.values()):
                item.setOpacity(1.0 if not dim or item in self._highlighted else DIMMED)
        self._dimmed = dim
        if self.selected_edge in self.edges:
            self.edges[self.selected_edge].setOpacity(1.0)

    def highlighted(self, role: str) -> set[str]:
        """Codes of the nodes drawn in ``role``."""
        return {code for code, node in self.nodes.items() if node.role == role}

    def highlighted_edges(self, role: str) -> set[tuple[str, str]]:
        return {key for key, edge in self.edges.items() if edge.role == role}

    def show_ghost(self, module: str, requires: str) -> None:
        """A red dashed arrow for a refused edge ``module → requires``."""
        self.clear_ghost()
        if module not in self.nodes or requires not in self.nodes or module == requires:
            return
        probe = EdgeItem(self.nodes[module], self.nodes[requires], "soft")
        probe.detach()
        path = QPainterPath(probe.path())
        path.addPolygon(probe.arrow.polygon())
        ghost = QGraphicsPathItem(path)
        pen = QPen(COLORS[CYCLE], 2.6)
        pen.setDashPattern([3.0, 3.0])
        ghost.setPen(pen)
        ghost.setZValue(3)
        self.addItem(ghost)
        self._ghost = ghost

    def clear_ghost(self) -> None:
        if self._ghost is not None:
            self.removeItem(self._ghost)
            self._ghost = None

    @property
    def ghost(self) -> QGraphicsPathItem | None:
        return self._ghost

    def selected_codes(self) -> list[str]:
        return sorted(item.code for item in self.selectedItems() if isinstance(item, NodeItem))


def highlight_roles(
    graph: PrerequisiteGraph,
    codes: list[str],
    edge: tuple[str, str] | None = None,
    cycle: list[str] | None = None,
) -> tuple[dict[str, str], dict[tuple[str, str], str]]:
    """The roles to draw nodes and edges in, for a refused ``cycle``, a selected ``edge``
    or selected modules ``codes`` (in that order of precedence).

    One module shows everything it requires and everything it unlocks; several show
    themselves and the edges between them.
    """
    roles: dict[str, str] = {}
    edge_roles: dict[tuple[str, str], str] = {}
    G = graph.graph
    if cycle is not None:
        roles = dict.fromkeys(cycle, CYCLE)
        edge_roles = dict.fromkeys(pairwise(cycle), CYCLE)
    elif edge is not None:
        roles = dict.fromkeys(edge, SELECTED)
    else:
        codes = [c for c in codes if c in G]
        if len(codes) == 1:
            code = codes[0]
            requires, unlocks = graph.requires(code), graph.unlocks(code)
            roles = {
                **dict.fromkeys(requires, REQUIRES),
                **dict.fromkeys(unlocks, UNLOCKS),
                code: SELECTED,
            }
            for node in (code, *requires):
                for target in G.successors(node):
                    edge_roles[(node, target)] = REQUIRES
            for node in (code, *unlocks):
                for source in G.predecessors(node):
                    edge_roles[(source, node)] = UNLOCKS
        elif codes:
            chosen = set(codes)
            roles = dict.fromkeys(codes, SELECTED)
            edge_roles = {(m, r): SELECTED for m in codes for r in G.successors(m) if r in chosen}
    return roles, edge_roles
