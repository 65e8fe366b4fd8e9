"""The view of the prerequisite graph: zoom, pan, bring modules into view, draw a new edge.

A new edge is drawn by dragging with the right mouse button, or the left one with Alt
held, from a module to the module it should require; Shift at the drop makes it soft.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QPointF, QRect, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent, QPainter, QPainterPath, QPen, QWheelEvent
from PySide6.QtWidgets import QGraphicsPathItem, QGraphicsPolygonItem, QGraphicsView, QWidget

from .items import COLORS, DROP, NORMAL, SELECTED, EdgeItem, NodeItem

if TYPE_CHECKING:
    from .scene import GraphScene

__all__ = ["MAX_SCALE", "MIN_SCALE", "GraphView"]

#: Zoom limits of the view.
MIN_SCALE, MAX_SCALE = 0.03, 4.0


class GraphView(QGraphicsView):
    """Zoom (Ctrl+wheel), pan (drag the background), and drag a new edge between modules.

    A new edge is drawn by dragging with the right mouse button, or the left one with Alt
    held, from a module to the module it should require; Shift at the drop makes it soft.
    Nothing is drawn when the person working may change no edge (``editable`` False).
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
        #: Whether new edges may be drawn (a read-only role draws none).
        self.editable = True

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

    def center_on_module(self, code: str) -> None:
        """Scroll (and zoom in to a readable size if needed) so ``code`` is in the middle."""
        node = self.graph_scene.nodes.get(code)
        if node is None:
            return
        self.auto_fit = False
        if self.scale_factor < 0.7:
            self.set_zoom(0.9)
        self.centerOn(node)

    def show_modules(self, codes: list[str]) -> None:
        """Bring these modules into view, zooming out (not below a readable size) if needed."""
        nodes = [self.graph_scene.nodes[c] for c in codes if c in self.graph_scene.nodes]
        if not nodes:
            return
        rect = nodes[0].sceneBoundingRect()
        for node in nodes[1:]:
            rect = rect.united(node.sceneBoundingRect())
        rect.adjust(-40, -40, 40, 40)
        self.auto_fit = False
        visible = self.mapToScene(self.viewport().rect()).boundingRect()
        if not visible.contains(rect):
            viewport = self.viewport().rect()
            scale = min(viewport.width() / rect.width(), viewport.height() / rect.height())
            self.set_zoom(max(0.3, min(self.scale_factor, scale)))
            self.centerOn(rect.center())

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
        drawing = button == Qt.MouseButton.RightButton or (
            button == Qt.MouseButton.LeftButton and alt
        )
        if drawing and self.editable:
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
