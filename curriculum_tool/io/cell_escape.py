"""Cells that open safely in a spreadsheet: the OWASP rule against formula injection.

A spreadsheet treats a cell that begins with ``=``, ``+``, ``-`` or ``@`` (and, in some
programs, a tab or a carriage return) as a formula, so a module titled
``=cmd|' /C calc'!A0`` would run when an exported file is opened. Every CSV and XLSX
writer passes its text cells through :func:`escape_cell`, which puts a single quote in
front of such text; every reader passes them through :func:`unescape_cell`, which takes
exactly that quote away again, so an export re-imported keeps its text.

The escaping is a bijection: text that already begins with a quote followed by text that
would be escaped gets one more quote, so ``'=x`` survives a round trip as ``'=x``.
"""

from __future__ import annotations

__all__ = ["FORMULA_STARTS", "escape_cell", "unescape_cell", "needs_escape"]

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
