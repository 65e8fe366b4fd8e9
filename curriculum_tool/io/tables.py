"""Read and write the contract's tables as CSV or XLSX, cells always as text.

Reading checks the header (every expected column present, no unknown column) and yields
each data row with its spreadsheet row number (the header is row 1). It is strict: a row
with too few cells, a file that ends mid-row and a file over the row limit are refused,
never padded or cut; XLSX sheets are read sparsely and whole by :mod:`.xlsx_rows`.
Writing goes to a temporary file beside the target and is renamed over it, so a crash
never leaves a half-written file.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import re
import zipfile
from collections.abc import Collection, Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO, Any

from ..errors import CurriculumError, Problem, ValidationError, unnamed_column
from ..messages import Catalogue
from .atomic import atomic_output
from .cell_escape import SafeCsvWriter, unescape_cell, xlsx_value
from .xlsx_rows import BadCell, column_letter, xlsx_rows

__all__ = [
    "MAX_ROWS",
    "MAX_ROWS_VARIABLE",
    "TABLE_SUFFIXES",
    "cell_text",
    "max_rows",
    "read_csv_records",
    "read_rows",
    "write_rows",
]

TABLE_SUFFIXES = (".csv", ".xlsx")

SAID = Catalogue(
    "io.tables",
    {
        "unsupported_type": (
            "unsupported file type '{suffix}': use .csv or .xlsx",
            "jenis berkas '{suffix}' tidak didukung: gunakan .csv atau .xlsx",
        ),
        "no_suffix": ("(none)", "(tanpa akhiran)"),
        "bad_row_limit": (
            "{variable} must be a whole number of rows (1 or more), not '{value}'",
            "{variable} harus berupa jumlah baris bilangan bulat (1 atau lebih), bukan '{value}'",
        ),
        "not_found": ("file not found: {path}", "berkas tidak ditemukan: {path}"),
        "empty": (
            "the file is empty (no header row)",
            "berkas kosong (tidak ada baris judul kolom)",
        ),
        "unknown_column": (
            "unknown column '{name}'; expected: {expected}",
            "kolom '{name}' tidak dikenal; kolom yang diharapkan: {expected}",
        ),
        "column_twice": ("column '{name}' appears twice", "kolom '{name}' muncul dua kali"),
        "missing_column": ("missing column '{name}'", "kolom '{name}' tidak ada"),
        "too_many_rows": (
            "the file has more than {limit:,} data rows, the limit ({variable}); "
            "split it into smaller files",
            "berkas berisi lebih dari {limit:,} baris data, batas yang berlaku ({variable}); "
            "pecah menjadi beberapa berkas yang lebih kecil",
        ),
        "row_width": (
            "row has {cells} cells but the header has {width}",
            "baris berisi {cells} sel, padahal baris judul kolom berisi {width}",
        ),
        "cell_beyond_header": (
            "row has a cell in column {column} but the header has {width} columns",
            "baris berisi sel di kolom {column}, padahal baris judul kolom hanya berisi "
            "{width} kolom",
        ),
        "not_utf8": ("the file is not UTF-8 text", "berkas bukan teks UTF-8"),
        "malformed_csv": ("malformed CSV: {detail}", "CSV rusak: {detail}"),
        "cut_off": (
            "the file ends in the middle of row {number}: it may have been cut off "
            "(a complete file ends with a line break)",
            "berkas berakhir di tengah baris {number}: mungkin terpotong (berkas yang utuh "
            "diakhiri dengan pergantian baris)",
        ),
    },
)


def _suffix(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix not in TABLE_SUFFIXES:
        shown = suffix or SAID("no_suffix")
        raise ValidationError(Problem(path.name, 1, "-", SAID("unsupported_type", suffix=shown)))
    return suffix


def cell_text(value: Any) -> str:
    """A spreadsheet cell as the contract's text (``12`` not ``12.0``, dates ISO)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()


#: Data rows a table may have; a longer file is refused, never cut.
MAX_ROWS = 1_000_000
#: The environment variable that overrides :data:`MAX_ROWS`.
MAX_ROWS_VARIABLE = "CURRICULUM_TOOL_MAX_ROWS"


def max_rows() -> int:
    """The row limit: :data:`MAX_ROWS_VARIABLE` when set (read at each call), else
    :data:`MAX_ROWS`."""
    raw = os.environ.get(MAX_ROWS_VARIABLE, "").strip()
    if not raw:
        return MAX_ROWS
    if not (raw.isascii() and raw.isdigit() and len(raw) <= 12 and int(raw) > 0):
        raise CurriculumError(SAID("bad_row_limit", variable=MAX_ROWS_VARIABLE, value=raw[:20]))
    return int(raw)


