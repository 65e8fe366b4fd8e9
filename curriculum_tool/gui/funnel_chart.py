"""The Kirkpatrick funnel as horizontal bars: one per stage, its count and its share of
the enrolled, for one group of enrolments (or all of them).

Painted with QPainter like :mod:`.calibration_chart`: six bars do not need QtCharts, which
is in PySide6-Addons, not in the app's PySide6-Essentials.
"""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from ..report.evaluation import STAGES, FunnelRow

__all__ = ["STAGE_COLOURS", "FunnelBar", "FunnelChart"]

#: One colour per stage, from reaction (light) to results (dark).
STAGE_COLOURS = ("#9ecae1", "#6baed6", "#4292c6", "#2171b5", "#08519c", "#08306b")


class FunnelBar(NamedTuple):
    """One stage as drawn: its name, count and share of the enrolled."""

    stage: str
    label: str
    number: int
    share: float


class FunnelChart(QWidget):
    """``set_funnel(row, title)`` draws that group's stages; ``bars()`` says what is drawn."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.row: FunnelRow | None = None
        self.title = ""
        self.setMinimumSize(320, 200)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def stage_labels(self) -> dict[str, str]:
        """The stages' names as the chart shows them."""
        return {
            "enrolled": self.tr("Terdaftar"),
            "completed": self.tr("Selesai"),
            "l1": self.tr("L1 Reaksi"),
            "l2": self.tr("L2 Pembelajaran"),
            "l3": self.tr("L3 Perilaku"),
            "l4": self.tr("L4 Hasil"),
        }

    def set_funnel(self, row: FunnelRow | None, title: str = "") -> None:
        """Show ``row``'s funnel (None: nothing to show) under ``title``."""
        self.row, self.title = row, title
        self.setToolTip(self.tooltip())
        self.update()

    def bars(self) -> list[FunnelBar]:
        """The bars drawn, first stage first (empty when nothing is shown)."""
        if self.row is None:
            return []
        labels = self.stage_labels()
        return [
            FunnelBar(stage, labels[stage], count, self.row.share(stage))
            for stage, count in zip(STAGES, self.row.counts())
        ]

    def bar_text(self, bar: FunnelBar) -> str:
        """A bar's count and share of the enrolled: ``12 (40,0%)``."""
        locale = self.locale()
        return f"{locale.toString(bar.number)} ({locale.toString(100 * bar.share, 'f', 1)}%)"

    def tooltip(self) -> str:
        return "\n".join(f"{bar.label}: {self.bar_text(bar)}" for bar in self.bars())

    def paintEvent(self, event: object) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().base())
        text_colour = self.palette().text().color()
        painter.setPen(text_colour)
        bars = self.bars()
        top = 8.0
        if self.title:
            painter.drawText(
                QRectF(8, top, self.width() - 16, 18), Qt.AlignmentFlag.AlignLeft, self.title
            )
            top += 24
        if not bars or not bars[0].number:
            painter.drawText(
                self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("Belum ada data pendaftaran")
            )
            painter.end()
            return
        metrics = self.fontMetrics()
        label_width = max(metrics.horizontalAdvance(b.label) for b in bars) + 16
        text_width = max(metrics.horizontalAdvance(self.bar_text(b)) for b in bars) + 12
        area = max(20.0, self.width() - label_width - text_width - 16)
        height = max(14.0, min(34.0, (self.height() - top - 8) / len(bars) - 6))
        for index, bar in enumerate(bars):
            y = top + index * (height + 6)
            painter.setPen(text_colour)
            painter.drawText(
                QRectF(8, y, label_width - 12, height),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                bar.label,
            )
            width = area * bar.share
            # centred bars: the funnel narrows stage by stage
            x = label_width + (area - width) / 2
            painter.setPen(QPen(QColor(STAGE_COLOURS[index]).darker(120), 1))
            painter.setBrush(QColor(STAGE_COLOURS[index]))
            painter.drawRect(QRectF(x, y, max(width, 1.0), height))
            painter.setPen(text_colour)
            painter.drawText(
                QRectF(label_width + area + 8, y, text_width, height),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                self.bar_text(bar),
            )
        painter.end()
