"""Cells that open safely in a spreadsheet: the OWASP rule against formula injection.

A spreadsheet treats a cell that begins with ``=``, ``+``, ``-`` or ``@`` (and, in some
programs, a tab or a carriage return) as a formula, so a module titled
``=cmd|' /C calc'!A0`` would run when an exported file is opened. Every CSV and XLSX
writer passes its text cells through :func:`escape_cell`, which puts a single quote in
front of such text; every reader passes them through :func:`unescape_cell`, which takes
exactly that quote away again, so an export re-imported keeps its text.

The escaping is a bijection: text that already begins with a quote followed by text that
would be escaped gets one more quote, so ``'=x`` survives a round trip as ``'=x``.

Writers use :class:`SafeCsvWriter` for CSV and :func:`xlsx_value` for openpyxl sheets
(which also types the cell as text, so openpyxl never writes a formula). Neither csv nor
openpyxl offers this, hence the few lines here.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import IO, Any

__all__ = [
    "FORMULA_STARTS",
    "SafeCsvWriter",
    "escape_cell",
    "needs_escape",
    "unescape_cell",
    "xlsx_value",
]

#: First characters that make a spreadsheet evaluate a cell (OWASP CSV injection).
FORMULA_STARTS = frozenset("=+-@\t\r")
QUOTE = "'"


def needs_escape(text: str) -> bool:
    """Whether ``text`` would be read as a formula (or is quoted text that looks escaped)."""
    while text.startswith(QUOTE):
        text = text[1:]
    return bool(text) and text[0] in FORMULA_STARTS


def escape_cell(text: str) -> str:
    """``text`` with a quote in front when a spreadsheet would evaluate it.

    >>> escape_cell("=1+2"), escape_cell("'=1+2"), escape_cell("Budi")
    ("'=1+2", "''=1+2", 'Budi')
    """
    return QUOTE + text if needs_escape(text) else text


def unescape_cell(text: str) -> str:
    """The text :func:`escape_cell` was given; other text unchanged.

    >>> unescape_cell("'=1+2"), unescape_cell("''=1+2"), unescape_cell("'quoted'")
    ('=1+2', "'=1+2", "'quoted'")
    """
    return text[1:] if text.startswith(QUOTE) and needs_escape(text[1:]) else text


def xlsx_value(sheet: Any, value: Any) -> Any:
    """What to append to an openpyxl ``sheet`` for ``value``: text escaped and typed as text.

    openpyxl makes a formula of any text that begins with ``=`` and an error cell of
    ``#N/A`` and its kin; a cell whose type is forced to text is written as a string
    (``t="inlineStr"``), never as ``<f>``, whatever it holds. Numbers, dates and ``None``
    are returned unchanged, so a spreadsheet can still sum and sort them. Works for
    write-only and ordinary worksheets alike (both append :class:`~openpyxl.cell.Cell`).
    """
    if not isinstance(value, str):
        return value
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(sheet, escape_cell(value))
    cell.data_type = "s"
    return cell


class SafeCsvWriter:
    """A :func:`csv.writer` (``\\n`` line ends) whose rows open safely in a spreadsheet.

    Every text cell goes through :func:`escape_cell`. A row holding a carriage return is
    written with every field quoted: Python's csv quotes only the characters of its line
    terminator, so a bare CR would end the row in a spreadsheet and start the rest of the
    cell (``=…``) as a cell of its own.
    """

    def __init__(self, handle: IO[str]):
        self._plain = csv.writer(handle, lineterminator="\n")
        self._quoted = csv.writer(handle, lineterminator="\n", quoting=csv.QUOTE_ALL)

    def writerow(self, cells: Iterable[Any]) -> None:
        row = [escape_cell(c) if isinstance(c, str) else c for c in cells]
        has_cr = any(isinstance(c, str) and "\r" in c for c in row)
        (self._quoted if has_cr else self._plain).writerow(row)

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        for row in rows:
            self.writerow(row)
