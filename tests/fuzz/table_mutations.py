"""Mutations of the contract's tables (``learners.csv`` …), as CSV or XLSX.

Each function takes a ``random.Random`` (seeded by the benchmark, driven by hypothesis in
the tests), a kind and a format, and returns a :class:`~fuzz.base.Case` with its verdict.
They change the table (cells, rows, header), and it is written in either format; the
mutations of the CSV bytes themselves are in ``csv_mutations``.
"""

from __future__ import annotations

import datetime as dt
import random
import string

from curriculum_tool.domain import RECORD_TYPES
from curriculum_tool.domain.records import MAX_TEXT

from .base import (
    BAD,
    EITHER,
    ESCAPE_SURROGATES,
    GOOD,
    TABLE_KINDS,
    Case,
    Table,
    base_data,
    column_type,
    mutation,
    required_text,
    table_case,
    text_columns,
    text_expect,
)

__all__ = [
    "JUNK",
    "MAX_ROWS_VARIABLE",
    "UNKNOWN",
    "any_cell_text",
    "as_read",
    "cell_case",
    "pick_cell",
    "random_text",
    "synthetic_rows",
    "valid_rows",
    "valid_table",
    "xlsx_layout",
]

BOTH = ("csv", "xlsx")
MAX_ROWS_VARIABLE = "CURRICULUM_TOOL_MAX_ROWS"

# -- valid tables -------------------------------------------------------------------------


def synthetic_rows(
    rnd: random.Random, kind: str, count: int, start: int = 0
) -> list[dict[str, str]]:
    """``count`` new valid learners or outcomes that refer only to the base workspace."""
    rows = base_data().rows
    if kind == "learners":
        made = []
        for i in range(start, start + count):
            row = dict(rnd.choice(rows["learners"]))
            row.update(id=f"FZ-{i:07d}", name=f"Peserta Uji {i}", supervisor="")
            made.append(row)
        return made
    if kind == "outcomes":
        learners = [r["id"] for r in rows["learners"]]
        modules = [r["code"] for r in rows["modules"]]
        first = dt.date(1990, 1, 1)
        made = []
        for i in range(start, start + count):
            completed = rnd.random() < 0.7
            made.append(
                {
                    "learner": rnd.choice(learners),
                    "module": rnd.choice(modules),
                    # one day per row: every key (learner, module, date) is new
                    "date": (first + dt.timedelta(days=i)).isoformat(),
                    "completed": "1" if completed else "0",
                    "l1": rnd.choice(["", str(rnd.randint(0, 100))]),
                    "l2": rnd.choice(["", str(rnd.randint(0, 100))]),
                    "l3": rnd.choice(["", "0", "1"]) if completed else "",
                    "l4": rnd.choice(["", "0", "1"]),
                }
            )
        return made
    raise ValueError(f"no synthetic rows for {kind}")


def valid_rows(rnd: random.Random, kind: str, low: int = 1, high: int = 12) -> list[dict[str, str]]:
    pool = base_data().rows[kind]
    count = rnd.randint(low, high)
    chosen = rnd.sample(pool, min(count, len(pool)))
    if len(chosen) < count and kind in ("learners", "outcomes"):
        chosen += synthetic_rows(rnd, kind, count - len(chosen), start=rnd.randrange(10_000))
    return chosen


def valid_table(rnd: random.Random, kind: str, low: int = 1, high: int = 12) -> Table:
    return Table.of(kind, valid_rows(rnd, kind, low, high))


def xlsx_layout(rnd: random.Random) -> dict:
    """How an XLSX writes its cells: numbers as numbers or as text, shared or inline."""
    return {"numbers": rnd.random() < 0.5, "strings": rnd.choice(["shared", "inline"])}


def pick_cell(
    rnd: random.Random,
    table: Table,
    kind: str,
    types: set[str] | None = None,
    nonempty: bool = False,
) -> tuple[int, int] | None:
    """A random (row, column) whose column type is in ``types``; None when none fits."""
    candidates = [
        (r, c)
        for r in range(len(table.rows))
        for c, name in enumerate(table.header)
        if (types is None or column_type(kind, name) in types)
        and (not nonempty or table.rows[r][c])
    ]
    return rnd.choice(candidates) if candidates else None


