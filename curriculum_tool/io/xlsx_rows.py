"""The cells of an XLSX file's first worksheet: read sparsely, whole and strictly.

openpyxl's read-only ``iter_rows`` trusts the sheet's ``<dimension>`` (rows past it are
lost), keeps one of two rows that share a number, reads a formula without a stored value
as an empty cell, and fills in every empty cell of the rectangle it believes in, so a
single cell at XFD1048576 makes it walk 17 billion cells. No library reads a sheet the
way an import needs, so this module parses the worksheet XML itself with expat, in 64 KB
chunks: only the cells present cost anything, memory stays flat, and it is faster than
openpyxl's own sheet parser (measured: 5.4 s against 9.6 s for 200,000 rows of 8 cells).
expat rather than ``ElementTree.iterparse``: iterparse keeps every parsed row in the tree
unless told its parent, and was slower still (6.3 s). The shared strings are read the same
way: openpyxl builds an object per string, six times slower (12.7 s against 2.1 s for two
million strings), which made a 2 MB file take 14 s. openpyxl does the rest, which it does
well: the package (content types, relationships, which part is the first sheet), which
cell styles are dates, and Excel's date serials.

The rules:

- Every row element is read, whatever ``<dimension>`` says, in the order of the file; a
  row number met twice, or smaller than the one before it, is a problem on that row.
- A formula is read through the value the spreadsheet stored with it; a formula without
  one, an error value (``#N/A``), a shared string that does not exist or a number that
  is not one is a :class:`BadCell`, which the caller reports on that cell.
- Empty cells and blank rows are skipped, never materialised: a row comes as
  ``{column number: value}`` of its non-empty cells.

Limits against hostile files: an XML part that declares a DOCTYPE is refused (entity
expansion, the "billion laughs"; no spreadsheet writes one), and so is a zip member
that would unpack to more than :data:`MAX_MEMBER_BYTES`, or to more than
:data:`MAX_RATIO` times its compressed size once past :data:`RATIO_FREE_BYTES` (real
sheets compress 5 to 20 times, a zip bomb a thousand). Anything that makes the file
unreadable (not a zip, cut off, bit flips, a missing part, broken XML) is one problem on
row 1, ``not a readable .xlsx file: …``, never an exception of another kind.
"""

from __future__ import annotations

import lzma
import re
import warnings
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any
from xml.parsers import expat

from ..errors import Problem, ValidationError
from ..messages import Message
from .xlsx_rows_text import SAID

__all__ = [
    "MAX_MEMBER_BYTES",
    "MAX_NUMBER_CHARS",
    "MAX_RATIO",
    "RATIO_FREE_BYTES",
    "BadCell",
    "column_letter",
    "xlsx_rows",
]

#: A zip member may not unpack to more than this (1 GiB)...
MAX_MEMBER_BYTES = 1 << 30
#: ...nor to more than this many times its compressed size, once past RATIO_FREE_BYTES.
MAX_RATIO = 100
RATIO_FREE_BYTES = 10 << 20
#: A number cell longer than this is refused (Python refuses int() past 4,300 digits).
MAX_NUMBER_CHARS = 100
LAST_ROW = 1_048_576
FORMULA_WITHOUT_VALUE = SAID("formula_without_value")

_CHUNK = 1 << 16
_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main "
_SHEET_DATA, _ROW, _C, _V, _F, _IS, _T, _RPH, _SI = (
    _NS + name for name in ("sheetData", "row", "c", "v", "f", "is", "t", "rPh", "si")
)
_REFERENCE = re.compile(r"\$?([A-Za-z]{1,3})\$?([0-9]{1,7})")
_NUMBER = re.compile(r"[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")
_ROW_NUMBER = re.compile(r"[0-9]{1,7}")


@dataclass(frozen=True)
class BadCell:
    """A cell that holds no usable value; ``message`` says why, and what to do."""

    message: str


class _Unreadable(Exception):
    """The package cannot be read; ``detail`` says why (a message, or a library's words)."""

    def __init__(self, detail: str):
        super().__init__(detail)
        self.detail = detail


def column_letter(index: int) -> str:
    """1 → ``A``, 27 → ``AA``, 16384 → ``XFD``.

    >>> column_letter(1), column_letter(27), column_letter(16384)
    ('A', 'AA', 'XFD')
    """
    letters = ""
    while index > 0:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _column_index(letters: str) -> int:
    index = 0
    for letter in letters.upper():
        index = index * 26 + ord(letter) - 64
    return index


