"""A reliability diagram: mean predicted probability against the observed rate, per bin.

The held-out calibration table of a model card (``card["metrics"]["calibration"]``, rows
of ``{bin, rows, predicted, observed}``) drawn over the diagonal of perfect calibration.
A point on the diagonal means "of the enrolments the model gave about p, about p
succeeded". QtCharts (PySide6-Addons) draws it when available; otherwise a small painted
widget draws the same picture, so the tab works with PySide6-Essentials alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, NamedTuple

from PySide6.QtCore import QMargins, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QVBoxLayout, QWidget

try:  # PySide6-Addons; the fallback keeps the tab usable without it
    from PySide6.QtCharts import (
        QChart,
        QChartView,
        QLineSeries,
        QScatterSeries,
        QValueAxis,
    )
except ImportError:  # pragma: no cover - depends on the installation
    QChart = None  # type: ignore[assignment,misc]

__all__ = ["HAS_QTCHARTS", "CalibrationChart", "CalibrationPoint", "calibration_points"]

#: Whether QtCharts could be imported.
HAS_QTCHARTS = QChart is not None

MODEL_COLOUR = QColor("#1f6fb2")
DIAGONAL_COLOUR = QColor("#9a9a9a")


class CalibrationPoint(NamedTuple):
    """One non-empty calibration bin."""

    predicted: float
    observed: float
    rows: int
    label: str


def calibration_points(table: Sequence[dict[str, Any]] | None) -> list[CalibrationPoint]:
    """The non-empty bins of a card's calibration table, in bin order."""
    points = []
    for row in table or ():
        if row.get("rows") and row.get("predicted") is not None and row.get("observed") is not None:
            points.append(
                CalibrationPoint(
                    float(row["predicted"]),
                    float(row["observed"]),
                    int(row["rows"]),
                    str(row.get("bin", "")),
                )
            )
    return points


class CalibrationChart(QWidget):
    """Predicted vs observed per bin, with the diagonal; ``set_calibration(table)``."""

    def __init__(self, parent: QWidget | None = None, use_qtcharts: bool | None = None):
        super().__init__(parent)
        self.points: list[CalibrationPoint] = []
        use_qtcharts = HAS_QTCHARTS if use_qtcharts is None else use_qtcharts and HAS_QTCHARTS
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.setMinimumSize(260, 240)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        if use_qtcharts:
            self.view: QWidget = _ChartsView(self)
        else:
            self.view = _PaintedView(self)
        layout.addWidget(self.view)

    @property
    def uses_qtcharts(self) -> bool:
        return isinstance(self.view, _ChartsView)

    def set_calibration(self, table: Sequence[dict[str, Any]] | None) -> None:
        """Show a card's calibration table (empty bins are left out)."""
        self.points = calibration_points(table)
        self.view.set_points(self.points)  # type: ignore[attr-defined]

    def point_count(self) -> int:
        """How many bins are drawn."""
        return len(self.points)

    def clear(self) -> None:
        self.set_calibration(None)

    def texts(self) -> dict[str, str]:
        """The chart's user-visible labels (axis titles and legend)."""
        return {
            "x": self.tr("Peluang prediksi (rata-rata bin)"),
            "y": self.tr("Tingkat teramati"),
            "model": self.tr("Model"),
            "diagonal": self.tr("Kalibrasi sempurna"),
            "empty": self.tr("Belum ada data kalibrasi"),
        }

    def tooltip(self, point: CalibrationPoint) -> str:
        """What hovering a point says: its bin, both rates and the rows behind it."""
        locale = self.locale()
        return (
            self.tr("Bin %1: prediksi %2, teramati %3 (%4 baris)")
            .replace("%1", point.label)
            .replace("%2", locale.toString(point.predicted, "f", 3))
            .replace("%3", locale.toString(point.observed, "f", 3))
            .replace("%4", locale.toString(point.rows))
        )


