"""The prerequisite graph drawn with QGraphicsView: module nodes, edge arrows, a layered layout.

Arrows point as the core writes edges: ``PB-201 → PB-101`` means PB-201 requires PB-101,
so an arrow leaves a module and ends at what it requires. Prerequisites sit in the left
columns (layer 1 has no prerequisite), the modules that need them to the right; modules
with no edge at all go in a compact grid below.

Everything here is presentation: the graph, its edits and its checks stay in
:mod:`curriculum_tool.graph`.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field

import networkx as nx
from PySide6.QtCore import QPoint, QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
    QTransform,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsPolygonItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QStyleOptionGraphicsItem,
    QWidget,
)

from ..domain import Module

__all__ = [
    "COLORS",
    "CYCLE",
    "DROP",
    "NORMAL",
    "REQUIRES",
    "SELECTED",
    "UNLOCKS",
    "EdgeItem",
    "GraphScene",
    "GraphView",
    "Layout",
    "NodeItem",
    "layered_layout",
]

# -- geometry and colours ---------------------------------------------------------------

NODE_W, NODE_H = 184.0, 58.0
#: Horizontal gap between layers (edges run there) and between the columns of one layer.
BAND_GAP, SUBCOLUMN_GAP = 96.0, 28.0
ROW_GAP = 14.0
CELL_H = NODE_H + ROW_GAP
#: Zoom limits of the view.
MIN_SCALE, MAX_SCALE = 0.03, 4.0

# Roles an item is drawn in.
NORMAL, SELECTED, REQUIRES, UNLOCKS, CYCLE, DROP = (
    "normal",
    "selected",
    "requires",
    "unlocks",
    "cycle",
    "drop",
)

#: Colours (colour-blind-safe hues for the highlight roles).
COLORS = {
    "national_fill": QColor("#EEF3FA"),
    "national_accent": QColor("#4F6D9A"),
    "local_fill": QColor("#F4ECFA"),
    "local_accent": QColor("#8A4FB8"),
    "inactive_fill": QColor("#EFEFEF"),
    "inactive_accent": QColor("#A3A3A3"),
    "border": QColor("#9AA7B8"),
    "text": QColor("#1E2A38"),
    "muted": QColor("#66707C"),
    "inactive_text": QColor("#8C8C8C"),
    "hard": QColor("#5E6B7A"),
    "soft": QColor("#8F9BA8"),
    SELECTED: QColor("#1A5FD0"),
    REQUIRES: QColor("#D37A00"),
    UNLOCKS: QColor("#0E8A6E"),
    CYCLE: QColor("#D32020"),
    DROP: QColor("#1A5FD0"),
    SELECTED + "_fill": QColor("#DCE8FF"),
    REQUIRES + "_fill": QColor("#FFEBCC"),
    UNLOCKS + "_fill": QColor("#D4F2E9"),
    CYCLE + "_fill": QColor("#FDDEDE"),
    DROP + "_fill": QColor("#DCE8FF"),
    "band": QColor("#F6F8FB"),
    "band_text": QColor("#7B8794"),
}
#: Opacity of items outside the highlighted part of the graph.
DIMMED = 0.22

# Flag combinations built once (combining Qt enum flags in Python is slow).
_NODE_FLAGS = (
    QGraphicsItem.GraphicsItemFlag.ItemIsSelectable | QGraphicsItem.GraphicsItemFlag.ItemIsMovable
)
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def _fonts() -> tuple[QFont, QFont, QFont]:
    code = QFont()
    code.setPointSizeF(9.5)
    code.setBold(True)
    title = QFont()
    title.setPointSizeF(8.0)
    tag = QFont()
    tag.setPointSizeF(7.0)
    return code, title, tag


# -- layout -----------------------------------------------------------------------------


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


# -- items ------------------------------------------------------------------------------


class NodeItem(QGraphicsItem):
    """One module: code, JP and a tag on top, the title below; coloured by scope/status."""

    RECT = QRectF(-NODE_W / 2, -NODE_H / 2, NODE_W, NODE_H)
    BOUNDS = RECT.adjusted(-3, -3, 3, 3)

    def __init__(
        self,
        module: Module,
        title_lines: tuple[str, ...],
        tag: str,
        fonts: tuple[QFont, QFont, QFont],
        overview_font: QFont,
    ):
        super().__init__()
        self._overview_font = overview_font
        self.code = module.code
        self.module = module
        self.role = NORMAL
        self.edges: list[EdgeItem] = []
        self._title_lines = title_lines
        self._tag = tag
        self._fonts = fonts
        if module.status != "approved":
            self.category = "inactive"
        else:
            self.category = "local" if module.is_local else "national"
        # No itemChange override (it would call Python on every change of every item):
        # the view moves the edges along while it drags nodes.
        self.setFlags(_NODE_FLAGS)
        # Cached as a device pixmap: panning and repainting reuse it; only zoom redraws.
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.setZValue(1)

    def boundingRect(self) -> QRectF:
        return self.BOUNDS

    def set_role(self, role: str) -> None:
        if role != self.role:
            self.role = role
            self.setZValue(2 if role != NORMAL else 1)
            self.update()

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        lod = QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())
        role = self.role
        fill = COLORS[role + "_fill"] if role != NORMAL else COLORS[self.category + "_fill"]
        accent = COLORS[self.category + "_accent"]
        if role != NORMAL:
            pen = QPen(COLORS[role], 3.0)
        else:
            pen = QPen(COLORS["border"], 1.0)
            if self.category == "inactive":
                pen.setStyle(Qt.PenStyle.DashLine)
        if lod < 0.18:  # far out: a coloured block is all that can be seen
            painter.fillRect(self.RECT, COLORS[role] if role != NORMAL else accent)
            return
        painter.setPen(pen)
        painter.setBrush(fill)
        painter.drawRoundedRect(self.RECT, 6, 6)
        painter.fillRect(
            QRectF(self.RECT.left() + 1.5, self.RECT.top() + 5, 5, NODE_H - 10), accent
        )
        text_colour = COLORS["inactive_text"] if self.category == "inactive" else COLORS["text"]
        painter.setPen(text_colour)
        left = self.RECT.left() + 12
        if lod < 0.6:  # an overview: only the code, large enough to read
            painter.setFont(self._overview_font)
            painter.drawText(
                QRectF(left, self.RECT.top(), NODE_W - 16, NODE_H),
                Qt.AlignmentFlag.AlignCenter,
                self.code,
            )
            return
        code_font, title_font, tag_font = self._fonts
        inner = QRectF(left, self.RECT.top() + 4, NODE_W - 18, 18)
        painter.setFont(code_font)
        painter.drawText(inner, _LEFT, self.code)
        painter.setFont(tag_font)
        painter.setPen(accent if self.category != "national" else COLORS["muted"])
        painter.drawText(inner, _RIGHT, self._tag)
        painter.setFont(title_font)
        painter.setPen(text_colour if self.category != "inactive" else COLORS["inactive_text"])
        for i, line in enumerate(self._title_lines):
            painter.drawText(
                QRectF(left, self.RECT.top() + 23 + i * 14, NODE_W - 18, 14), _LEFT, line
            )

    def adjust_edges(self) -> None:
        """Redraw the edges after this node moved."""
        for edge in self.edges:
            edge.adjust()


class EdgeItem(QGraphicsPathItem):
    """``module → requires``: a curve leaving the module and an arrowhead at what it requires.

    Drawn by Qt's own path and polygon items (no Python paint call per frame); solid for
    ``hard``, dashed for ``soft``.
    """

    def __init__(self, source: NodeItem, target: NodeItem, kind: str, adjust: bool = True):
        super().__init__()
        self.source, self.target = source, target
        self.kind = kind
        self.role = NORMAL
        self.selected = False
        self.arrow = QGraphicsPolygonItem(self)
        self.arrow.setPen(Qt.PenStyle.NoPen)
        self.setZValue(0)
        source.edges.append(self)
        target.edges.append(self)
        self._restyle()
        if adjust:
            self.adjust()

    @property
    def key(self) -> tuple[str, str]:
        return self.source.code, self.target.code

    def detach(self) -> None:
        """Forget the nodes (before the item leaves the scene)."""
        for node in (self.source, self.target):
            if self in node.edges:
                node.edges.remove(self)

    def set_kind(self, kind: str) -> None:
        if kind != self.kind:
            self.kind = kind
            self._restyle()

    def set_role(self, role: str) -> None:
        if role != self.role:
            self.role = role
            self._restyle()

    def set_selected(self, selected: bool) -> None:
        if selected != self.selected:
            self.selected = selected
            self._restyle()

    def _restyle(self) -> None:
        if self.selected:
            colour, width, z = COLORS[SELECTED], 3.2, 1.5
        elif self.role != NORMAL:
            colour, width, z = COLORS[self.role], 2.2, 0.5
        else:
            colour, width, z = COLORS[self.kind], 1.3, 0
        pen = QPen(colour, width)
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        if self.kind == "soft":
            pen.setDashPattern([5.0, 4.0])
        self.setPen(pen)
        self.arrow.setBrush(colour)
        self.setZValue(z)

    def adjust(self) -> None:
        """Recompute the curve (after a node moved)."""
        a, b = self.source.pos(), self.target.pos()
        ax, ay, bx, by = a.x(), a.y(), b.x(), b.y()
        half = NODE_W / 2
        if bx + half <= ax - half + 1:  # the usual case: what is required is left
            sx, ex, out, back = ax - half, bx + half, -1.0, 1.0
        elif bx - half >= ax + half - 1:  # it is right
            sx, ex, out, back = ax + half, bx - half, 1.0, -1.0
        else:  # same column: loop out to the left
            sx, ex, out, back = ax - half, bx - half, -1.0, -1.0
        bend = max(40.0, abs(ex - sx) * 0.45, abs(by - ay) * 0.12 if out == back else 0.0)
        # The curve ends where the arrowhead starts; the head's tip touches the node.
        size = 9.0
        base = ex + back * size
        path = QPainterPath(QPointF(sx, ay))
        path.cubicTo(sx + out * bend, ay, ex + back * bend, by, base, by)
        self.setPath(path)
        self.arrow.setPolygon(
            QPolygonF([QPointF(ex, by), QPointF(base, by + size / 2), QPointF(base, by - size / 2)])
        )


# -- scene ------------------------------------------------------------------------------


class GraphScene(QGraphicsScene):
    """Node and edge items of one prerequisite graph, and how they are highlighted."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.nodes: dict[str, NodeItem] = {}
        self.edges: dict[tuple[str, str], EdgeItem] = {}
        self.selected_edge: tuple[str, str] | None = None
        self._fonts = _fonts()
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
                _title_lines(module.title, metrics, NODE_W - 18),
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