def xlsx_rows(path: str | Path, label: str) -> Iterator[tuple[int, dict[int, Any] | Problem]]:
    """Yield ``(row number, {column number: value})`` for each non-blank row of the first
    worksheet, or ``(row number, Problem)`` for a row that cannot be used.

    Values are ``str``, ``int``, ``float``, ``bool``, dates and times, or :class:`BadCell`.
    Raises :class:`ValidationError` (one problem, row 1) for a file that cannot be read,
    before the first row or, when the damage lies further on, while reading.
    """
    try:
        with open(path, "rb") as handle, zipfile.ZipFile(handle) as archive:
            for info in archive.infolist():
                _check_member(archive, info)
            sheet, strings_part, styles = _workbook(handle)
            strings = [] if strings_part is None else _read_strings(archive, strings_part)
            parser = _SheetParser(sheet, label, strings, *styles)
            with archive.open(sheet) as member:
                try:
                    while chunk := member.read(_CHUNK):
                        parser.feed(chunk)
                        yield from parser.take()
                    parser.feed(b"", final=True)
                except expat.ExpatError as error:
                    raise _Unreadable(SAID("in_part", part=sheet, detail=str(error))) from None
                yield from parser.take()
    except _Unreadable as error:
        raise ValidationError(_unreadable(label, error.detail)) from None
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        zlib.error,
        lzma.LZMAError,
        EOFError,
        OSError,
        RuntimeError,
        NotImplementedError,
    ) as error:
        # RuntimeError: an encrypted member; NotImplementedError: an unknown compression.
        raise ValidationError(_unreadable(label, _reason(error))) from None


def _unreadable(label: str, reason: str) -> Problem:
    return Problem(label, 1, "-", SAID("unreadable", detail=reason))


def _reason(error: BaseException, limit: int = 160) -> str:
    """The first line of the innermost error (openpyxl wraps the cause in a long story),
    cut to ``limit`` characters (zipfile quotes whole damaged headers)."""
    while error.__cause__ is not None:
        error = error.__cause__
    lines = str(error).strip().strip("\"'").splitlines()
    text = lines[0] if lines else type(error).__name__
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _check_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> None:
    """Refuse a zip bomb (zipfile never unpacks past the declared size, so checking the
    declared size is enough) and an XML part with a DOCTYPE."""
    size, packed = info.file_size, info.compress_size
    if size > MAX_MEMBER_BYTES or (size > RATIO_FREE_BYTES and size > MAX_RATIO * packed):
        raise _Unreadable(SAID("zip_bomb", member=info.filename, size=size, packed=packed))
    if info.filename.endswith((".xml", ".rels")):
        _check_prolog(archive, info)


class _PrologEnd(Exception):
    """The root element begins: the part has no DOCTYPE."""


