"""The lint panel of the graph editor: the findings on the edited graph, one row each."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QLabel,
    QStyle,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...graph import LintReport, PrerequisiteGraph, lint
from ..i18n import in_app_language

__all__ = ["LINT_CONTEXT", "LintPanel"]

#: What lint checks a graph against besides the graph itself (workspace record kinds).
LINT_CONTEXT = ("competencies", "regions", "job_standards", "regional_standards")


class LintPanel(QGroupBox):
    """A summary line (errors, warnings, the longest hard chain) and a row per finding.

    Choosing a row (click, arrow keys, Enter) emits ``finding_chosen`` with its finding.
    """

    #: the :class:`~curriculum_tool.graph.Finding` chosen
    finding_chosen = Signal(object)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(self.tr("Temuan pemeriksaan graf (lint)"))
        self.report = LintReport()
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels(
            [
                self.tr("Tingkat"),
                self.tr("Aturan"),
                self.tr("Modul"),
                self.tr("Pesan"),
                self.tr("Perbaikan"),
            ]
        )
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        for column, width in enumerate((105, 190, 150, 520)):
            self.tree.setColumnWidth(column, width)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree)
        self.tree.itemClicked.connect(self._choose)
        self.tree.itemActivated.connect(self._choose)
        self.tree.currentItemChanged.connect(lambda current, _previous: self._choose(current))

    def check(self, graph: PrerequisiteGraph, context: dict[str, list]) -> None:
        """Lint ``graph`` with the ``context`` records (:data:`LINT_CONTEXT`) and show it."""
        self.show_report(
            lint(
                graph,
                competencies=context.get("competencies"),
                regions=context.get("regions", ()),
                job_standards=context.get("job_standards", ()),
                regional_standards=context.get("regional_standards", ()),
            )
        )

    def show_report(self, report: LintReport) -> None:
        """Show ``report``'s findings (their message and fix in the interface's language)
        and its summary."""
        self.report = report
        style = self.style()
        icons = {
            "error": style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical),
            "warning": style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning),
        }
        colours = {"error": QColor("#B71C1C"), "warning": QColor("#8A5A00")}
        items = []
        for index, finding in enumerate(report.findings):
            message, fix = in_app_language(finding.message), in_app_language(finding.fix)
            item = QTreeWidgetItem(
                [
                    self._severity_text(finding.severity),
                    self._rule_text(finding.rule),
                    ", ".join(finding.modules),
                    message,
                    fix,
                ]
            )
            item.setIcon(0, icons[finding.severity])
            item.setForeground(0, colours[finding.severity])
            item.setToolTip(3, message)
            item.setToolTip(4, fix)
            item.setData(0, Qt.ItemDataRole.UserRole, index)
            items.append(item)
        self.tree.blockSignals(True)
        try:
            self.tree.clear()
            self.tree.addTopLevelItems(items)
        finally:
            self.tree.blockSignals(False)
        summary = self.tr("{e} galat, {w} peringatan.").format(
            e=len(report.errors), w=len(report.warnings)
        )
        if report.longest_by_jp.modules:
            summary += " " + self.tr(
                "Rantai wajib terpanjang: {jp} JP dalam {n} langkah ({chain})."
            ).format(
                jp=report.longest_by_jp.jp,
                n=report.longest_by_jp.steps,
                chain=" → ".join(report.longest_by_jp.modules),
            )
        if not report.findings:
            summary += " " + self.tr("Tidak ada temuan.")
        self.summary.setText(summary)

    def _choose(self, item: QTreeWidgetItem | None) -> None:
        if item is not None:
            self.finding_chosen.emit(self.report.findings[item.data(0, Qt.ItemDataRole.UserRole)])

    def _severity_text(self, severity: str) -> str:
        return {"error": self.tr("Galat"), "warning": self.tr("Peringatan")}.get(severity, severity)

    def _rule_text(self, rule: str) -> str:
        return {
            "cycle": self.tr("siklus"),
            "unknown-code": self.tr("kode tak dikenal"),
            "local-required-by-national": self.tr("nasional memerlukan lokal"),
            "prerequisite-out-of-scope": self.tr("prasyarat di luar wilayah"),
            "unapproved-prerequisite": self.tr("prasyarat belum disetujui"),
            "redundant-edge": self.tr("prasyarat berlebih"),
            "orphan": self.tr("modul yatim"),
            "unreachable-module": self.tr("modul tak terjangkau"),
            "untaught-level": self.tr("level tak diajarkan"),
        }.get(rule, rule)
