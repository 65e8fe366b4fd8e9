"""What every fuzz case is made of: the verdict it expects, the valid rows it starts from,
the column types a mutation aims at, and the writers that turn a table into file bytes.

A case starts from valid data: the rows of the default ``catalog/`` merged with those of
``tests/data/mini`` (the same merge the oracle's prepared workspace holds, so a valid file
imports cleanly into it), and the Moodle and CASE files the tool exports from that
workspace. A mutation then damages it and says what the importer must do with the result:
refuse it (``bad``), accept it (``good``, sometimes with the number of rows it must read),
or either (``either``: a bit flip may or may not break a file).
"""

from __future__ import annotations

import atexit
import codecs
import csv
import io
import random
import shutil
import tempfile
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache, partial
from pathlib import Path

from curriculum_tool.domain import RECORD_TYPES
from curriculum_tool.domain.records import MAX_TEXT

from .xlsx_build import table_xlsx

__all__ = [
    "ALL_KINDS",
    "BAD",
    "CATALOG_DIR",
    "EITHER",
    "ESCAPE_SURROGATES",
    "GOOD",
    "INTERCHANGE_KINDS",
    "MINI_DIR",
    "MUTATIONS",
    "REPO",
    "SUFFIX",
    "TABLE_KINDS",
    "BaseData",
    "Case",
    "Mutation",
    "Table",
    "base_data",
    "build_workspace",
    "column_type",
    "csv_bytes",
    "mutation",
    "numeric_columns",
    "required_text",
    "table_case",
    "text_columns",
    "text_expect",
]

GOOD, BAD, EITHER = "good", "bad", "either"

#: An encoding error handler for writing lone surrogates: U+DC80–U+DCFF become the raw
#: byte a ``surrogateescape`` decoder took them from, any other surrogate its
#: ``surrogatepass`` bytes. Neither is UTF-8, unless raw bytes happen to form a character.
ESCAPE_SURROGATES = "fuzz-surrogates"