def _check_prolog(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> None:
    """Parse ``info`` up to its root element; refuse it if a DOCTYPE comes first."""

    def doctype(*_: Any) -> None:
        raise _Unreadable(SAID("doctype_bomb", part=info.filename))

    def root(*_: Any) -> None:
        raise _PrologEnd

    parser = expat.ParserCreate()
    parser.StartDoctypeDeclHandler = doctype
    parser.StartElementHandler = root
    try:
        with archive.open(info) as member:
            while chunk := member.read(_CHUNK):
                parser.Parse(chunk, False)
            parser.Parse(b"", True)
    except _PrologEnd:
        return
    except expat.ExpatError as error:
        raise _Unreadable(SAID("in_part", part=info.filename, detail=str(error))) from None


def _workbook(handle: IO[bytes]) -> tuple[str, str | None, tuple[set[str], set[str], Any]]:
    """The first worksheet's part, the shared strings' part (if any), and the styles that
    are dates, those that are durations and the date epoch, as openpyxl finds them."""
    from openpyxl.reader.excel import ExcelReader
    from openpyxl.styles.stylesheet import apply_stylesheet
    from openpyxl.xml.constants import SHARED_STRINGS

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # openpyxl warns about styles and extensions
        try:
            reader = ExcelReader(handle, read_only=True, data_only=True, keep_links=False)
            try:
                reader.read_manifest()
                reader.read_workbook()
                apply_stylesheet(reader.archive, reader.wb)
                sheets = [
                    (sheet, rel)
                    for sheet, rel in reader.parser.find_sheets()
                    if "chartsheet" not in rel.Type
                ]
                strings = reader.package.find(SHARED_STRINGS)
                book = reader.wb
                styles = (
                    {str(s) for s in getattr(book, "_date_formats", ())},
                    {str(s) for s in getattr(book, "_timedelta_formats", ())},
                    book.epoch,
                )
            finally:
                reader.archive.close()
        except Exception as error:  # noqa: BLE001 - openpyxl raises many kinds on bad input
            raise _Unreadable(_reason(error)) from None
    if not sheets:
        raise _Unreadable(SAID("no_worksheet"))
    sheet, rel = sheets[0]
    if rel.target not in reader.valid_files:
        raise _Unreadable(SAID("sheet_missing", sheet=sheet.name, target=rel.target))
    return rel.target, None if strings is None else strings.PartName[1:], styles


def _read_strings(archive: zipfile.ZipFile, part: str) -> list[str]:
    """The shared strings: the text of each ``<si>``, its runs joined, phonetic guides
    (``<rPh>``) left out, ``x005F_`` removed, as openpyxl reads them."""
    strings: list[str] = []
    parts: list[str] = []
    state = {"text": False, "phonetic": 0}

    def start(name: str, attrs: dict[str, str]) -> None:
        if name == _T:
            state["text"] = not state["phonetic"]
        elif name == _SI:
            parts.clear()
        elif name == _RPH:
            state["phonetic"] += 1

    def end(name: str) -> None:
        if name == _T:
            state["text"] = False
        elif name == _SI:
            strings.append("".join(parts).replace("x005F_", ""))
        elif name == _RPH:
            state["phonetic"] -= 1

    def data(text: str) -> None:
        if state["text"]:
            parts.append(text)

    def doctype(*_: Any) -> None:
        raise _Unreadable(SAID("part_doctype", part=part))

    parser = expat.ParserCreate(namespace_separator=" ")
    parser.buffer_text = True
    parser.StartElementHandler, parser.EndElementHandler = start, end
    parser.CharacterDataHandler, parser.StartDoctypeDeclHandler = data, doctype
    try:
        info = archive.getinfo(part)
    except KeyError:
        raise _Unreadable(SAID("strings_missing", part=part)) from None
    try:
        with archive.open(info) as member:
            while chunk := member.read(_CHUNK):
                parser.Parse(chunk, False)
            parser.Parse(b"", True)
    except expat.ExpatError as error:
        raise _Unreadable(SAID("in_part", part=part, detail=str(error))) from None
    return strings


class _SheetParser:
    """expat handlers that turn ``<sheetData>`` into sparse rows, one chunk at a time."""

    def __init__(
        self,
        part: str,
        label: str,
        strings: list[str],
        date_styles: set[str],
        time_styles: set[str],
        epoch: Any,
    ):
        self.part, self.label, self.strings = part, label, strings
        self.date_styles, self.time_styles, self.epoch = date_styles, time_styles, epoch
        self.ready: list[tuple[int, dict[int, Any] | Problem]] = []
        self.row = self.highest = self.column = 0
        self.in_row = self.in_cell = self.in_phonetic = False
        self.row_problem: Message | None = None
        self.cells: dict[int, Any] = {}
        self.cell: dict[str, str] = {}
        self.value: str | None = None
        self.formula = False
        self.inline: list[str] | None = None
        self.text: list[str] | None = None
        self.expat = expat.ParserCreate(namespace_separator=" ")
        self.expat.buffer_text = True
        self.expat.StartDoctypeDeclHandler = self._doctype
        self.expat.StartElementHandler = self._outside
        self.expat.CharacterDataHandler = self._data

    def feed(self, chunk: bytes, final: bool = False) -> None:
        self.expat.Parse(chunk, final)

    def take(self) -> list[tuple[int, dict[int, Any] | Problem]]:
        ready, self.ready = self.ready, []
        return ready

    def _broken(self, kind: str, **params: Any) -> _Unreadable:
        return _Unreadable(SAID("in_part", part=self.part, detail=SAID(kind, **params)))

    def _doctype(self, *_: Any) -> None:
        raise self._broken("doctype")

    def _outside(self, name: str, attrs: dict[str, str]) -> None:
        if name == _SHEET_DATA:
            self.expat.StartElementHandler = self._start
            self.expat.EndElementHandler = self._end

    def _data(self, data: str) -> None:
        if self.text is not None:
            self.text.append(data)

    def _start(self, name: str, attrs: dict[str, str]) -> None:
        if name == _C:
            if not self.in_row or self.in_cell:
                raise self._broken("cell_outside_row")
            self.in_cell, self.cell, self.value, self.formula, self.inline = (
                True,
                attrs,
                None,
                False,
                None,
            )
        elif name == _V:
            self.text = []
        elif name == _ROW:
            self._row_start(attrs)
        elif name == _F:
            self.formula = True
        elif name == _IS:
            self.inline = []
        elif name == _T:
            if self.inline is not None and not self.in_phonetic:
                self.text = []
        elif name == _RPH:
            self.in_phonetic = True

    def _end(self, name: str) -> None:
        if name == _V:
            if self.text is not None:
                self.value, self.text = "".join(self.text), None
        elif name == _C:
            self._cell_end()
        elif name == _ROW:
            self._row_end()
        elif name == _T:
            if self.inline is not None and self.text is not None:
                self.inline.append("".join(self.text))
                self.text = None
        elif name == _RPH:
            self.in_phonetic = False
        elif name == _SHEET_DATA:
            self.expat.StartElementHandler = self._outside
            self.expat.EndElementHandler = None

    def _row_start(self, attrs: dict[str, str]) -> None:
        if self.in_row:
            raise self._broken("row_inside_row")
        given = attrs.get("r")
        if given is None:
            number = self.row + 1
        elif _ROW_NUMBER.fullmatch(given):
            number = int(given)
        else:
            raise self._broken("row_number_not_whole", value=given[:20])
        if not 1 <= number <= LAST_ROW:
            raise self._broken("row_number_outside", number=number, last=LAST_ROW)
        self.row_problem = None
        if number == self.highest:
            self.row_problem = SAID("row_twice", number=number)
        elif number < self.highest:
            self.row_problem = SAID("row_out_of_order", number=number, highest=self.highest)
        self.highest = max(self.highest, number)
        self.row, self.column, self.cells, self.in_row = number, 0, {}, True

    def _row_end(self) -> None:
        self.in_row = False
        if self.row_problem is not None:
            self.ready.append((self.row, Problem(self.label, self.row, "-", self.row_problem)))
        elif self.cells:
            self.ready.append((self.row, self.cells))

    def _cell_end(self) -> None:
        self.in_cell = False
        reference = self.cell.get("r")
        if reference is None:
            column = self.column + 1
            value = self._value()
        else:
            match = _REFERENCE.fullmatch(reference)
            if match is None:
                raise self._broken("not_a_reference", value=reference[:20])
            column = _column_index(match.group(1))
            if int(match.group(2)) != self.row:
                value = BadCell(SAID("cell_in_other_row", reference=reference, row=self.row))
            else:
                value = self._value()
        if column <= self.column:
            cell = f"{column_letter(column)}{self.row}"
            value = BadCell(SAID("cell_out_of_order", cell=cell, column=column_letter(self.column)))
        self.column = max(self.column, column)
        if value is not None and value != "":
            self.cells[column] = value

    def _value(self) -> Any:
        """The cell's value, None when empty, or a BadCell."""
        kind, value = self.cell.get("t", "n"), self.value
        if kind == "inlineStr" and self.inline is not None:
            return "".join(self.inline)
        if value is None:
            return BadCell(FORMULA_WITHOUT_VALUE) if self.formula else None
        if kind == "s":
            index = value.strip()
            if not index.isdigit() or len(index) > 10 or int(index) >= len(self.strings):
                return BadCell(SAID("missing_shared_string", index=index[:20]))
            return self.strings[int(index)]
        if kind == "n":
            return self._number(value)
        if kind == "str" or kind == "inlineStr":
            return value
        if kind == "e":
            return BadCell(SAID("error_value", value=value[:20]))
        if kind == "b":
            if value.strip() not in ("0", "1"):
                return BadCell(SAID("not_boolean", value=value[:20]))
            return value.strip() == "1"
        if kind == "d":
            from openpyxl.utils.datetime import from_ISO8601

            try:
                return from_ISO8601(value.strip())
            except ValueError:
                return BadCell(SAID("not_iso_date", value=value[:40]))
        return BadCell(SAID("unknown_type", kind=kind[:20]))

    def _number(self, text: str) -> Any:
        text = text.strip()
        if len(text) > MAX_NUMBER_CHARS:
            return BadCell(SAID("number_too_long", length=len(text), limit=MAX_NUMBER_CHARS))
        if not _NUMBER.fullmatch(text):
            return BadCell(SAID("not_a_number", value=text))
        number: int | float = float(text) if any(c in text for c in ".eE") else int(text)
        style = self.cell.get("s")
        if style is None or style not in self.date_styles:
            return number
        from openpyxl.utils.datetime import from_excel

        try:
            return from_excel(number, self.epoch, timedelta=style in self.time_styles)
        except (OverflowError, ValueError):
            return BadCell(SAID("date_outside", value=text))
