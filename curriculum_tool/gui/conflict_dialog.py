"""Someone else changed the record being edited: who, when and what, and what to do.

An edit form reads its record's version with it and saves with that version as
``expected`` (:mod:`curriculum_tool.edit.conflicts`). When the version moved on meanwhile,
the core refuses the save and writes nothing; this dialog then says who changed the
record, when, and which fields (their values before and after), and offers:

- **Muat ulang**: drop this edit and show the record as it is now;
- **Simpan versi saya**: apply this edit on top of the new version (the fields this edit
  changed take its values, the others keep the other person's:
  :func:`~curriculum_tool.edit.conflicts.keep_mine`), saved with the version it now knows;
- **Batal**: write nothing and leave the form open as it is.

An undo or a redo is an edit too: one that would overwrite a newer change of someone else
is refused the same way. :class:`RecordCommand`, the undo command of an edit form, keeps
the version its last write left the record at and writes from it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..domain import Record
from ..domain.roles import ROLE_NAMES
from ..edit.conflicts import Conflict, ConflictError, keep_mine
from ..edit.service import delete_records, save_records, versions
from ..errors import CurriculumError
from ..store import Workspace
from ..store.mapping import MAPPINGS, mapping_for
from .i18n import current_language, error_text

__all__ = [
    "CANCEL",
    "KEEP_MINE",
    "RELOAD",
    "SAVED",
    "ConflictDialog",
    "EditTarget",
    "RecordCommand",
    "Written",
    "ask",
    "read_current",
    "record_key",
    "write_versioned",
]

#: What the person chose (or that the write went through without asking).
RELOAD, KEEP_MINE, CANCEL, SAVED = "reload", "keep_mine", "cancel", "saved"
#: Columns the workspace keeps for itself: not "what" someone changed.
_BOOKKEEPING = frozenset({"row_version"})


def record_key(record: Record) -> Any:
    """A record's key as the workspace's versions name it (a scalar, or a tuple)."""
    key = record.key()
    return key[0] if len(key) == 1 else key


def read_current(workspace: Workspace, kind: str, key: Any) -> tuple[Record | None, int | None]:
    """The record of ``kind`` with ``key`` as stored now, and its version (None, None:
    there is none). The version is read first: the record is never older than it, so a
    change in between makes the next save a conflict, never a lost update."""
    version = versions(workspace, kind, [key]).get(key)
    stored = next((r for r in workspace.load(kind) if record_key(r) == key), None)
    return stored, None if stored is None else version


def _write(workspace: Workspace, kind: str, key: Any, target: Record | None, seen: Any) -> Any:
    """Save ``target`` (None: delete the record) where it was at version ``seen``; returns
    the version the record was left at (None: deleted)."""
    expected = {key: seen}
    if target is None:
        delete_records(workspace, kind, [key], expected)
        return None
    return save_records(workspace, kind, [target], expected)[key]


@dataclass(frozen=True)
class Written:
    """How a versioned write ended: ``choice`` is :data:`SAVED`, or what the person chose
    on a conflict (nothing written). ``record`` and ``version`` are what is stored now;
    ``replaced`` what the write replaced (what an undo puts back)."""

    choice: str
    record: Record | None
    version: int | None
    replaced: Record | None = None


def write_versioned(
    parent: QWidget | None,
    workspace: Workspace,
    kind: str,
    before: Record | None,
    after: Record | None,
    version: int | None,
    undoing: bool = False,
    labels: dict[str, str] | None = None,
) -> Written:
    """Change ``before`` (None: absent), stored at ``version``, into ``after`` (None:
    delete it). When someone changed the record meanwhile, ask (:class:`ConflictDialog`):
    reload or cancel write nothing; keep-mine writes this change on top of theirs, and asks
    again if yet another change came first. Other refusals (a check, a permission) raise.
    ``labels`` name the kind's fields in the dialog.
    """
    record = after if after is not None else before
    assert record is not None, "a write changes a record"
    key = record_key(record)
    while True:
        try:
            left = _write(workspace, kind, key, after, version)
            return Written(SAVED, after, left, before)
        except ConflictError as error:
            choice = ask(error, parent, undoing, labels)
            current, version = read_current(workspace, kind, key)
            if choice != KEEP_MINE:
                return Written(choice, current, version)
            if after is not None:
                after = keep_mine(current, before, after)
            before = current


class EditTarget(Protocol):
    """What a :class:`RecordCommand` writes through: a widget showing one kind's records
    of a workspace (a catalog tab's browser)."""

    workspace: Workspace
    kind: str
    #: The kind's column labels in the interface's language (the dialog names fields so).
    labels: dict[str, str]

    def refresh(self) -> None:
        """Show the workspace as it is now."""

    def refused(self, error: CurriculumError) -> None:
        """Say why an undo or a redo was refused."""


class RecordCommand(QUndoCommand):
    """One record changed from ``before`` into ``after`` (None: absent). Undo writes
    ``before`` back and redo ``after`` again, each expecting the version the other left
    (``version``), so neither overwrites a newer change of someone else without asking;
    a refusal, or a choice to reload or cancel, makes the command obsolete (Qt drops it
    from the stack). After keep-mine it holds what it wrote and what that replaced."""

    def __init__(
        self,
        target: EditTarget,
        text: str,
        before: Record | None,
        after: Record | None,
        version: int | None,
    ):
        record = after if after is not None else before
        assert record is not None, "a command changes a record"
        super().__init__(text.replace("%1", "/".join(map(str, record.key()))))
        self.target, self.before, self.after, self.version = target, before, after, version
        self._done = True  # the first redo already happened when the user saved

    def redo(self) -> None:
        if self._done:
            self._done = False
        elif written := self._write(self.before, self.after):
            self.before, self.after = written.replaced, written.record

    def undo(self) -> None:
        if written := self._write(self.after, self.before):
            self.after, self.before = written.replaced, written.record

    def _write(self, before: Record | None, after: Record | None) -> Written | None:
        target = self.target
        parent = target if isinstance(target, QWidget) else None
        written = None
        try:
            written = write_versioned(
                parent,
                target.workspace,
                target.kind,
                before,
                after,
                self.version,
                undoing=True,
                labels=target.labels,
            )
        except CurriculumError as error:
            target.refused(error)
        if written is not None and written.choice == SAVED:
            self.version = written.version
        else:
            self.setObsolete(True)
            written = None
        target.refresh()
        return written


def ask(
    error: ConflictError,
    parent: QWidget | None = None,
    undoing: bool = False,
    labels: dict[str, str] | None = None,
) -> str:
    """Show ``error`` and return what the person chose: :data:`RELOAD`,
    :data:`KEEP_MINE` or :data:`CANCEL`."""
    dialog = ConflictDialog(error, parent, undoing, labels)
    dialog.exec()
    return dialog.choice


class ConflictDialog(QDialog):
    """Who changed the record since it was read, when and what; reload, keep mine, or
    cancel."""

    def __init__(
        self,
        error: ConflictError,
        parent: QWidget | None = None,
        undoing: bool = False,
        labels: dict[str, str] | None = None,
    ):
        super().__init__(parent)
        self.error = error
        self.labels = labels or {}
        self.choice = CANCEL
        self.setWindowTitle(self.tr("Data telah diubah orang lain"))
        self.setMinimumWidth(480)
        layout = QVBoxLayout(self)
        self.summary = QLabel(error_text(error), self)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        for conflict in error.conflicts:
            layout.addLayout(self._details(conflict))
        if undoing:
            question = self.tr(
                "Pembatalan ini akan menimpa perubahan itu. Muat ulang untuk melihat data "
                "terbaru tanpa membatalkan, atau simpan versi Anda di atas perubahan itu."
            )
        else:
            question = self.tr(
                "Muat ulang untuk membuang perubahan Anda dan melihat data terbaru, atau "
                "simpan versi Anda di atas perubahan itu (kolom yang Anda ubah memakai "
                "isian Anda, kolom lain tetap seperti yang diubahnya)."
            )
        self.question = QLabel(question, self)
        self.question.setWordWrap(True)
        layout.addWidget(self.question)
        buttons = QDialogButtonBox(self)
        self.reload_button = self._button(buttons, self.tr("Muat ulang"), RELOAD)
        self.keep_button = self._button(buttons, self.tr("Simpan versi saya"), KEEP_MINE)
        self.cancel_button = self._button(buttons, self.tr("Batal"), CANCEL)
        buttons.addButton(self.reload_button, QDialogButtonBox.ButtonRole.ResetRole)
        buttons.addButton(self.keep_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.reload_button.setDefault(True)
        layout.addWidget(buttons)

    def _button(self, buttons: QDialogButtonBox, text: str, choice: str) -> QPushButton:
        button = QPushButton(text, buttons)
        button.clicked.connect(lambda: self._choose(choice))
        return button

    def _choose(self, choice: str) -> None:
        self.choice = choice
        if choice == CANCEL:
            self.reject()
        else:
            self.accept()

    def reject(self) -> None:  # Esc and the window's close button: write nothing
        self.choice = CANCEL
        super().reject()

    def _details(self, conflict: Conflict) -> QFormLayout:
        """Who, when and what of one record's last change."""
        form = QFormLayout()
        last = conflict.last
        who = self.tr("seseorang")
        if last is not None and last.actor:
            names = ROLE_NAMES.get(last.role)
            role = "" if names is None else names[0 if current_language() == "id" else 1]
            who = f"{last.actor} ({role})" if role else last.actor
        form.addRow(self.tr("Diubah oleh:"), QLabel(who, self))
        when = self.tr("tidak diketahui") if last is None else _local_time(last.at)
        form.addRow(self.tr("Waktu:"), QLabel(when, self))
        if conflict.found is None:
            what = self.tr("data ini dihapus")
        elif conflict.expected is None:
            what = self.tr("data ini ditambahkan")
        else:
            before, after = (last.before or {}, last.after or {}) if last else ({}, {})
            changed = [c for c in (last.changed() if last else []) if c not in _BOOKKEEPING]
            what = "\n".join(
                f"{self._label(conflict.kind, column)}: "
                f"{_shown(before.get(column))} → {_shown(after.get(column))}"
                for column in changed
            ) or self.tr("isi daftarnya (mis. kompetensi atau bahaya)")
        label = QLabel(what, self)
        label.setWordWrap(True)
        form.addRow(self.tr("Perubahan:"), label)
        return form

    def _label(self, kind: str, column: str) -> str:
        """A stored column as the form names its field (``grp`` → ``Kelompok``)."""
        fields = {db: name for name, db in mapping_for(kind).columns.items()}
        name = fields.get(column, column) if kind in MAPPINGS else column
        return self.labels.get(name, name)

    def text(self) -> str:
        """Everything the dialog says, one line each (for a screen reader and tests)."""
        labels = self.findChildren(QLabel)
        return "\n".join(label.text() for label in labels if label.text())


def _local_time(at: str) -> str:
    """An audit time (UTC, ``2026-12-06T09:20:31.123Z``) in this computer's time zone."""
    try:
        moment = datetime.fromisoformat(at.replace("Z", "+00:00"))
    except ValueError:
        return at
    return f"{moment.astimezone():%Y-%m-%d %H:%M %Z}".rstrip()


def _shown(value: object) -> str:
    """A stored value as the dialog shows it (empty: a dash)."""
    return "–" if value is None or value == "" else str(value)
