"""Read and write the contract's tables as CSV or XLSX, cells always as text.

Reading checks the header (every expected column present, no unknown column) and yields
each data row with its spreadsheet row number (the header is row 1). Writing goes to a
temporary file beside the target and is renamed over it, so a crash never leaves a
half-written file.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import re
import zipfile
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO, Any

from ..errors import Problem, ValidationError
from .atomic import atomic_output

__all__ = ["TABLE_SUFFIXES", "read_rows", "write_rows", "cell_text"]

TABLE_SUFFIXES = (".csv", ".xlsx")


def _suffix(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix not in TABLE_SUFFIXES:
        raise ValidationError(Problem(path.name, 1, "-",
                                      f"unsupported file type '{suffix or '(none)'}': "
                                      "use .csv or .xlsx"))
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


def read_rows(path: str | os.PathLike[str], columns: Sequence[str],
              label: str | None = None, optional: Collection[str] = ()
              ) -> Iterator[tuple[int, dict[str, str] | Problem]]:
    """Yield ``(row_number, {column: text})`` for each non-blank data row of ``path``.

    Columns in ``optional`` may be absent from the header; a row then has no entry for
    them.

    A row that cannot be split into the header's columns comes as a :class:`Problem`
    instead, so the rows after it are still checked. Raises :class:`ValidationError` for
    an unreadable file or a wrong header, before any row is yielded.
    """
    path = Path(path)
    label = label or path.name
    suffix = _suffix(path)
    if not path.is_file():
        raise ValidationError(Problem(label, 1, "-", f"file not found: {path}"))
    raw = _read_xlsx(path, label) if suffix == ".xlsx" else _read_csv(path, label)
    try:
        header = next(raw, None)
    except UnicodeDecodeError:
        raise ValidationError(Problem(label, 1, "-", "the file is not UTF-8 text")) from None
    if header is None:
        raise ValidationError(Problem(label, 1, "-", "the file is empty (no header row)"))
    header = [cell_text(h) for h in header]
    while header and header[-1] == "" and suffix == ".xlsx":
        header.pop()
    _check_header(header, columns, label, optional)
    return _rows(raw, header, label, cell_text if suffix == ".xlsx" else str.strip)


def _check_header(header: list[str], columns: Sequence[str], label: str,
                  optional: Collection[str] = ()) -> None:
    problems = []
    for position, name in enumerate(header, start=1):
        if name not in columns:
            problems.append(Problem(label, 1, name or f"column {position}",
                                    f"unknown column '{name}'; expected: {', '.join(columns)}"))
        elif header.index(name) != position - 1:
            problems.append(Problem(label, 1, name, f"column '{name}' appears twice"))
    for name in columns:
        if name not in header and name not in optional:
            problems.append(Problem(label, 1, name, f"missing column '{name}'"))
    if problems:
        raise ValidationError(problems)


def _rows(raw: Iterator[Any], header: list[str], label: str,
          text: Callable[[Any], str]) -> Iterator[tuple[int, dict[str, str] | Problem]]:
    number = 1
    try:
        for cells in raw:
            number += 1
            texts = [text(c) for c in cells]
            if not any(texts):
                continue
            if len(texts) > len(header):
                if any(texts[len(header):]):
                    yield number, Problem(
                        label, number, "-",
                        f"row has {len(texts)} cells but the header has {len(header)}")
                    continue
                texts = texts[:len(header)]
            texts.extend([""] * (len(header) - len(texts)))
            yield number, dict(zip(header, texts))
    except UnicodeDecodeError:
        raise ValidationError(Problem(label, number + 1, "-",
                                      "the file is not UTF-8 text")) from None
    except csv.Error as error:
        # The error arises while reading the row after the last one counted.
        raise ValidationError(Problem(label, number + 1, "-",
                                      f"malformed CSV: {error}")) from None


def _read_csv(path: Path, label: str) -> Iterator[list[str]]:
    # utf-8-sig: spreadsheets often start UTF-8 CSV with a byte-order mark.
    with open(path, newline="", encoding="utf-8-sig") as handle:
        yield from csv.reader(handle, strict=True)


def _read_xlsx(path: Path, label: str) -> Iterator[tuple[Any, ...]]:
    from zipfile import BadZipFile

    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, BadZipFile, OSError, KeyError, ValueError) as error:
        raise ValidationError(Problem(label, 1, "-", f"not a readable .xlsx file: {error}")) \
            from None
    try:
        yield from book.worksheets[0].iter_rows(values_only=True)
    finally:
        book.close()


def _number(text: str) -> int | float:
    try:
        return int(text)
    except ValueError:
        return float(text)


def write_rows(path: str | os.PathLike[str], columns: Sequence[str],
               rows: Iterable[dict[str, str]], sheet: str = "data",
               numeric: Collection[str] = ()) -> int:
    """Write ``rows`` (text cells) to CSV or XLSX by suffix, atomically; returns the count.

    In XLSX, the ``numeric`` columns are written as numbers so a spreadsheet can sum and
    sort them; every other cell stays text (a code like ``0101`` keeps its zero).
    """
    path = Path(path)
    if _suffix(path) == ".xlsx":
        return _write_xlsx(path, columns, rows, sheet, frozenset(numeric))
    count = 0
    with atomic_output(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow([row[c] for c in columns])
            count += 1
    return count


def _write_xlsx(path: Path, columns: Sequence[str], rows: Iterable[dict[str, str]],
                sheet: str, numeric: frozenset[str]) -> int:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    worksheet = book.create_sheet(sheet[:31])
    worksheet.append(list(columns))
    count = 0
    for row in rows:
        worksheet.append([_number(row[c]) if c in numeric and row[c] else row[c]
                          for c in columns])
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
    with zipfile.ZipFile(source) as old, \
            zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            data = old.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = _CORE_TIMESTAMP.sub(rb"\g<1>1980-01-01T00:00:00Z\g<2>", data)
            new.writestr(zipfile.ZipInfo(info.filename, date_time=_FIXED_TIME), data,
                         compress_type=zipfile.ZIP_DEFLATED)