# -- random text --------------------------------------------------------------------------

#: (weight, characters): mostly plain text, sometimes what breaks terminals and parsers.
_POOLS = [
    (30, string.ascii_letters + string.digits + " .,-'()/"),
    (8, "éñüßøÅçğışİâêôàèìòù"),
    (4, "漢字日本語中文한국어ภาษาไทย"),
    (4, "😀🎉👍🏽🇮🇩𝔘𝔫𝔦"),
    (3, "\u0301\u0308\u0327\u0338"),
    (3, "مرحباשלום"),
    (3, "\u202e\u202d\u200b\u200c\u200d\ufeff\u2060"),
    (3, "\u2028\u2029\u00a0\u3000\u0085\u2003"),
    (3, "\",;:\n\r\t'`|\\"),
    (2, "\x01\x07\x08\x0b\x0c\x1b\x7f\x80\x9b"),
    (1, "\x00"),
    (2, "\ud800\udbff\udc00\udfff\udc80\udcc3\udca9"),
    (1, "\ue000\U000f0000\ufffe\uffff\U0001fffe"),
]


def random_text(rnd: random.Random, low: int = 1, high: int = 20) -> str:
    weights = [w for w, _ in _POOLS]
    pools = [p for _, p in _POOLS]
    return "".join(
        rnd.choice(rnd.choices(pools, weights)[0]) for _ in range(rnd.randint(low, high))
    )


def as_read(cell: str, errors: str) -> str | None:
    """The cell as a reader decodes it, or None when its bytes are not UTF-8."""
    try:
        return cell.encode("utf-8", errors).decode("utf-8")
    except UnicodeDecodeError:
        return None


def cell_case(
    kind: str,
    fmt: str,
    table: Table,
    row: int,
    column: str,
    text: str,
    name: str,
    errors: str = "surrogatepass",
    append: bool = True,
    layout: dict | None = None,
) -> Case:
    """``text`` put into one cell (appended to a free-text cell, else replacing it), with
    the verdict that follows: bytes that are not UTF-8, NUL or a lone surrogate are bad;
    free text is judged by :func:`~fuzz.base.text_expect`; other columns may go either way."""
    table = table.copy()
    col = table.header.index(column)
    is_text = column_type(kind, column) == "text"
    table.rows[row][col] = (table.rows[row][col] + text) if append and is_text else text
    read = as_read(table.rows[row][col], errors)
    if read is None or "\x00" in read or any(0xD800 <= ord(c) <= 0xDFFF for c in read):
        expect = BAD
    elif is_text:
        empty = read.strip() == "" and required_text(kind, column)
        expect = BAD if empty else text_expect(read)
    else:
        expect = EITHER
    return table_case(kind, fmt, name, expect, table, errors=errors, **(layout or {}))


# -- table mutations (CSV and XLSX) ---------------------------------------------------------


@mutation(BOTH, weight=3)
def valid(rnd: random.Random, kind: str, fmt: str) -> Case:
    return table_case(kind, fmt, "valid", GOOD, valid_table(rnd, kind), **xlsx_layout(rnd))


@mutation(BOTH)
def columns_shuffled(rnd: random.Random, kind: str, fmt: str) -> Case:
    rows = valid_rows(rnd, kind)
    columns = list(RECORD_TYPES[kind].COLUMNS)
    rnd.shuffle(columns)
    return table_case(
        kind, fmt, "columns_shuffled", GOOD, Table.of(kind, rows, columns), **xlsx_layout(rnd)
    )


@mutation(BOTH, kinds=[k for k in TABLE_KINDS if RECORD_TYPES[k].OPTIONAL])
def optional_omitted(rnd: random.Random, kind: str, fmt: str) -> Case:
    optional = sorted(RECORD_TYPES[kind].OPTIONAL)
    left_out = set(rnd.sample(optional, rnd.randint(1, len(optional))))
    columns = [c for c in RECORD_TYPES[kind].COLUMNS if c not in left_out]
    return table_case(
        kind,
        fmt,
        "optional_omitted",
        GOOD,
        Table.of(kind, valid_rows(rnd, kind), columns),
        **xlsx_layout(rnd),
    )


