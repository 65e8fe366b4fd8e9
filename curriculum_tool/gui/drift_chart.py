"""Calibration drift per province: the model's mean predicted P beside the observed rate.

One row per province on a 0–1 scale: a blue dot for the mean P, a square for the observed
rate, a line between them; a drifted province (gap past the threshold, enough rows) is
drawn in red. Painted with QPainter, like :mod:`.calibration_chart`.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from ..report.drift import DriftReport, ProvinceDrift

__all__ = ["DriftChart"]

PREDICTED_COLOUR = QColor("#1f6fb2")
OBSERVED_COLOUR = QColor("#e08214")
DRIFT_COLOUR = QColor("#c62828")


class DriftChart(QWidget):
    """``set_report(report)`` draws its provinces; ``rows()`` says what is drawn."""

    ROW_HEIGHT = 22

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.report: DriftReport | None = None
        self.setMinimumSize(320, 160)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_report(self, report: DriftReport | None) -> None:
        self.report = report
        count = len(report.provinces) if report else 0
        self.setMinimumHeight(max(160, 60 + self.ROW_HEIGHT * count))
        self.update()

    def rows(self) -> list[ProvinceDrift]:
        return list(self.report.provinces) if self.report else []

    def texts(self) -> dict[str, str]:
        return {
            "predicted": self.tr("Rerata peluang prediksi"),
            "observed": self.tr("Tingkat teramati"),
            "drifted": self.tr("Bergeser"),
            "empty": self.tr("Belum ada hasil pelatihan baru untuk dibandingkan"),
        }

    def paintEvent(self, event: object) -> None:
        texts = self.texts()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().base())
        text_colour = self.palette().text().color()
        rows = self.rows()
        if not rows:
            painter.setPen(text_colour)
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, texts["empty"])
            painter.end()
            return
        metrics = self.fontMetrics()
        names = [f"{p.province} {p.name}".strip() for p in rows]
        left = min(260, max(metrics.horizontalAdvance(n) for n in names) + 16)
        right = self.width() - 16
        width = max(20, right - left)
        top = 26
        grid = QColor(text_colour)
        grid.setAlpha(40)
        bottom = top + self.ROW_HEIGHT * len(rows)
        locale = self.locale()
        for i in range(6):
            x = left + width * i / 5
            painter.setPen(QPen(grid, 1))
            painter.drawLine(QPointF(x, top - 4), QPointF(x, bottom))
            painter.setPen(text_colour)
            painter.drawText(
                QRectF(x - 20, bottom + 2, 40, 16),
                Qt.AlignmentFlag.AlignCenter,
                locale.toString(i / 5, "f", 1),
            )
        for index, (row, name) in enumerate(zip(rows, names)):
            y = top + index * self.ROW_HEIGHT + self.ROW_HEIGHT / 2
            colour = DRIFT_COLOUR if row.flagged else text_colour
            painter.setPen(colour)
            painter.drawText(
                QRectF(4, y - 9, left - 12, 18),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                metrics.elidedText(name, Qt.TextElideMode.ElideRight, left - 12),
            )
            p = QPointF(left + width * row.predicted, y)
            o = QPointF(left + width * row.observed, y)
            painter.setPen(QPen(DRIFT_COLOUR if row.flagged else grid.darker(200), 2))
            painter.drawLine(p, o)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(PREDICTED_COLOUR)
            painter.drawEllipse(p, 5, 5)
            painter.setBrush(OBSERVED_COLOUR)
            painter.drawRect(QRectF(o.x() - 4.5, o.y() - 4.5, 9, 9))
        # legend
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(PREDICTED_COLOUR)
        painter.drawEllipse(QPointF(left + 6, 10), 5, 5)
        painter.setBrush(OBSERVED_COLOUR)
        painter.drawRect(QRectF(left + 176, 5.5, 9, 9))
        painter.setPen(text_colour)
        painter.drawText(
            QRectF(left + 16, 2, 160, 16), Qt.AlignmentFlag.AlignVCenter, texts["predicted"]
        )
        painter.drawText(
            QRectF(left + 190, 2, 140, 16), Qt.AlignmentFlag.AlignVCenter, texts["observed"]
        )
        painter.setPen(DRIFT_COLOUR)
        painter.drawText(
            QRectF(left + 330, 2, 120, 16), Qt.AlignmentFlag.AlignVCenter, texts["drifted"]
        )
        painter.end()
