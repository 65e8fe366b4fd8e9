"""Progress reports on stderr for the long commands (import, train, batch).

Stdout carries the command's result; progress goes to stderr so that a pipe or a file
gets only the result. Progress speaks the command's language (``--lang`` or the locale).
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from ..errors import in_language
from ..messages import Catalogue

SAID = Catalogue(
    "cli.progress",
    {
        "bar": ("{done:,}/{total:,} learners", "{done:,}/{total:,} peserta"),
        "planned": (
            "{done:,}/{total:,} learners planned",
            "jalur {done:,}/{total:,} peserta selesai disusun",
        ),
    },
)


def progress_line(lang: str = "en") -> Callable[[str], None] | None:
    """Progress on one self-overwriting stderr line in ``lang`` (a message's Indonesian in
    ``id``), only when a person watches it."""
    if not sys.stderr.isatty():
        return None

    def show(message: str) -> None:
        sys.stderr.write(f"\r\x1b[K{in_language(message, lang)}")
        sys.stderr.flush()

    return show


def clear_progress_line() -> None:
    """Erase what :func:`progress_line` last wrote."""
    sys.stderr.write("\r\x1b[K")


def progress_bar(lang: str = "en") -> Callable[[int, int], None]:
    """``done/total`` on stderr in ``lang``: a bar on a terminal, a line per tenth
    otherwise."""
    shown = {"tenth": -1}

    def show(done: int, total: int) -> None:
        if sys.stderr.isatty():
            filled = int(30 * done / max(total, 1))
            count = SAID("bar", done=done, total=total).render(lang)
            sys.stderr.write(f"\r[{'#' * filled}{'.' * (30 - filled)}] {count}")
            sys.stderr.flush()
        elif (tenth := 10 * done // max(total, 1)) != shown["tenth"]:
            shown["tenth"] = tenth
            planned = SAID("planned", done=done, total=total).render(lang)
            print(planned, file=sys.stderr, flush=True)

    return show
