"""A learner's path as a timeline: the steps by period, each with its reasons, then the
compulsory programmes outside the JP budget."""

from __future__ import annotations

import html
from itertools import groupby

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from ...domain import LearnerPath, PathStep
from ...domain.labels import label
from ...domain.reasons import in_language
from ..i18n import current_language

__all__ = ["MUTED_COLOUR", "PathTimeline", "shown_reason"]

MUTED_COLOUR = QColor("#6b6b6b")


def shown_reason(reason: str) -> str:
    """A reason in the interface's language."""
    return in_language(reason, current_language())


class PathTimeline(QTreeWidget):
    """The steps of a path grouped by period: module, title, JP, modality, chance of
    success and value, with the reasons as grey lines under each step."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._path: LearnerPath | None = None
        self._locale = QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia)
        self.setColumnCount(6)
        self.setHeaderLabels(
            [
                self.tr("Modul"),
                self.tr("Judul"),
                self.tr("JP"),
                self.tr("Modalitas"),
                self.tr("Peluang berhasil"),
                self.tr("Nilai"),
            ]
        )
        self.setAlternatingRowColors(True)
        self.setUniformRowHeights(False)
        self.setWordWrap(False)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 110), (2, 44), (3, 120), (4, 110), (5, 56)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.setColumnWidth(column, width)

    def modality_label(self, modality: str) -> str:
        return label("modality", modality, current_language(), capitalized=True)

    def number(self, value: float, decimals: int = 2) -> str:
        """``value`` written the Indonesian way (decimal comma)."""
        return self._locale.toString(float(value), "f", decimals)

    def set_path(self, path: LearnerPath | None) -> bool:
        """Show ``path`` (nothing for None); makes its first step current, if it has one,
        and says whether it did."""
        self._path = None
        self.clear()
        if path is None:
            return False
        self._path = path
        bold = QFont(self.font())
        bold.setBold(True)
        number = 0
        first_step: QTreeWidgetItem | None = None
        for period, group in groupby(path.steps, key=lambda step: step.period):
            steps = list(group)
            jp = sum(step.jp for step in steps)
            top = QTreeWidgetItem(
                self,
                [
                    self.tr("Periode %1 · %2 langkah · %3 JP")
                    .replace("%1", str(period))
                    .replace("%2", str(len(steps)))
                    .replace("%3", str(jp))
                ],
            )
            top.setFirstColumnSpanned(True)
            top.setFont(0, bold)
            top.setFlags(top.flags() & ~Qt.ItemFlag.ItemIsSelectable)
            for step in steps:
                number += 1
                item = self._step_item(top, step, number)
                first_step = first_step or item
            top.setExpanded(True)
        if path.obligations:
            self._obligation_items(path, bold)
        if not path.steps:
            item = QTreeWidgetItem(
                self,
                [
                    self.tr(
                        "Tidak ada langkah: tidak ada modul yang dapat diikuti yang menutup "
                        'kesenjangan. Lihat "Tidak dipilih".'
                    )
                ],
            )
            item.setFirstColumnSpanned(True)
            item.setForeground(0, MUTED_COLOUR)
        if first_step is None:
            return False
        self.setCurrentItem(first_step)
        return True

    def _obligation_items(self, path: LearnerPath, bold: QFont) -> None:
        """Compulsory programmes, apart from the periods: outside the JP budget."""
        jp = sum(o.jp for o in path.obligations)
        top = QTreeWidgetItem(
            self,
            [
                self.tr("Program wajib · %1 · %2 JP, di luar anggaran JP")
                .replace("%1", str(len(path.obligations)))
                .replace("%2", str(jp))
            ],
        )
        top.setFirstColumnSpanned(True)
        top.setFont(0, bold)
        top.setFlags(top.flags() & ~Qt.ItemFlag.ItemIsSelectable)
        for obligation in path.obligations:
            item = QTreeWidgetItem(
                top, [obligation.module, obligation.title, str(obligation.jp), "", "", ""]
            )
            item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            tip = self.tr("Wajib menurut %1").replace("%1", obligation.regulation)
            for column in range(6):
                item.setToolTip(column, tip)
            child = QTreeWidgetItem(item, [f"• {tip}"])
            child.setFirstColumnSpanned(True)
            child.setForeground(0, MUTED_COLOUR)
            child.setFlags(child.flags() & ~Qt.ItemFlag.ItemIsSelectable)
        top.setExpanded(True)

    def _step_item(self, parent: QTreeWidgetItem, step: PathStep, number: int) -> QTreeWidgetItem:
        item = QTreeWidgetItem(
            parent,
            [
                step.module,
                step.title,
                str(step.jp),
                self.modality_label(step.modality),
                f"{self.number(step.p_success * 100, 0)}%",
                self.number(step.value),
            ],
        )
        item.setData(0, Qt.ItemDataRole.UserRole, number)
        for column in (2, 4, 5):
            item.setTextAlignment(
                column, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            )
        tip = self.step_html(step, number)
        for column in range(6):
            item.setToolTip(column, tip)
        for reason in map(shown_reason, step.reasons):
            child = QTreeWidgetItem(item, [f"• {reason}"])
            child.setFirstColumnSpanned(True)
            child.setForeground(0, MUTED_COLOUR)
            child.setToolTip(0, reason)
            child.setFlags(child.flags() & ~Qt.ItemFlag.ItemIsSelectable)
        return item

    def step_html(self, step: PathStep, number: int) -> str:
        """Step ``number`` with its figures and its reasons, as rich text."""
        head = (
            f"<b>{number}. {html.escape(step.module)}</b> – {html.escape(step.title)}"
            f"<br><span style='color:#555'>"
            + self.tr("%1 JP · %2 · peluang berhasil %3% · nilai %4")
            .replace("%1", str(step.jp))
            .replace("%2", self.modality_label(step.modality))
            .replace("%3", self.number(step.p_success * 100, 0))
            .replace("%4", self.number(step.value))
            + "</span>"
        )
        reasons = "".join(f"<li>{html.escape(shown_reason(r))}</li>" for r in step.reasons)
        return f"{head}<ul style='margin:2px 0 0 -20px'>{reasons}</ul>"

    def step_html_of(self, item: QTreeWidgetItem | None) -> str | None:
        """The rich text of the step ``item`` shows, or None for any other row."""
        if item is None or self._path is None:
            return None
        number = item.data(0, Qt.ItemDataRole.UserRole)
        if isinstance(number, int) and 0 < number <= len(self._path.steps):
            return self.step_html(self._path.steps[number - 1], number)
        return None