def read_rows(
    path: str | os.PathLike[str],
    columns: Sequence[str],
    label: str | None = None,
    optional: Collection[str] = (),
) -> Iterator[tuple[int, dict[str, str] | Problem]]:
    """Yield ``(row_number, {column: text})`` for each non-blank data row of ``path``.

    Columns in ``optional`` may be absent from the header; a row then has no entry for
    them. Text cells are unescaped (:func:`.cell_escape.unescape_cell`).

    A row that cannot be split into the header's columns (too few or too many cells, a
    formula without a value, a CSV file that ends in its middle…) comes as a
    :class:`Problem` instead, so the rows after it are still checked. Raises
    :class:`ValidationError` for an unreadable file or a wrong header, before any row is
    yielded, and for a file with more than :func:`max_rows` data rows, at the first row
    over the limit.
    """
    path = Path(path)
    label = label or path.name
    suffix = _suffix(path)
    if not path.is_file():
        raise ValidationError(Problem(label, 1, "-", SAID("not_found", path=str(path))))
    limit = max_rows()
    records = xlsx_rows(path, label) if suffix == ".xlsx" else read_csv_records(path, label)
    first = next(records, None)
    if first is None:
        raise ValidationError(Problem(label, 1, "-", SAID("empty")))
    number, cells = first
    if isinstance(cells, Problem):
        raise ValidationError(cells)
    header = _header(cells, label) if number == 1 else []  # an XLSX whose row 1 is blank
    _check_header(header, columns, label, optional)
    return _rows(records, header, label, limit)


def _header(cells: list[str] | dict[int, Any], label: str) -> list[str]:
    if isinstance(cells, list):
        return [cell.strip() for cell in cells]
    bad = [
        Problem(label, 1, column_letter(column), value.message)
        for column, value in sorted(cells.items())
        if isinstance(value, BadCell)
    ]
    if bad:
        raise ValidationError(bad)
    return [cell_text(cells.get(column)) for column in range(1, max(cells) + 1)]


def _check_header(
    header: list[str], columns: Sequence[str], label: str, optional: Collection[str] = ()
) -> None:
    problems = []
    for position, name in enumerate(header, start=1):
        # A column name with ':' would break the FILE:ROW:COLUMN form.
        where = name if name and ":" not in name else unnamed_column(position)
        if name not in columns:
            expected = ", ".join(columns)
            problems.append(
                Problem(label, 1, where, SAID("unknown_column", name=name, expected=expected))
            )
        elif header.index(name) != position - 1:
            problems.append(Problem(label, 1, name, SAID("column_twice", name=name)))
    for name in columns:
        if name not in header and name not in optional:
            problems.append(Problem(label, 1, name, SAID("missing_column", name=name)))
    if problems:
        raise ValidationError(problems)


def _rows(
    records: Iterator[tuple[int, Any]], header: list[str], label: str, limit: int
) -> Iterator[tuple[int, dict[str, str] | Problem]]:
    count = 0
    for number, cells in records:
        if isinstance(cells, Problem):
            row: dict[str, str] | list[Problem] | None = [cells]
        elif isinstance(cells, dict):
            row = _xlsx_row(number, cells, header, label)
        else:
            row = _csv_row(number, cells, header, label)
        if row is None:
            continue
        count += 1
        if count > limit:
            too_many = SAID("too_many_rows", limit=limit, variable=MAX_ROWS_VARIABLE)
            raise ValidationError(Problem(label, number, "-", too_many))
        if isinstance(row, dict):
            yield number, row
        else:
            for problem in row:
                yield number, problem


def _csv_row(
    number: int, cells: list[str], header: list[str], label: str
) -> dict[str, str] | list[Problem] | None:
    """The row by column, its problem, or None for a blank row."""
    texts = [cell.strip() for cell in cells]
    if not any(texts):
        return None
    width = len(header)
    if len(texts) < width or any(texts[width:]):
        return [Problem(label, number, "-", SAID("row_width", cells=len(texts), width=width))]
    return dict(zip(header, map(unescape_cell, texts)))


def _xlsx_row(
    number: int, cells: dict[int, Any], header: list[str], label: str
) -> dict[str, str] | list[Problem] | None:
    """The row by column, its problems, or None for a blank row. Only the cells present
    are looked at: a far cell costs nothing."""
    texts: dict[int, str] = {}
    bad: dict[int, str] = {}
    for column, value in cells.items():
        if isinstance(value, BadCell):
            bad[column] = value.message
        elif text := cell_text(value):
            texts[column] = text
    if not texts and not bad:
        return None
    width = len(header)
    last = max(texts.keys() | bad.keys())
    if last > width:
        beyond = SAID("cell_beyond_header", column=column_letter(last), width=width)
        return [Problem(label, number, "-", beyond)]
    if bad:
        return [
            Problem(label, number, header[column - 1] or column_letter(column), message)
            for column, message in sorted(bad.items())
        ]
    return {
        name: unescape_cell(texts.get(column, "")) for column, name in enumerate(header, start=1)
    }


