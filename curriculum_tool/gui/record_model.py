"""A read-only Qt table model over a list of contract records."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from ..domain import Record
from .vocab_labels import cell_label

__all__ = ["RecordTableModel"]

_Index = QModelIndex | QPersistentModelIndex

#: The record type a model holds (``Module`` for a table of modules).
R = TypeVar("R", bound=Record)


class RecordTableModel(QAbstractTableModel, Generic[R]):
    """Shows records as rows and the contract's columns as columns, cells as text.

    A thin adapter (no domain logic): a cell shows what export would write, with
    vocabulary keys in words (:func:`.vocab_labels.cell_label`); its tooltip shows the cell
    itself, keys and all.
    """

    def __init__(
        self,
        columns: Sequence[str],
        headers: Sequence[str] | None = None,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self._columns = tuple(columns)
        self._headers = tuple(headers or columns)
        self._rows: list[dict[str, str]] = []
        self._records: list[R] = []

    def set_records(self, records: Sequence[R]) -> None:
        self.beginResetModel()
        self._records = list(records)
        self._rows = [record.to_row() for record in self._records]
        self.endResetModel()

    def record(self, row: int) -> R:
        return self._records[row]

    def records(self) -> list[R]:
        return list(self._records)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return cell_label(column, self._rows[index.row()][column])
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._rows[index.row()][column]
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return str(section + 1)
