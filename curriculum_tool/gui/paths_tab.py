"""Peserta & Jalur: the training officer's desk for learners and their learning paths.

Left, the agency's learners: search them (Ctrl+F), import a learners file, plan every
learner at once in the background, write the agency summary. Right, the selected
learner: the competency gaps of their target profile, the officer's knobs (JP budget,
yearly minimum, periods, the two seed policies) and the recommended path as a timeline by
period, each step with its reasons, then the modules left out and why. The path can be
saved as the learner's current path (Ctrl+S) or exported as PDF (Ctrl+P) or XLSX.

The :class:`~curriculum_tool.recommend.planner.Recommender` loads the whole workspace
once, in a background worker with its own workspace connection (seconds for a large
agency); planning one learner then takes a few tens of milliseconds and runs on the GUI
thread, so every change of a knob shows its path at once.

Learner ids and names are personal data: shown here, in the officer's own workspace,
never logged, and masked in exported files unless the officer ticks "Tampilkan NIP dan
nama".
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import groupby
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import (
    QAbstractTableModel,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QColor, QFont, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..domain import Learner, LearnerPath, PathStep
from ..domain.reasons import in_language
from ..domain.vocab import DEFAULT_MIN_JP
from ..errors import CurriculumError, ValidationError
from ..io.importer import ImportSummary, import_file
from ..io.masking import pseudonym
from ..io.tables import write_rows
from ..recommend.batch import OUTPUT_SUFFIXES, BatchCancelled, BatchSummary, run_batch
from ..recommend.planner import PathOptions, Recommender
from ..store import Workspace
from ..store.paths import save_paths
from . import workers
from .gap_chart import GapChart, gap_entries
from .i18n import current_language

__all__ = ["PATH_COLUMNS", "DeskData", "LearnerTableModel", "PathsTab"]

_Index = QModelIndex | QPersistentModelIndex

#: Columns of a learner's path written by "Ekspor XLSX…" (no personal data).
PATH_COLUMNS = (
    "Urutan",
    "Periode",
    "Modul",
    "Judul",
    "JP",
    "Modalitas",
    "Peluang berhasil",
    "Nilai",
    "Alasan",
)

WARNING_COLOUR = "#b34700"
OK_COLOUR = "#2e7d32"
MUTED_COLOUR = QColor("#6b6b6b")


@dataclass(frozen=True)
class DeskData:
    """What the desk loads in the background: learners, names of codes, the planner."""

    learners: list[Learner]
    positions: dict[str, str]  # position code → title
    regions: dict[str, str]  # region code → name
    competencies: dict[str, str]  # competency code → name
    recommender: Recommender | None
    problem: str = ""  # why there is no recommender (no model, say)


def load_desk(target: str, cancelled: Callable[[], bool] = lambda: False) -> DeskData:
    """Open ``target`` on this thread and load everything the desk shows.

    ``cancelled()`` is checked before the planner is built (the slow part): a newer
    reload makes this one pointless.
    """
    workspace = Workspace.open(target)
    try:
        learners = workspace.load("learners")
        positions = {s.position: s.title for s in workspace.load("job_standards")}
        regions = {r.code: r.name for r in workspace.load("regions")}
        competencies = {c.code: c.name for c in workspace.load("competencies")}
        if cancelled():
            raise workers.Cancelled()
        recommender, problem = None, ""
        try:
            recommender = Recommender(workspace)
            if len(recommender.learners):  # warm up the model here, not on the GUI thread
                recommender.plan_rows([0], PathOptions())
        except CurriculumError as error:
            recommender, problem = None, str(error)
        return DeskData(learners, positions, regions, competencies, recommender, problem)
    finally:
        workspace.close()


class LearnerTableModel(QAbstractTableModel):
    """The agency's learners as rows: id, name, position, region, digital literacy."""

    ID_ROLE = Qt.ItemDataRole.UserRole

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._learners: list[Learner] = []
        self._rows: list[tuple[str, ...]] = []
        self._tips: list[tuple[str, ...]] = []
        self._row_of: dict[str, int] = {}
        self._headers = (
            self.tr("ID"),
            self.tr("Nama"),
            self.tr("Jabatan"),
            self.tr("Wilayah"),
            self.tr("Literasi digital"),
        )

    def literacy_label(self, level: int) -> str:
        labels = {
            0: self.tr("tidak ada"),
            1: self.tr("dasar"),
            2: self.tr("menengah"),
            3: self.tr("mahir"),
        }
        return f"{level} – {labels.get(level, '?')}"

    def set_learners(
        self, learners: Sequence[Learner], positions: dict[str, str], regions: dict[str, str]
    ) -> None:
        self.beginResetModel()
        self._learners = list(learners)
        self._rows = [
            (
                u.id,
                u.name,
                positions.get(u.position) or u.position,
                regions.get(u.region) or u.region,
                self.literacy_label(u.digital_literacy),
            )
            for u in self._learners
        ]
        self._tips = [(u.id, u.name, u.position, u.region, "") for u in self._learners]
        self._row_of = {u.id: i for i, u in enumerate(self._learners)}
        self.endResetModel()

    def learner(self, row: int) -> Learner:
        return self._learners[row]

    def row_of(self, learner_id: str) -> int:
        """The row of a learner id, or -1."""
        return self._row_of.get(learner_id, -1)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._rows[row][column]
        if role == Qt.ItemDataRole.ToolTipRole:
            code = self._tips[row][column]
            shown = self._rows[row][column]
            return f"{shown} ({code})" if code and code != shown else shown
        if role == self.ID_ROLE:
            return self._learners[row].id
        return None

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> object:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return str(section + 1)


