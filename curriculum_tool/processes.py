"""Is a process still running? Tells a stale lock record or temporary file from a live one.

psutil answers on every platform when it is installed; without it, POSIX's ``kill(pid, 0)``
answers, and elsewhere the answer is "running" so nothing a live process owns is removed.
"""

from __future__ import annotations

import os

__all__ = ["process_running"]


def process_running(pid: int) -> bool:
    """Whether a process with this id exists on this machine (unknown counts as yes)."""
    if pid <= 0:
        return False
    if pid == os.getpid():
        return True
    try:
        import psutil
    except ImportError:
        psutil = None
    if psutil is not None:
        return psutil.pid_exists(pid)
    if os.name != "posix":  # os.kill would terminate the process on Windows
        return True
    try:
        os.kill(pid, 0)
    except (ProcessLookupError, OverflowError):
        return False
    except (PermissionError, OSError):
        return True  # exists, owned by someone else (or cannot tell)
    return True
