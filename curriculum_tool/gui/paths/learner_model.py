"""The agency's learners as a Qt table model: id, name, position, region, digital literacy."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QWidget

from ...domain import Learner

__all__ = ["LearnerTableModel"]

_Index = QModelIndex | QPersistentModelIndex


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
