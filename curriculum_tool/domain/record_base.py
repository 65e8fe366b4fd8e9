"""What every record of the contract shares: the :class:`Record` base and its cells.

A record declares its columns once, in ``CELLS``: how to read a column's text and how to
write it back (a :class:`Cell`, usually made by one of the ``*_cell`` helpers here).
``from_row`` is the single place a record is validated: it takes the cells of one row
(stripped text, keyed by column) and either returns the record or raises
:class:`RowError` naming every bad column. ``to_row`` gives back the same text, so an
export → import round-trip is exact. ``references`` lists the codes a record points to
(as :class:`Reference`), for the cross-file checks in :mod:`curriculum_tool.io`.

The records themselves live in :mod:`.catalog_records` and :mod:`.learner_records`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from functools import partial
from typing import Any, ClassVar, Self

from . import cells
from .validation_text import refusal
from .vocab import LEVELS

__all__ = [
    "LEVEL_LIST",
    "MAX_TEXT",
    "Cell",
    "Record",
    "Reference",
    "RowError",
    "choice_cell",
    "code_cell",
    "flag_cell",
    "int_cell",
    "optional_choice_cell",
    "optional_code_cell",
    "text_cell",
]

MAX_TEXT = 500


class RowError(ValueError):
    """One row has bad cells; ``problems`` pairs each column with its message."""

    def __init__(self, problems: list[tuple[str, str]]):
        self.problems = problems
        super().__init__("; ".join(f"{column}: {message}" for column, message in problems))


@dataclass(frozen=True, slots=True)
class Reference:
    """A record's ``column`` names ``key`` of the target ``kind`` (e.g. a module's region)."""

    column: str
    kind: str
    key: str


@dataclass(frozen=True, slots=True)
class Cell:
    """How one column's text becomes a typed value (``parse``) and back (``format``)."""

    parse: Callable[[str], Any]
    format: Callable[[Any], str] = str
    #: A number a spreadsheet may sum and sort (written to XLSX as a number).
    numeric: bool = False


def _parse_text(value: str, what: str, required: bool) -> str:
    if required and value == "":
        raise ValueError(refusal("required", what))
    if reason := cells.check_text(value, what):
        raise ValueError(reason)
    if len(value) > MAX_TEXT:
        raise ValueError(refusal("text_too_long", what, limit=MAX_TEXT))
    return value


def _optional_code(text: str, what: str) -> str | None:
    return cells.parse_code(text, what) if text else None


def _optional_choice(text: str, choices: tuple[str, ...], what: str) -> str | None:
    return cells.parse_choice(text, choices=choices, what=what) if text else None


def _flag_text(value: bool) -> str:
    return "1" if value else "0"


def _blank_if_none(value: str | None) -> str:
    return value or ""


def code_cell(what: str) -> Cell:
    return Cell(partial(cells.parse_code, what=what))


def optional_code_cell(what: str) -> Cell:
    """A code that may be left blank (read as None)."""
    return Cell(partial(_optional_code, what=what), _blank_if_none)


def text_cell(what: str, required: bool = True) -> Cell:
    return Cell(partial(_parse_text, what=what, required=required))


def int_cell(allowed: range, what: str) -> Cell:
    return Cell(partial(cells.parse_int, allowed=allowed, what=what), numeric=True)


def choice_cell(choices: tuple[str, ...], what: str) -> Cell:
    return Cell(partial(cells.parse_choice, choices=choices, what=what))


def optional_choice_cell(choices: tuple[str, ...], what: str) -> Cell:
    """One of ``choices``, or blank (read as None)."""
    return Cell(partial(_optional_choice, choices=choices, what=what), _blank_if_none)


def flag_cell(what: str) -> Cell:
    return Cell(partial(cells.parse_flag, what=what), _flag_text, numeric=True)


#: Competency levels, ``CODE:level`` pairs (a module's or a learner's ``competencies``).
LEVEL_LIST = Cell(partial(cells.parse_levels, allowed=LEVELS), cells.format_levels)


class Record:
    """Shared behaviour of the contract's records, driven by the subclass's ``CELLS``."""

    __slots__ = ()

    KIND: ClassVar[str]
    CELLS: ClassVar[dict[str, Cell]]
    COLUMNS: ClassVar[tuple[str, ...]]
    KEY: ClassVar[tuple[str, ...]]
    #: Columns a file may leave out (contract §2): a merge keeps the stored value of an
    #: updated row, a new row gets the default.
    OPTIONAL: ClassVar[frozenset[str]] = frozenset()

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "CELLS" in cls.__dict__:
            cls.COLUMNS = tuple(cls.CELLS)

    @classmethod
    def from_row(cls, row: Mapping[str, str]) -> Self:
        """Validate one row's cells; raise :class:`RowError` naming every bad column."""
        values: dict[str, Any] = {}
        problems: list[tuple[str, str]] = []
        for column, cell in cls.CELLS.items():
            try:
                values[column] = cell.parse(row.get(column, ""))
            except ValueError as error:  # the message itself: it may carry Indonesian too
                message = error.args[0] if error.args else ""
                problems.append((column, message if isinstance(message, str) else str(error)))
        if problems:
            raise RowError(problems)
        record = cls(**values)
        problems = list(record.row_problems())
        if problems:
            raise RowError(problems)
        return record

    def to_row(self) -> dict[str, str]:
        """The record as the contract's text cells."""
        return {column: cell.format(getattr(self, column)) for column, cell in self.CELLS.items()}

    def row_problems(self) -> Iterator[tuple[str, str]]:
        """Checks that involve several columns of the row; none by default."""
        return iter(())

    def key(self) -> tuple:
        return tuple(getattr(self, name) for name in self.KEY)

    def references(self) -> Iterator[Reference]:
        return iter(())

    def edited(self, **changes: str) -> Self:
        """A copy with some columns replaced by new text, validated like an imported row."""
        return type(self).from_row({**self.to_row(), **changes})
