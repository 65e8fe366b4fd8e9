"""The items of the drawn prerequisite graph: module nodes, edge arrows, and their colours.

A node shows a module's code, JP and a tag on top and its title below, coloured by scope
and status; an arrow leaves a module and ends at what it requires, solid for ``hard`` and
dashed for ``soft``. Each item is drawn in a role (selected, required, unlocked, part
of a refused cycle, a drop target) or normally.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsPolygonItem,
    QStyleOptionGraphicsItem,
    QWidget,
)

from ...domain import Module
from .layout import NODE_H, NODE_W

__all__ = [
    "COLORS",
    "CYCLE",
    "DIMMED",
    "DROP",
    "NORMAL",
    "REQUIRES",
    "SELECTED",
    "UNLOCKS",
    "EdgeItem",
    "NodeItem",
    "node_fonts",
    "title_lines",
]

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


def node_fonts() -> tuple[QFont, QFont, QFont]:
    """The code, title and tag fonts of a node."""
    code = QFont()
    code.setPointSizeF(9.5)
    code.setBold(True)
    title = QFont()
    title.setPointSizeF(8.0)
    tag = QFont()
    tag.setPointSizeF(7.0)
    return code, title, tag


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


def title_lines(title: str, metrics: QFontMetricsF, width: float) -> tuple[str, ...]:
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
