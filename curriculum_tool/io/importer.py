"""Import contract files into a workspace: all-or-nothing, every problem located.

An import reads the whole file, validates every row, checks every code it names against
the workspace as it would be after the merge, refuses cycles, writes, re-checks the
workspace's references, and only then commits. Any problem anywhere means nothing
changes, and every problem is reported as ``FILE:ROW:COLUMN: message``.

Files are read before the write transaction begins, so the workspace's write lock is held
only while writing. The change stamps of the tables are taken before reading: if another
import or edit changed a table this import writes meanwhile, the import is refused (it
was checked against a workspace that no longer exists).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path

from sqlalchemy import Connection

from ..domain import RECORD_TYPES, Record, RowError
from ..edit.records import ImportSummary, ParsedFile, import_parsed, joined
from ..errors import CurriculumError, Problem
from ..messages import Catalogue
from ..store import Workspace
from .tables import read_rows

__all__ = [
    "KINDS",
    "ImportSummary",
    "ParsedFile",
    "import_file",
    "import_files",
    "import_parsed",
    "joined",
    "parse_file",
]

#: The contract's file kinds, in an order where each refers only to earlier ones.
KINDS: tuple[str, ...] = tuple(RECORD_TYPES)

SAID = Catalogue(
    "io.importer",
    {
        "unknown_kind": (
            "unknown kind '{kind}'; one of: {kinds}",
            "jenis data '{kind}' tidak dikenal; pilih salah satu: {kinds}",
        ),
        "rows_read": ("{file}: {rows:,} rows read", "{file}: {rows:,} baris sudah dibaca"),
        "duplicate": (
            "duplicate {key} ({values}), first at row {first}",
            "{key} ({values}) ganda, pertama kali muncul di baris {first}",
        ),
    },
)


def check_kind(kind: str) -> type[Record]:
    try:
        return RECORD_TYPES[kind]
    except KeyError:
        raise CurriculumError(SAID("unknown_kind", kind=kind, kinds=", ".join(KINDS))) from None


#: Rows between two progress reports while reading a large file.
PROGRESS_EVERY = 50_000


def parse_file(
    kind: str,
    path: str | os.PathLike[str],
    label: str | None = None,
    progress: Callable[[str], None] | None = None,
) -> ParsedFile:
    """Validate every row of ``path`` on its own (no workspace needed).

    ``progress(message)`` is called every :data:`PROGRESS_EVERY` rows of a large file.
    """
    record_type = check_kind(kind)
    label = label or Path(path).name
    parsed = ParsedFile(kind, label, [], [], [])
    first_row: dict[tuple, int] = {}
    for number, row in read_rows(path, record_type.COLUMNS, label, record_type.OPTIONAL):
        if progress is not None and number % PROGRESS_EVERY == 0:
            progress(SAID("rows_read", file=label, rows=number - 1))
        if isinstance(row, Problem):
            parsed.problems.append(row)
            continue
        if not parsed.records and not parsed.absent:
            parsed.absent = frozenset(record_type.OPTIONAL - row.keys())
        try:
            record = record_type.from_row(row)
        except RowError as error:
            parsed.problems.extend(
                Problem(label, number, column, message) for column, message in error.problems
            )
            continue
        key = record.key()
        if key in first_row:
            duplicate = SAID(
                "duplicate",
                key="/".join(record_type.KEY),
                values=", ".join(str(k) for k in key),
                first=first_row[key],
            )
            parsed.problems.append(Problem(label, number, record_type.KEY[-1], duplicate))
            continue
        first_row[key] = number
        parsed.records.append(record)
        parsed.rows.append(number)
    return parsed


def import_file(
    workspace: Workspace,
    kind: str,
    path: str | os.PathLike[str],
    replace: bool = False,
    progress: Callable[[str], None] | None = None,
) -> ImportSummary:
    """Import one file in one transaction; raise :class:`ValidationError` and change nothing
    on any problem."""
    return import_files(workspace, [(kind, path)], replace=replace, progress=progress)[0]


def import_files(
    workspace: Workspace,
    files: Sequence[tuple[str, str | os.PathLike[str]]],
    replace: bool = False,
    conn: Connection | None = None,
    progress: Callable[[str], None] | None = None,
) -> list[ImportSummary]:
    """Import several files, in order, in a single transaction (used to seed a workspace).

    The files are read first, then written in one transaction; refuse them all when
    another writer changed one of their tables since they began to be read. With ``conn``,
    read and write inside that open transaction instead (a seed: no one else to race).
    ``progress`` receives a short message at each stage of a long import.
    """
    if conn is not None:
        return import_parsed(
            workspace,
            (parse_file(kind, path, progress=progress) for kind, path in files),
            replace,
            conn,
            progress,
        )
    read_stamps = workspace.change_stamps()
    parsed = [parse_file(kind, path, progress=progress) for kind, path in files]
    return import_parsed(workspace, parsed, replace, progress=progress, read_stamps=read_stamps)
