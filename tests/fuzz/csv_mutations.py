"""Mutations of a contract table's CSV bytes: encodings, line ends, a byte-order mark, a
cut-off transfer, flipped bits, an unterminated quote, a missing last line break.

Each takes a ``random.Random``, a kind and ``csv``, and returns a
:class:`~fuzz.base.Case` with its verdict (see ``table_mutations`` for the table-level ones).
"""

from __future__ import annotations

import random

from .base import BAD, EITHER, GOOD, Case, csv_bytes, mutation, table_case
from .table_mutations import pick_cell, valid_table

__all__ = ["csv_cut", "flip_bits"]


@mutation(["csv"], weight=2)
def encoding_variant(rnd: random.Random, kind: str, fmt: str) -> Case:
    """A byte-order mark, CRLF line ends, every cell quoted: all read the same."""
    options = {
        "bom": rnd.random() < 0.5,
        "crlf": rnd.random() < 0.5,
        "quote_all": rnd.random() < 0.3,
    }
    return table_case(kind, fmt, "encoding_variant", GOOD, valid_table(rnd, kind), **options)


def csv_cut(data: bytes, at: int) -> str:
    """The verdict for ``data`` cut to ``data[:at]``: refused when the cut lands inside the
    header or a row (the file "ends mid-row"); either when it lands on a line end (a shorter
    but complete file)."""
    kept = data[:at]
    header_end = data.find(b"\n")
    if header_end < 0 or at <= header_end:
        return BAD
    return EITHER if kept.endswith((b"\n", b"\r")) else BAD


@mutation(["csv"], weight=3)
def truncated(rnd: random.Random, kind: str, fmt: str) -> Case:
    data = csv_bytes(valid_table(rnd, kind, 2, 12), bom=rnd.random() < 0.3, crlf=rnd.random() < 0.3)
    at = rnd.randrange(len(data))
    return Case(kind, "truncated", csv_cut(data, at), ".csv", data[:at])


def flip_bits(rnd: random.Random, data: bytes, low: int = 1, high: int = 5) -> bytes:
    flipped = bytearray(data)
    for _ in range(rnd.randint(low, high)):
        at = rnd.randrange(len(flipped))
        flipped[at] ^= 1 << rnd.randrange(8)
    return bytes(flipped)


@mutation(["csv"], weight=3)
def bit_flip(rnd: random.Random, kind: str, fmt: str) -> Case:
    data = csv_bytes(valid_table(rnd, kind))
    return Case(kind, "bit_flip", EITHER, ".csv", flip_bits(rnd, data))


@mutation(["csv"])
def not_utf8(rnd: random.Random, kind: str, fmt: str) -> Case:
    """Latin-1 (a spreadsheet's "CSV" in some locales) or UTF-16: not UTF-8, refused."""
    table = valid_table(rnd, kind)
    row, col = pick_cell(rnd, table, kind)
    table.rows[row][col] += "\u00e9"
    encoding = rnd.choice(["latin-1", "cp1252", "utf-16", "utf-16-le", "utf-32"])
    data = csv_bytes(table, encoding=encoding, errors="replace")
    return Case(kind, f"not_utf8_{encoding}", BAD, ".csv", data)


@mutation(["csv"])
def unterminated_quote(rnd: random.Random, kind: str, fmt: str) -> Case:
    data = csv_bytes(valid_table(rnd, kind))
    return Case(
        kind,
        "unterminated_quote",
        BAD,
        ".csv",
        data + b'"' + rnd.choice([b"abc", b"abc,def", b"x\n,y"]) + b"\n",
    )


@mutation(["csv"])
def no_final_newline(rnd: random.Random, kind: str, fmt: str) -> Case:
    """A file whose last row has no line break may have been cut off: refused."""
    data = csv_bytes(valid_table(rnd, kind), crlf=rnd.random() < 0.5)
    return Case(kind, "no_final_newline", BAD, ".csv", data.rstrip(b"\r\n"))