@mutation(BOTH)
def blank_rows(rnd: random.Random, kind: str, fmt: str) -> Case:
    table = valid_table(rnd, kind)
    for _ in range(rnd.randint(1, 4)):
        blank = [] if fmt == "csv" and rnd.random() < 0.5 else [""] * len(table.header)
        table.rows.insert(rnd.randint(0, len(table.rows)), blank)
    return table_case(kind, fmt, "blank_rows", GOOD, table, **xlsx_layout(rnd))


@mutation(BOTH)
def whitespace_padded(rnd: random.Random, kind: str, fmt: str) -> Case:
    table = valid_table(rnd, kind)
    for row in table.rows:
        for i, cell in enumerate(row):
            if rnd.random() < 0.3:
                row[i] = " " * rnd.randint(0, 2) + cell + " " * rnd.randint(0, 2)
    return table_case(kind, fmt, "whitespace_padded", GOOD, table, **xlsx_layout(rnd))


@mutation(["csv"], weight=2)
def short_row(rnd: random.Random, kind: str, fmt: str) -> Case:
    """A row with fewer cells than the header: refused, never padded (the padding of a
    learner row once wiped their competencies)."""
    table = valid_table(rnd, kind)
    row = rnd.randrange(len(table.rows))
    table.rows[row] = table.rows[row][: rnd.randint(1, len(table.header) - 1)]
    return table_case(kind, fmt, "short_row", BAD, table)


@mutation(BOTH, weight=2)
def extra_cells(rnd: random.Random, kind: str, fmt: str) -> Case:
    table = valid_table(rnd, kind)
    row = rnd.randrange(len(table.rows))
    extra = [rnd.choice(["", "x"]) for _ in range(rnd.randint(0, 3))] + ["extra"]
    rnd.shuffle(extra)
    table.rows[row] = table.rows[row] + extra
    return table_case(kind, fmt, "extra_cells", BAD, table, **xlsx_layout(rnd))


@mutation(BOTH)
def extra_empty_cells(rnd: random.Random, kind: str, fmt: str) -> Case:
    table = valid_table(rnd, kind)
    row = rnd.randrange(len(table.rows))
    table.rows[row] = table.rows[row] + [""] * rnd.randint(1, 3)
    return table_case(kind, fmt, "extra_empty_cells", EITHER, table, **xlsx_layout(rnd))


@mutation(BOTH, kinds=[k for k in TABLE_KINDS if text_columns(k)], weight=3)
def text_unicode(rnd: random.Random, kind: str, fmt: str) -> Case:
    table = valid_table(rnd, kind)
    row, col = pick_cell(rnd, table, kind, {"text"})
    return cell_case(
        kind,
        fmt,
        table,
        row,
        table.header[col],
        random_text(rnd),
        "text_unicode",
        errors=rnd.choice(["surrogatepass", ESCAPE_SURROGATES]),
        layout=xlsx_layout(rnd),
    )


@mutation(BOTH, kinds=[k for k in TABLE_KINDS if text_columns(k)])
def text_too_long(rnd: random.Random, kind: str, fmt: str) -> Case:
    table = valid_table(rnd, kind)
    row, col = pick_cell(rnd, table, kind, {"text"})
    table.rows[row][col] = "x" * rnd.randint(MAX_TEXT + 1, 20 * MAX_TEXT)
    return table_case(kind, fmt, "text_too_long", BAD, table, **xlsx_layout(rnd))


@mutation(BOTH, kinds=[k for k in TABLE_KINDS if text_columns(k)])
def text_at_limit(rnd: random.Random, kind: str, fmt: str) -> Case:
    table = valid_table(rnd, kind)
    row, col = pick_cell(rnd, table, kind, {"text"})
    table.rows[row][col] = "y" * MAX_TEXT
    return table_case(kind, fmt, "text_at_limit", GOOD, table, **xlsx_layout(rnd))


