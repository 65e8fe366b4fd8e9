"""Background jobs, messages and file names shared by the parts of one tab.

Every part of the Peserta & Jalur tab starts its background work here, so the tab knows
when nothing runs any more (``running``) and no callback reaches a closed tab; every
part shows its messages here, so the last one is known (``last_message``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from .. import workers

__all__ = ["DeskJobs"]

Task = Callable[[workers.Report, Callable[[], bool]], Any]


class DeskJobs(QObject):
    """The background jobs and messages of ``owner`` (a tab) and of its parts.

    Callbacks of a job run on the GUI thread while ``owner`` lives; messages are
    window-modal boxes over ``owner`` that do not block the event loop.
    """

    def __init__(self, owner: QWidget):
        super().__init__(owner)
        self._owner = owner
        self.running: set[workers.Worker] = set()
        self.last_message: tuple[str, str] = ("", "")

    def run(
        self,
        task: Task,
        finished: Callable[[Any], None],
        failed: Callable[[str], None] | None = None,
        progress: Callable[[int, int, str], None] | None = None,
        cancelled: Callable[[], None] | None = None,
    ) -> workers.Worker:
        """Start ``task`` on a worker; callbacks run on the GUI thread while the owner
        lives; the worker is kept until it reports its end."""
        owner = self._owner
        holder: list[workers.Worker] = []

        def ending(slot: Callable[..., None] | None) -> Callable[..., None]:
            def call(*args: Any) -> None:
                if holder:
                    self.running.discard(holder[0])
                if slot is not None and shiboken6.isValid(owner):
                    slot(*args)

            return call

        def report(*args: Any) -> None:
            if progress is not None and shiboken6.isValid(owner):
                progress(*args)

        worker = workers.start(
            task, ending(finished), ending(failed or self._failed), report, ending(cancelled)
        )
        holder.append(worker)
        self.running.add(worker)
        return worker

    def _failed(self, message: str) -> None:
        self.inform(self.tr("Terjadi kesalahan"), message, QMessageBox.Icon.Warning)

    def inform(
        self, title: str, text: str, icon: QMessageBox.Icon = QMessageBox.Icon.Information
    ) -> QMessageBox:
        """A window-modal message that does not block the event loop."""
        self.last_message = (title, text)
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self._owner)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return box

    def save_name(
        self,
        title: str,
        default: str,
        pattern: str,
        suffixes: Sequence[str],
        out: str | Path | None,
    ) -> Path | None:
        """``out``, or the file the user chooses (None if they cancel); a name without
        one of ``suffixes`` gets the chosen filter's suffix, a wrong suffix is refused."""
        if out is None:
            chosen, selected = QFileDialog.getSaveFileName(self._owner, title, default, pattern)
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
            self.inform(
                title,
                self.tr("Nama berkas harus berakhiran %1.").replace("%1", " / ".join(suffixes)),
                QMessageBox.Icon.Warning,
            )
            return None
        return out
