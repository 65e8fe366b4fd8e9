"""The agency's learners: a table to search (Ctrl+F), and the import of a learners file.

Learner ids and names are personal data: shown here, in the officer's own workspace,
never logged.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain import Learner
from ...errors import ValidationError
from ...io.importer import ImportSummary, import_file
from ...store import Workspace
from .. import workers
from ..i18n import current_language
from ..transfer import ProblemsDialog
from .jobs import DeskJobs
from .learner_model import LearnerTableModel

__all__ = ["LearnerList"]


class LearnerList(QWidget):
    """The learners of the workspace, filtered by the search box, one of them current.

    Emits ``learner_selected`` when the current row becomes a learner,
    ``learner_activated`` on Enter or a double click, and ``learners_imported`` after a
    learners file was merged into the workspace (``workspace()``), so the tab reloads.
    """

    status_message = Signal(str)
    learner_selected = Signal(object)  # Learner
    learner_activated = Signal(object)  # Learner
    learners_imported = Signal()

    def __init__(
        self, jobs: DeskJobs, workspace: Callable[[], Workspace], parent: QWidget | None = None
    ):
        super().__init__(parent)
        self._jobs = jobs
        self._workspace = workspace
        self.problems_dialog: QWidget | None = None
        self._build()

    def _build(self) -> None:
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(
            self.tr("Cari peserta: ID, nama, jabatan, wilayah… (Ctrl+F)")
        )
        self.search.setClearButtonEnabled(True)
        self.import_button = QPushButton(self.tr("Impor peserta…"), self)
        self.import_button.setToolTip(
            self.tr("Tambah atau perbarui peserta dari berkas learners.csv / .xlsx")
        )
        self.import_button.clicked.connect(lambda: self.import_learners())
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.import_button)

        self.learner_model = LearnerTableModel(self)
        self.learner_proxy = QSortFilterProxyModel(self)
        self.learner_proxy.setSourceModel(self.learner_model)
        self.learner_proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.learner_proxy.setFilterKeyColumn(-1)
        self.learner_view = QTableView(self)
        self.learner_view.setModel(self.learner_proxy)
        self.learner_view.setSortingEnabled(True)
        self.learner_view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.learner_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.learner_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.learner_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.learner_view.setAlternatingRowColors(True)
        self.learner_view.verticalHeader().hide()
        self.learner_view.verticalHeader().setDefaultSectionSize(24)
        self.learner_view.horizontalHeader().setStretchLastSection(True)
        self.learner_view.selectionModel().currentRowChanged.connect(self._current_changed)
        self.learner_view.activated.connect(self._activated)
        self.search.textChanged.connect(self._filter)
        self.search.returnPressed.connect(self._search_entered)
        self.count_label = QLabel(self)
        self.count_label.setStyleSheet("color: #6b6b6b")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.learner_view, 1)
        layout.addWidget(self.count_label)

    # -- the list ----------------------------------------------------------------------

    def show_learners(
        self, learners: Sequence[Learner], positions: dict[str, str], regions: dict[str, str]
    ) -> None:
        """List ``learners``, with the titles of positions and the names of regions."""
        self.learner_model.set_learners(learners, positions, regions)
        self.learner_view.resizeColumnsToContents()
        for column in range(self.learner_model.columnCount()):
            self.learner_view.setColumnWidth(
                column, min(self.learner_view.columnWidth(column), 220)
            )
        self._count()

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _filter(self, text: str) -> None:
        self.learner_proxy.setFilterFixedString(text.strip())
        self._count()

    def _count(self) -> None:
        shown, total = self.learner_proxy.rowCount(), self.learner_model.rowCount()
        text = (
            self.tr("%1 peserta").replace("%1", str(total))
            if shown == total
            else self.tr("%1 dari %2 peserta").replace("%1", str(shown)).replace("%2", str(total))
        )
        self.count_label.setText(text)

    def _search_entered(self) -> None:
        """Enter in the search box: open the first match and move to the list."""
        if self.learner_proxy.rowCount() == 0:
            return
        current = self.learner_view.currentIndex()
        if not current.isValid():
            self.learner_view.setCurrentIndex(self.learner_proxy.index(0, 0))
        self.learner_view.setFocus(Qt.FocusReason.OtherFocusReason)

    def select_learner(self, learner_id: str) -> bool:
        """Make ``learner_id`` the current learner (clearing a filter that hides it)."""
        row = self.learner_model.row_of(learner_id)
        if row < 0:
            return False
        index = self.learner_proxy.mapFromSource(self.learner_model.index(row, 0))
        if not index.isValid():
            self.search.clear()
            index = self.learner_proxy.mapFromSource(self.learner_model.index(row, 0))
        self.learner_view.setCurrentIndex(index)
        self.learner_view.scrollTo(index)
        return True

    def _learner_at(self, index: QModelIndex) -> Learner:
        return self.learner_model.learner(self.learner_proxy.mapToSource(index).row())

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():  # else a filter hid the learner: keep showing their path
            self.learner_selected.emit(self._learner_at(current))

    def _activated(self, index: QModelIndex) -> None:
        """Enter (or double click) on a learner: plan again with the current knobs."""
        if index.isValid():
            self.learner_activated.emit(self._learner_at(index))

    # -- importing learners ------------------------------------------------------------

    def import_learners(self, path: str | Path | None = None) -> bool:
        """Merge a learners file in the background; a refused file lists every problem."""
        if path is None:
            path, _ = QFileDialog.getOpenFileName(
                self,
                self.tr("Impor peserta"),
                "",
                self.tr("Peserta (*.csv *.xlsx);;Semua berkas (*)"),
            )
            if not path:
                return False
        source, target = Path(path), self._workspace().target

        def task(report: workers.Report, cancelled: Callable[[], bool]) -> Any:
            workspace = Workspace.open(target)
            try:
                return import_file(workspace, "learners", source)
            except ValidationError as error:
                return [problem.render(current_language()) for problem in error.problems]
            finally:
                workspace.close()

        def failed(message: str) -> None:
            self.import_button.setEnabled(True)
            self._jobs.inform(self.tr("Impor peserta ditolak"), message, QMessageBox.Icon.Warning)

        self.import_button.setEnabled(False)
        self.status_message.emit(self.tr("Mengimpor peserta…"))
        self._jobs.run(task, self._imported, failed)
        return True

    def _imported(self, result: ImportSummary | list[str]) -> None:
        self.import_button.setEnabled(True)
        if isinstance(result, list):
            dialog = ProblemsDialog(self.tr("Impor peserta ditolak"), result, self)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.problems_dialog = dialog
            dialog.open()
            self.status_message.emit(
                self.tr("Impor peserta ditolak: %1 masalah; tidak ada yang berubah").replace(
                    "%1", str(len(result))
                )
            )
            return
        self.status_message.emit(
            self.tr("Peserta diimpor: %1 baru, %2 diperbarui")
            .replace("%1", str(result.added))
            .replace("%2", str(result.updated))
        )
        self.learners_imported.emit()
