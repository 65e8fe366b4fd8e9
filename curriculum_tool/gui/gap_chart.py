"""A learner's competency gaps: current level against target level, per competency.

One row per competency of the learner's target profile (contract §3: the higher of the
job standard and the regional standards), on the shared proficiency scale 0–5 of
PermenPANRB 38/2017. The current level is a solid bar, the gap up to the target a light
band ending in the target mark, and a thin green bar shows the level the recommended path
reaches if every step succeeds, so the officer sees at a glance which gaps the path
closes and which it leaves open.

Painted with QPainter rather than QtCharts: three marks on one row read better than
grouped bars, the picture stays crisp offscreen and in screenshots, and the widget works
with PySide6-Essentials alone.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any, NamedTuple

import numpy as np
from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from ..domain import LearnerPath
from ..domain.gaps import gap
from ..domain.reach import reach_along

__all__ = ["MAX_LEVEL", "GapChart", "GapEntry", "gap_entries"]

#: The top of the proficiency scale.
MAX_LEVEL = 5

CURRENT_COLOUR = QColor("#1f6fb2")
GAP_COLOUR = QColor("#f7d3ad")
TARGET_COLOUR = QColor("#c25b00")
PLANNED_COLOUR = QColor("#2e8b57")


class GapEntry(NamedTuple):
    """One competency of the target profile."""

    code: str
    name: str
    current: int
    target: int
    planned: int  #: level reached if every step of the path succeeds

    @property
    def gap(self) -> int:
        return gap(self.target, self.current)

    @property
    def closed_by_path(self) -> bool:
        return self.gap > 0 and self.planned >= self.target


def gap_entries(
    recommender: Any,
    learner: str,
    path: LearnerPath | None = None,
    names: dict[str, str] | None = None,
) -> list[GapEntry]:
    """The target profile of ``learner`` from a Recommender's arrays, largest gap first.

    ``planned`` is the highest level a step of ``path`` teaches where it is within reach
    (contract §3; never below the current level): what the learner reaches if every step
    succeeds.
    """
    context = recommender.context
    learners = recommender.learners
    row = recommender.row_of(learner)
    levels = np.asarray(learners.levels[row], dtype=int)
    targets = np.asarray(learners.targets[row], dtype=int)
    planned = levels.copy()
    steps = [
        context.module_index[step.module]
        for step in (path.steps if path else ())
        if step.module in context.module_index
    ]
    if steps:
        taught = np.asarray(context.module_levels[steps], dtype=int)
        reached = reach_along(taught, levels)
        planned = np.maximum(planned, np.where(reached, taught, 0).max(axis=0))
    names = names or {}
    entries = [
        GapEntry(code, names.get(code, ""), int(levels[c]), int(targets[c]), int(planned[c]))
        for c, code in enumerate(context.competency_codes)
        if targets[c] > 0
    ]
    entries.sort(key=lambda e: (-e.gap, e.code))
    return entries


class GapChart(QWidget):
    """Current vs target level per competency, with the level the path reaches."""

    ROW_MAX = 24
    ROW_MIN = 15
    TOP = 24  # the scale's numbers
    BOTTOM = 26  # the legend
    TEXT_RIGHT = 100

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._entries: list[GapEntry] = []
        self._placeholder = ""
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    # -- data --------------------------------------------------------------------------

    @property
    def entries(self) -> list[GapEntry]:
        """What the chart shows, one entry per competency of the target profile."""
        return list(self._entries)

    def set_entries(self, entries: Sequence[GapEntry]) -> None:
        self._entries = list(entries)
        self._placeholder = ""
        self.updateGeometry()
        self.update()

    def clear(self, placeholder: str = "") -> None:
        """No learner: an empty chart with an optional message."""
        self._entries = []
        self._placeholder = placeholder
        self.updateGeometry()
        self.update()

    # -- geometry ----------------------------------------------------------------------

    def sizeHint(self) -> QSize:
        rows = max(4, len(self._entries))
        return QSize(480, self.TOP + self.BOTTOM + rows * 20 + 8)

    def minimumSizeHint(self) -> QSize:
        rows = max(3, len(self._entries))
        return QSize(320, self.TOP + self.BOTTOM + rows * self.ROW_MIN)

    def _row_height(self) -> float:
        free = self.height() - self.TOP - self.BOTTOM - 4
        return max(self.ROW_MIN, min(self.ROW_MAX, free / max(1, len(self._entries))))

    def _label_width(self) -> float:
        return max(120.0, min(300.0, self.width() * 0.38))

    def _right_header(self) -> str:
        return self.tr("Kini → target")

    def _text_right(self) -> int:
        """Room for the right-hand column: never less than its header needs, in whatever
        language (English "Current → target" is wider than "Kini → target")."""
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, self.font().pointSizeF() - 1))
        header = QFontMetrics(small).horizontalAdvance(self._right_header())
        return max(self.TEXT_RIGHT, header + 24)

    def _scale(self) -> tuple[float, float]:
        left = self._label_width() + 8
        right = self.width() - self._text_right()
        return left, max(left + 50, right)

    def _x(self, level: float) -> float:
        left, right = self._scale()
        return left + (right - left) * level / MAX_LEVEL

    def row_at(self, y: float) -> int:
        """The entry under a y coordinate, or -1."""
        row = int((y - self.TOP) // self._row_height())
        return row if 0 <= row < len(self._entries) and y >= self.TOP else -1

    # -- painting ----------------------------------------------------------------------

    def paintEvent(self, event: object) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.base())
        text = palette.text().color()
        muted = QColor(text)
        muted.setAlpha(150)
        grid = QColor(text)
        grid.setAlpha(35)
        if not self._entries:
            painter.setPen(muted)
            painter.drawText(
                self.rect(),
                Qt.AlignmentFlag.AlignCenter,
                self._placeholder or self.tr("Tidak ada kompetensi target."),
            )
            return
        row_h = self._row_height()
        left, right = self._scale()
        bottom = self.TOP + row_h * len(self._entries)
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, self.font().pointSizeF() - 1))
        painter.setFont(small)
        # Scale: a line and a number per level.
        for level in range(MAX_LEVEL + 1):
            x = self._x(level)
            painter.setPen(QPen(grid, 1))
            painter.drawLine(QPointF(x, self.TOP - 2), QPointF(x, bottom))
            painter.setPen(muted)
            painter.drawText(
                QRectF(x - 15, 2, 30, self.TOP - 6), Qt.AlignmentFlag.AlignCenter, str(level)
            )
        painter.setPen(muted)
        painter.drawText(
            QRectF(4, 2, left - 12, self.TOP - 6),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            self.tr("Kompetensi"),
        )
        painter.drawText(
            QRectF(right + 16, 2, self._text_right() - 16, self.TOP - 6),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            self._right_header(),
        )
        metrics = QFontMetrics(self.font())
        for i, entry in enumerate(self._entries):
            self._paint_row(painter, entry, self.TOP + i * row_h, row_h, i, metrics, text, muted)
        self._paint_legend(painter, bottom + 6, muted)

    def _paint_row(
        self,
        painter: QPainter,
        entry: GapEntry,
        top: float,
        row_h: float,
        i: int,
        metrics: QFontMetrics,
        text: QColor,
        muted: QColor,
    ) -> None:
        left, right = self._scale()
        if i % 2:
            shade = QColor(text)
            shade.setAlpha(10)
            painter.fillRect(QRectF(0, top, self.width(), row_h), shade)
        painter.setFont(self.font())
        label = f"{entry.code}  {entry.name}" if entry.name else entry.code
        painter.setPen(text if entry.gap else muted)
        painter.drawText(
            QRectF(6, top, left - 14, row_h),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            metrics.elidedText(label, Qt.TextElideMode.ElideRight, int(left - 14)),
        )
        bar_top, bar_h = top + row_h * 0.18, row_h * 0.5
        painter.setPen(Qt.PenStyle.NoPen)
        if entry.gap:
            painter.setBrush(GAP_COLOUR)
            painter.drawRect(
                QRectF(
                    self._x(entry.current),
                    bar_top,
                    self._x(entry.target) - self._x(entry.current),
                    bar_h,
                )
            )
        if entry.current:
            painter.setBrush(CURRENT_COLOUR)
            painter.drawRect(QRectF(left, bar_top, self._x(entry.current) - left, bar_h))
        if entry.planned > entry.current:
            painter.setBrush(PLANNED_COLOUR)
            reach = min(entry.planned, MAX_LEVEL)
            painter.drawRect(
                QRectF(
                    self._x(entry.current),
                    bar_top + bar_h + 1,
                    self._x(reach) - self._x(entry.current),
                    max(3.0, row_h * 0.18),
                )
            )
        # The target: a vertical mark with a small triangle above it.
        x = self._x(entry.target)
        painter.setPen(QPen(TARGET_COLOUR, 2))
        painter.drawLine(QPointF(x, bar_top - 2), QPointF(x, bar_top + bar_h + 2))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(TARGET_COLOUR)
        painter.drawPolygon(
            QPolygonF(
                [QPointF(x - 4, bar_top - 5), QPointF(x + 4, bar_top - 5), QPointF(x, bar_top - 1)]
            )
        )
        # The numbers, with a check when the path closes the gap.
        painter.setPen(
            TARGET_COLOUR
            if entry.gap and not entry.closed_by_path
            else PLANNED_COLOUR
            if entry.closed_by_path
            else muted
        )
        mark = " ✓" if entry.closed_by_path else ""
        painter.drawText(
            QRectF(right + 16, top, self._text_right() - 16, row_h),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            f"{entry.current} → {entry.target}{mark}",
        )

    def _paint_legend(self, painter: QPainter, y: float, muted: QColor) -> None:
        painter.setFont(self.font())
        metrics = QFontMetrics(self.font())
        x = 6.0
        for colour, label, thin in (
            (CURRENT_COLOUR, self.tr("Level kini"), False),
            (GAP_COLOUR, self.tr("Kesenjangan"), False),
            (TARGET_COLOUR, self.tr("Target"), True),
            (PLANNED_COLOUR, self.tr("Dicapai jalur (jika semua langkah berhasil)"), False),
        ):
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            if thin:
                painter.drawRect(QRectF(x + 5, y + 2, 3, 12))
            else:
                painter.drawRect(QRectF(x, y + 4, 14, 9))
            painter.setPen(muted)
            painter.drawText(QPointF(x + 19, y + 13), label)
            x += 19 + metrics.horizontalAdvance(label) + 16

    def mouseMoveEvent(self, event: Any) -> None:
        row = self.row_at(event.position().y())
        if row < 0:
            QToolTip.hideText()
            return
        entry = self._entries[row]
        lines = [
            f"<b>{html.escape(entry.code)}</b> {html.escape(entry.name)}",
            self.tr("Level kini: %1 · target: %2")
            .replace("%1", str(entry.current))
            .replace("%2", str(entry.target)),
        ]
        if entry.planned > entry.current:
            lines.append(
                self.tr("Dicapai jalur jika berhasil: %1").replace("%1", str(entry.planned))
            )
        elif entry.gap:
            lines.append(self.tr("Jalur ini tidak menutup kesenjangan ini."))
        QToolTip.showText(event.globalPosition().toPoint(), "<br>".join(lines), self)