def _title_lines(title: str, metrics: QFontMetricsF, width: float) -> tuple[str, ...]:
    """The title wrapped on word boundaries into two lines, the second elided."""
    words = title.split()
    first: list[str] = []
    while words and metrics.horizontalAdvance(" ".join([*first, words[0]])) <= width:
        first.append(words.pop(0))
    if not first:  # one very long word
        return (metrics.elidedText(title, Qt.TextElideMode.ElideRight, width),)
    lines = [" ".join(first)]
    if words:
        lines.append(metrics.elidedText(" ".join(words), Qt.TextElideMode.ElideRight, width))
    return tuple(lines)


# -- view -------------------------------------------------------------------------------


class GraphView(QGraphicsView):
    """Zoom (Ctrl+wheel), pan (drag the background), and drag a new edge between modules.

    A new edge is drawn by dragging with the right mouse button, or the left one with Alt
    held, from a module to the module it should require; Shift at the drop makes it soft.
    """

    #: module, requires, Shift held at the drop
    edge_drawn = Signal(str, str, bool)
    #: the edge clicked, or ("", "") for a click on the background
    edge_clicked = Signal(str, str)
    #: a drag started at this module
    drag_started = Signal(str)
    zoom_changed = Signal(float)

    def __init__(self, scene: GraphScene, parent: QWidget | None = None):
        super().__init__(scene, parent)
        self.graph_scene = scene
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        # Many items change together when a selection dims the rest: repaint the
        # viewport's changed area as one rectangle instead of computing fine regions.
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.BoundingRectViewportUpdate)
        self.setOptimizationFlags(
            QGraphicsView.OptimizationFlag.DontSavePainterState
            | QGraphicsView.OptimizationFlag.DontAdjustForAntialiasing
        )
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._drag_source: NodeItem | None = None
        self._drag_line: QGraphicsPathItem | None = None
        self._drop_target: NodeItem | None = None
        self._drop_role = NORMAL
        self._press_pos: QPointF | None = None
        #: Fit the whole graph whenever the view is resized, until the user zooms.
        self.auto_fit = False

    # -- zoom --------------------------------------------------------------------------

    @property
    def scale_factor(self) -> float:
        return self.transform().m11()

    def zoom_by(self, factor: float) -> None:
        target = min(MAX_SCALE, max(MIN_SCALE, self.scale_factor * factor))
        factor = target / self.scale_factor
        if abs(factor - 1) > 1e-9:
            self.scale(factor, factor)
            self.zoom_changed.emit(self.scale_factor)

    def set_zoom(self, scale: float) -> None:
        self.zoom_by(scale / self.scale_factor)

    def fit_all(self, max_scale: float = 1.0) -> None:
        """Show the whole graph (never magnified beyond ``max_scale``)."""
        rect = self.graph_scene.graph_rect
        if rect.isEmpty():
            return
        self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
        if self.scale_factor > max_scale:
            self.set_zoom(max_scale)
        elif self.scale_factor < MIN_SCALE:
            self.set_zoom(MIN_SCALE)
        self.centerOn(rect.center())
        self.zoom_changed.emit(self.scale_factor)

    def resizeEvent(self, event: object) -> None:
        super().resizeEvent(event)  # type: ignore[arg-type]
        if self.auto_fit:
            self.fit_all()

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120
            if steps:
                self.auto_fit = False
                self.zoom_by(1.15**steps)
            event.accept()
            return
        super().wheelEvent(event)

    # -- drawing an edge ---------------------------------------------------------------

    def _node_at(self, pos: QPointF) -> NodeItem | None:
        for item in self.items(pos.toPoint()):
            if isinstance(item, NodeItem):
                return item
        return None

    def _edge_at(self, pos: QPointF) -> EdgeItem | None:
        """The edge within a few pixels of ``pos`` (thin arrows are hard to hit exactly)."""
        if self._node_at(pos) is not None:
            return None
        near = QRect(pos.toPoint() - QPoint(4, 4), QSize(9, 9))
        for item in self.items(near, Qt.ItemSelectionMode.IntersectsItemShape):
            if isinstance(item, NodeItem):
                return None
            if isinstance(item, QGraphicsPolygonItem) and isinstance(item.parentItem(), EdgeItem):
                return item.parentItem()  # type: ignore[return-value]
            if isinstance(item, EdgeItem):
                return item
        return None

    @property
    def dragging_edge(self) -> bool:
        return self._drag_source is not None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        pos = event.position()
        button = event.button()
        alt = bool(event.modifiers() & Qt.KeyboardModifier.AltModifier)
        if button == Qt.MouseButton.RightButton or (button == Qt.MouseButton.LeftButton and alt):
            node = self._node_at(pos)
            if node is not None:
                self._start_drag(node)
                event.accept()
                return
        if button == Qt.MouseButton.LeftButton:
            edge = self._edge_at(pos)
            if edge is not None:
                self.edge_clicked.emit(*edge.key)
                event.accept()
                return
            self._press_pos = pos if self._node_at(pos) is None else None
        super().mousePressEvent(event)

    def _start_drag(self, node: NodeItem) -> None:
        self._drag_source = node
        line = QGraphicsPathItem()
        pen = QPen(COLORS[SELECTED], 2.0)
        pen.setDashPattern([4.0, 3.0])
        line.setPen(pen)
        line.setZValue(5)
        self.graph_scene.addItem(line)
        self._drag_line = line
        self.viewport().setCursor(Qt.CursorShape.CrossCursor)
        self.drag_started.emit(node.code)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._drag_source is None:
            super().mouseMoveEvent(event)
            if isinstance(self.graph_scene.mouseGrabberItem(), NodeItem):
                for item in self.graph_scene.selectedItems():  # nodes being moved
                    if isinstance(item, NodeItem):
                        item.adjust_edges()
            return
        scene_pos = self.mapToScene(event.position().toPoint())
        start = self._drag_source.pos()
        path = QPainterPath(start)
        path.lineTo(scene_pos)
        assert self._drag_line is not None
        self._drag_line.setPath(path)
        target = self._node_at(event.position())
        if target is self._drag_source:
            target = None
        if target is not self._drop_target:
            self._set_drop_target(target)
        event.accept()

    def _set_drop_target(self, target: NodeItem | None) -> None:
        if self._drop_target is not None:
            self._drop_target.set_role(self._drop_role)
        self._drop_target = target
        if target is not None:
            self._drop_role = target.role
            target.set_role(DROP)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._drag_source is not None:
            source = self._drag_source
            target = self._node_at(event.position())
            self.cancel_drag()
            if target is not None and target is not source:
                shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
                self.edge_drawn.emit(source.code, target.code, shift)
            event.accept()
            return
        press, self._press_pos = self._press_pos, None
        moved = self.graph_scene.mouseGrabberItem()
        super().mouseReleaseEvent(event)
        if isinstance(moved, NodeItem):  # a node was dragged: keep it inside "fit"
            self.graph_scene.include(moved.sceneBoundingRect())
        if (
            press is not None
            and event.button() == Qt.MouseButton.LeftButton
            and (event.position() - press).manhattanLength() < 4
        ):
            self.edge_clicked.emit("", "")

    def cancel_drag(self) -> None:
        """Drop an edge being drawn, if any."""
        if self._drag_source is None:
            return
        self._set_drop_target(None)
        if self._drag_line is not None:
            self.graph_scene.removeItem(self._drag_line)
        self._drag_line = None
        self._drag_source = None
        self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self._drag_source is not None:
            self.cancel_drag()
            event.accept()
            return
        super().keyPressEvent(event)
