"""The project's exceptions: a shallow tree the CLI and GUI turn into one clear line each."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "CurriculumError",
    "Problem",
    "ValidationError",
    "CycleError",
    "WorkspaceError",
    "ModelIntegrityError",
    "MAX_REPORTED_PROBLEMS",
]

#: The contract reports at most this many problem lines, then a count of the rest.
MAX_REPORTED_PROBLEMS = 50


class CurriculumError(Exception):
    """Base of every error this package raises on purpose."""


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
        if self.file == "-":  # not from a file: an edit in the app, say
            return self.message
        if self.row == 0 and self.column.startswith("$"):
            return f"{self.file}:{self.column}: {self.message}"
        return f"{self.file}:{self.row}:{self.column}: {self.message}"


class ValidationError(CurriculumError):
    """Input was refused; ``problems`` lists every located reason."""

    def __init__(self, problems: list[Problem] | Problem | str):
        if isinstance(problems, str):
            problems = [Problem("-", 0, "-", problems)]
        elif isinstance(problems, Problem):
            problems = [problems]
        self.problems: list[Problem] = list(problems)
        super().__init__(self.report())

    def report(self, limit: int = MAX_REPORTED_PROBLEMS) -> str:
        """The problems one per line, at most ``limit`` lines then a count of the rest."""
        lines = [str(p) for p in self.problems[:limit]]
        rest = len(self.problems) - limit
        if rest > 0:
            lines.append(f"... and {rest} more problem{'s' if rest > 1 else ''}")
        return "\n".join(lines)


class CycleError(ValidationError):
    """A prerequisite edge would close a cycle; ``cycle`` lists its modules in order."""

    def __init__(self, cycle: list[str], problems: list[Problem] | None = None):
        self.cycle = list(cycle)
        text = "prerequisite cycle " + " → ".join(self.cycle)
        super().__init__(problems or [Problem("-", 0, "requires", text)])


class WorkspaceError(CurriculumError):
    """A workspace cannot be opened, created or written."""


class ModelIntegrityError(CurriculumError):
    """A model file does not match its recorded hash or library versions."""
