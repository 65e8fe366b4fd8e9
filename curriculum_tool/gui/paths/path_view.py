"""The selected learner's path: the competency gaps, the timeline of steps with the
reasons of the chosen one, the modules left out and why, and a one-line summary."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGroupBox,
    QLabel,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain import LearnerPath
from ...errors import CurriculumError
from ...recommend.planner import Recommender
from ...report.summary import exclusion_kind, kind_label
from ..gap_chart import GapChart, gap_entries
from .timeline import PathTimeline, shown_reason

__all__ = ["OK_COLOUR", "WARNING_COLOUR", "PathView"]

WARNING_COLOUR = "#b34700"
OK_COLOUR = "#2e7d32"


class PathView(QWidget):
    """Shows one planned path (``show_path``, then ``show_summary``) or why there is
    none (``clear_path``)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.gap_chart = GapChart(self)
        gaps = QGroupBox(self.tr("Kesenjangan kompetensi: level kini dan target"), self)
        gaps_layout = QVBoxLayout(gaps)
        gaps_layout.setContentsMargins(6, 6, 6, 6)
        gaps_layout.addWidget(self.gap_chart)

        self.timeline = PathTimeline(self)
        self.timeline.currentItemChanged.connect(self._step_selected)
        self.step_detail = QTextBrowser(self)
        self.step_detail.setOpenLinks(False)
        self.step_detail.setPlaceholderText(self.tr("Pilih langkah untuk melihat alasannya."))
        path_page = QSplitter(Qt.Orientation.Vertical, self)
        path_page.addWidget(self.timeline)
        path_page.addWidget(self.step_detail)
        path_page.setStretchFactor(0, 3)
        path_page.setStretchFactor(1, 1)
        path_page.setSizes([300, 120])

        self.excluded = QTreeWidget(self)
        self.excluded.setColumnCount(4)
        self.excluded.setHeaderLabels(
            [self.tr("Modul"), self.tr("Judul"), self.tr("Jenis"), self.tr("Alasan")]
        )
        self.excluded.setRootIsDecorated(False)
        self.excluded.setAlternatingRowColors(True)
        self.excluded.setSortingEnabled(True)
        for column, width in ((0, 110), (1, 240), (2, 170)):
            self.excluded.setColumnWidth(column, width)
        self.path_tabs = QTabWidget(self)
        self.path_tabs.addTab(path_page, self.tr("Jalur belajar"))
        self.path_tabs.addTab(self.excluded, self.tr("Tidak dipilih"))

        vertical = QSplitter(Qt.Orientation.Vertical, self)
        vertical.addWidget(gaps)
        vertical.addWidget(self.path_tabs)
        vertical.setStretchFactor(0, 2)
        vertical.setStretchFactor(1, 3)
        vertical.setChildrenCollapsible(False)
        vertical.setSizes([330, 420])

        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(vertical, 1)
        layout.addWidget(self.summary)

    def modality_label(self, modality: str) -> str:
        return self.timeline.modality_label(modality)

    def clear_path(self, detail: str, headline: str) -> None:
        """No path: empty lists, and ``headline`` (then ``detail``) as the summary."""
        self.timeline.set_path(None)
        self.excluded.clear()
        self.path_tabs.setTabText(1, self.tr("Tidak dipilih"))
        self.step_detail.clear()
        self.gap_chart.clear(headline)
        text = f"<b style='color:{WARNING_COLOUR}'>{html.escape(headline)}</b>"
        if detail:
            text += f" {html.escape(detail)}"
        self.summary.setText(text)

    def show_path(
        self,
        path: LearnerPath,
        recommender: Recommender,
        learner_id: str,
        competencies: dict[str, str],
    ) -> None:
        """The steps, the modules left out and the gaps of ``learner_id``'s ``path``."""
        if not self.timeline.set_path(path):
            self.step_detail.clear()
        self._fill_excluded(path, recommender)
        try:
            entries = gap_entries(recommender, learner_id, path, competencies)
        except CurriculumError:
            entries = []
        self.gap_chart.set_entries(entries)

    def _step_selected(self, current: QTreeWidgetItem | None, _previous: object) -> None:
        text = self.timeline.step_html_of(current)
        if text is not None:
            self.step_detail.setHtml(text)

    def _fill_excluded(self, path: LearnerPath, recommender: Recommender) -> None:
        self.excluded.setSortingEnabled(False)
        self.excluded.clear()
        context = recommender.context
        for exclusion in path.excluded:
            title = ""
            if exclusion.module in context.module_index:
                title = recommender.titles[context.module_index[exclusion.module]]
            item = QTreeWidgetItem(
                self.excluded,
                [
                    exclusion.module,
                    title,
                    _exclusion_label(exclusion.reason),
                    shown_reason(exclusion.reason),
                ],
            )
            item.setToolTip(1, title)
            item.setToolTip(3, shown_reason(exclusion.reason))
        self.excluded.setSortingEnabled(True)  # by module code; a header click sorts by kind
        self.excluded.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.path_tabs.setTabText(
            1, self.tr("Tidak dipilih (%1)").replace("%1", str(len(path.excluded)))
        )

    def show_summary(self, path: LearnerPath, saved: bool) -> None:
        """Total JP against budget and minimum, expected value, model; ``saved`` when the
        path is the learner's stored current path."""
        total, budget, minimum = path.total_jp, path.max_jp, path.min_jp
        parts = [
            self.tr("<b>%1 JP</b> dari anggaran %2 JP")
            .replace("%1", str(total))
            .replace("%2", str(budget))
        ]
        if total < minimum:
            warning = self.tr("⚠ di bawah minimum %1 JP").replace("%1", str(minimum))
            why = shown_reason(path.below_minimum) if path.below_minimum is not None else ""
            parts.append(
                f"<b style='color:{WARNING_COLOUR}'>{html.escape(warning)}</b>"
                + (
                    f" <span style='color:{WARNING_COLOUR}'>({html.escape(why)})</span>"
                    if why
                    else ""
                )
            )
        else:
            parts.append(
                f"<span style='color:{OK_COLOUR}'>"
                + html.escape(self.tr("✓ memenuhi minimum %1 JP").replace("%1", str(minimum)))
                + "</span>"
            )
        number = self.timeline.number
        parts.append(self.tr("nilai harapan %1").replace("%1", number(path.expected_value)))
        parts.append(self.tr("model %1").replace("%1", html.escape(path.model_name or "—")))
        if saved:
            saved_text = self.tr("tersimpan")
            parts.append(f"<span style='color:{OK_COLOUR}'>{saved_text}</span>")
        self.summary.setText(" · ".join(parts))


def _exclusion_label(reason: str) -> str:
    """The Indonesian kind of an exclusion reason (``konektivitas``, …), when known."""
    return kind_label(exclusion_kind(reason), "id")
