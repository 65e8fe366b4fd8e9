"""Reading a CSV file Moodle wrote (a competency framework, a course-completion report):
its header and its non-blank records, located, or one problem that refuses the file."""

from __future__ import annotations

from pathlib import Path

from ..errors import Problem, ValidationError
from .moodle_text import SAID
from .tables import MAX_ROWS_VARIABLE, max_rows, read_csv_records

__all__ = ["Record", "Refused", "read_records"]

#: A record's row number (header = 1) and its cells, or the problem that row has.
Record = tuple[int, list[str] | Problem]


class Refused(Exception):
    """A file that cannot be read at all: one problem, no rows."""

    def __init__(self, problem: Problem):
        self.problem = problem


def read_records(path: Path, label: str, delimiter: str) -> tuple[list[str], list[Record]]:
    """The header and the non-blank records with their row numbers (header = row 1); a
    record the file ends in the middle of comes as a :class:`Problem`. A missing, empty,
    undecodable or oversized file raises :class:`Refused`."""
    if not path.is_file():
        raise Refused(Problem(label, 1, "-", SAID("file_not_found", path=str(path))))
    limit = max_rows()
    try:
        reader = read_csv_records(path, label, delimiter)
        first = next(reader, None)
        if first is None:
            raise Refused(Problem(label, 1, "-", SAID("empty_file")))
        header = first[1]
        if isinstance(header, Problem):
            raise Refused(header)
        records: list[Record] = []
        for number, cells in reader:
            if isinstance(cells, Problem) or any(cell.strip() for cell in cells):
                records.append((number, cells))
                if len(records) > limit:
                    too_many = SAID("too_many_rows", limit=limit, variable=MAX_ROWS_VARIABLE)
                    raise Refused(Problem(label, number, "-", too_many))
    except ValidationError as error:  # not UTF-8, or malformed CSV: one located problem
        raise Refused(error.problems[0]) from None
    return header, records
