"""The Riwayat tab's data: a page of the audit trail read in a worker, as a Qt table
model, with times, tables and actions in the interface's language."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from ..domain.roles import ROLE_NAMES
from ..io.audit_export import actors_seen, in_table_order, mask_entry
from ..store import Workspace
from ..store.audit import AuditEntry, read_audit
from ..store.closure import within
from ..store.names import table_name
from .i18n import QT_TRANSLATE_NOOP, current_language, in_app_language

__all__ = [
    "CHANGED",
    "PAGE",
    "HistoryModel",
    "HistoryPage",
    "HistoryQuery",
    "read_history",
    "shown_table",
    "shown_time",
    "utc_bound",
]

#: How many changes are read at a time.
PAGE = 2000
_Index = QModelIndex | QPersistentModelIndex

_HEADERS = (
    QT_TRANSLATE_NOOP("HistoryModel", "Waktu"),
    QT_TRANSLATE_NOOP("HistoryModel", "Orang"),
    QT_TRANSLATE_NOOP("HistoryModel", "Peran"),
    QT_TRANSLATE_NOOP("HistoryModel", "Tabel"),
    QT_TRANSLATE_NOOP("HistoryModel", "Baris"),
    QT_TRANSLATE_NOOP("HistoryModel", "Wilayah"),
    QT_TRANSLATE_NOOP("HistoryModel", "Tindakan"),
    QT_TRANSLATE_NOOP("HistoryModel", "Kolom berubah"),
    QT_TRANSLATE_NOOP("HistoryModel", "Catatan"),
)
_ACTIONS = {
    "insert": QT_TRANSLATE_NOOP("HistoryModel", "tambah"),
    "update": QT_TRANSLATE_NOOP("HistoryModel", "ubah"),
    "delete": QT_TRANSLATE_NOOP("HistoryModel", "hapus"),
}
#: Tables the core's names leave unnamed.
_TABLES = {"models": QT_TRANSLATE_NOOP("HistoryModel", "model peluang keberhasilan")}
CHANGED = QColor(255, 236, 179)


def _translate(text: str) -> str:
    return QCoreApplication.translate("HistoryModel", text)


def shown_table(table: str) -> str:
    """A table as the app names it (``modul``), in the interface's language."""
    if table in _TABLES:
        return _translate(_TABLES[table])
    return in_app_language(table_name(table))


def shown_time(at: str) -> str:
    """An audit time (UTC, ISO) in local time: ``2024-03-10 19:00:00``."""
    try:
        moment = datetime.fromisoformat(at.replace("Z", "+00:00"))
    except ValueError:
        return at
    return moment.astimezone().strftime("%Y-%m-%d %H:%M:%S")


def utc_bound(day: QDate, end: bool) -> str:
    """The first (or, with ``end``, the last) millisecond of the local ``day``, as the
    audit trail writes times (UTC), for :func:`~curriculum_tool.store.audit.read_audit`."""
    start = datetime(day.year(), day.month(), day.day()).astimezone()
    moment = start + timedelta(days=1) - timedelta(milliseconds=1) if end else start
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


@dataclass(frozen=True)
class HistoryQuery:
    """What the tab asks for: a person, a table, a region (with its sub-regions), UTC
    bounds, and how many changes."""

    actor: str | None = None
    table: str | None = None
    region: str | None = None
    since: str | None = None
    until: str | None = None
    limit: int = PAGE


@dataclass
class HistoryPage:
    """What a read found: the changes (at most ``limit``), whether there are more, and
    the choices of the filters (every person in the trail, every region by name)."""

    entries: list[AuditEntry]
    more: bool
    actors: list[str]
    regions: list[tuple[str, str]]
    secret: str = field(repr=False, default="")


def read_history(target: str, query: HistoryQuery) -> HistoryPage:
    """Read ``query``'s page of the audit trail from the workspace at ``target`` (in a
    worker: it opens its own workspace)."""
    with Workspace.open(target) as workspace:
        secret = workspace.get_meta("pseudonym_key") or ""
        regions = sorted((r.code, r.name) for r in workspace.load("regions"))
        with workspace.engine.connect() as conn:
            scope: list[str] = []
            if query.region:
                scope = sorted(within(conn, query.region) | {query.region})
            entries = [
                in_table_order(entry)
                for entry in read_audit(
                    conn,
                    actor=query.actor,
                    tables=[query.table] if query.table else [],
                    regions=scope,
                    since=query.since,
                    until=query.until,
                    limit=query.limit + 1,
                )
            ]
            actors = actors_seen(conn)
    more = len(entries) > query.limit
    return HistoryPage(entries[: query.limit], more, actors, regions, secret)


class HistoryModel(QAbstractTableModel):
    """The changes as rows, newest first; personal data masked unless :meth:`set_masked`
    says otherwise. A row's changed columns come from the change as it was."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._entries: list[AuditEntry] = []
        self._shown: list[AuditEntry] = []
        self._cells: list[tuple[str, ...]] = []
        self._secret = ""
        self._masked = True
        self._region_names: dict[str, str] = {}

    def set_entries(
        self, entries: list[AuditEntry], secret: str, region_names: dict[str, str]
    ) -> None:
        self.beginResetModel()
        self._entries, self._secret, self._region_names = entries, secret, region_names
        self._refresh()
        self.endResetModel()

    def set_masked(self, masked: bool) -> None:
        if masked != self._masked:
            self.beginResetModel()
            self._masked = masked
            self._refresh()
            self.endResetModel()

    def _refresh(self) -> None:
        secret = self._secret
        self._shown = [mask_entry(e, secret) if self._masked else e for e in self._entries]
        self._cells = [self._texts(e, o) for e, o in zip(self._shown, self._entries)]

    def _texts(self, entry: AuditEntry, original: AuditEntry) -> tuple[str, ...]:
        role = ROLE_NAMES.get(entry.role)
        region = self._region_names.get(entry.region or "")
        return (
            shown_time(entry.at),
            entry.actor,
            entry.role if role is None else role[current_language() != "id"],
            shown_table(entry.table),
            " / ".join("" if v is None else str(v) for v in entry.key),
            f"{entry.region} {region}" if region else entry.region or "",
            _translate(_ACTIONS.get(entry.action, entry.action)),
            ", ".join(original.changed()) if entry.action == "update" else "",
            entry.note,
        )

    def entry(self, row: int) -> AuditEntry:
        """The change shown in ``row`` (masked when the view is)."""
        return self._shown[row]

    def changed(self, row: int) -> list[str]:
        """The columns the change in ``row`` changed."""
        return self._entries[row].changed()

    def cell(self, row: int, column: int) -> str:
        """The text of one cell."""
        return self._cells[row][column]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._shown)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(_HEADERS)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        shown = role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)
        return self.cell(index.row(), index.column()) if shown and index.isValid() else None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return _translate(_HEADERS[section])
        return str(section + 1)
