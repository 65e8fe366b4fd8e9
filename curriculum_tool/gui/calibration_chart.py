"""A reliability diagram: mean predicted probability against the observed rate, per bin.

The held-out calibration table of a model card (``card["metrics"]["calibration"]``, rows
of ``{bin, rows, predicted, observed}``) drawn over the diagonal of perfect calibration.
A point on the diagonal means "of the enrolments the model gave about p, about p
succeeded". It is painted with QPainter: ten points and a diagonal do not need QtCharts,
which would bring PySide6-Addons (about 440 MB) into every installation.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, NamedTuple

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QVBoxLayout, QWidget

from ..model.card_text import calibration_bin
from .i18n import in_app_language

__all__ = ["CalibrationChart", "CalibrationPoint", "calibration_points"]

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

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.points: list[CalibrationPoint] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.setMinimumSize(260, 240)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.view = _PaintedView(self)
        layout.addWidget(self.view)

    def set_calibration(self, table: Sequence[dict[str, Any]] | None) -> None:
        """Show a card's calibration table (empty bins are left out)."""
        self.points = calibration_points(table)
        self.view.set_points(self.points)

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
            .replace("%1", in_app_language(calibration_bin(point.label)))
            .replace("%2", locale.toString(point.predicted, "f", 3))
            .replace("%3", locale.toString(point.observed, "f", 3))
            .replace("%4", locale.toString(point.rows))
        )


class _PaintedView(QWidget):
    """The diagram: grid, axes in the UI's number format, diagonal, line, points and
    legend; hovering a point shows its bin."""

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
            label = self.locale().toString(value, "f", 1)
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
