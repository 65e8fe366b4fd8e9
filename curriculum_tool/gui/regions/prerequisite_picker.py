"""The prerequisite picker of the local module form: existing modules to tick, each hard
or soft.

A filterable table of the modules a learner of the region can take; ticking one makes
it a prerequisite (``hard`` by default) and the Jenis column's combo makes it ``soft``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain import Module
from ...domain.vocab import PREREQUISITE_KINDS
from ..vocab_labels import kind_label

__all__ = ["PrerequisitePicker"]


class _KindDelegate(QStyledItemDelegate):
    """Edits a prerequisite's kind with a combo of ``hard``/``soft``."""

    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        editor = QComboBox(parent)
        for kind in PREREQUISITE_KINDS:
            editor.addItem(kind_label(kind), kind)
        return editor

    def setEditorData(
        self,
        editor: QWidget,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.UserRole))))

    def setModelData(
        self,
        editor: QWidget,
        model: object,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        assert isinstance(editor, QComboBox)
        kind = editor.currentData()
        model.setData(index, kind, Qt.ItemDataRole.UserRole)  # type: ignore[attr-defined]
        model.setData(index, kind_label(kind), Qt.ItemDataRole.DisplayRole)  # type: ignore


class PrerequisitePicker(QWidget):
    """A filterable, checkable list of existing modules, each checked one hard or soft."""

    CODE, TITLE, KIND = range(3)

    def __init__(
        self, modules: Sequence[Module], chosen: Mapping[str, str], parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.model = QStandardItemModel(0, 3, self)
        self.model.setHorizontalHeaderLabels([self.tr("Modul"), self.tr("Judul"), self.tr("Jenis")])
        for module in modules:
            code = QStandardItem(module.code)
            code.setCheckable(True)
            code.setEditable(False)
            code.setToolTip(module.title)
            title = QStandardItem(module.title)
            title.setEditable(False)
            kind = QStandardItem()
            self.model.appendRow([code, title, kind])
            self._set_chosen(code.row(), module.code in chosen, chosen.get(module.code, "hard"))
        self.model.itemChanged.connect(self._on_item_changed)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(self.tr("Saring modul… (kode atau judul)"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.view = QTableView(self)
        self.view.setModel(self.proxy)
        self.view.setItemDelegateForColumn(self.KIND, _KindDelegate(self.view))
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(24)
        self.view.setWordWrap(False)
        self.view.setAlternatingRowColors(True)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(self.CODE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(self.KIND, QHeaderView.ResizeMode.ResizeToContents)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter)
        layout.addWidget(self.view)
        layout.addWidget(self.summary)
        self._update_summary()

    def _set_chosen(self, row: int, chosen: bool, kind: str) -> None:
        code, kind_item = self.model.item(row, self.CODE), self.model.item(row, self.KIND)
        code.setCheckState(Qt.CheckState.Checked if chosen else Qt.CheckState.Unchecked)
        kind_item.setData(kind, Qt.ItemDataRole.UserRole)
        kind_item.setText(kind_label(kind) if chosen else "")
        kind_item.setEditable(chosen)

    def _on_item_changed(self, item: QStandardItem) -> None:
        if item.column() != self.CODE:
            self._update_summary()  # a kind chosen in the Jenis combo
            return
        kind = self.model.item(item.row(), self.KIND).data(Qt.ItemDataRole.UserRole) or "hard"
        self.model.blockSignals(True)
        self._set_chosen(item.row(), item.checkState() == Qt.CheckState.Checked, kind)
        self.model.blockSignals(False)
        self.view.viewport().update()
        self._update_summary()

    def edges(self) -> list[tuple[str, str]]:
        """``(requires, kind)`` of every checked module, in catalog order."""
        result = []
        for row in range(self.model.rowCount()):
            code = self.model.item(row, self.CODE)
            if code.checkState() == Qt.CheckState.Checked:
                kind = self.model.item(row, self.KIND).data(Qt.ItemDataRole.UserRole)
                result.append((code.text(), kind or "hard"))
        return result

    def set_kind(self, code: str, kind: str) -> None:
        """Set the kind of a checked module (what the Jenis combo does)."""
        for row in range(self.model.rowCount()):
            if self.model.item(row, self.CODE).text() == code:
                self._set_chosen(row, True, kind)
                self._update_summary()
                return
        raise KeyError(code)

    def _update_summary(self) -> None:
        edges = self.edges()
        if not edges:
            self.summary.setText(self.tr("Belum ada prasyarat dipilih."))
            return
        chosen = ", ".join(f"{code} ({kind_label(kind)})" for code, kind in edges)
        self.summary.setText(self.tr("Dipilih: {modules}").format(modules=chosen))