@mutation(BOTH, weight=2)
def nul_in_cell(rnd: random.Random, kind: str, fmt: str) -> Case:
    table = valid_table(rnd, kind)
    row, col = pick_cell(rnd, table, kind)
    cell = table.rows[row][col]
    at = rnd.randint(0, len(cell))
    table.rows[row][col] = cell[:at] + "\x00" + cell[at:]
    return table_case(kind, fmt, "nul_in_cell", BAD, table, **xlsx_layout(rnd))


#: Control characters that ``str.strip`` keeps (it removes \t\n\v\f\r, \x1c-\x1f, \x85).
_STAYING_CONTROLS = [
    "\x01",
    "\x02",
    "\x07",
    "\x08",
    "\x0e",
    "\x1b",
    "\x1b[31m",
    "\x1b[2J",
    "\x7f",
    "\x80",
    "\x9b",
]
_SPACE_CONTROLS = ["\t", "\n", "\r", "\r\n", "\x0b", "\x0c", "\x1c", "\x1f", "\x85"]


@mutation(BOTH, weight=2)
def control_in_cell(rnd: random.Random, kind: str, fmt: str) -> Case:
    """A control character or ANSI escape inside a cell: no code, number or choice holds
    one; free text may."""
    table = valid_table(rnd, kind)
    row, col = pick_cell(rnd, table, kind)
    cell = table.rows[row][col]
    at = rnd.randint(0, len(cell))
    table.rows[row][col] = cell[:at] + rnd.choice(_STAYING_CONTROLS) + cell[at:]
    expect = EITHER if column_type(kind, table.header[col]) == "text" else BAD
    return table_case(kind, fmt, "control_in_cell", expect, table, **xlsx_layout(rnd))


@mutation(BOTH, weight=2)
def newline_in_cell(rnd: random.Random, kind: str, fmt: str) -> Case:
    """A line break (or other space control) inside a cell. Inside a code or number it is
    an error; at a cell's edge it is stripped; in free text it may be allowed."""
    table = valid_table(rnd, kind)
    single = {"code", "int", "choice", "date", "flag"}
    pick = pick_cell(rnd, table, kind, single, nonempty=True)
    inner = pick is not None and len(table.rows[pick[0]][pick[1]]) >= 2 and rnd.random() < 0.7
    if inner:
        row, col = pick
        cell = table.rows[row][col]
        at = rnd.randint(1, len(cell) - 1)
        expect = BAD
    else:
        row, col = pick_cell(rnd, table, kind)
        cell = table.rows[row][col]
        at = rnd.randint(0, len(cell))
        expect = EITHER
    table.rows[row][col] = cell[:at] + rnd.choice(_SPACE_CONTROLS) + cell[at:]
    return table_case(kind, fmt, "newline_in_cell", expect, table, **xlsx_layout(rnd))


@mutation(BOTH, weight=2)
def odd_header(rnd: random.Random, kind: str, fmt: str) -> Case:
    """A header name with NUL, a control character, an ANSI escape or a line break inside:
    an unknown column (and a missing one), reported on one line."""
    table = valid_table(rnd, kind)
    col = rnd.randrange(len(table.header))
    name = table.header[col]
    at = rnd.randint(1, len(name) - 1) if len(name) > 1 else 0
    odd = rnd.choice(
        [
            "\x00",
            "\n",
            "\r\n",
            "\x1b[31m",
            "\x1b]0;title\x07",
            "\x07",
            "\x7f",
            "\u2028",
            "\x85",
            "\t",
        ]
    )
    table.header[col] = name[:at] + odd + name[at:]
    return table_case(kind, fmt, "odd_header", BAD, table, **xlsx_layout(rnd))