class _ChartsView(QChartView if HAS_QTCHARTS else QWidget):  # type: ignore[misc]
    """The QtCharts rendering."""

    def __init__(self, owner: CalibrationChart):
        chart = QChart()
        super().__init__(chart, owner)
        self.owner = owner
        texts = owner.texts()
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.setBackgroundRoundness(0)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.diagonal = QLineSeries(chart)
        self.diagonal.setName(texts["diagonal"])
        self.diagonal.append(0.0, 0.0)
        self.diagonal.append(1.0, 1.0)
        pen = QPen(DIAGONAL_COLOUR, 1.2, Qt.PenStyle.DashLine)
        self.diagonal.setPen(pen)
        self.line = QLineSeries(chart)
        self.line.setName(texts["model"])
        self.line.setPen(QPen(MODEL_COLOUR, 2))
        self.scatter = QScatterSeries(chart)
        self.scatter.setMarkerSize(9)
        self.scatter.setColor(MODEL_COLOUR)
        self.scatter.setBorderColor(QColor("white"))
        self.scatter.hovered.connect(self._hovered)
        for series in (self.diagonal, self.line, self.scatter):
            chart.addSeries(series)
        self.x_axis, self.y_axis = QValueAxis(), QValueAxis()
        for axis, title in ((self.x_axis, texts["x"]), (self.y_axis, texts["y"])):
            axis.setRange(0.0, 1.0)
            axis.setTickCount(6)
            axis.setLabelFormat("%.1f")
            axis.setTitleText(title)
            small = QFont(axis.titleFont())
            small.setPointSizeF(max(7.0, small.pointSizeF() * 0.9))
            axis.setTitleFont(small)
        chart.addAxis(self.x_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(self.y_axis, Qt.AlignmentFlag.AlignLeft)
        for series in (self.diagonal, self.line, self.scatter):
            series.attachAxis(self.x_axis)
            series.attachAxis(self.y_axis)
        chart.legend().markers(self.scatter)[0].setVisible(False)

    def set_points(self, points: list[CalibrationPoint]) -> None:
        self.line.replace([QPointF(p.predicted, p.observed) for p in points])
        self.scatter.replace([QPointF(p.predicted, p.observed) for p in points])

    def _hovered(self, point: QPointF, state: bool) -> None:
        if not state:
            QToolTip.hideText()
            return
        nearest = min(
            self.owner.points,
            default=None,
            key=lambda p: (p.predicted - point.x()) ** 2 + (p.observed - point.y()) ** 2,
        )
        if nearest is not None:
            QToolTip.showText(self.cursor().pos(), self.owner.tooltip(nearest), self)


class _PaintedView(QWidget):
    """The same diagram painted by hand, for installations without QtCharts."""

    MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM = 48, 14, 12, 52

    def __init__(self, owner: CalibrationChart):
        super().__init__(owner)
        self.owner = owner
        self.points: list[CalibrationPoint] = []
        self.setMouseTracking(True)

    def set_points(self, points: list[CalibrationPoint]) -> None:
        self.points = points
        self.update()

    def plot_rect(self) -> QRectF:
        return QRectF(
            self.MARGIN_LEFT,
            self.MARGIN_TOP,
            max(10, self.width() - self.MARGIN_LEFT - self.MARGIN_RIGHT),
            max(10, self.height() - self.MARGIN_TOP - self.MARGIN_BOTTOM),
        )

    def _map(self, x: float, y: float) -> QPointF:
        rect = self.plot_rect()
        return QPointF(rect.left() + x * rect.width(), rect.bottom() - y * rect.height())

    def paintEvent(self, event: object) -> None:
        texts = self.owner.texts()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().base())
        rect = self.plot_rect()
        text_colour = self.palette().text().color()
        grid = QColor(text_colour)
        grid.setAlpha(40)
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, small.pointSizeF() * 0.85))
        painter.setFont(small)
        for i in range(6):
            value = i / 5
            painter.setPen(QPen(grid, 1))
            painter.drawLine(self._map(value, 0), self._map(value, 1))
            painter.drawLine(self._map(0, value), self._map(1, value))
            painter.setPen(text_colour)
            label = f"{value:.1f}"
            x_point, y_point = self._map(value, 0), self._map(0, value)
            painter.drawText(
                QRectF(x_point.x() - 20, rect.bottom() + 2, 40, 16),
                Qt.AlignmentFlag.AlignCenter,
                label,
            )
            painter.drawText(
                QRectF(rect.left() - 44, y_point.y() - 8, 40, 16),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                label,
            )
        painter.setPen(QPen(text_colour, 1))
        painter.drawRect(rect)
        painter.drawText(
            QRectF(rect.left(), rect.bottom() + 18, rect.width(), 16),
            Qt.AlignmentFlag.AlignCenter,
            texts["x"],
        )
        painter.save()
        painter.translate(12, rect.center().y())
        painter.rotate(-90)
        painter.drawText(
            QRectF(-rect.height() / 2, -8, rect.height(), 16),
            Qt.AlignmentFlag.AlignCenter,
            texts["y"],
        )
        painter.restore()
        painter.setPen(QPen(DIAGONAL_COLOUR, 1.2, Qt.PenStyle.DashLine))
        painter.drawLine(self._map(0, 0), self._map(1, 1))
        if self.points:
            path = QPainterPath(self._map(self.points[0].predicted, self.points[0].observed))
            for point in self.points[1:]:
                path.lineTo(self._map(point.predicted, point.observed))
            painter.setPen(QPen(MODEL_COLOUR, 2))
            painter.drawPath(path)
            painter.setBrush(MODEL_COLOUR)
            painter.setPen(QPen(QColor("white"), 1))
            for point in self.points:
                painter.drawEllipse(self._map(point.predicted, point.observed), 4.5, 4.5)
        else:
            painter.setPen(text_colour)
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, texts["empty"])
        legend_y = rect.bottom() + 36
        painter.setPen(QPen(MODEL_COLOUR, 2))
        painter.drawLine(
            QPointF(rect.left(), legend_y + 7), QPointF(rect.left() + 22, legend_y + 7)
        )
        painter.setPen(text_colour)
        painter.drawText(
            QRectF(rect.left() + 26, legend_y, 120, 16),
            Qt.AlignmentFlag.AlignVCenter,
            texts["model"],
        )
        painter.setPen(QPen(DIAGONAL_COLOUR, 1.2, Qt.PenStyle.DashLine))
        painter.drawLine(
            QPointF(rect.left() + 110, legend_y + 7), QPointF(rect.left() + 132, legend_y + 7)
        )
        painter.setPen(text_colour)
        painter.drawText(
            QRectF(rect.left() + 136, legend_y, 200, 16),
            Qt.AlignmentFlag.AlignVCenter,
            texts["diagonal"],
        )
        painter.end()

    def mouseMoveEvent(self, event: Any) -> None:
        position = event.position()
        for point in self.points:
            centre = self._map(point.predicted, point.observed)
            if (centre - position).manhattanLength() <= 8:
                QToolTip.showText(event.globalPosition().toPoint(), self.owner.tooltip(point), self)
                return
        QToolTip.hideText()