def _escape_surrogates(error: UnicodeError) -> tuple[bytes, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    out = bytearray()
    for char in error.object[error.start : error.end]:
        code = ord(char)
        if 0xDC80 <= code <= 0xDCFF:
            out.append(code - 0xDC00)
        elif 0xD800 <= code <= 0xDFFF:
            out += char.encode("utf-8", "surrogatepass")
        else:
            raise error
    return bytes(out), error.end


codecs.register_error(ESCAPE_SURROGATES, _escape_surrogates)
REPO = Path(__file__).resolve().parents[2]
MINI_DIR = REPO / "tests" / "data" / "mini"  # as tests/conftest.py's MINI_DIR
CATALOG_DIR = REPO / "catalog"
TABLE_KINDS: tuple[str, ...] = tuple(RECORD_TYPES)
INTERCHANGE_KINDS = ("moodle", "case")
ALL_KINDS = TABLE_KINDS + INTERCHANGE_KINDS
SUFFIX = {"csv": ".csv", "xlsx": ".xlsx", "json": ".json"}


@dataclass(frozen=True)
class Case:
    """One input file and what importing it must give.

    ``kind`` is a contract kind, ``moodle`` or ``case``. ``expect_rows``, for a good file,
    is how many records the import must report. ``expect_values`` are
    ``(kind, key, column, text)`` the workspace must hold after it. ``env`` is set while
    it imports (e.g. a low ``CURRICULUM_TOOL_MAX_ROWS``).
    """

    kind: str
    mutation: str
    expect: str
    suffix: str
    data: bytes
    expect_rows: int | None = None
    expect_values: tuple[tuple[str, tuple[str, ...], str, str], ...] = ()
    env: tuple[tuple[str, str], ...] = ()
    note: str = ""

    def file_name(self, number: int) -> str:
        """A name without ':' (it heads every message) that says what the file is."""
        return f"{number:05d}-{self.kind}-{self.mutation}{self.suffix}"

    def write(self, folder: Path, number: int) -> Path:
        path = Path(folder) / self.file_name(number)
        path.write_bytes(self.data)
        return path


@dataclass(frozen=True)
class Mutation:
    """How to make one sort of case: ``make(rnd, kind, fmt) -> Case``."""

    name: str
    formats: frozenset[str]
    kinds: frozenset[str]
    make: Callable[[random.Random, str, str], Case]
    #: Relative chance of being drawn among the mutations of a (kind, format).
    weight: float = 1.0


#: Every registered mutation by name (the mutation modules fill it in).
MUTATIONS: dict[str, Mutation] = {}


def mutation(
    formats: Iterable[str],
    kinds: Iterable[str] = TABLE_KINDS,
    weight: float = 1.0,
    name: str | None = None,
) -> Callable:
    """Register ``make(rnd, kind, fmt) -> Case`` under its function name."""

    def register(make: Callable[[random.Random, str, str], Case]) -> Callable:
        key = name or make.__name__
        if key in MUTATIONS:
            raise ValueError(f"mutation {key} registered twice")
        MUTATIONS[key] = Mutation(key, frozenset(formats), frozenset(kinds), make, weight)
        return make

    return register


# -- the valid data cases start from ----------------------------------------------------


def build_workspace(path: Path) -> Path:
    """A SQLite workspace holding the default catalog with tests/data/mini merged in."""
    from curriculum_tool.catalog import create_workspace
    from curriculum_tool.io import import_files

    workspace = create_workspace(path, directory=CATALOG_DIR)
    try:
        import_files(
            workspace,
            [
                (kind, MINI_DIR / f"{kind}.csv")
                for kind in TABLE_KINDS
                if (MINI_DIR / f"{kind}.csv").is_file()
            ],
        )
    finally:
        workspace.close()
    return path


@dataclass(frozen=True)
class BaseData:
    """The prepared workspace file and the valid content cases start from."""

    workspace: Path
    rows: dict[str, list[dict[str, str]]]
    moodle: bytes
    case: bytes
    folder: Path = field(repr=False)


@lru_cache(maxsize=1)
def base_data() -> BaseData:
    """Built once per process, in a temporary folder removed at exit."""
    import datetime as dt

    from curriculum_tool.io.case import write_case
    from curriculum_tool.io.moodle import write_moodle
    from curriculum_tool.store import Workspace

    folder = Path(tempfile.mkdtemp(prefix="curriculum-fuzz-base-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    path = build_workspace(folder / "base.sqlite")
    copy = folder / "export.sqlite"  # exporting must not touch the file cases copy
    shutil.copyfile(path, copy)
    with Workspace.open(copy) as workspace:
        rows = {kind: [record.to_row() for record in workspace.load(kind)] for kind in TABLE_KINDS}
        write_moodle(workspace, folder / "seed-moodle.csv")
        write_case(workspace, folder / "seed-case.json", changed=dt.datetime(2024, 1, 1))
    return BaseData(
        path,
        rows,
        (folder / "seed-moodle.csv").read_bytes(),
        (folder / "seed-case.json").read_bytes(),
        folder,
    )


# -- column types -----------------------------------------------------------------------

_TYPES = {
    "parse_code": "code",
    "_optional_code": "code",
    "parse_int": "int",
    "parse_optional_int": "int",
    "parse_flag": "flag",
    "parse_optional_flag": "flag",
    "parse_choice": "choice",
    "_optional_choice": "choice",
    "_status": "choice",
    "_scope": "code",
    "_parse_text": "text",
    "parse_levels": "levels",
    "parse_code_list": "list",
    "parse_indices": "indices",
    "parse_date": "date",
}


def column_type(kind: str, column: str) -> str:
    """``text`` (free text), ``code``, ``int``, ``flag``, ``choice``, ``date``, ``levels``,
    ``list`` or ``indices``: what the column's cell parser reads."""
    parse = RECORD_TYPES[kind].CELLS[column].parse
    name = getattr(parse, "func", parse).__name__
    return _TYPES[name]


def text_columns(kind: str) -> list[str]:
    return [c for c in RECORD_TYPES[kind].COLUMNS if column_type(kind, c) == "text"]


def required_text(kind: str, column: str) -> bool:
    parse = RECORD_TYPES[kind].CELLS[column].parse
    return isinstance(parse, partial) and parse.keywords.get("required", False)


def numeric_columns(kind: str) -> list[str]:
    return [c for c, cell in RECORD_TYPES[kind].CELLS.items() if cell.numeric]


_ODD = {"Cc", "Cf", "Co", "Cn", "Zl", "Zp"}


def text_expect(text: str) -> str:
    """The verdict for free text as a reader gets it: NUL and lone surrogates are refused
    everywhere, text longer than the limit too; other control, format, private or
    unassigned characters may be refused; anything else is plain text and accepted."""
    if "\x00" in text or any(0xD800 <= ord(c) <= 0xDFFF for c in text):
        return BAD
    if len(text.strip()) > MAX_TEXT:
        return BAD
    if any(unicodedata.category(c) in _ODD for c in text):
        return EITHER
    return GOOD


# -- tables and their files ---------------------------------------------------------------


@dataclass
class Table:
    """A header and rows of text cells, before they become CSV or XLSX bytes."""

    header: list[str]
    rows: list[list[str]]

    @classmethod
    def of(
        cls, kind: str, rows: Sequence[dict[str, str]], columns: Sequence[str] | None = None
    ) -> Table:
        columns = list(columns or RECORD_TYPES[kind].COLUMNS)
        return cls(columns, [[row.get(c, "") for c in columns] for row in rows])

    def copy(self) -> Table:
        return Table(list(self.header), [list(r) for r in self.rows])

    def data_rows(self) -> int:
        """Rows a reader yields: the non-blank ones."""
        return sum(1 for row in self.rows if any(cell.strip() for cell in row))


def csv_bytes(
    table: Table,
    *,
    bom: bool = False,
    crlf: bool = False,
    quote_all: bool = False,
    encoding: str = "utf-8",
    errors: str = "strict",
) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(
        buffer,
        lineterminator="\r\n" if crlf else "\n",
        quoting=csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL,
    )
    writer.writerow(table.header)
    writer.writerows(table.rows)
    return ("\ufeff" if bom else "").encode(encoding) + buffer.getvalue().encode(encoding, errors)


def table_case(
    kind: str,
    fmt: str,
    name: str,
    expect: str,
    table: Table,
    *,
    expect_rows: int | None = None,
    numbers: bool = True,
    strings: str = "shared",
    errors: str = "strict",
    env: tuple[tuple[str, str], ...] = (),
    note: str = "",
    **csv_options: bool,
) -> Case:
    """A contract table as a case in ``fmt`` (``csv`` or ``xlsx``). A good case counts its
    non-blank rows unless ``expect_rows`` says otherwise."""
    if fmt == "csv":
        data = csv_bytes(table, errors=errors, **csv_options)
    else:
        data = table_xlsx(
            table.header,
            table.rows,
            strings=strings,
            numeric=numeric_columns(kind) if numbers else (),
            encoding_errors=errors,
        )
    if expect == GOOD and expect_rows is None:
        expect_rows = table.data_rows()
    return Case(kind, name, expect, SUFFIX[fmt], data, expect_rows, env=env, note=note)
