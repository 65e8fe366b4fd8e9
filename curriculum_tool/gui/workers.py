"""Long work off the GUI thread: a QRunnable that reports progress and can be cancelled.

A task is a plain function ``fn(report, cancelled) -> result``: it calls
``report(done, total, message)`` now and then and checks ``cancelled()`` between units of
work, raising :class:`Cancelled` (or a core function's
:class:`~curriculum_tool.errors.Cancelled`) to stop. Results and errors come back to the
GUI thread as Qt signals, so the window never freezes and never touches a half-finished
result.

Workers open their own :class:`~curriculum_tool.store.Workspace` (``Workspace.open``
with the window's workspace target): database connections are not shared across
threads.
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from contextlib import suppress
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal

from ..errors import Cancelled as CoreCancelled, CurriculumError
from .i18n import error_text

__all__ = ["Cancelled", "Worker", "start"]

Report = Callable[[int, int, str], None]


class Cancelled(Exception):
    """Raised by a task that saw ``cancelled()`` become true."""


class _Signals(QObject):
    progress = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()


class Worker(QRunnable):
    """Runs ``task(report, cancelled)`` on the global thread pool."""

    def __init__(self, task: Callable[[Report, Callable[[], bool]], Any]):
        super().__init__()
        self.task = task
        # The signals outlive the window that started the task (it may close first): they
        # belong to the application and are deleted once the task has reported.
        self.signals = _Signals(QCoreApplication.instance())
        self._cancel = threading.Event()
        self.setAutoDelete(True)  # the pool owns the runnable and deletes it after run()

    def cancel(self) -> None:
        """Ask the task to stop at its next check."""
        self._cancel.set()

    @property
    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> None:
        try:
            result = self.task(self._progress, self._cancel.is_set)
        except (Cancelled, CoreCancelled):  # the core's own cancels (training) count too
            self._emit(self.signals.cancelled)
        except CurriculumError as error:
            self._emit(self.signals.failed, error_text(error))
        except Exception as error:  # noqa: BLE001 - shown to the user, never swallowed
            traceback.print_exc()
            self._emit(self.signals.failed, f"{type(error).__name__}: {error}")
        else:  # a task that returned finished its work, even if cancel came too late
            self._emit(self.signals.finished, result)

    def _progress(self, done: int, total: int, message: str) -> None:
        self._emit(self.signals.progress, done, total, message)

    @staticmethod
    def _emit(signal, *args: Any) -> None:
        with suppress(RuntimeError):  # the application is shutting down: nobody to tell
            signal.emit(*args)


def start(
    task: Callable[[Report, Callable[[], bool]], Any],
    on_finished: Callable[[Any], None] | None = None,
    on_failed: Callable[[str], None] | None = None,
    on_progress: Callable[[int, int, str], None] | None = None,
    on_cancelled: Callable[[], None] | None = None,
) -> Worker:
    """Run ``task`` in the background and connect the given callbacks; returns the worker
    (keep a reference, and call ``cancel()`` to stop it)."""
    worker = Worker(task)
    for signal, slot in (
        (worker.signals.finished, on_finished),
        (worker.signals.failed, on_failed),
        (worker.signals.progress, on_progress),
        (worker.signals.cancelled, on_cancelled),
    ):
        if slot is not None:
            signal.connect(slot)
    for signal in (worker.signals.finished, worker.signals.failed, worker.signals.cancelled):
        signal.connect(lambda *_args, worker=worker: _running.discard(worker))
        signal.connect(worker.signals.deleteLater)
    _running.add(worker)
    QThreadPool.globalInstance().start(worker)
    return worker


#: Python handles of running workers (for ``cancel``), dropped on the GUI thread when they
#: report; the thread pool owns the runnables themselves.
_running: set[Worker] = set()
