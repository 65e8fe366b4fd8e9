"""The project's exceptions: a shallow tree the CLI and GUI turn into one clear line each."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .messages import Catalogue

__all__ = [
    "MAX_REPORTED_PROBLEMS",
    "Cancelled",
    "CurriculumError",
    "CycleError",
    "ModelIntegrityError",
    "Problem",
    "ValidationError",
    "WorkspaceBusyError",
    "WorkspaceError",
    "describe",
    "in_language",
    "printable",
    "unnamed_column",
]

#: The contract reports at most this many problem lines, then a count of the rest.
MAX_REPORTED_PROBLEMS = 50

SAID = Catalogue(
    "errors",
    {
        "more_problems": (
            "... and {rest:,} more problem{plural}",
            "... dan {rest:,} masalah lain",
        ),
        "cycle": ("prerequisite cycle {modules}", "siklus prasyarat {modules}"),
        "unnamed_column": ("column {position}", "kolom {position}"),
        "edit": ("edit", "suntingan"),
    },
)


def unnamed_column(position: int) -> str:
    """Where a problem is when its column has no usable name: ``column 3``."""
    return SAID("unnamed_column", position=position)


#: Characters a message shows escaped: C0 and C1 controls and DEL (a newline would split
#: one problem over two lines, an ESC would drive the terminal), the Unicode line and
#: paragraph separators (``str.splitlines`` splits on them), the bidirectional overrides
#: (they reorder what a terminal shows) and lone surrogates (they cannot be encoded).
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_SHORT_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    if char in _SHORT_ESCAPES:
        return _SHORT_ESCAPES[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    """``text`` on one safe line: control characters shown as ``repr`` shows them.

    Backslashes are left as they are, so a Windows path reads as usual.

    >>> printable("a\\nb\\x1b[31m\\ud800")
    'a\\\\nb\\\\x1b[31m\\\\ud800'
    """
    return _UNPRINTABLE.sub(_escape, text)


class CurriculumError(Exception):
    """Base of every error this package raises on purpose."""


def in_language(message: str, lang: str) -> str:
    """A message in ``lang`` (``id`` or ``en``): its Indonesian when it carries one (a
    reason, a cell check's refusal), else the message itself."""
    return getattr(message, "indonesian", str(message)) if lang == "id" else str(message)


@dataclass(frozen=True, order=True)
class Problem:
    """One located problem in an input file: ``FILE:ROW:COLUMN: message``.

    ``row`` counts the header as 1, as a spreadsheet does. A problem about the file as a
    whole (a missing column, or a key that ``--replace`` would remove while other tables
    still use it) is reported on the header row, 1. A problem in a JSON document has
    ``row`` 0 and its JSON path in ``column`` and reads ``FILE:$.CFItems[3].uri: message``.
    """

    file: str
    row: int
    column: str
    message: str

    def __str__(self) -> str:
        return self.render("en")

    def render(self, lang: str = "en") -> str:
        """The problem as one line in ``lang``: its message, and a place named in words
        (an edit in the app, a column without a header), in Indonesian when they carry
        it."""
        message = printable(in_language(self.message, lang))
        if self.file == "-":  # not from a file: an edit in the app, say
            return message
        file = printable(in_language(self.file, lang))
        column = printable(in_language(self.column, lang))
        if self.row == 0 and self.column.startswith("$"):
            return f"{file}:{column}: {message}"
        return f"{file}:{self.row}:{column}: {message}"


class ValidationError(CurriculumError):
    """Input was refused; ``problems`` lists every located reason."""

    def __init__(self, problems: list[Problem] | Problem | str):
        if isinstance(problems, str):
            problems = [Problem("-", 0, "-", problems)]
        elif isinstance(problems, Problem):
            problems = [problems]
        self.problems: list[Problem] = list(problems)
        super().__init__(self.report())

    def report(self, limit: int = MAX_REPORTED_PROBLEMS, lang: str = "en") -> str:
        """The problems one per line in ``lang``, at most ``limit`` lines then a count of
        the rest."""
        lines = [p.render(lang) for p in self.problems[:limit]]
        rest = len(self.problems) - limit
        if rest > 0:
            more = SAID("more_problems", rest=rest, plural="s" if rest > 1 else "")
            lines.append(more.render(lang))
        return "\n".join(lines)


class CycleError(ValidationError):
    """A prerequisite edge would close a cycle; ``cycle`` lists its modules in order."""

    def __init__(self, cycle: list[str], problems: list[Problem] | None = None):
        self.cycle = list(cycle)
        text = SAID("cycle", modules=" → ".join(self.cycle))
        super().__init__(problems or [Problem("-", 0, "requires", text)])


def describe(error: BaseException, lang: str = "en") -> str:
    """What went wrong, for a person, in ``lang``: a refusal's problems one per line, any
    other error's message (its Indonesian when it carries one)."""
    if isinstance(error, ValidationError):
        return error.report(lang=lang)
    if isinstance(error, CurriculumError) and len(error.args) == 1:
        return printable(in_language(error.args[0], lang))
    return printable(str(error))


class WorkspaceError(CurriculumError):
    """A workspace cannot be opened, created or written."""


class ModelIntegrityError(CurriculumError):
    """A stored model is refused: a pickle, altered bytes or card, other library versions,
    or a type outside the trusted ones. Nothing was deserialised."""


class WorkspaceBusyError(WorkspaceError):
    """Another process held the workspace's write lock for longer than the busy timeout."""


class Cancelled(CurriculumError):
    """Long work stopped because its caller asked it to; it stored nothing."""