@mutation(
    BOTH,
    kinds=[
        k for k in TABLE_KINDS if any(column_type(k, c) == "int" for c in RECORD_TYPES[k].COLUMNS)
    ],
)
def huge_integer(rnd: random.Random, kind: str, fmt: str) -> Case:
    table = valid_table(rnd, kind)
    row, col = pick_cell(rnd, table, kind, {"int"})
    digits = rnd.choice([20, 100, 4300, 4301, 5000, 20000])
    table.rows[row][col] = (
        rnd.choice(["", "-"]) + "9" + "".join(rnd.choice(string.digits) for _ in range(digits - 1))
    )
    return table_case(kind, fmt, "huge_integer", BAD, table, **xlsx_layout(rnd))


#: Text each column type refuses.
JUNK = {
    "int": [
        "abc",
        "1.5",
        "1e3",
        "\u0663",
        "1_0",
        "0x10",
        "--1",
        "+",
        "\u00bd",
        "NaN",
        "inf",
        "\uff11",
    ],
    "flag": ["2", "yes", "true", "-1", "1.0", "O"],
    "choice": ["bogus", "Teknis", "none;low", "klasikal ", "x" * 60],
    "date": [
        "2024-02-30",
        "01/02/2024",
        "2024-W01-1",
        "20240101",
        "2024-1-1",
        "yesterday",
        "2024-01-01T00:00:00",
        "\uff12\uff10\uff12\uff14-01-01",
    ],
    "code": ["has space", "-lead", "x" * 41, "\u00e9moji\U0001f600", "a/b", "a;b", ".dot"],
    "levels": ["M.01", "M.01:9", "M.01:1;M.01:2", ":2", "M.01:x", ";", "M.01:1;;"],
    "list": ["a;;b", "bad code", ";", "x;x"],
    "indices": [
        "gempa_bumi:1.5",
        "gempa_bumi:nan",
        "gempa_bumi",
        "bogus:0.5",
        "gempa_bumi:-0.1",
        "gempa_bumi:inf",
        "gempa_bumi:0.5;gempa_bumi:0.6",
    ],
}


@mutation(BOTH, weight=3)
def wrong_type(rnd: random.Random, kind: str, fmt: str) -> Case:
    table = valid_table(rnd, kind)
    row, col = pick_cell(rnd, table, kind, set(JUNK))
    table.rows[row][col] = rnd.choice(JUNK[column_type(kind, table.header[col])])
    return table_case(kind, fmt, "wrong_type", BAD, table, **xlsx_layout(rnd))


#: Columns that name another record, with a well-formed name nothing has.
UNKNOWN = {
    "regions": [("parent", "ZZ-NONE")],
    "modules": [("competencies", "ZZ-NONE:1"), ("scope", "99.99.99")],
    "prerequisites": [("module", "ZZ-NONE"), ("requires", "ZZ-NONE")],
    "regional_standards": [("region", "ZZ-NONE"), ("competency", "ZZ-NONE")],
    "job_standards": [("competency", "ZZ-NONE")],
    "learners": [
        ("position", "zz-none"),
        ("region", "ZZ-NONE"),
        ("competencies", "ZZ-NONE:1"),
        ("completed", "ZZ-NONE"),
        ("supervisor", "ZZ-NONE"),
    ],
    "outcomes": [("learner", "ZZ-NONE"), ("module", "ZZ-NONE")],
    "obligations": [("module", "ZZ-NONE")],
}


@mutation(BOTH, kinds=list(UNKNOWN))
def unknown_reference(rnd: random.Random, kind: str, fmt: str) -> Case:
    table = valid_table(rnd, kind)
    column, value = rnd.choice(UNKNOWN[kind])
    table.rows[rnd.randrange(len(table.rows))][table.header.index(column)] = value
    return table_case(kind, fmt, "unknown_reference", BAD, table, **xlsx_layout(rnd))


@mutation(BOTH)
def duplicate_key(rnd: random.Random, kind: str, fmt: str) -> Case:
    table = valid_table(rnd, kind)
    table.rows.insert(rnd.randint(0, len(table.rows)), list(rnd.choice(table.rows)))
    return table_case(kind, fmt, "duplicate_key", BAD, table, **xlsx_layout(rnd))


