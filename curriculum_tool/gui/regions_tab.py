"""Wilayah & Modul Lokal: regions, their hazards, regional standards and local modules.

Regional staff (BPBD, BPSDM provinsi) pick a province or regency in a tree and see
what the recommender sees there: its hazard indices (a regency's own, and its
province's where it states none), connectivity and 3T status. They keep the region's
competency standards and its local modules here. Every write goes through the core's
checks (``Record.from_row`` and ``import_parsed``: references, cycles) in one
transaction; a refused write shows every problem and changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence

from PySide6.QtCore import (
    QIdentityProxyModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QColor,
    QFont,
    QIcon,
    QKeySequence,
    QPainter,
    QPalette,
    QPixmap,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QTreeView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import Connection

from ..domain import Competency, Module, Prerequisite, Region, RegionalStandard, RowError
from ..domain.regions import RegionHazard, effective_hazards
from ..domain.vocab import NATIONAL
from ..errors import CurriculumError, Problem, ValidationError
from ..io.importer import ParsedFile, import_parsed
from ..store import Workspace
from .local_module_form import (
    LocalModuleForm,
    ProblemList,
    combo_code,
    competency_combo,
    connectivity_label,
    format_index,
    hazard_label,
    hazard_short_label,
    level_combo,
    modality_label,
    status_label,
)
from .record_model import RecordTableModel

__all__ = [
    "NEXT_STATUS",
    "RegionHazard",
    "RegionsTab",
    "StandardDialog",
    "effective_hazards",
]

#: The review workflow of a local module: one step at a time.
NEXT_STATUS = {"draft": "review", "review": "approved"}

#: How the app's own writes are named in problems (``FILE`` of ``FILE:ROW:COLUMN``).
MODULE_LABEL = "modules"
PREREQUISITE_LABEL = "prerequisites"
STANDARD_LABEL = "regional_standards"

CODE_ROLE = Qt.ItemDataRole.UserRole
SORT_ROLE = Qt.ItemDataRole.UserRole + 1

_STATUS_COLORS = {"draft": "#6c757d", "review": "#b26a00", "approved": "#1e7e34"}


def severity_color(index: float) -> QColor:
    """The colour of a hazard index bar: grey-green, yellow, orange, red."""
    for threshold, color in ((0.75, "#c0392b"), (0.5, "#e67e22"), (0.3, "#f1c40f")):
        if index >= threshold:
            return QColor(color)
    return QColor("#7fb08a")


def _swatch(color: QColor) -> QIcon:
    pixmap = QPixmap(10, 10)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(color)
    painter.drawEllipse(0, 0, 10, 10)
    painter.end()
    return QIcon(pixmap)


class _BarDelegate(QStyledItemDelegate):
    """Draws a hazard index (``UserRole``, 0–1) as a bar with its value beside it."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        value = index.data(CODE_ROLE)
        if value is None:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        track = option.rect.adjusted(6, 6, -52, -6)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#e9ecef"))
        painter.drawRoundedRect(track, 3, 3)
        bar = QRect(track)
        bar.setWidth(max(2, round(track.width() * float(value))))
        painter.setBrush(severity_color(float(value)))
        painter.drawRoundedRect(bar, 3, 3)
        painter.setPen(opt.palette.color(QPalette.ColorRole.Text))
        text = QRect(track.right() + 4, option.rect.top(), 44, option.rect.height())
        painter.drawText(
            text,
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            format_index(float(value)),
        )
        painter.restore()


