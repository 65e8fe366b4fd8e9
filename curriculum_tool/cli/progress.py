"""Progress reports on stderr for the long commands (import, train, batch).

Stdout carries the command's result; progress goes to stderr so that a pipe or a file
gets only the result.
"""

from __future__ import annotations

import sys
from collections.abc import Callable


def progress_line() -> Callable[[str], None] | None:
    """Progress on one self-overwriting stderr line, only when a person watches it."""
    if not sys.stderr.isatty():
        return None

    def show(message: str) -> None:
        sys.stderr.write(f"\r\x1b[K{message}")
        sys.stderr.flush()

    return show


def clear_progress_line() -> None:
    """Erase what :func:`progress_line` last wrote."""
    sys.stderr.write("\r\x1b[K")


def progress_bar() -> Callable[[int, int], None]:
    """``done/total`` on stderr: a bar on a terminal, a line per tenth otherwise."""
    shown = {"tenth": -1}

    def show(done: int, total: int) -> None:
        if sys.stderr.isatty():
            filled = int(30 * done / max(total, 1))
            sys.stderr.write(f"\r[{'#' * filled}{'.' * (30 - filled)}] {done:,}/{total:,} learners")
            sys.stderr.flush()
        elif (tenth := 10 * done // max(total, 1)) != shown["tenth"]:
            shown["tenth"] = tenth
            print(f"{done:,}/{total:,} learners planned", file=sys.stderr, flush=True)

    return show