@mutation(BOTH, weight=2)
def header_damaged(rnd: random.Random, kind: str, fmt: str) -> Case:
    """An unknown, missing, repeated or misspelt column."""
    table = valid_table(rnd, kind)
    how = rnd.choice(["unknown", "missing", "repeated", "case"])
    record = RECORD_TYPES[kind]
    if how == "unknown":
        at = rnd.randint(0, len(table.header))
        table.header.insert(at, rnd.choice(["bogus", "notes", "Code ", "kode"]))
        for row in table.rows:
            row.insert(at, "")
    elif how == "missing":
        required = [c for c in table.header if c not in record.OPTIONAL]
        col = table.header.index(rnd.choice(required))
        del table.header[col]
        for row in table.rows:
            del row[col]
    elif how == "repeated":
        col = rnd.randrange(len(table.header))
        table.header.append(table.header[col])
        for row in table.rows:
            row.append(row[col])
    else:
        col = rnd.randrange(len(table.header))
        table.header[col] = table.header[col].upper()
    return table_case(kind, fmt, f"header_{how}", BAD, table, **xlsx_layout(rnd))


@mutation(BOTH)
def empty_file(rnd: random.Random, kind: str, fmt: str) -> Case:
    data = rnd.choice([b"", b"\n", b"\xef\xbb\xbf", b" \r\n"]) if fmt == "csv" else b""
    return Case(kind, "empty_file", BAD, f".{fmt}", data)


@mutation(BOTH)
def header_only(rnd: random.Random, kind: str, fmt: str) -> Case:
    return table_case(kind, fmt, "header_only", EITHER, Table.of(kind, []))


@mutation(BOTH)
def too_many_rows(rnd: random.Random, kind: str, fmt: str) -> Case:
    """More rows than ``CURRICULUM_TOOL_MAX_ROWS``: refused, never cut to the limit."""
    pool = base_data().rows[kind]
    limit = rnd.randint(1, max(1, min(20, len(pool) - 1)))
    table = valid_table(rnd, kind, limit + 1, limit + 3)
    if len(table.rows) <= limit:  # a small kind: repeat the limit's worth of rows
        limit = len(table.rows) - 1
    return table_case(
        kind,
        fmt,
        "too_many_rows",
        BAD,
        table,
        env=((MAX_ROWS_VARIABLE, str(limit)),),
        **xlsx_layout(rnd),
    )


@mutation(BOTH, kinds=["learners", "outcomes"], weight=0.3)
def large_valid(rnd: random.Random, kind: str, fmt: str) -> Case:
    count = rnd.choice([2_000, 10_000, 30_000]) if fmt == "csv" else rnd.choice([2_000, 10_000])
    table = Table.of(kind, synthetic_rows(rnd, kind, count))
    return table_case(kind, fmt, "large_valid", GOOD, table, **xlsx_layout(rnd))


@mutation(BOTH)
def lone_surrogate(rnd: random.Random, kind: str, fmt: str) -> Case:
    """A lone surrogate in a cell, written as UTF-8 would not allow (surrogatepass) or as
    the raw byte a decoder escaped (surrogateescape)."""
    table = valid_table(rnd, kind)
    row, col = pick_cell(rnd, table, kind)
    surrogate = rnd.choice(["\ud800", "\udbff", "\udc00", "\udfff", "\udc80", "\udcff"])
    return cell_case(
        kind,
        fmt,
        table,
        row,
        table.header[col],
        surrogate + random_text(rnd, 0, 3) if rnd.random() < 0.5 else surrogate,
        "lone_surrogate",
        errors=rnd.choice(["surrogatepass", ESCAPE_SURROGATES]),
        layout=xlsx_layout(rnd),
    )


def any_cell_text(kind: str, fmt: str, row_seed: int, column: str, text: str) -> Case:
    """For hypothesis: ``text`` in one cell of ``column`` of a valid table."""
    rnd = random.Random(row_seed)
    table = valid_table(rnd, kind)
    return cell_case(
        kind, fmt, table, rnd.randrange(len(table.rows)), column, text, "any_cell_text"
    )
