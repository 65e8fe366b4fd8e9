"""Tindak lanjut: the L3 follow-ups due per atasan and work unit, and recording outcomes.

Three to six months after an enrolment ends, the learner's atasan langsung records whether
the learner applied it at work (L3; contract §2), and optionally the unit's result (L4).
The due list (:func:`curriculum_tool.report.followups.followups`, read in a background
worker) shows every completed enrolment still without L3, overdue first and highlighted
("Terlambat"), filtered by atasan and unit; "Tampilkan yang akan datang" adds those whose
window is not open yet. "Catat L3…" (or a double click) records the follow-up of the
selected row; "Catat hasil pelatihan…" records an enrolment, its completion and the L1/L2
scores. Both save through the edit service: the role's rules apply (an atasan writes only
L3/L4 of the learners they supervise) and a change someone else made since the list was
read is shown in the conflict dialog.

Learner ids (NIP) and names are masked unless an admin ticks "Tampilkan NIP dan nama".
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..domain.roles import ADMIN, ATASAN, COLUMNS
from ..edit.conflicts import ConflictError
from ..edit.outcomes import UNCHANGED, record_outcome
from ..errors import CurriculumError
from ..io.masking import mask_name, pseudonym
from ..report.followups import DUE, OVERDUE, FollowUp, followups
from ..store import Workspace
from . import workers
from .conflict_dialog import KEEP_MINE, ask
from .followup_dialogs import FollowupDialog, OutcomeDialog
from .i18n import QT_TRANSLATE_NOOP, error_text
from .roles import allow
from .table_cells import read_only_table

__all__ = ["OVERDUE_COLOR", "FollowupTab", "add_followup_tab"]

#: The background of an overdue follow-up (a soft red, readable with black text).
OVERDUE_COLOR = QColor("#f4c7c3")
#: The background of a follow-up due now (a soft amber).
DUE_COLOR = QColor("#fde9b6")

_STATUS_TEXT = {
    OVERDUE: QT_TRANSLATE_NOOP("FollowupTab", "Terlambat"),
    DUE: QT_TRANSLATE_NOOP("FollowupTab", "Jatuh tempo"),
    "upcoming": QT_TRANSLATE_NOOP("FollowupTab", "Akan datang"),
}


class FollowupTab(QWidget):
    """The L3 follow-up due list, with forms to record follow-ups and outcomes."""

    status_message = Signal(str)
    workspace_edited = Signal()
    loaded = Signal()  # a read has been shown (or has failed)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None):
        super().__init__(parent)
        self.workspace = workspace
        #: The day the list is for (None: today); tests set it.
        self.today: dt.date | None = None
        self.items: list[FollowUp] = []  # as read, every follow-up
        self.shown: list[FollowUp] = []  # the rows of the table, after the filters
        self.loading = False
        self._generation = 0
        self._secret = ""
        self._build()
        self.set_workspace(workspace)

    # -- layout ------------------------------------------------------------------------

    def _build(self) -> None:
        self.supervisor = QComboBox(self)
        self.unit = QComboBox(self)
        for combo in (self.supervisor, self.unit):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.setMinimumContentsLength(14)
            combo.currentIndexChanged.connect(lambda _index: self._show())
        self.upcoming = QCheckBox(self.tr("Tampilkan yang akan datang"), self)
        self.upcoming.toggled.connect(lambda _on: self.reload())
        self.show_personal = QCheckBox(self.tr("Tampilkan NIP dan nama"), self)
        self.show_personal.toggled.connect(self._personal_toggled)
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Atasan"), self))
        filters.addWidget(self.supervisor)
        filters.addWidget(QLabel(self.tr("Unit kerja"), self))
        filters.addWidget(self.unit)
        filters.addWidget(self.upcoming)
        filters.addStretch(1)
        filters.addWidget(self.show_personal)

        self.table = read_only_table(
            QTableWidget(self),
            [
                self.tr("Status"),
                self.tr("Peserta"),
                self.tr("Nama"),
                self.tr("Modul"),
                self.tr("Judul"),
                self.tr("Berakhir"),
                self.tr("Mulai"),
                self.tr("Batas"),
                self.tr("Atasan"),
                self.tr("Unit kerja"),
            ],
        )
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.cellDoubleClicked.connect(lambda _row, _column: self.record_followup())

        self.count_label = QLabel(self)
        self.followup_button = QPushButton(self.tr("Catat L3…"), self)
        self.followup_button.clicked.connect(lambda _checked=False: self.record_followup())
        self.outcome_button = QPushButton(self.tr("Catat hasil pelatihan…"), self)
        self.outcome_button.clicked.connect(lambda _checked=False: self.record_outcome())
        self.reload_button = QPushButton(self.tr("Muat ulang"), self)
        self.reload_button.clicked.connect(lambda _checked=False: self.reload())
        footer = QHBoxLayout()
        footer.addWidget(self.count_label, 1)
        footer.addWidget(self.reload_button)
        footer.addWidget(self.outcome_button)
        footer.addWidget(self.followup_button)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(footer)

    # -- workspace and reading ---------------------------------------------------------

    def set_workspace(self, workspace: Workspace) -> None:
        """Show another workspace's follow-ups; only an admin may unmask personal data."""
        self.workspace = workspace
        actor = workspace.actor
        admin = actor.role == ADMIN
        self.show_personal.setEnabled(admin)
        only_admins = self.tr("Hanya admin yang dapat menampilkan NIP dan nama")
        self.show_personal.setToolTip("" if admin else only_admins)
        if not admin:
            self.show_personal.setChecked(False)
        allow([self.outcome_button], actor, "outcomes", enabled=_writes_completion(actor.role))
        if actor.may_write("outcomes") and not _writes_completion(actor.role):
            self.outcome_button.setToolTip(
                self.tr("Atasan mencatat L3 dan L4; hasil pelatihan dicatat pengelola.")
            )
        self._secret = workspace.get_meta("pseudonym_key") or ""
        self.reload()

    def reload(self) -> None:
        """Read the follow-ups again (in the background)."""
        self._generation += 1
        generation, target = self._generation, self.workspace.target
        today, upcoming = self.today, self.upcoming.isChecked()
        self.loading = True
        self.count_label.setText(self.tr("Memuat tindak lanjut…"))

        def task(*_report_and_cancelled: Any) -> list[FollowUp]:
            with Workspace.open(target) as workspace:
                return followups(workspace, today=today, include_upcoming=upcoming)

        def finished(items: list[FollowUp]) -> None:
            if shiboken6.isValid(self):  # the tab may have closed meanwhile
                self._loaded(generation, items)

        def failed(message: str) -> None:
            if shiboken6.isValid(self) and generation == self._generation:
                self.loading = False
                self.count_label.setText(self.tr("Tindak lanjut tidak dapat dibaca"))
                self.status_message.emit(message)
                self.loaded.emit()

        workers.start(task, on_finished=finished, on_failed=failed)

    def _loaded(self, generation: int, items: list[FollowUp]) -> None:
        if generation != self._generation:
            return  # a newer read is on its way
        self.loading = False
        self.items = items
        self._refill()
        self.loaded.emit()

    def _refill(self) -> None:
        """Fill the filters from the follow-ups read, keeping the choices, and show them."""
        items = self.items
        supervisors = sorted({(i.supervisor, i.supervisor_name) for i in items if i.supervisor})
        self._fill(
            self.supervisor,
            [(s, self._person(s, name)) for s, name in supervisors],
            self.tr("Semua atasan"),
        )
        units = sorted({i.unit for i in items if i.unit})
        self._fill(self.unit, [(u, u) for u in units], self.tr("Semua unit"))
        actor = self.workspace.actor
        if actor.role == ATASAN and actor.learner and self.supervisor.currentData() is None:
            index = self.supervisor.findData(actor.learner)  # an atasan sees their own first
            if index >= 0:
                self.supervisor.setCurrentIndex(index)
        self._show()

    def _fill(self, combo: QComboBox, items: list[tuple[str, str]], everyone: str) -> None:
        """Offer "all" and ``items`` (value, text) in ``combo``; the choice made stays, even
        when nothing is left for it (so the filter still holds)."""
        chosen = (combo.currentData(), combo.currentText())
        entries = [(None, everyone), *items]
        if chosen[0] is not None and chosen[0] not in {value for value, _ in items}:
            entries.append(chosen)
        combo.blockSignals(True)
        combo.clear()
        for value, text in entries:
            combo.addItem(text, value)
        combo.setCurrentIndex([value for value, _ in entries].index(chosen[0]))
        combo.blockSignals(False)

    # -- showing -----------------------------------------------------------------------

    @property
    def masked(self) -> bool:
        return not self.show_personal.isChecked()

    def _label(self, learner: str | None) -> str:
        if not learner:
            return ""
        return pseudonym(self._secret, learner) if self.masked else learner

    def _name(self, name: str) -> str:
        return (mask_name(name) if name else "") if self.masked else name

    def _person(self, learner: str, name: str) -> str:
        shown = self._name(name)
        return f"{self._label(learner)} {shown}".strip()

    def _show(self) -> None:
        """Fill the table with the follow-ups the filters let through."""
        supervisor, unit = self.supervisor.currentData(), self.unit.currentData()
        chosen = self._selected()
        self.shown = [
            i
            for i in self.items
            if (supervisor is None or i.supervisor == supervisor)
            and (unit is None or i.unit == unit)
        ]
        table = self.table
        table.setRowCount(len(self.shown))
        for row, item in enumerate(self.shown):
            cells = (
                self.tr(_STATUS_TEXT[item.status]),
                self._label(item.learner),
                self._name(item.name),
                item.module,
                item.title,
                item.date.isoformat(),
                item.due_from.isoformat(),
                item.due_until.isoformat(),
                self._person(item.supervisor, item.supervisor_name) if item.supervisor else "",
                item.unit,
            )
            colour = {OVERDUE: OVERDUE_COLOR, DUE: DUE_COLOR}.get(item.status)
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setToolTip(text)
                if colour is not None:
                    cell.setBackground(QBrush(colour))
                    cell.setForeground(QBrush(QColor("black")))
                if item.status == OVERDUE and column == 0:
                    font = cell.font()
                    font.setBold(True)
                    cell.setFont(font)
                table.setItem(row, column, cell)
        table.resizeColumnsToContents()
        if chosen is not None and chosen in self.shown:
            table.selectRow(self.shown.index(chosen))
        overdue = sum(i.status == OVERDUE for i in self.shown)
        self.count_label.setText(
            self.tr("%1 tindak lanjut, %2 terlambat")
            .replace("%1", str(len(self.shown)))
            .replace("%2", str(overdue))
        )
        self._update_buttons()

    def _personal_toggled(self, on: bool) -> None:
        if on and self.workspace.actor.role != ADMIN:
            self.show_personal.setChecked(False)
            return
        self._refill()  # the ids and names in the filters and the table, as now chosen

    def _selected(self) -> FollowUp | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.shown):
            return None
        return self.shown[rows[0].row()]

    def _update_buttons(self) -> None:
        allow(
            [self.followup_button],
            self.workspace.actor,
            "outcomes",
            enabled=self._selected() is not None,
        )

    def select(self, learner: str, module: str) -> int:
        """Select the row of ``learner`` × ``module``; its index (-1: not shown)."""
        for row, item in enumerate(self.shown):
            if item.learner == learner and item.module == module:
                self.table.selectRow(row)
                return row
        return -1

    def status_texts(self) -> list[str]:
        """The Status column as shown (for a screen reader and tests)."""
        items = (self.table.item(row, 0) for row in range(self.table.rowCount()))
        return [item.text() if item is not None else "" for item in items]

    # -- recording ---------------------------------------------------------------------

    def record_followup(self) -> bool:
        """Ask L3 (and L4) of the selected follow-up and save it; True when saved."""
        item = self._selected()
        if item is None:
            return False
        learner = self._person(item.learner, item.name)
        dialog = FollowupDialog(item, learner, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        answer = dialog.answer()
        key = (item.learner, item.module, item.date)
        return self._save(key, answer, item.version)

    def record_outcome(self) -> bool:
        """Ask an enrolment, completion or scores of a learner's module; True when saved."""
        learners = [
            (x.id, self._person(x.id, x.name))
            for x in sorted(self.workspace.load("learners"), key=lambda x: x.id)
        ]
        if self.masked:
            learners.sort(key=lambda pair: pair[1])  # masked: no order of the NIPs
        modules = [(m.code, m.title) for m in self.workspace.load("modules")]
        dialog = OutcomeDialog(learners, modules, self.today or dt.date.today(), self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        answer = dialog.answer()
        key = (answer.pop("learner"), answer.pop("module"), answer.pop("date"))
        return self._save(key, answer, UNCHANGED)

    def _save(self, key: tuple[str, str, dt.date], fields: dict[str, Any], version: Any) -> bool:
        """Record ``fields`` into the outcome ``key`` from ``version``; ask on a conflict."""
        learner, module, date = key
        while True:
            try:
                record_outcome(
                    self.workspace,
                    learner,
                    module,
                    date,
                    expected=version,
                    today=self.today,
                    **fields,
                )
            except ConflictError as error:
                if ask(error, self) != KEEP_MINE:
                    self.reload()
                    return False
                version = UNCHANGED  # on top of the version stored now
                continue
            except CurriculumError as error:
                QMessageBox.warning(self, self.tr("Tidak dapat disimpan"), error_text(error))
                return False
            break
        self.status_message.emit(self.tr("Tersimpan: %1").replace("%1", f"{module} {date}"))
        self.workspace_edited.emit()
        self.reload()
        return True


def _writes_completion(role: str) -> bool:
    """Whether ``role`` records enrolments and completions (not only L3/L4)."""
    columns = COLUMNS.get((role, "outcomes"))
    return columns is None or "completed" in columns


def add_followup_tab(window: Any) -> FollowupTab:
    """Add the Tindak lanjut tab to the main window ``window``, as one of its task tabs."""
    tab = FollowupTab(window.workspace, window)
    window.tabs.addTab(tab, QCoreApplication.translate("MainWindow", "Tindak lanjut"))
    tab.status_message.connect(lambda text: window.statusBar().showMessage(text, 8000))
    tab.workspace_edited.connect(lambda: window._edited(tab))
    window.task_tabs.append(tab)
    return tab