class _DisplayProxy(QIdentityProxyModel):
    """Shows some columns' contract text as labels (``approved`` → ``Disetujui``)."""

    def __init__(
        self,
        display: Mapping[int, Callable[[str], str]],
        tooltip: Mapping[int, Callable[[str], str]] | None = None,
        color: Mapping[int, Callable[[str], QColor | None]] | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self._display = dict(display)
        self._tooltip = dict(tooltip or {})
        self._color = dict(color or {})

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        column = index.column()
        if role == CODE_ROLE:
            return super().data(index, Qt.ItemDataRole.DisplayRole)
        if role == Qt.ItemDataRole.DisplayRole and column in self._display:
            return self._display[column](super().data(index, role))
        if role == Qt.ItemDataRole.ToolTipRole and column in self._tooltip:
            return self._tooltip[column](super().data(index, Qt.ItemDataRole.DisplayRole))
        if role == Qt.ItemDataRole.ForegroundRole and column in self._color:
            return self._color[column](super().data(index, Qt.ItemDataRole.DisplayRole))
        return super().data(index, role)


class _RegionFilter(QSortFilterProxyModel):
    """Filters the region tree by code or name, keeping parents and children of a match."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setRecursiveFilteringEnabled(True)
        self.setAutoAcceptChildRows(True)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterKeyColumn(-1)
        self.setSortRole(SORT_ROLE)


# -- regional standard dialog ---------------------------------------------------------


class StandardDialog(QDialog):
    """Add or change one regional standard of ``region``; ``save(row)`` writes it and
    returns the problems, and the dialog stays open until there are none."""

    def __init__(
        self,
        region: Region,
        competencies: Sequence[Competency],
        save: Callable[[dict[str, str]], list[tuple[str, str]]],
        standard: RegionalStandard | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.region = region
        self._save = save
        self.setWindowTitle(
            self.tr("Ubah standar wilayah") if standard else self.tr("Tambah standar wilayah")
        )
        self.setModal(True)
        self.setMinimumWidth(560)
        self.competency_combo = competency_combo(competencies, self)
        self.level_combo = level_combo(self, str(standard.level) if standard else "2")
        self.reason_edit = QPlainTextEdit(self)
        self.reason_edit.setPlaceholderText(
            self.tr(
                "Mengapa setiap ASN di wilayah ini perlu mencapai level ini, mis. indeks bahaya "
                "dan sumbernya"
            )
        )
        self.reason_edit.setFixedHeight(72)
        if standard is not None:
            found = self.competency_combo.findData(standard.competency)
            if found >= 0:
                self.competency_combo.setCurrentIndex(found)
            else:
                self.competency_combo.setEditText(standard.competency)
            self.competency_combo.setEnabled(False)  # the key: add another one instead
            self.reason_edit.setPlainText(standard.reason)
        form = QFormLayout()
        form.addRow(self.tr("Wilayah"), QLabel(f"<b>{region.code}</b> {region.name}", self))
        form.addRow(self.tr("Kompetensi"), self.competency_combo)
        form.addRow(self.tr("Level"), self.level_combo)
        form.addRow(self.tr("Alasan"), self.reason_edit)
        self.problems = ProblemList(self)
        buttons = QDialogButtonBox(self)
        self.save_button = buttons.addButton(
            self.tr("Simpan"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel_button = buttons.addButton(
            self.tr("Batal"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.try_save)
        self.cancel_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problems)
        layout.addWidget(buttons)

    def row(self) -> dict[str, str]:
        """The dialog as the text cells of a ``regional_standards.csv`` row."""
        reason = " ".join(self.reason_edit.toPlainText().split())
        return {
            "region": self.region.code,
            "competency": combo_code(self.competency_combo),
            "level": self.level_combo.currentText().strip(),
            "reason": reason,
        }

    def try_save(self) -> bool:
        problems = self._save(self.row())
        self.problems.set_problems(problems)
        if problems:
            return False
        self.accept()
        return True


# -- the tab ---------------------------------------------------------------------------


class RegionsTab(QWidget):
    """Wilayah & Modul Lokal: the region tree, one region's hazards, standards and local
    modules, and the forms that change them through the core."""

    #: A short message for the status bar after an action.
    status_message = Signal(str)
    #: Emitted after each successful write to the workspace.
    workspace_edited = Signal()

    TREE_COLUMNS = 5

    def __init__(self, workspace: Workspace, parent: QWidget | None = None):
        super().__init__(parent)
        self.workspace = workspace
        self.regions: dict[str, Region] = {}
        self.competencies: list[Competency] = []
        self.modules: list[Module] = []
        self.standards: list[RegionalStandard] = []
        self.prerequisites: list[Prerequisite] = []
        self.region: Region | None = None
        self.standard_dialog: StandardDialog | None = None
        self.module_form: LocalModuleForm | None = None
        self._tree_items: dict[str, QStandardItem] = {}
        self._build()
        self.reload()

    # -- layout --------------------------------------------------------------------------

    def _build(self) -> None:
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(self.tr("Saring wilayah… (kode atau nama)"))
        self.filter.setClearButtonEnabled(True)
        self.tree_model = QStandardItemModel(0, self.TREE_COLUMNS, self)
        self.tree_proxy = _RegionFilter(self)
        self.tree_proxy.setSourceModel(self.tree_model)
        self.tree = QTreeView(self)
        self.tree.setModel(self.tree_proxy)
        self.tree.setSortingEnabled(True)
        self.tree.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setIndentation(14)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self.filter.textChanged.connect(self._on_filter)
        left = QWidget(self)
        box = QVBoxLayout(left)
        box.setContentsMargins(0, 0, 0, 0)
        title = QLabel(self.tr("Wilayah"), left)
        title.setFont(self._bold())
        box.addWidget(title)
        box.addWidget(self.filter)
        box.addWidget(self.tree)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(self._build_details())
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([600, 680])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    @staticmethod
    def _bold(scale: float = 1.0) -> QFont:
        font = QFont()
        font.setBold(True)
        if scale != 1.0:
            font.setPointSizeF(font.pointSizeF() * scale)
        return font

    def _build_details(self) -> QWidget:
        panel = QWidget(self)
        self.region_title = QLabel(self.tr("Pilih wilayah"), panel)
        self.region_title.setFont(self._bold(1.4))
        self.region_subtitle = QLabel(
            self.tr("Pilih provinsi atau kabupaten/kota di pohon wilayah."), panel
        )
        self.region_subtitle.setStyleSheet("color: palette(mid);")
        self.code_value = QLabel(panel)
        self.parent_value = QLabel(panel)
        self.connectivity_value = QLabel(panel)
        self.is_3t_value = QLabel(panel)
        info = QFormLayout()
        info.addRow(self.tr("Kode"), self.code_value)
        info.addRow(self.tr("Induk"), self.parent_value)
        info.addRow(self.tr("Konektivitas"), self.connectivity_value)
        info.addRow(self.tr("Daerah 3T"), self.is_3t_value)

        self.hazard_model = QStandardItemModel(0, 3, self)
        self.hazard_model.setHorizontalHeaderLabels(
            [self.tr("Bahaya"), self.tr("Indeks"), self.tr("Sumber")]
        )
        self.hazard_view = QTableView(panel)
        self.hazard_view.setModel(self.hazard_model)
        self.hazard_view.setItemDelegateForColumn(1, _BarDelegate(self.hazard_view))
        self.hazard_view.verticalHeader().hide()
        self.hazard_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.hazard_view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.hazard_view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.hazard_view.setShowGrid(False)
        self.hazard_view.verticalHeader().setDefaultSectionSize(24)
        header = self.hazard_view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setMinimumSectionSize(60)
        self.hazard_view.setMinimumWidth(400)
        self.hazard_view.setMinimumHeight(24 * 6 + 28)
        self.hazard_view.setMaximumHeight(24 * 9 + 28)
        hazards = QGroupBox(self.tr("Indeks bahaya (0–1)"), panel)
        QVBoxLayout(hazards).addWidget(self.hazard_view)
        hazards.setToolTip(
            self.tr(
                "Indeks per bahaya; kabupaten/kota yang tidak menyatakan "
                "suatu bahaya memakai indeks provinsinya."
            )
        )

        top = QHBoxLayout()
        facts = QVBoxLayout()
        facts.addWidget(self.region_title)
        facts.addWidget(self.region_subtitle)
        facts.addLayout(info)
        facts.addStretch(1)
        top.addLayout(facts, 0)
        top.addWidget(hazards, 1)

        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self._build_standards(panel), 2)
        layout.addWidget(self._build_modules(panel), 3)
        return panel

    def _table(self, parent: QWidget) -> QTableView:
        view = QTableView(parent)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setAlternatingRowColors(True)
        view.verticalHeader().hide()
        view.verticalHeader().setDefaultSectionSize(24)
        view.setWordWrap(False)
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        return view

    def _build_standards(self, parent: QWidget) -> QGroupBox:
        group = QGroupBox(self.tr("Standar kompetensi wilayah"), parent)
        self.standard_model = RecordTableModel(
            ("competency", "level", "reason"),
            (self.tr("Kompetensi"), self.tr("Level"), self.tr("Alasan")),
            self,
        )
        names = self._competency_name
        self.standard_proxy = _DisplayProxy({}, tooltip={0: names}, parent=self)
        self.standard_proxy.setSourceModel(self.standard_model)
        self.standard_view = self._table(group)
        self.standard_view.setModel(self.standard_proxy)
        header = self.standard_view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.standard_view.doubleClicked.connect(lambda _index: self.edit_selected_standard())
        self.standard_view.selectionModel().selectionChanged.connect(self._update_buttons)

        self.add_standard_button = QPushButton(self.tr("Tambah…"), group)
        self.edit_standard_button = QPushButton(self.tr("Ubah…"), group)
        self.delete_standard_button = QPushButton(self.tr("Hapus…"), group)
        self.add_standard_button.clicked.connect(self.add_standard)
        self.edit_standard_button.clicked.connect(self.edit_selected_standard)
        self.delete_standard_button.clicked.connect(self.delete_selected_standard)
        self.delete_standard_action = QAction(self.tr("Hapus standar…"), self.standard_view)
        self.delete_standard_action.setShortcut(QKeySequence(Qt.Key.Key_Delete))
        self.delete_standard_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.delete_standard_action.triggered.connect(self.delete_selected_standard)
        edit_action = QAction(self.tr("Ubah standar…"), self.standard_view)
        edit_action.triggered.connect(self.edit_selected_standard)
        self.standard_view.addActions([edit_action, self.delete_standard_action])

        self.inherited_standards = QLabel(group)
        self.inherited_standards.setWordWrap(True)
        self.inherited_standards.setStyleSheet("color: palette(mid);")
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (
            self.add_standard_button,
            self.edit_standard_button,
            self.delete_standard_button,
        ):
            buttons.addWidget(button)
        layout = QVBoxLayout(group)
        layout.addWidget(self.standard_view)
        layout.addWidget(self.inherited_standards)
        layout.addLayout(buttons)
        return group

    def _build_modules(self, parent: QWidget) -> QGroupBox:
        group = QGroupBox(self.tr("Modul lokal"), parent)
        self.module_model = RecordTableModel(
            ("code", "title", "jp", "modality", "competencies", "status", "owner"),
            (
                self.tr("Kode"),
                self.tr("Judul"),
                self.tr("JP"),
                self.tr("Modalitas"),
                self.tr("Kompetensi"),
                self.tr("Status"),
                self.tr("Pemilik"),
            ),
            self,
        )
        self.module_proxy = _DisplayProxy(
            {3: modality_label, 5: status_label},
            color={5: lambda status: QColor(_STATUS_COLORS.get(status, "#000000"))},
            parent=self,
        )
        self.module_proxy.setSourceModel(self.module_model)
        self.module_view = self._table(group)
        self.module_view.setModel(self.module_proxy)
        header = self.module_view.horizontalHeader()
        for column in range(self.module_model.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column, width in ((3, 95), (4, 120), (6, 100)):  # long cells: tooltips hold all
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        self.module_view.doubleClicked.connect(lambda _index: self.edit_selected_module())
        self.module_view.selectionModel().selectionChanged.connect(self._update_buttons)

        self.add_module_button = QPushButton(self.tr("Tambah modul lokal…"), group)
        self.edit_module_button = QPushButton(self.tr("Ubah…"), group)
        self.workflow_button = QPushButton(self.tr("Ajukan untuk ditinjau"), group)
        self.workflow_button.setToolTip(
            self.tr(
                "Alur kerja: Draf → Ditinjau → Disetujui. Hanya modul yang disetujui yang "
                "direkomendasikan kepada peserta."
            )
        )
        self.add_module_button.clicked.connect(self.add_local_module)
        self.edit_module_button.clicked.connect(self.edit_selected_module)
        self.workflow_button.clicked.connect(self.advance_selected_module)
        edit_action = QAction(self.tr("Ubah modul…"), self.module_view)
        edit_action.triggered.connect(self.edit_selected_module)
        self.module_view.addAction(edit_action)

        self.inherited_modules = QLabel(group)
        self.inherited_modules.setWordWrap(True)
        self.inherited_modules.setStyleSheet("color: palette(mid);")
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.add_module_button, self.edit_module_button, self.workflow_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(group)
        layout.addWidget(self.module_view)
        layout.addWidget(self.inherited_modules)
        layout.addLayout(buttons)
        return group

    # -- loading -------------------------------------------------------------------------

    def set_workspace(self, workspace: Workspace) -> None:
        """Show another workspace (the caller owns and closes the previous one)."""
        self.workspace = workspace
        self.region = None
        self.reload()

    def reload(self) -> None:
        """Read the workspace again, keeping the selected region when it still exists."""
        keep = self.region.code if self.region else None
        regions = self.workspace.load("regions")
        self.regions = {r.code: r for r in regions}  # type: ignore[misc]
        self.competencies = self.workspace.load("competencies")  # type: ignore[assignment]
        self.modules = self.workspace.load("modules")  # type: ignore[assignment]
        self.standards = self.workspace.load("regional_standards")  # type: ignore[assignment]
        self.prerequisites = self.workspace.load("prerequisites")  # type: ignore[assignment]
        self._fill_tree()
        self.region = None
        if keep is None or not self.select_region(keep):
            self._show_region(None)

    def _fill_tree(self) -> None:
        # No current row while rebuilding, so removing rows selects nothing on the way.
        self.tree.selectionModel().clear()
        self.tree_model.removeRows(0, self.tree_model.rowCount())
        self.tree_model.setHorizontalHeaderLabels(
            [
                self.tr("Kode"),
                self.tr("Nama"),
                self.tr("Konektivitas"),
                self.tr("3T"),
                self.tr("Bahaya tertinggi"),
            ]
        )
        self._tree_items = {}
        parents = [r for r in self.regions.values() if not r.parent or r.parent not in self.regions]
        children: dict[str, list[Region]] = {}
        for region in self.regions.values():
            if region.parent and region.parent in self.regions:
                children.setdefault(region.parent, []).append(region)
        root = self.tree_model.invisibleRootItem()
        for region in sorted(parents, key=lambda r: r.code):
            row = self._tree_row(region)
            root.appendRow(row)
            for child in sorted(children.get(region.code, []), key=lambda r: r.code):
                row[0].appendRow(self._tree_row(child))
                # a third level (rare) is shown under its regency
                for grandchild in sorted(children.get(child.code, []), key=lambda r: r.code):
                    self._tree_items[child.code].appendRow(self._tree_row(grandchild))
        self.tree.expandAll()
        for column in range(self.TREE_COLUMNS - 1):
            self.tree.resizeColumnToContents(column)

    def _tree_row(self, region: Region) -> list[QStandardItem]:
        hazards = effective_hazards(region, self.regions)
        top = hazards[0] if hazards else None
        cells = [
            (region.code, region.code),
            (region.name, region.name),
            (connectivity_label(region.connectivity), region.connectivity),
            (self.tr("Ya") if region.is_3t else "", int(region.is_3t)),
            (
                (f"{hazard_short_label(top.hazard)} {format_index(top.index)}" if top else "—"),
                top.index if top else 0.0,
            ),
        ]
        row = []
        for text, sort in cells:
            item = QStandardItem(text)
            item.setEditable(False)
            item.setData(sort, SORT_ROLE)
            item.setData(region.code, CODE_ROLE)
            row.append(item)
        if top is not None:
            row[4].setIcon(_swatch(severity_color(top.index)))
            row[4].setData(top.hazard, CODE_ROLE)
            row[4].setToolTip(
                hazard_label(top.hazard) + (self.tr(" (dari provinsi)") if top.inherited else "")
            )
        if region.is_3t:
            row[3].setToolTip(self.tr("Daerah tertinggal, terdepan dan terluar"))
        self._tree_items[region.code] = row[0]
        return row

    def _on_filter(self, text: str) -> None:
        self.tree_proxy.setFilterFixedString(text)
        self.tree.expandAll()

    # -- selection -----------------------------------------------------------------------

    def select_region(self, code: str) -> bool:
        """Make ``code`` the current region in the tree; False when absent or filtered."""
        item = self._tree_items.get(code)
        if item is None:
            return False
        index = self.tree_proxy.mapFromSource(item.index())
        if not index.isValid():
            return False
        self.tree.setCurrentIndex(index)
        self.tree.scrollTo(index)
        return True

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        code = current.data(CODE_ROLE) if current.isValid() else None
        self._show_region(self.regions.get(code) if code else None)

    def _show_region(self, region: Region | None) -> None:
        self.region = region
        self.hazard_model.removeRows(0, self.hazard_model.rowCount())
        if region is None:
            self.region_title.setText(self.tr("Pilih wilayah"))
            self.region_subtitle.setText(
                self.tr("Pilih provinsi atau kabupaten/kota di pohon wilayah.")
            )
            for label in (
                self.code_value,
                self.parent_value,
                self.connectivity_value,
                self.is_3t_value,
                self.inherited_standards,
                self.inherited_modules,
            ):
                label.setText("")
            self.standard_model.set_records([])
            self.module_model.set_records([])
            self._update_buttons()
            return
        parent = self.regions.get(region.parent) if region.parent else None
        self.region_title.setText(region.name)
        self.region_subtitle.setText(
            self.tr("Kabupaten/kota di {province}").format(province=parent.name)
            if parent
            else self.tr("Provinsi")
        )
        self.code_value.setText(region.code)
        self.parent_value.setText(f"{parent.name} ({parent.code})" if parent else "—")
        self.connectivity_value.setText(connectivity_label(region.connectivity))
        self.is_3t_value.setText(
            self.tr("Ya — tertinggal, terdepan, terluar") if region.is_3t else self.tr("Tidak")
        )
        for hazard in effective_hazards(region, self.regions):
            self.hazard_model.appendRow(self._hazard_row(hazard))
        chain = self._chain(region)[1:]
        self.standard_model.set_records([s for s in self.standards if s.region == region.code])
        inherited = [s for s in self.standards if s.region in chain]
        self.inherited_standards.setText(
            self.tr("Juga berlaku dari wilayah induk: {items}").format(
                items="; ".join(f"{s.competency} level {s.level} ({s.region})" for s in inherited)
            )
            if inherited
            else ""
        )
        self.module_model.set_records([m for m in self.modules if m.scope == region.code])
        offered = [m for m in self.modules if m.scope in chain]
        notes = []
        if self.module_model.rowCount() == 0:
            notes.append(self.tr("Belum ada modul lokal untuk {name}.").format(name=region.name))
        if offered:
            notes.append(
                self.tr("Modul lokal wilayah induk yang juga ditawarkan di sini: {items}").format(
                    items="; ".join(f"{m.code} ({status_label(m.status)})" for m in offered)
                )
            )
        self.inherited_modules.setText(" ".join(notes))
        self._update_buttons()

    def _hazard_row(self, hazard: RegionHazard) -> list[QStandardItem]:
        name = QStandardItem(hazard_label(hazard.hazard))
        name.setData(hazard.hazard, CODE_ROLE)
        name.setIcon(_swatch(severity_color(hazard.index)))
        bar = QStandardItem(format_index(hazard.index))
        bar.setData(hazard.index, CODE_ROLE)
        if hazard.inherited:
            source_region = self.regions.get(hazard.source or "")
            is_province = source_region is not None and not source_region.parent
            text = (
                self.tr("(dari provinsi)")
                if is_province
                else self.tr("(dari {code})").format(code=hazard.source)
            )
        else:
            text = self.tr("wilayah ini")
        source = QStandardItem(text)
        source.setData(hazard.source, CODE_ROLE)
        if hazard.inherited:
            source.setForeground(QColor("#6c757d"))
        return [name, bar, source]

    def _chain(self, region: Region) -> list[str]:
        """The region's code, its parent's, and so on up."""
        chain: list[str] = []
        current: Region | None = region
        while current is not None and current.code not in chain:
            chain.append(current.code)
            current = self.regions.get(current.parent) if current.parent else None
        return chain

    def hazard_rows(self) -> list[tuple[str, float, str]]:
        """What the hazard table shows: ``(hazard key, index, source text)``."""
        return [
            (
                self.hazard_model.item(r, 0).data(CODE_ROLE),
                self.hazard_model.item(r, 1).data(CODE_ROLE),
                self.hazard_model.item(r, 2).text(),
            )
            for r in range(self.hazard_model.rowCount())
        ]

    def _competency_name(self, code: str) -> str:
        for competency in self.competencies:
            if competency.code == code:
                return f"{code} — {competency.name}"
        return code

    def selected_standard(self) -> RegionalStandard | None:
        rows = self.standard_view.selectionModel().selectedRows()
        return self.standard_model.record(rows[0].row()) if rows else None  # type: ignore

    def selected_module(self) -> Module | None:
        rows = self.module_view.selectionModel().selectedRows()
        return self.module_model.record(rows[0].row()) if rows else None  # type: ignore

    def _update_buttons(self) -> None:
        has_region = self.region is not None
        standard = self.selected_standard() if has_region else None
        module = self.selected_module() if has_region else None
        self.add_standard_button.setEnabled(has_region)
        self.edit_standard_button.setEnabled(standard is not None)
        self.delete_standard_button.setEnabled(standard is not None)
        self.delete_standard_action.setEnabled(standard is not None)
        self.add_module_button.setEnabled(has_region)
        self.edit_module_button.setEnabled(module is not None)
        status = module.status if module else "draft"
        self.workflow_button.setText(
            {
                "draft": self.tr("Ajukan untuk ditinjau"),
                "review": self.tr("Setujui"),
                "approved": self.tr("Sudah disetujui"),
            }[status]
        )
        self.workflow_button.setEnabled(module is not None and status in NEXT_STATUS)

    def _select_row(self, view: QTableView, model: RecordTableModel, key: tuple) -> None:
        for row in range(model.rowCount()):
            if model.record(row).key() == key:
                view.selectRow(row)
                return

    # -- writing -------------------------------------------------------------------------

    def _write(self, steps: Callable[[Connection], object]) -> list[tuple[str, str]]:
        """Run ``steps`` in one transaction; the problems of a refusal (nothing written)
        as ``(column, message)``, or an empty list once committed."""
        try:
            with self.workspace.transaction() as conn:
                steps(conn)
        except ValidationError as error:
            return [self._field_of(problem) for problem in error.problems]
        except CurriculumError as error:
            return [("", str(error))]
        return []

    @staticmethod
    def _field_of(problem: Problem) -> tuple[str, str]:
        if problem.file == PREREQUISITE_LABEL:
            return ("prerequisites", problem.message)
        return ("" if problem.column == "-" else problem.column, problem.message)

    def _edited(self, message: str) -> None:
        self.reload()
        self.status_message.emit(message)
        self.workspace_edited.emit()

    def _confirm(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(
            self,
            title,
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _refused(self, title: str, problems: Iterable[tuple[str, str]]) -> None:
        QMessageBox.warning(
            self,
            title,
            "\n".join(
                f"{column}: {message}" if column else message for column, message in problems
            ),
        )

    # -- regional standards ----------------------------------------------------------------

    def add_standard(self) -> StandardDialog | None:
        """Open the dialog for a new standard of the selected region."""
        return self._open_standard(None)

    def edit_selected_standard(self) -> StandardDialog | None:
        standard = self.selected_standard()
        return self._open_standard(standard) if standard else None

    def _open_standard(self, standard: RegionalStandard | None) -> StandardDialog | None:
        if self.region is None:
            return None
        adding = standard is None
        if self.standard_dialog is not None:
            self.standard_dialog.deleteLater()
        self.standard_dialog = StandardDialog(
            self.region,
            self.competencies,
            lambda row: self.save_standard(row, adding),
            standard,
            self,
        )
        self.standard_dialog.open()
        return self.standard_dialog

    def save_standard(self, row: dict[str, str], adding: bool) -> list[tuple[str, str]]:
        """Validate and write one regional standard; the problems, or [] once written."""
        try:
            standard = RegionalStandard.from_row(row)
        except RowError as error:
            return list(error.problems)

        def steps(conn: Connection) -> None:
            if adding and standard.key() in self.workspace.keys(standard.KIND, conn):
                raise ValidationError(
                    Problem(
                        STANDARD_LABEL,
                        2,
                        "competency",
                        self.tr(
                            "{region} sudah punya standar untuk {competency}; pilih baris itu lalu "
                            "Ubah"
                        ).format(region=standard.region, competency=standard.competency),
                    )
                )
            import_parsed(
                self.workspace,
                [ParsedFile(standard.KIND, STANDARD_LABEL, [standard], [2], [])],
                conn=conn,
            )

        problems = self._write(steps)
        if not problems:
            self._edited(
                self.tr("Standar {competency} level {level} untuk {region} disimpan.").format(
                    competency=standard.competency, level=standard.level, region=standard.region
                )
            )
            self._select_row(self.standard_view, self.standard_model, standard.key())
        return problems

    def delete_selected_standard(self) -> bool:
        """Delete the selected standard after the user confirms."""
        standard = self.selected_standard()
        if standard is None or self.region is None:
            return False
        if not self._confirm(
            self.tr("Hapus standar wilayah"),
            self.tr(
                "Hapus standar {competency} level {level} untuk {name} ({code})?\n"
                "Peserta di wilayah ini tidak lagi ditargetkan mencapai level ini."
            ).format(
                competency=standard.competency,
                level=standard.level,
                name=self.region.name,
                code=self.region.code,
            ),
        ):
            return False
        problems = self._write(
            lambda conn: self.workspace.delete(conn, standard.KIND, [standard.key()])
        )
        if problems:
            self._refused(self.tr("Standar tidak dihapus"), problems)
            return False
        self._edited(
            self.tr("Standar {competency} untuk {region} dihapus.").format(
                competency=standard.competency, region=standard.region
            )
        )
        return True

    # -- local modules --------------------------------------------------------------------

    def add_local_module(self) -> LocalModuleForm | None:
        """Open the form for a new local module of the selected region."""
        return self._open_module(None)

    def edit_selected_module(self) -> LocalModuleForm | None:
        """Open the form on the selected module; an approved one only after confirming."""
        module = self.selected_module()
        if module is None:
            return None
        if module.status == "approved" and not self._confirm(
            self.tr("Ubah modul yang sudah disetujui"),
            self.tr(
                "Modul {code} sudah disetujui dan dapat muncul di jalur belajar peserta. "
                "Perubahan berlaku pada rekomendasi berikutnya. Lanjutkan?"
            ).format(code=module.code),
        ):
            return None
        return self._open_module(module)

    def _open_module(self, module: Module | None) -> LocalModuleForm | None:
        if self.region is None:
            return None
        hazards = {h.hazard: h.index for h in effective_hazards(self.region, self.regions)}
        chosen = {
            p.requires: p.kind
            for p in self.prerequisites
            if module is not None and p.module == module.code
        }
        # Offer what learners here can take: national modules and the local modules of
        # this region or a parent (plus any edge the module already has).
        chain = set(self._chain(self.region))
        candidates = [
            m for m in self.modules if m.scope == NATIONAL or m.scope in chain or m.code in chosen
        ]
        adding = module is None
        if self.module_form is not None:
            self.module_form.deleteLater()
        self.module_form = LocalModuleForm(
            self.region,
            hazards,
            self.competencies,
            candidates,
            lambda row, edges: self.save_module(row, edges, adding),
            module,
            chosen,
            self,
        )
        self.module_form.open()
        return self.module_form

    def save_module(
        self, row: dict[str, str], edges: Sequence[tuple[str, str]], adding: bool
    ) -> list[tuple[str, str]]:
        """Validate and write a local module with exactly ``edges`` as its prerequisites,
        in one transaction; the problems, or [] once written."""
        try:
            module = Module.from_row(row)
        except RowError as error:
            return list(error.problems)
        problems: list[tuple[str, str]] = []
        edges_in = []
        for requires, kind in edges:
            try:
                edges_in.append(
                    Prerequisite.from_row(
                        {"module": module.code, "requires": requires, "kind": kind}
                    )
                )
            except RowError as error:
                problems.extend(("prerequisites", message) for _, message in error.problems)
        if problems:
            return problems

        def steps(conn: Connection) -> None:
            workspace = self.workspace
            if adding and module.code in workspace.keys(module.KIND, conn):
                raise ValidationError(
                    Problem(
                        MODULE_LABEL,
                        2,
                        "code",
                        self.tr("kode {code} sudah dipakai modul lain; pilih kode lain").format(
                            code=module.code
                        ),
                    )
                )
            import_parsed(
                workspace, [ParsedFile(module.KIND, MODULE_LABEL, [module], [2], [])], conn=conn
            )
            wanted = {p.requires for p in edges_in}
            stale = [
                p.key()
                for p in workspace.load(Prerequisite.KIND, conn)
                if p.module == module.code and p.requires not in wanted
            ]
            if stale:
                workspace.delete(conn, Prerequisite.KIND, stale)
            if edges_in:
                import_parsed(
                    workspace,
                    [
                        ParsedFile(
                            Prerequisite.KIND,
                            PREREQUISITE_LABEL,
                            edges_in,
                            list(range(2, len(edges_in) + 2)),
                            [],
                        )
                    ],
                    conn=conn,
                )

        problems = self._write(steps)
        if not problems:
            self._edited(
                self.tr("Modul lokal {code} disimpan ({status}).").format(
                    code=module.code, status=status_label(module.status)
                )
            )
            self._select_row(self.module_view, self.module_model, module.key())
        return problems

    def advance_selected_module(self) -> bool:
        """Move the selected module one step: draft → review → approved."""
        module = self.selected_module()
        if module is None or module.status not in NEXT_STATUS:
            return False
        step = NEXT_STATUS[module.status]
        try:
            updated = module.edited(status=step)
        except RowError as error:
            self._refused(self.tr("Status tidak diubah"), error.problems)
            return False
        problems = self._write(
            lambda conn: import_parsed(
                self.workspace,
                [ParsedFile(updated.KIND, MODULE_LABEL, [updated], [2], [])],
                conn=conn,
            )
        )
        if problems:
            self._refused(self.tr("Status tidak diubah"), problems)
            return False
        region = self.region
        where = f"{region.name} ({region.code})" if region else updated.scope
        if region is not None and not region.parent:
            where += self.tr(" dan kabupaten/kota di bawahnya")
        self._edited(
            self.tr(
                "Modul {code} disetujui; kini dapat direkomendasikan kepada peserta di {where}."
            ).format(code=updated.code, where=where)
            if step == "approved"
            else self.tr("Modul {code} diajukan untuk ditinjau.").format(code=updated.code)
        )
        self._select_row(self.module_view, self.module_model, updated.key())
        return True