def read_csv_records(
    path: str | os.PathLike[str], label: str, delimiter: str = ","
) -> Iterator[tuple[int, list[str] | Problem]]:
    """Yield ``(row number, cells)`` for every record of a CSV file, the first as row 1.

    A UTF-8 byte-order mark and CRLF line ends are accepted. A file whose last non-blank
    record is not followed by a line break has been cut off, or may have been: that
    record comes as a :class:`Problem`. Raises :class:`ValidationError` for text that is
    not UTF-8 or malformed CSV (an unterminated quote), located where reading stopped.
    """
    complete = _ends_with_line_break(Path(path))
    number = 0  # the last record read; an error arises while reading the next one
    previous: tuple[int, list[str]] | None = None
    try:
        # utf-8-sig: spreadsheets often start UTF-8 CSV with a byte-order mark.
        with open(path, newline="", encoding="utf-8-sig") as handle:
            records = csv.reader(handle, strict=True, delimiter=delimiter)
            for number, cells in enumerate(records, start=1):
                if previous is not None:
                    yield previous
                previous = number, cells
    except UnicodeDecodeError:
        raise ValidationError(Problem(label, number + 1, "-", SAID("not_utf8"))) from None
    except csv.Error as error:
        malformed = SAID("malformed_csv", detail=str(error))
        raise ValidationError(Problem(label, number + 1, "-", malformed)) from None
    if previous is None:
        return
    number, cells = previous
    if not complete and any(cell.strip() for cell in cells):
        yield number, Problem(label, number, "-", SAID("cut_off", number=number))
    else:
        yield previous


def _ends_with_line_break(path: Path) -> bool:
    with open(path, "rb") as handle:
        if handle.seek(0, os.SEEK_END) == 0:
            return True
        handle.seek(-1, os.SEEK_END)
        return handle.read(1) in (b"\n", b"\r")


def _number(text: str) -> int | float:
    try:
        return int(text)
    except ValueError:
        return float(text)


def write_rows(
    path: str | os.PathLike[str],
    columns: Sequence[str],
    rows: Iterable[dict[str, str]],
    sheet: str = "data",
    numeric: Collection[str] = (),
) -> int:
    """Write ``rows`` (text cells) to CSV or XLSX by suffix, atomically; returns the count.

    In XLSX, the ``numeric`` columns are written as numbers so a spreadsheet can sum and
    sort them; every other cell stays text (a code like ``0101`` keeps its zero). Text that
    a spreadsheet would evaluate (``=…``, ``+…``, ``-…``, ``@…``) gets a leading quote
    (:mod:`.cell_escape`), and XLSX text cells are typed as text, never formulas.
    """
    path = Path(path)
    if _suffix(path) == ".xlsx":
        return _write_xlsx(path, columns, rows, sheet, frozenset(numeric))
    count = 0
    with atomic_output(path, "w", newline="", encoding="utf-8") as handle:
        writer = SafeCsvWriter(handle)
        writer.writerow(columns)
        for row in rows:
            writer.writerow([row[c] for c in columns])
            count += 1
    return count


def _write_xlsx(
    path: Path,
    columns: Sequence[str],
    rows: Iterable[dict[str, str]],
    sheet: str,
    numeric: frozenset[str],
) -> int:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    worksheet = book.create_sheet(sheet[:31])
    worksheet.append([xlsx_value(worksheet, c) for c in columns])
    count = 0
    for row in rows:
        worksheet.append(
            [
                _number(row[c]) if c in numeric and row[c] else xlsx_value(worksheet, row[c])
                for c in columns
            ]
        )
        count += 1
    buffer = io.BytesIO()
    book.save(buffer)
    with atomic_output(path, "wb") as handle:
        _reproducible_zip(buffer, handle)
    return count


#: openpyxl stamps the save time into the package; a fixed stamp makes the same table
#: export to the same bytes, so exported catalogs can be compared and versioned.
_FIXED_TIME = (1980, 1, 1, 0, 0, 0)
_CORE_TIMESTAMP = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)")


def _reproducible_zip(source: IO[bytes], target: IO[bytes]) -> None:
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            data = old.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = _CORE_TIMESTAMP.sub(rb"\g<1>1980-01-01T00:00:00Z\g<2>", data)
            new.writestr(
                zipfile.ZipInfo(info.filename, date_time=_FIXED_TIME),
                data,
                compress_type=zipfile.ZIP_DEFLATED,
            )
