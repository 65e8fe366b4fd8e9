"""How the regions tab draws: item roles, hazard colours and bars, label proxies, the
region filter, and the record tables its panels share.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from PySide6.QtCore import (
    QIdentityProxyModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain import Region
from ..record_model import RecordTableModel
from ..vocab_labels import format_index
from .region_data import RegionData

__all__ = [
    "CODE_ROLE",
    "SORT_ROLE",
    "STATUS_COLORS",
    "BarDelegate",
    "DisplayProxy",
    "RegionFilter",
    "bold_font",
    "record_table",
    "select_record",
    "severity_color",
    "swatch",
]

#: The contract key behind a cell (a region code, a hazard key, an index value).
CODE_ROLE = Qt.ItemDataRole.UserRole
#: What a region tree column sorts by.
SORT_ROLE = Qt.ItemDataRole.UserRole + 1

#: The text colour of a module status: grey draft, amber review, green approved.
STATUS_COLORS = {"draft": "#6c757d", "review": "#b26a00", "approved": "#1e7e34"}


def severity_color(index: float) -> QColor:
    """The colour of a hazard index bar: grey-green, yellow, orange, red."""
    for threshold, color in ((0.75, "#c0392b"), (0.5, "#e67e22"), (0.3, "#f1c40f")):
        if index >= threshold:
            return QColor(color)
    return QColor("#7fb08a")


def swatch(color: QColor) -> QIcon:
    """A small filled circle of ``color``, the icon beside a hazard."""
    pixmap = QPixmap(10, 10)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(color)
    painter.drawEllipse(0, 0, 10, 10)
    painter.end()
    return QIcon(pixmap)


class BarDelegate(QStyledItemDelegate):
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


class DisplayProxy(QIdentityProxyModel):
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


class RegionFilter(QSortFilterProxyModel):
    """Filters the region tree by code or name, keeping parents and children of a match."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setRecursiveFilteringEnabled(True)
        self.setAutoAcceptChildRows(True)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterKeyColumn(-1)
        self.setSortRole(SORT_ROLE)


def bold_font(scale: float = 1.0) -> QFont:
    """The application font, bold, ``scale`` times its size."""
    font = QFont()
    font.setBold(True)
    if scale != 1.0:
        font.setPointSizeF(font.pointSizeF() * scale)
    return font


def record_table(parent: QWidget) -> QTableView:
    """A read-only table of records: one row selected at a time, actions as its menu."""
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


def select_record(view: QTableView, model: RecordTableModel, key: tuple) -> None:
    """Select the row of the record with ``key``, if ``model`` shows it."""
    for row in range(model.rowCount()):
        if model.record(row).key() == key:
            view.selectRow(row)
            return


class RegionRecordsPanel(QGroupBox):
    """One region's records in a table, a note on what it inherits from its parents below,
    and the panel's buttons: what the standards and local-modules panels share."""

    model: RecordTableModel
    view: QTableView
    region: Region | None
    data: RegionData

    def _lay_out(self, buttons: Sequence[QWidget]) -> None:
        """The table, the inherited note and ``buttons`` at the bottom right."""
        self.inherited = QLabel(self)
        self.inherited.setWordWrap(True)
        self.inherited.setStyleSheet("color: palette(mid);")
        row = QHBoxLayout()
        row.addStretch(1)
        for button in buttons:
            row.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addWidget(self.inherited)
        layout.addLayout(row)

    def _enter(self, region: Region | None, data: RegionData) -> list[str] | None:
        """Remember the region shown; the codes of its parents, nearest first, or None
        after emptying the panel when there is no region."""
        self.region = region
        self.data = data
        if region is None:
            self.model.set_records([])
            self.inherited.setText("")
            self._update_buttons()
            return None
        return data.chain(region)[1:]

    def _update_buttons(self) -> None:
        raise NotImplementedError