class PathsTab(QWidget):
    """Peserta & Jalur: learners on the left, the selected learner's path on the right.

    Receives a workspace; loads the planner in the background (``desk_loaded`` when
    ready); recomputes the path when a learner or a knob changes (``path_updated``);
    runs the agency batch in the background (``batch_finished`` with ``finished``,
    ``cancelled`` or ``failed``). Writes to the workspace emit ``workspace_edited``.
    """

    status_message = Signal(str)
    workspace_edited = Signal()
    desk_loaded = Signal()
    path_updated = Signal()
    batch_finished = Signal(str)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None):
        super().__init__(parent)
        self.workspace = workspace
        self.recommender: Recommender | None = None
        self.learner: Learner | None = None
        self.path: LearnerPath | None = None
        self.saved_path: LearnerPath | None = None
        self.problems_dialog: QWidget | None = None
        self.last_message: tuple[str, str] = ("", "")
        self.batch_percent = 0
        self._load_problem = ""
        self._loading = False
        self._generation = 0
        self._positions: dict[str, str] = {}
        self._regions: dict[str, str] = {}
        self._competencies: dict[str, str] = {}
        self._workers: set[workers.Worker] = set()
        self._batch_worker: workers.Worker | None = None
        self._loader: workers.Worker | None = None
        self._locale = QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia)
        self._build()
        self._build_shortcuts()
        self.reload()

    # -- layout ------------------------------------------------------------------------

    def _build(self) -> None:
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self._build_learners())
        splitter.addWidget(self._build_detail())
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([430, 770])
        self.splitter = splitter
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(splitter)

    def _build_learners(self) -> QWidget:
        panel = QWidget(self)
        self.search = QLineEdit(panel)
        self.search.setPlaceholderText(
            self.tr("Cari peserta: ID, nama, jabatan, wilayah… (Ctrl+F)")
        )
        self.search.setClearButtonEnabled(True)
        self.import_button = QPushButton(self.tr("Impor peserta…"), panel)
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
        self.learner_view = QTableView(panel)
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
        self.count_label = QLabel(panel)
        self.count_label.setStyleSheet("color: #6b6b6b")

        agency = QGroupBox(self.tr("Semua peserta"), panel)
        self.batch_button = QPushButton(self.tr("Buat jalur untuk semua peserta…"), agency)
        self.batch_button.setToolTip(
            self.tr(
                "Hitung jalur setiap peserta dengan pengaturan "
                "di kanan, tulis ke CSV/XLSX/JSONL dan simpan "
                "sebagai jalur terkini"
            )
        )
        self.batch_button.clicked.connect(lambda: self.start_batch())
        self.summary_button = QPushButton(self.tr("Ringkasan instansi…"), agency)
        self.summary_button.setToolTip(
            self.tr("Ringkasan XLSX dari jalur yang tersimpan: per pegawai, per modul, per wilayah")
        )
        self.summary_button.clicked.connect(lambda: self.export_agency_summary())
        self.batch_progress = QProgressBar(agency)
        self.batch_progress.setTextVisible(True)
        self.batch_progress.hide()
        self.batch_cancel = QPushButton(self.tr("Batal"), agency)
        self.batch_cancel.setToolTip(
            self.tr("Hentikan; tidak ada berkas yang ditulis dan tidak ada jalur yang disimpan")
        )
        self.batch_cancel.clicked.connect(self.cancel_batch)
        self.batch_cancel.hide()
        self.unmask = QCheckBox(self.tr("Tampilkan NIP dan nama dalam berkas ekspor"), agency)
        self.unmask.setToolTip(
            self.tr("Tanpa centang, berkas ekspor memakai samaran (ANON-…) dan inisial")
        )
        buttons = QHBoxLayout()
        buttons.addWidget(self.batch_button)
        buttons.addWidget(self.summary_button)
        progress = QHBoxLayout()
        progress.addWidget(self.batch_progress, 1)
        progress.addWidget(self.batch_cancel)
        box = QVBoxLayout(agency)
        box.addLayout(buttons)
        box.addLayout(progress)
        box.addWidget(self.unmask)

        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 0, 4, 0)
        layout.addLayout(top)
        layout.addWidget(self.learner_view, 1)
        layout.addWidget(self.count_label)
        layout.addWidget(agency)
        return panel

    def _build_detail(self) -> QWidget:
        self.detail_stack = QStackedWidget(self)
        self.placeholder = QLabel(self.detail_stack)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.placeholder.setStyleSheet("color: #6b6b6b; font-size: 11pt")
        self.detail_stack.addWidget(self.placeholder)

        page = QWidget(self.detail_stack)
        self.learner_title = QLabel(page)
        title_font = QFont(self.font())
        title_font.setPointSizeF(self.font().pointSizeF() + 3)
        title_font.setBold(True)
        self.learner_title.setFont(title_font)
        self.learner_title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.learner_info = QLabel(page)
        self.learner_info.setStyleSheet("color: #555")
        self.learner_info.setWordWrap(True)
        self.loading_label = QLabel(self.tr("Memuat model dan peserta…"), page)
        self.loading_label.setStyleSheet(f"color: {WARNING_COLOUR}")
        self.loading_label.hide()

        self.max_jp = self._spin(
            1,
            800,
            40,
            self.tr("Anggaran JP: paling banyak sekian JP untuk jalur ini (1 JP = 45 menit)"),
        )
        self.min_jp = self._spin(
            0,
            40,
            DEFAULT_MIN_JP,
            self.tr(
                "Minimum JP per tahun (PP 11/2017 pasal 203: 20 JP); jalur diisi sampai minimum "
                "bila modul penutup kesenjangan kurang"
            ),
        )
        self.periods = self._spin(
            1,
            4,
            1,
            self.tr(
                "Jalur dibagi ke dalam beberapa periode, masing-masing paling banyak "
                "anggaran/periode JP, dengan prasyarat lebih dulu"
            ),
        )
        self.offline_instead = self._policy(
            page,
            self.tr("&Luring bila koneksi lemah"),
            self.tr(
                "Bila konektivitas wilayah lemah, modul kebencanaan daring diganti modul luring "
                "yang mengajarkan hal yang sama"
            ),
        )
        self.literacy_first = self._policy(
            page,
            self.tr("Literasi &digital dulu"),
            self.tr(
                "Peserta berliterasi digital 0 yang terhalang modul penutup kesenjangannya "
                "mendapat modul literasi digital tingkat 1 lebih dulu"
            ),
        )
        self.hazard_first = self._policy(
            page,
            self.tr("Risiko &wilayah dulu"),
            self.tr(
                "Bila modul untuk bahaya di wilayah peserta menutup kesenjangan yang dituntut "
                "jabatannya (staf kebencanaan), jalur memuat sedikitnya satu modul seperti itu"
            ),
        )
        self.max_jp.valueChanged.connect(self._budget_changed)
        self.min_jp.valueChanged.connect(self.recompute)
        self.periods.valueChanged.connect(self.recompute)
        knobs = QHBoxLayout()
        for text, widget in (
            (self.tr("&Anggaran JP"), self.max_jp),
            (self.tr("M&inimum JP"), self.min_jp),
            (self.tr("&Periode"), self.periods),
        ):
            label = QLabel(text, page)
            label.setBuddy(widget)
            knobs.addWidget(label)
            knobs.addWidget(widget)
            knobs.addSpacing(10)
        knobs.addWidget(self.offline_instead)
        knobs.addWidget(self.literacy_first)
        knobs.addWidget(self.hazard_first)
        knobs.addStretch(1)

        self.gap_chart = GapChart(page)
        gaps = QGroupBox(self.tr("Kesenjangan kompetensi: level kini dan target"), page)
        gaps_layout = QVBoxLayout(gaps)
        gaps_layout.setContentsMargins(6, 6, 6, 6)
        gaps_layout.addWidget(self.gap_chart)

        self.timeline = QTreeWidget(page)
        self.timeline.setColumnCount(6)
        self.timeline.setHeaderLabels(
            [
                self.tr("Modul"),
                self.tr("Judul"),
                self.tr("JP"),
                self.tr("Modalitas"),
                self.tr("Peluang berhasil"),
                self.tr("Nilai"),
            ]
        )
        self.timeline.setAlternatingRowColors(True)
        self.timeline.setUniformRowHeights(False)
        self.timeline.setWordWrap(False)
        header = self.timeline.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 110), (2, 44), (3, 120), (4, 110), (5, 56)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.timeline.setColumnWidth(column, width)
        self.timeline.currentItemChanged.connect(self._step_selected)
        self.step_detail = QTextBrowser(page)
        self.step_detail.setOpenLinks(False)
        self.step_detail.setPlaceholderText(self.tr("Pilih langkah untuk melihat alasannya."))
        path_page = QSplitter(Qt.Orientation.Vertical, page)
        path_page.addWidget(self.timeline)
        path_page.addWidget(self.step_detail)
        path_page.setStretchFactor(0, 3)
        path_page.setStretchFactor(1, 1)
        path_page.setSizes([300, 120])

        self.excluded = QTreeWidget(page)
        self.excluded.setColumnCount(4)
        self.excluded.setHeaderLabels(
            [self.tr("Modul"), self.tr("Judul"), self.tr("Jenis"), self.tr("Alasan")]
        )
        self.excluded.setRootIsDecorated(False)
        self.excluded.setAlternatingRowColors(True)
        self.excluded.setSortingEnabled(True)
        for column, width in ((0, 110), (1, 240), (2, 170)):
            self.excluded.setColumnWidth(column, width)
        self.path_tabs = QTabWidget(page)
        self.path_tabs.addTab(path_page, self.tr("Jalur belajar"))
        self.path_tabs.addTab(self.excluded, self.tr("Tidak dipilih"))

        vertical = QSplitter(Qt.Orientation.Vertical, page)
        vertical.addWidget(gaps)
        vertical.addWidget(self.path_tabs)
        vertical.setStretchFactor(0, 2)
        vertical.setStretchFactor(1, 3)
        vertical.setChildrenCollapsible(False)
        vertical.setSizes([330, 420])

        self.summary = QLabel(page)
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.save_button = QPushButton(self.tr("Simpan jalur"), page)
        self.save_button.setToolTip(self.tr("Simpan sebagai jalur terkini peserta ini (Ctrl+S)"))
        self.save_button.clicked.connect(self.save_path)
        self.pdf_button = QPushButton(self.tr("Ekspor PDF…"), page)
        self.pdf_button.setToolTip(
            self.tr("Rencana pengembangan kompetensi untuk ditandatangani (Ctrl+P)")
        )
        self.pdf_button.clicked.connect(lambda: self.export_pdf())
        self.xlsx_button = QPushButton(self.tr("Ekspor XLSX…"), page)
        self.xlsx_button.setToolTip(self.tr("Langkah jalur ini sebagai tabel XLSX"))
        self.xlsx_button.clicked.connect(lambda: self.export_xlsx())
        actions = QHBoxLayout()
        actions.addStretch(1)
        for button in (self.save_button, self.pdf_button, self.xlsx_button):
            actions.addWidget(button)

        layout = QVBoxLayout(page)
        layout.setContentsMargins(4, 0, 0, 0)
        layout.addWidget(self.learner_title)
        layout.addWidget(self.learner_info)
        layout.addWidget(self.loading_label)
        layout.addLayout(knobs)
        layout.addWidget(vertical, 1)
        layout.addWidget(self.summary)
        layout.addLayout(actions)
        self.detail_stack.addWidget(page)
        self.detail_page = page
        self._set_path_actions(False)
        return self.detail_stack

    def _policy(self, parent: QWidget, text: str, tip: str) -> QCheckBox:
        """A seed policy's switch, on by default; toggling it plans the path again."""
        box = QCheckBox(text, parent)
        box.setChecked(True)
        box.setToolTip(tip)
        box.toggled.connect(self.recompute)
        return box

    def _spin(self, low: int, high: int, value: int, tip: str) -> QSpinBox:
        spin = QSpinBox(self)
        spin.setRange(low, high)
        spin.setValue(value)
        spin.setSuffix(" JP" if high > 4 else "")
        spin.setToolTip(tip)
        # Typing "32" must not plan for 3 JP first: apply on Enter, arrows or focus out.
        spin.setKeyboardTracking(False)
        spin.setAccelerated(True)
        return spin

    def _build_shortcuts(self) -> None:
        for key, slot in (
            (QKeySequence.StandardKey.Find, self.focus_search),
            (QKeySequence.StandardKey.Save, self.save_path),
            (QKeySequence.StandardKey.Print, self.export_pdf),
        ):
            action = QAction(self)
            action.setShortcut(key)
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(lambda _checked=False, slot=slot: slot())
            self.addAction(action)

    # -- workspace ---------------------------------------------------------------------

    def set_workspace(self, workspace: Workspace) -> None:
        """Show another workspace (the caller owns and closes the old one)."""
        self.workspace = workspace
        self.learner = None
        self.path = None
        self.saved_path = None
        self.recommender = None
        self.learner_model.set_learners([], {}, {})
        self.reload()

    def reload(self) -> None:
        """Reload learners and the planner in the background; the view stays usable."""
        self._generation += 1
        generation = self._generation
        target = self.workspace.target
        self._loading = True
        self.loading_label.show()
        if self.learner is None:
            self._show_placeholder(self.tr("Memuat model dan peserta…"))
        self.status_message.emit(self.tr("Memuat model dan peserta…"))

        def task(report: workers.Report, cancelled: Callable[[], bool]) -> Any:
            return generation, load_desk(target, cancelled)

        if self._loader is not None:
            self._loader.cancel()  # its result would be thrown away anyway
        self._loader = self._run(
            task, self._desk_loaded, lambda message: self._desk_failed(generation, message)
        )

    def _desk_loaded(self, result: tuple[int, DeskData]) -> None:
        generation, data = result
        if generation != self._generation:
            return  # a newer reload is on its way
        self._loader = None
        self._loading = False
        self.loading_label.hide()
        self.recommender = data.recommender
        self._load_problem = data.problem
        self._positions, self._regions = data.positions, data.regions
        self._competencies = data.competencies
        current = self.learner.id if self.learner is not None else None
        self.learner_model.set_learners(data.learners, data.positions, data.regions)
        self.learner_view.resizeColumnsToContents()
        for column in range(self.learner_model.columnCount()):
            self.learner_view.setColumnWidth(
                column, min(self.learner_view.columnWidth(column), 220)
            )
        self._count()
        if data.recommender is None:
            self.status_message.emit(
                self.tr("Jalur belum dapat dihitung: %1").replace("%1", data.problem)
            )
        else:
            self.status_message.emit(
                self.tr("Model %1 dimuat; %2 peserta")
                .replace("%1", data.recommender.model_name)
                .replace("%2", str(len(data.learners)))
            )
        row = self.learner_model.row_of(current) if current is not None else -1
        if row >= 0:
            self.learner = self.learner_model.learner(row)  # the record may have changed
            self.select_learner(self.learner.id)
            self.recompute()
        else:
            self.learner = None
            self._show_placeholder(
                self.tr(
                    "Pilih peserta di daftar kiri untuk melihat "
                    "kesenjangan kompetensi dan jalur belajarnya."
                )
            )
        self.desk_loaded.emit()

    def _desk_failed(self, generation: int, message: str) -> None:
        if generation != self._generation:
            return
        self._loader = None
        self._loading = False
        self.loading_label.hide()
        self._show_placeholder(self.tr("Workspace tidak dapat dimuat: %1").replace("%1", message))
        self.status_message.emit(self.tr("Workspace tidak dapat dimuat"))

    # -- learners ----------------------------------------------------------------------

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

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return  # a filter hid the learner: keep showing their path
        learner = self.learner_model.learner(self.learner_proxy.mapToSource(current).row())
        if self.learner is not None and learner.id == self.learner.id:
            return
        self.learner = learner
        self.recompute()

    def _activated(self, index: QModelIndex) -> None:
        """Enter (or double click) on a learner: plan again with the current knobs."""
        if index.isValid():
            self.learner = self.learner_model.learner(self.learner_proxy.mapToSource(index).row())
            self.recompute()

    # -- the path ----------------------------------------------------------------------

    def options(self) -> PathOptions:
        """The knobs as core options (raises CurriculumError for an impossible mix)."""
        return PathOptions(
            max_jp=self.max_jp.value(),
            min_jp=self.min_jp.value(),
            periods=self.periods.value(),
            offline_instead=self.offline_instead.isChecked(),
            literacy_first=self.literacy_first.isChecked(),
            hazard_first=self.hazard_first.isChecked(),
        )

    def _budget_changed(self, value: int) -> None:
        for spin, high in ((self.min_jp, value), (self.periods, min(4, value))):
            spin.blockSignals(True)
            spin.setMaximum(high)  # clamps the value when the budget drops below it
            spin.blockSignals(False)
        self.recompute()

    def recompute(self) -> None:
        """Plan the current learner with the current knobs and show the result."""
        learner = self.learner
        if learner is None:
            return
        self._show_learner(learner)
        if self.recommender is None:
            self._clear_path(
                self._load_problem if not self._loading else "",
                self.tr("Memuat model dan peserta…")
                if self._loading
                else self.tr("Jalur belum dapat dihitung."),
            )
            return
        try:
            path = self.recommender.recommend(learner.id, self.options())
        except CurriculumError as error:
            self._clear_path(str(error), self.tr("Jalur tidak dapat dihitung."))
            return
        self.path = path
        self._show_path(path)
        self.path_updated.emit()

    def _show_placeholder(self, text: str) -> None:
        self.placeholder.setText(text)
        self.detail_stack.setCurrentWidget(self.placeholder)

    def _show_learner(self, learner: Learner) -> None:
        self.detail_stack.setCurrentWidget(self.detail_page)
        self.learner_title.setText(learner.name or learner.id)
        position = self._positions.get(learner.position, "")
        region = self._regions.get(learner.region, "")
        parts = [
            learner.id,
            f"{position} ({learner.position})" if position else learner.position,
            f"{region} ({learner.region})" if region else learner.region,
            self.tr("literasi digital %1").replace(
                "%1", self.learner_model.literacy_label(learner.digital_literacy)
            ),
        ]
        self.learner_info.setText(" · ".join(parts))

    def _clear_path(self, detail: str, headline: str) -> None:
        self.path = None
        self.timeline.clear()
        self.excluded.clear()
        self.path_tabs.setTabText(1, self.tr("Tidak dipilih"))
        self.step_detail.clear()
        self.gap_chart.clear(headline)
        text = f"<b style='color:{WARNING_COLOUR}'>{html.escape(headline)}</b>"
        if detail:
            text += f" {html.escape(detail)}"
        self.summary.setText(text)
        self._set_path_actions(False)

    def _set_path_actions(self, enabled: bool) -> None:
        for button in (self.save_button, self.pdf_button, self.xlsx_button):
            button.setEnabled(enabled)

    def modality_label(self, modality: str) -> str:
        labels = {
            "klasikal": self.tr("Klasikal"),
            "e_learning": self.tr("E-learning"),
            "blended": self.tr("Blended"),
            "microlearning": self.tr("Mikro"),
            "coaching": self.tr("Coaching"),
            "mentoring": self.tr("Mentoring"),
            "social_learning": self.tr("Belajar sosial"),
            "experiential": self.tr("Pengalaman kerja"),
        }
        return labels.get(modality, modality)

    def _number(self, value: float, decimals: int = 2) -> str:
        return self._locale.toString(float(value), "f", decimals)

    def _show_path(self, path: LearnerPath) -> None:
        assert self.learner is not None and self.recommender is not None
        self._fill_timeline(path)
        self._fill_excluded(path)
        try:
            entries = gap_entries(self.recommender, self.learner.id, path, self._competencies)
        except CurriculumError:
            entries = []
        self.gap_chart.set_entries(entries)
        self._set_path_actions(True)
        self._show_summary(path)

    def _fill_timeline(self, path: LearnerPath) -> None:
        self.timeline.clear()
        bold = QFont(self.timeline.font())
        bold.setBold(True)
        number = 0
        first_step: QTreeWidgetItem | None = None
        for period, group in groupby(path.steps, key=lambda step: step.period):
            steps = list(group)
            jp = sum(step.jp for step in steps)
            top = QTreeWidgetItem(
                self.timeline,
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
                self.timeline,
                [
                    self.tr(
                        "Tidak ada langkah: tidak ada modul yang dapat diikuti yang menutup "
                        'kesenjangan. Lihat "Tidak dipilih".'
                    )
                ],
            )
            item.setFirstColumnSpanned(True)
            item.setForeground(0, MUTED_COLOUR)
        if first_step is not None:
            self.timeline.setCurrentItem(first_step)
        else:
            self.step_detail.clear()

    def _obligation_items(self, path: LearnerPath, bold: QFont) -> None:
        """Compulsory programmes, apart from the periods: outside the JP budget."""
        jp = sum(o.jp for o in path.obligations)
        top = QTreeWidgetItem(
            self.timeline,
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
                f"{self._number(step.p_success * 100, 0)}%",
                self._number(step.value),
            ],
        )
        item.setData(0, Qt.ItemDataRole.UserRole, number)
        for column in (2, 4, 5):
            item.setTextAlignment(
                column, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            )
        tip = self._step_html(step, number)
        for column in range(6):
            item.setToolTip(column, tip)
        for reason in map(_shown, step.reasons):
            child = QTreeWidgetItem(item, [f"• {reason}"])
            child.setFirstColumnSpanned(True)
            child.setForeground(0, MUTED_COLOUR)
            child.setToolTip(0, reason)
            child.setFlags(child.flags() & ~Qt.ItemFlag.ItemIsSelectable)
        return item

    def _step_html(self, step: PathStep, number: int) -> str:
        head = (
            f"<b>{number}. {html.escape(step.module)}</b> – {html.escape(step.title)}"
            f"<br><span style='color:#555'>"
            + self.tr("%1 JP · %2 · peluang berhasil %3% · nilai %4")
            .replace("%1", str(step.jp))
            .replace("%2", self.modality_label(step.modality))
            .replace("%3", self._number(step.p_success * 100, 0))
            .replace("%4", self._number(step.value))
            + "</span>"
        )
        reasons = "".join(f"<li>{html.escape(_shown(r))}</li>" for r in step.reasons)
        return f"{head}<ul style='margin:2px 0 0 -20px'>{reasons}</ul>"

    def _step_selected(self, current: QTreeWidgetItem | None, _previous: object) -> None:
        if current is None or self.path is None:
            return
        number = current.data(0, Qt.ItemDataRole.UserRole)
        if isinstance(number, int) and 0 < number <= len(self.path.steps):
            self.step_detail.setHtml(self._step_html(self.path.steps[number - 1], number))

    def _fill_excluded(self, path: LearnerPath) -> None:
        self.excluded.setSortingEnabled(False)
        self.excluded.clear()
        context = self.recommender.context if self.recommender is not None else None
        for exclusion in path.excluded:
            title = ""
            if context is not None and exclusion.module in context.module_index:
                title = self.recommender.titles[context.module_index[exclusion.module]]
            item = QTreeWidgetItem(
                self.excluded,
                [
                    exclusion.module,
                    title,
                    _exclusion_label(exclusion.reason),
                    _shown(exclusion.reason),
                ],
            )
            item.setToolTip(1, title)
            item.setToolTip(3, _shown(exclusion.reason))
        self.excluded.setSortingEnabled(True)  # by module code; a header click sorts by kind
        self.excluded.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.path_tabs.setTabText(
            1, self.tr("Tidak dipilih (%1)").replace("%1", str(len(path.excluded)))
        )

    def _show_summary(self, path: LearnerPath) -> None:
        total, budget, minimum = path.total_jp, path.max_jp, path.min_jp
        parts = [
            self.tr("<b>%1 JP</b> dari anggaran %2 JP")
            .replace("%1", str(total))
            .replace("%2", str(budget))
        ]
        if total < minimum:
            warning = self.tr("⚠ di bawah minimum %1 JP").replace("%1", str(minimum))
            why = _shown(path.below_minimum) if path.below_minimum is not None else ""
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
        parts.append(self.tr("nilai harapan %1").replace("%1", self._number(path.expected_value)))
        parts.append(self.tr("model %1").replace("%1", html.escape(path.model_name or "—")))
        if self.saved_path is not None and self._same_path(self.saved_path, path):
            saved = self.tr("tersimpan")
            parts.append(f"<span style='color:{OK_COLOUR}'>{saved}</span>")
        self.summary.setText(" · ".join(parts))

    @staticmethod
    def _same_path(a: LearnerPath, b: LearnerPath) -> bool:
        return (a.learner, a.steps, a.max_jp, a.min_jp, a.periods) == (
            b.learner,
            b.steps,
            b.max_jp,
            b.min_jp,
            b.periods,
        )

    # -- saving and exporting ----------------------------------------------------------

    def save_path(self) -> bool:
        """Store the shown path as the learner's current path (one transaction)."""
        path = self.path
        if path is None:
            return False
        try:
            with self.workspace.transaction() as conn:
                save_paths(conn, [path])
        except CurriculumError as error:
            self._inform(self.tr("Jalur tidak disimpan"), str(error), QMessageBox.Icon.Warning)
            return False
        self.saved_path = path
        self._show_summary(path)
        self.status_message.emit(
            self.tr("Jalur disimpan sebagai jalur terkini: %1 langkah, %2 JP")
            .replace("%1", str(len(path.steps)))
            .replace("%2", str(path.total_jp))
        )
        self.workspace_edited.emit()
        return True

    def _label(self) -> str:
        """The learner as exported files name them: the id, or its pseudonym."""
        assert self.learner is not None
        if self.unmask.isChecked():
            return self.learner.id
        return pseudonym(self.workspace.get_meta("pseudonym_key") or "", self.learner.id)

    def _save_name(
        self,
        title: str,
        default: str,
        pattern: str,
        suffixes: Sequence[str],
        out: str | Path | None,
    ) -> Path | None:
        if out is None:
            chosen, selected = QFileDialog.getSaveFileName(self, title, default, pattern)
            if not chosen:
                return None
            out = chosen
            if Path(out).suffix.lower() not in suffixes:
                suffix = next(
                    (s for s in suffixes if s.lstrip(".") in selected.lower()), suffixes[0]
                )
                out = f"{out}{suffix}"
        out = Path(out)
        if out.suffix.lower() not in suffixes:
            self._inform(
                title,
                self.tr("Nama berkas harus berakhiran %1.").replace("%1", " / ".join(suffixes)),
                QMessageBox.Icon.Warning,
            )
            return None
        return out

    def export_pdf(self, out: str | Path | None = None) -> bool:
        """The shown path as the learner's own document to sign: addressed to them, so it
        shows their name and NIP (the file name stays masked unless asked)."""
        path, learner = self.path, self.learner
        if path is None or learner is None:
            return False
        from .path_pdf import write_path_document

        target = self._save_name(
            self.tr("Ekspor jalur ke PDF"),
            f"jalur-{self._label()}.pdf",
            self.tr("PDF (*.pdf)"),
            (".pdf",),
            out,
        )
        if target is None:
            return False
        try:
            write_path_document(self.workspace, path, target, lang=current_language())
        except (CurriculumError, OSError) as error:
            self._inform(self.tr("PDF tidak ditulis"), str(error), QMessageBox.Icon.Warning)
            return False
        self.status_message.emit(self.tr("PDF ditulis: %1").replace("%1", target.name))
        return True

    def export_xlsx(self, out: str | Path | None = None) -> bool:
        """The shown path's steps as a table (XLSX, or CSV by suffix); no personal data."""
        path = self.path
        if path is None or self.learner is None:
            return False
        target = self._save_name(
            self.tr("Ekspor jalur ke XLSX"),
            f"jalur-{self._label()}.xlsx",
            self.tr("Excel (*.xlsx);;CSV (*.csv)"),
            (".xlsx", ".csv"),
            out,
        )
        if target is None:
            return False
        rows = (
            {
                "Urutan": str(i),
                "Periode": str(step.period),
                "Modul": step.module,
                "Judul": step.title,
                "JP": str(step.jp),
                "Modalitas": self.modality_label(step.modality),
                "Peluang berhasil": f"{step.p_success:.4f}",
                "Nilai": f"{step.value:.4f}",
                "Alasan": "; ".join(_shown(r) for r in step.reasons),
            }
            for i, step in enumerate(path.steps, start=1)
        )
        try:
            write_rows(
                target,
                PATH_COLUMNS,
                rows,
                sheet="Jalur",
                numeric=("Urutan", "Periode", "JP", "Peluang berhasil", "Nilai"),
            )
        except (CurriculumError, OSError) as error:
            self._inform(self.tr("XLSX tidak ditulis"), str(error), QMessageBox.Icon.Warning)
            return False
        self.status_message.emit(self.tr("Jalur ditulis: %1").replace("%1", target.name))
        return True

    def export_agency_summary(self, out: str | Path | None = None) -> bool:
        """The agency summary workbook of the stored paths, written in the background."""
        target = self._save_name(
            self.tr("Ringkasan instansi"),
            "ringkasan-instansi.xlsx",
            self.tr("Excel (*.xlsx)"),
            (".xlsx",),
            out,
        )
        if target is None:
            return False
        workspace_target, unmask = self.workspace.target, self.unmask.isChecked()

        def task(report: workers.Report, cancelled: Callable[[], bool]) -> int:
            try:
                from ..report.summary import write_agency_summary
            except ImportError:
                raise CurriculumError("ringkasan instansi belum tersedia di versi ini") from None
            workspace = Workspace.open(workspace_target)
            try:
                return write_agency_summary(workspace, target, unmask=unmask)
            finally:
                workspace.close()

        def done(count: int) -> None:
            self.summary_button.setEnabled(True)
            self._inform(
                self.tr("Ringkasan instansi"),
                self.tr("Ringkasan %1 peserta ditulis ke %2.")
                .replace("%1", str(count))
                .replace("%2", str(target)),
            )

        def failed(message: str) -> None:
            self.summary_button.setEnabled(True)
            self._inform(self.tr("Ringkasan tidak ditulis"), message, QMessageBox.Icon.Warning)

        self.summary_button.setEnabled(False)
        self.status_message.emit(self.tr("Menulis ringkasan instansi…"))
        self._run(task, done, failed)
        return True

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
        source, target = Path(path), self.workspace.target

        def task(report: workers.Report, cancelled: Callable[[], bool]) -> Any:
            workspace = Workspace.open(target)
            try:
                return import_file(workspace, "learners", source)
            except ValidationError as error:
                return [str(problem) for problem in error.problems]
            finally:
                workspace.close()

        def failed(message: str) -> None:
            self.import_button.setEnabled(True)
            self._inform(self.tr("Impor peserta ditolak"), message, QMessageBox.Icon.Warning)

        self.import_button.setEnabled(False)
        self.status_message.emit(self.tr("Mengimpor peserta…"))
        self._run(task, self._imported, failed)
        return True

    def _imported(self, result: ImportSummary | list[str]) -> None:
        self.import_button.setEnabled(True)
        if isinstance(result, list):
            from .transfer import ProblemsDialog

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
        self.workspace_edited.emit()
        self.reload()

    # -- the agency batch --------------------------------------------------------------

    def start_batch(self, out: str | Path | None = None) -> bool:
        """Plan every learner with the current knobs in the background; write ``out``
        and store each path as the learner's current path."""
        if self._batch_worker is not None:
            return False
        target = self._save_name(
            self.tr("Jalur semua peserta"),
            "jalur-semua-peserta.csv",
            self.tr("CSV (*.csv);;Excel (*.xlsx);;JSON Lines (*.jsonl)"),
            OUTPUT_SUFFIXES,
            out,
        )
        if target is None:
            return False
        try:
            options = self.options()
        except CurriculumError as error:
            self._inform(self.tr("Jalur semua peserta"), str(error), QMessageBox.Icon.Warning)
            return False
        workspace_target, unmask = self.workspace.target, self.unmask.isChecked()
        outcome: dict[str, BatchSummary] = {}

        def task(report: workers.Report, cancelled: Callable[[], bool]) -> BatchSummary:
            workspace = Workspace.open(workspace_target)
            try:
                try:
                    summary = run_batch(
                        workspace,
                        target,
                        options=options,
                        unmask=unmask,
                        progress=lambda done, total: report(done, total, ""),
                        cancelled=cancelled,
                    )
                except BatchCancelled:
                    raise workers.Cancelled() from None
                outcome["summary"] = summary
                return summary
            finally:
                workspace.close()

        def cancelled() -> None:
            if "summary" in outcome:  # finished before the cancel arrived: it is written
                self._batch_done(outcome["summary"])
                return
            self._batch_stopped()
            self._inform(
                self.tr("Jalur semua peserta"), self.tr("Dibatalkan; tidak ada yang ditulis.")
            )
            self.status_message.emit(self.tr("Dibatalkan; tidak ada yang ditulis"))
            self.batch_finished.emit("cancelled")

        def failed(message: str) -> None:
            self._batch_stopped()
            self._inform(
                self.tr("Jalur semua peserta tidak dibuat"), message, QMessageBox.Icon.Warning
            )
            self.batch_finished.emit("failed")

        self.batch_percent = 0
        self.batch_button.setEnabled(False)
        self.batch_progress.setRange(0, 0)
        self.batch_progress.setFormat(self.tr("Memuat model…"))
        self.batch_progress.show()
        self.batch_cancel.setEnabled(True)
        self.batch_cancel.show()
        self.status_message.emit(self.tr("Membuat jalur untuk semua peserta…"))
        self._batch_worker = self._run(
            task, self._batch_done, failed, self._batch_progress, cancelled
        )
        return True

    def cancel_batch(self) -> None:
        """Ask the batch to stop at its next check; nothing is written or stored."""
        if self._batch_worker is None:
            return
        self._batch_worker.cancel()
        self.batch_cancel.setEnabled(False)
        self.batch_progress.setFormat(self.tr("Membatalkan…"))

    @property
    def batch_running(self) -> bool:
        return self._batch_worker is not None

    def _batch_progress(self, done: int, total: int, _message: str) -> None:
        if total <= 0:
            return
        self.batch_progress.setRange(0, total)
        self.batch_progress.setValue(done)
        self.batch_percent = max(self.batch_percent, round(100 * done / total))
        if self.batch_cancel.isEnabled():
            self.batch_progress.setFormat(
                self.tr("%p% · %1 dari %2 peserta")
                .replace("%1", str(done))
                .replace("%2", str(total))
            )

    def _batch_stopped(self) -> None:
        self._batch_worker = None
        self.batch_button.setEnabled(True)
        self.batch_cancel.hide()
        self.batch_progress.hide()

    def _batch_done(self, summary: BatchSummary) -> None:
        self._batch_stopped()
        masked = (
            ""
            if self.unmask.isChecked()
            else self.tr(" NIP peserta disamarkan (ANON-…) dalam berkas.")
        )
        text = (
            self.tr(
                "%1 jalur (%2 langkah) ditulis ke %3 dan disimpan sebagai jalur "
                "terkini setiap peserta; %4 peserta di bawah minimum JP."
            )
            .replace("%1", str(summary.learners))
            .replace("%2", str(summary.steps))
            .replace("%3", summary.output)
            .replace("%4", str(summary.below_min_jp))
            + masked
        )
        self._inform(self.tr("Jalur semua peserta"), text)
        self.status_message.emit(
            self.tr("Jalur %1 peserta ditulis").replace("%1", str(summary.learners))
        )
        self.workspace_edited.emit()
        self.batch_finished.emit("finished")

    # -- plumbing ----------------------------------------------------------------------

    def _run(
        self,
        task: Callable[[workers.Report, Callable[[], bool]], Any],
        finished: Callable[[Any], None],
        failed: Callable[[str], None] | None = None,
        progress: Callable[[int, int, str], None] | None = None,
        cancelled: Callable[[], None] | None = None,
    ) -> workers.Worker:
        """Start ``task`` on a worker; callbacks run on the GUI thread while this tab
        lives; the worker is kept until it reports its end."""
        holder: list[workers.Worker] = []

        def ending(slot: Callable[..., None] | None) -> Callable[..., None]:
            def call(*args: Any) -> None:
                if holder:
                    self._workers.discard(holder[0])
                if slot is not None and shiboken6.isValid(self):
                    slot(*args)

            return call

        def report(*args: Any) -> None:
            if progress is not None and shiboken6.isValid(self):
                progress(*args)

        worker = workers.start(
            task, ending(finished), ending(failed or self._failed), report, ending(cancelled)
        )
        holder.append(worker)
        self._workers.add(worker)
        return worker

    def _failed(self, message: str) -> None:
        self._inform(self.tr("Terjadi kesalahan"), message, QMessageBox.Icon.Warning)

    def _inform(
        self, title: str, text: str, icon: QMessageBox.Icon = QMessageBox.Icon.Information
    ) -> QMessageBox:
        """A window-modal message that does not block the event loop."""
        self.last_message = (title, text)
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return box


def _exclusion_label(reason: str) -> str:
    """The Indonesian kind of an exclusion reason (``konektivitas``, …), when known."""
    try:
        from ..report.summary import exclusion_kind, kind_label
    except ImportError:  # pragma: no cover - the report package ships with the app
        return ""
    return kind_label(exclusion_kind(reason), "id")


def _shown(reason: str) -> str:
    """A reason in the interface's language."""
    return in_language(reason, current_language())
