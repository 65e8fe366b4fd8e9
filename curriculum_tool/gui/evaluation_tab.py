"""Evaluasi: did the training work? The Kirkpatrick funnel, plans against what happened,
and whether the model's predictions still match the outcomes (drift).

Three sections: the Kirkpatrick funnel (per module, modality, province or plan year; a
chart of the selected group, a table), a year's plans against what happened (per unit or
learner, masked unless an admin unmasks), and calibration drift per province, with a
banner when a province drifted. The core (:mod:`curriculum_tool.report.evaluation`,
:mod:`~curriculum_tool.report.drift`) computes each view in a worker, only while the tab
is shown (an edit elsewhere marks it stale).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..domain.roles import ADMIN
from ..report.drift import DEFAULT_THRESHOLD, DriftReport
from ..report.evaluation import STAGES, FunnelRow, PlanRow
from ..store import Workspace
from . import workers
from .drift_chart import DriftChart
from .funnel_chart import FunnelChart
from .i18n import in_app_language
from .table_cells import SortItem, number_text, percent_text, read_only_table
from .vocab_labels import modality_label

__all__ = ["EvaluationTab", "add_evaluation_tab"]

BANNER_STYLE = (
    "QLabel { background: #fdecea; color: #8a1c1c; border: 1px solid #e57373;"
    " border-radius: 4px; padding: 6px; }"
)


def _funnel_task(target: str, by: str, year: int | None) -> list[FunnelRow]:
    from ..report.evaluation import funnel

    with Workspace.open(target) as workspace:
        return funnel(workspace, by, year)


def _planned_task(target: str, year: int, by: str, unmask: bool) -> list[PlanRow]:
    from ..report.evaluation import planned_vs_actual

    with Workspace.open(target) as workspace:
        return planned_vs_actual(workspace, year, by, unmask=unmask)


def _drift_task(target: str, threshold: float) -> DriftReport:
    from ..report.drift import drift

    with Workspace.open(target) as workspace:
        return drift(workspace, threshold=threshold)


class EvaluationTab(QWidget):
    """Funnel, planned against actual and calibration drift of one workspace."""

    status_message = Signal(str)
    workspace_edited = Signal()  # never emitted: the tab only reads
    loaded = Signal()  # a view has been shown (or has failed)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None):
        super().__init__(parent)
        self.workspace = workspace
        self.funnel_rows: list[FunnelRow] = []
        self.plan_rows: list[PlanRow] = []
        self.drift_report: DriftReport | None = None
        self._pending: dict[str, int] = {}
        self._generation = {"funnel": 0, "planned": 0, "drift": 0}
        self._stale = True
        self._build()
        self.set_workspace(workspace)

    @property
    def loading(self) -> bool:
        """Whether a view is still being computed."""
        return any(self._pending.values())

    # -- layout ------------------------------------------------------------------------

    def _build(self) -> None:
        self.banner = QLabel(self)
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(BANNER_STYLE)
        self.banner.hide()
        self.sections = QTabWidget(self)
        self.sections.addTab(self._funnel_section(), self.tr("Corong Kirkpatrick"))
        self.sections.addTab(self._planned_section(), self.tr("Rencana vs realisasi"))
        self.sections.addTab(self._drift_section(), self.tr("Drift kalibrasi"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.sections, 1)

    def _funnel_section(self) -> QWidget:
        page = QWidget(self)
        self.grouping = QComboBox(page)
        for key, text in (
            ("module", self.tr("per modul")),
            ("modality", self.tr("per modalitas")),
            ("region", self.tr("per wilayah (provinsi)")),
            ("year", self.tr("per tahun rencana")),
        ):
            self.grouping.addItem(text, key)
        self.grouping.currentIndexChanged.connect(lambda _i: self.load_funnel())
        self.by_year = QCheckBox(self.tr("Hanya tahun"), page)
        self.year = self._year_box(page)
        self.year.setEnabled(False)
        self.by_year.toggled.connect(self._year_toggled)
        self.year.valueChanged.connect(self._year_changed)
        controls = QHBoxLayout()
        controls.addWidget(QLabel(self.tr("Kelompokkan"), page))
        controls.addWidget(self.grouping)
        controls.addWidget(self.by_year)
        controls.addWidget(self.year)
        controls.addStretch(1)
        self.funnel_chart = FunnelChart(page)
        self.funnel_table = read_only_table(
            QTableWidget(page),
            [
                self.tr("Kelompok"),
                self.tr("Nama"),
                *self.funnel_chart.stage_labels().values(),
                self.tr("Berjalan"),
                self.tr("Rerata L1"),
                self.tr("Rerata L2"),
            ],
        )
        self.funnel_table.itemSelectionChanged.connect(self._show_selected_funnel)
        self.funnel_table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        splitter = QSplitter(Qt.Orientation.Vertical, page)
        splitter.addWidget(self.funnel_chart)
        splitter.addWidget(self.funnel_table)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(page)
        layout.addLayout(controls)
        layout.addWidget(splitter, 1)
        return page

    def _planned_section(self) -> QWidget:
        page = QWidget(self)
        self.plan_year = self._year_box(page)
        self.plan_year.valueChanged.connect(lambda _v: self.load_planned())
        self.plan_by = QComboBox(page)
        self.plan_by.addItem(self.tr("per unit kerja"), "unit")
        self.plan_by.addItem(self.tr("per peserta"), "learner")
        self.plan_by.currentIndexChanged.connect(lambda _i: self.load_planned())
        self.show_personal = QCheckBox(self.tr("Tampilkan NIP dan nama"), page)
        self.show_personal.toggled.connect(self._personal_toggled)
        controls = QHBoxLayout()
        controls.addWidget(QLabel(self.tr("Tahun rencana"), page))
        controls.addWidget(self.plan_year)
        controls.addWidget(self.plan_by)
        controls.addStretch(1)
        controls.addWidget(self.show_personal)
        self.plan_table = read_only_table(QTableWidget(page), [])
        self.plan_note = QLabel(page)
        layout = QVBoxLayout(page)
        layout.addLayout(controls)
        layout.addWidget(self.plan_table, 1)
        layout.addWidget(self.plan_note)
        return page

    def _drift_section(self) -> QWidget:
        page = QWidget(self)
        self.threshold = QDoubleSpinBox(page)
        self.threshold.setRange(0.01, 0.5)
        self.threshold.setSingleStep(0.01)
        self.threshold.setDecimals(2)
        self.threshold.setValue(DEFAULT_THRESHOLD)
        self.threshold.valueChanged.connect(lambda _v: self.load_drift())
        controls = QHBoxLayout()
        controls.addWidget(QLabel(self.tr("Ambang selisih"), page))
        controls.addWidget(self.threshold)
        controls.addStretch(1)
        self.drift_summary = QLabel(page)
        self.drift_summary.setWordWrap(True)
        self.drift_chart = DriftChart(page)
        self.drift_table = read_only_table(
            QTableWidget(page),
            [
                self.tr("Provinsi"),
                self.tr("Nama"),
                self.tr("Baris"),
                self.tr("Rerata P"),
                self.tr("Teramati"),
                self.tr("Selisih"),
                self.tr("Bergeser"),
            ],
        )
        splitter = QSplitter(Qt.Orientation.Vertical, page)
        splitter.addWidget(self.drift_chart)
        splitter.addWidget(self.drift_table)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(page)
        layout.addLayout(controls)
        layout.addWidget(self.drift_summary)
        layout.addWidget(splitter, 1)
        return page

    def _year_box(self, parent: QWidget) -> QSpinBox:
        box = QSpinBox(parent)
        box.setRange(1900, 2200)
        box.setGroupSeparatorShown(False)
        box.setValue(dt.date.today().year)
        return box

    # -- workspace and loading ---------------------------------------------------------

    def set_workspace(self, workspace: Workspace) -> None:
        """Show another workspace; only an admin may unmask learners."""
        self.workspace = workspace
        admin = workspace.actor.role == ADMIN
        self.show_personal.setEnabled(admin)
        if not admin:
            self.show_personal.setChecked(False)
        self.reload()

    def reload(self) -> None:
        """Compute every view again now if the tab is shown, else when it is next shown."""
        self._stale = True
        if self.isVisible():
            self.refresh()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        """Compute the three views (in the background)."""
        self._stale = False
        self.load_funnel()
        self.load_planned()
        self.load_drift()

    def _run(self, view: str, task: Callable[[], Any], shown: Callable[[Any], None]) -> None:
        """Run ``task`` in a worker; show its result unless a newer run of ``view`` began."""
        self._generation[view] += 1
        generation = self._generation[view]
        self._pending[view] = generation

        def finished(result: Any) -> None:
            if shiboken6.isValid(self) and self._generation[view] == generation:
                self._pending[view] = 0
                shown(result)
                self.loaded.emit()

        def failed(message: str) -> None:
            if shiboken6.isValid(self) and self._generation[view] == generation:
                self._pending[view] = 0
                self._failed(view, message)
                self.loaded.emit()

        workers.start(lambda *_: task(), on_finished=finished, on_failed=failed)

    def load_funnel(self) -> None:
        target, by = self.workspace.target, self.grouping.currentData()
        year = self.year.value() if self.by_year.isChecked() else None
        self._run("funnel", lambda: _funnel_task(target, by, year), self._show_funnel)

    def load_planned(self) -> None:
        target, year, by = self.workspace.target, self.plan_year.value(), self.plan_by.currentData()
        unmask = self.show_personal.isChecked() and self.workspace.actor.role == ADMIN
        self._run("planned", lambda: _planned_task(target, year, by, unmask), self._show_planned)

    def load_drift(self) -> None:
        target, threshold = self.workspace.target, self.threshold.value()
        self._run("drift", lambda: _drift_task(target, threshold), self._show_drift)

    def _failed(self, view: str, message: str) -> None:
        self.status_message.emit(message)
        if view == "drift":
            self.drift_report = None
            self.drift_chart.set_report(None)
            self.drift_table.setRowCount(0)
            self.drift_summary.setText(message)
            self.banner.hide()
        elif view == "planned":
            self.plan_note.setText(message)
        else:
            self.funnel_chart.set_funnel(None)

    def _year_changed(self, _year: int) -> None:
        if self.by_year.isChecked():
            self.load_funnel()

    def _year_toggled(self, on: bool) -> None:
        self.year.setEnabled(on)
        self.load_funnel()

    def _personal_toggled(self, on: bool) -> None:
        if on and self.workspace.actor.role != ADMIN:
            self.show_personal.setChecked(False)
            return
        self.load_planned()

    # -- the funnel --------------------------------------------------------------------

    def group_label(self, row: FunnelRow) -> str:
        """A group's name as shown: the modality in words, "Semua" for the total."""
        if not row.group:
            return self.tr("Semua")
        if self.grouping.currentData() == "modality":
            return modality_label(row.group)
        return row.label

    def _show_funnel(self, rows: list[FunnelRow]) -> None:
        from ..report.evaluation import funnel_total

        self.funnel_rows = rows
        shown = [funnel_total(rows), *rows] if rows else []
        table = self.funnel_table
        table.setSortingEnabled(False)
        table.setRowCount(len(shown))
        for line, row in enumerate(shown):
            cells: list[tuple[str, Any]] = [
                (row.group or "*", row.group),
                (self.group_label(row), self.group_label(row)),
            ]
            for stage, count in zip(STAGES, row.counts()):
                text = self.locale().toString(count)
                if stage != "enrolled":
                    text += f" ({percent_text(self, row.share(stage))})"
                cells.append((text, count))
            cells.append((self.locale().toString(row.in_progress), row.in_progress))
            cells.append((number_text(self, row.mean_l1, 1), row.mean_l1))
            cells.append((number_text(self, row.mean_l2, 1), row.mean_l2))
            for column, (text, key) in enumerate(cells):
                item = SortItem(text, key)
                item.setData(Qt.ItemDataRole.UserRole, line)
                table.setItem(line, column, item)
        if shown:
            table.selectRow(0)
        self._show_selected_funnel()

    def funnel_row_shown(self) -> FunnelRow | None:
        """The funnel the chart shows: the selected group's, or all groups'."""
        from ..report.evaluation import funnel_total

        if not self.funnel_rows:
            return None
        selected = self.funnel_table.selectedItems()
        if selected:
            line = selected[0].data(Qt.ItemDataRole.UserRole)
            if line:
                return self.funnel_rows[line - 1]
        return funnel_total(self.funnel_rows)

    def _show_selected_funnel(self) -> None:
        row = self.funnel_row_shown()
        title = "" if row is None else self.group_label(row)
        self.funnel_chart.set_funnel(row, title)

    # -- planned against actual --------------------------------------------------------

    def _show_planned(self, rows: list[PlanRow]) -> None:
        self.plan_rows = rows
        per_learner = self.plan_by.currentData() == "learner"
        first = (
            [self.tr("Peserta"), self.tr("Nama"), self.tr("Unit kerja")]
            if per_learner
            else [self.tr("Unit kerja"), self.tr("Jumlah peserta")]
        )
        headers = [
            *first,
            self.tr("Modul direncanakan"),
            self.tr("JP direncanakan"),
            self.tr("Modul diselesaikan"),
            self.tr("JP diselesaikan"),
            self.tr("Rencana yang selesai"),
            self.tr("Realisasi rencana"),
        ]
        table = self.plan_table
        table.setSortingEnabled(False)
        table.clear()
        table.setColumnCount(len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.setRowCount(len(rows))
        no_unit = self.tr("(tanpa unit)")
        for line, row in enumerate(rows):
            lead: list[tuple[str, Any]] = (
                [
                    (row.key, row.key),
                    (str(row.label), str(row.label)),
                    (row.unit or no_unit, row.unit),
                ]
                if per_learner
                else [
                    (row.unit or no_unit, row.unit),
                    (self.locale().toString(row.learners), row.learners),
                ]
            )
            numbers = [
                row.planned_modules,
                row.planned_jp,
                row.completed_modules,
                row.completed_jp,
                row.planned_completed,
            ]
            cells = [
                *lead,
                *((self.locale().toString(n), n) for n in numbers),
                (
                    "–" if row.plan_rate is None else percent_text(self, row.plan_rate),
                    row.plan_rate,
                ),
            ]
            for column, (text, key) in enumerate(cells):
                table.setItem(line, column, SortItem(text, key))
        table.setSortingEnabled(True)
        table.resizeColumnsToContents()
        self.plan_note.setText(
            self.tr(
                "%1 baris; rencana = versi terakhir tahun itu, "
                "realisasi = modul yang selesai pada tahun itu"
            ).replace("%1", self.locale().toString(len(rows)))
        )

    def plan_cells(self) -> list[list[str]]:
        """What the planned-against-actual table shows, row by row."""
        table = self.plan_table
        return [
            [(table.item(r, c) or QTableWidgetItem()).text() for c in range(table.columnCount())]
            for r in range(table.rowCount())
        ]

    # -- drift -------------------------------------------------------------------------

    def _show_drift(self, report: DriftReport) -> None:
        self.drift_report = report
        self.drift_chart.set_report(report)
        self.drift_summary.setText(
            in_app_language(report.summary)
            + ("" if report.ece is None else " · ECE " + number_text(self, report.ece, 3))
        )
        table = self.drift_table
        table.setSortingEnabled(False)
        table.setRowCount(len(report.provinces))
        for line, p in enumerate(report.provinces):
            cells: list[tuple[str, float | str | None]] = [
                (p.province, p.province),
                (p.name, p.name),
                (self.locale().toString(p.rows), p.rows),
                (number_text(self, p.predicted, 3), p.predicted),
                (number_text(self, p.observed, 3), p.observed),
                (number_text(self, p.gap, 3), p.gap),
                (self._drift_verdict(p, report.min_rows), int(p.flagged)),
            ]
            for column, (text, key) in enumerate(cells):
                table.setItem(line, column, SortItem(text, key))
        table.setSortingEnabled(True)
        table.resizeColumnsToContents()
        warning = report.warning
        if warning is None:
            self.banner.hide()
        else:
            self.banner.setText("⚠ " + in_app_language(warning))
            self.banner.show()

    def _drift_verdict(self, province: Any, min_rows: int) -> str:
        if province.flagged:
            return self.tr("ya")
        return self.tr("terlalu sedikit baris") if province.rows < min_rows else ""

    def drift_warning_shown(self) -> bool:
        """Whether the drift banner is up (it is hidden when the tab itself is)."""
        return not self.banner.isHidden()


def add_evaluation_tab(window: Any) -> EvaluationTab:
    """Put the Evaluasi tab in the main window's tabs; it reloads with the task tabs."""
    tab = EvaluationTab(window.workspace, window)
    window.tabs.addTab(tab, QCoreApplication.translate("MainWindow", "Evaluasi"))
    tab.status_message.connect(lambda text: window.statusBar().showMessage(text, 8000))
    window.task_tabs.append(tab)
    return tab
