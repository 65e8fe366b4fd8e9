"""Mutations of the XLSX package itself: what only a workbook can get wrong.

The dimension a sheet declares, row numbers, a far cell, formulas with and without a
cached value, error cells, shared strings, missing parts, a damaged zip, DOCTYPE and
entity bombs, a zip bomb. Each case is built with :mod:`fuzz.xlsx_build`.
"""

from __future__ import annotations

import datetime as dt
import random
import zipfile
from functools import lru_cache

from .base import (
    BAD,
    EITHER,
    GOOD,
    TABLE_KINDS,
    Case,
    column_type,
    csv_bytes,
    mutation,
    numeric_columns,
)
from .csv_mutations import flip_bits
from .table_mutations import valid_table, xlsx_layout
from .xlsx_build import (
    DATE_STYLE,
    MAIN_NS,
    SHEET_PART,
    STRINGS_PART,
    XCell,
    bomb_package,
    column_letters,
    package,
    package_parts,
    sheet_xml,
    strings_xml,
    table_cells,
    true_dimension,
)

__all__ = ["BOMB_MIB", "billion_laughs", "xlsx_case", "zip_bomb_case"]

XLSX = ["xlsx"]
LAST_ROW, LAST_COLUMN = 1_048_576, 16_384
#: Size of the inflated zip-bomb part: GBs, from a few MB on disk.
BOMB_MIB = 3 * 1024


def _sheet(rnd: random.Random, kind: str, low: int = 2, high: int = 12):
    table = valid_table(rnd, kind, low, high)
    layout = xlsx_layout(rnd)
    rows, shared = table_cells(
        table.header,
        table.rows,
        layout["strings"],
        numeric_columns(kind) if layout["numbers"] else (),
    )
    return table, rows, shared


def xlsx_case(
    kind: str,
    name: str,
    expect: str,
    rows,
    shared,
    *,
    dimension: str | None = "auto",
    expect_rows: int | None = None,
    prologue: str = "",
    extra=None,
    omit=(),
    sheet_target: str = "worksheets/sheet1.xml",
    expect_values=(),
) -> Case:
    if dimension == "auto":
        dimension = true_dimension(rows)
    sheet = sheet_xml(rows, dimension, prologue)
    data = package(
        sheet,
        None if shared is None else strings_xml(shared),
        extra=extra,
        omit=omit,
        sheet_target=sheet_target,
    )
    if expect == GOOD and expect_rows is None:
        expect_rows = sum(1 for _, cells in rows[1:] if cells)
    return Case(kind, name, expect, ".xlsx", data, expect_rows, tuple(expect_values))


def _data_cells(rows, kind: str, header: list[str], types: set[str] | None = None):
    """(row index, cell index) of data cells, optionally of some column types."""
    return [
        (r, i)
        for r in range(1, len(rows))
        for i, (col, _) in enumerate(rows[r][1])
        if col <= len(header) and (types is None or column_type(kind, header[col - 1]) in types)
    ]


def _replace(rows, r: int, i: int, cell: XCell) -> None:
    number, cells = rows[r]
    cells = list(cells)
    cells[i] = (cells[i][0], cell)
    rows[r] = (number, cells)


def _text_of(cell: XCell, shared: list[str] | None) -> str:
    if cell.t == "s":
        return shared[int(cell.v)]
    if cell.t == "inlineStr":
        return cell.inline or ""
    return cell.v or ""


@mutation(XLSX, weight=2)
def stale_dimension(rnd: random.Random, kind: str, fmt: str) -> Case:
    """The declared ``<dimension>`` ends before the data: every row must still be read."""
    table, rows, shared = _sheet(rnd, kind, 3, 12)
    last = rows[-1][0]
    width = column_letters(len(table.header))
    dimension = rnd.choice(["A1", f"A1:{width}{rnd.randint(1, last - 1)}", "A1:B2"])
    return xlsx_case(kind, "stale_dimension", GOOD, rows, shared, dimension=dimension)


@mutation(XLSX)
def odd_dimension(rnd: random.Random, kind: str, fmt: str) -> Case:
    """No dimension, or one that claims the whole sheet: neither may cost time."""
    _, rows, shared = _sheet(rnd, kind)
    dimension = rnd.choice([None, "A1:XFD1048576", f"A1:{column_letters(LAST_COLUMN)}2"])
    return xlsx_case(kind, "odd_dimension", GOOD, rows, shared, dimension=dimension)


@mutation(XLSX, weight=2)
def far_cell(rnd: random.Random, kind: str, fmt: str) -> Case:
    """A cell at XFD1048576 (or XFD of a data row): a value there is beyond the header,
    so refused; an empty one may be ignored. Either way it must not take time."""
    _, rows, shared = _sheet(rnd, kind)
    how = rnd.choice(["last_row_value", "data_row_value", "empty", "empty_text"])
    value = XCell(t="inlineStr", inline=rnd.choice(["x", "1", " ok "]))
    if how == "last_row_value":
        rows.append((LAST_ROW, [(LAST_COLUMN, value)]))
    elif how == "data_row_value":
        r = rnd.randrange(1, len(rows))
        rows[r] = (rows[r][0], [*rows[r][1], (LAST_COLUMN, value)])
    else:
        empty = XCell() if how == "empty" else XCell(t="inlineStr", inline="")
        rows.append((LAST_ROW, [(LAST_COLUMN, empty)]))
    expect = BAD if how.endswith("value") else EITHER
    return xlsx_case(
        kind, f"far_cell_{how}", expect, rows, shared, dimension=rnd.choice(["auto", None])
    )


@mutation(XLSX)
def far_row(rnd: random.Random, kind: str, fmt: str) -> Case:
    """The last data row far down (row 1,048,576, say) after empty rows: read, fast."""
    _, rows, shared = _sheet(rnd, kind)
    number = rnd.choice([1_000, 65_536, 1_000_000, LAST_ROW])
    rows[-1] = (max(number, rows[-2][0] + 1), rows[-1][1])
    return xlsx_case(kind, "far_row", GOOD, rows, shared, dimension=rnd.choice(["auto", None]))


@mutation(XLSX, weight=2)
def row_numbers_broken(rnd: random.Random, kind: str, fmt: str) -> Case:
    """A row number given twice, or going backwards: a row would be lost or overwritten."""
    _, rows, shared = _sheet(rnd, kind, 3, 12)
    r = rnd.randrange(2, len(rows))
    how = rnd.choice(["duplicate", "backwards"])
    if how == "duplicate":
        rows[r] = (rows[r - 1][0], rows[r][1])
    else:
        rows[r] = (rnd.randint(1, rows[r - 1][0] - 1), rows[r][1])
    return xlsx_case(kind, f"row_number_{how}", BAD, rows, shared)


@mutation(XLSX, weight=2)
def formula(rnd: random.Random, kind: str, fmt: str) -> Case:
    """A formula with its cached value reads as the value; without one it is refused (the
    file was never opened in a spreadsheet, so nothing computed it)."""
    table, rows, shared = _sheet(rnd, kind)
    r, i = rnd.choice(_data_cells(rows, kind, table.header))
    _, cell = rows[r][1][i]
    text = _text_of(cell, shared)
    with_value = rnd.random() < 0.5
    if cell.t in ("s", "inlineStr"):
        formula_text = f'TRIM("{text}")'
        new = XCell(t="str", f=formula_text, v=text if with_value else None)
    else:
        new = XCell(f=f"{text}+0", v=text if with_value else None)
    _replace(rows, r, i, new)
    name = "formula_with_value" if with_value else "formula_without_value"
    return xlsx_case(kind, name, GOOD if with_value else BAD, rows, shared)


@mutation(XLSX)
def error_cell(rnd: random.Random, kind: str, fmt: str) -> Case:
    table, rows, shared = _sheet(rnd, kind)
    r, i = rnd.choice(_data_cells(rows, kind, table.header))
    error = rnd.choice(["#REF!", "#DIV/0!", "#N/A", "#VALUE!", "#NAME?", "#NULL!", "#NUM!"])
    _replace(rows, r, i, XCell(t="e", v=error))
    return xlsx_case(kind, "error_cell", BAD, rows, shared)


@mutation(XLSX, weight=2)
def shared_strings_broken(rnd: random.Random, kind: str, fmt: str) -> Case:
    """A shared-string index past the table, not a number, or the table missing."""
    table = valid_table(rnd, kind)
    rows, shared = table_cells(table.header, table.rows, "shared")
    how = rnd.choice(["missing", "out_of_range", "not_a_number", "negative"])
    if how == "missing":
        return xlsx_case(kind, "shared_strings_missing", BAD, rows, shared, omit=[STRINGS_PART])
    r, i = rnd.choice(
        [(r, i) for r, i in _data_cells(rows, kind, table.header) if rows[r][1][i][1].t == "s"]
        or [(0, 0)]
    )
    index = {
        "out_of_range": str(len(shared) + rnd.randint(0, 10**6)),
        "not_a_number": "abc",
        "negative": "-1",
    }[how]
    _replace(rows, r, i, XCell(t="s", v=index))
    return xlsx_case(kind, f"shared_strings_{how}", BAD, rows, shared)


@mutation(XLSX, weight=2)
def zip_damaged(rnd: random.Random, kind: str, fmt: str) -> Case:
    """A cut-off transfer (the zip's directory is at its end: refused) or flipped bits
    (refused when they hit a part the reader needs)."""
    _, rows, shared = _sheet(rnd, kind)
    data = xlsx_case(kind, "x", GOOD, rows, shared).data
    if rnd.random() < 0.5:
        return Case(kind, "zip_truncated", BAD, ".xlsx", data[: rnd.randrange(len(data))])
    return Case(kind, "zip_bit_flip", EITHER, ".xlsx", flip_bits(rnd, data))


@mutation(XLSX)
def part_missing(rnd: random.Random, kind: str, fmt: str) -> Case:
    _, rows, shared = _sheet(rnd, kind)
    part = rnd.choice(
        [SHEET_PART, "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "[Content_Types].xml"]
    )
    expect = EITHER if part == "[Content_Types].xml" else BAD
    name = (
        "part_missing_"
        + {
            SHEET_PART: "sheet",
            "xl/workbook.xml": "workbook",
            "xl/_rels/workbook.xml.rels": "workbook_rels",
            "[Content_Types].xml": "content_types",
        }[part]
    )
    return xlsx_case(kind, name, expect, rows, shared, omit=[part])


@mutation(XLSX)
def no_sheet(rnd: random.Random, kind: str, fmt: str) -> Case:
    _, rows, shared = _sheet(rnd, kind)
    workbook = (
        f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{MAIN_NS}"><sheets/></workbook>'
    ).encode()
    return xlsx_case(kind, "no_sheet", BAD, rows, shared, extra={"xl/workbook.xml": workbook})


@mutation(XLSX)
def not_a_workbook(rnd: random.Random, kind: str, fmt: str) -> Case:
    """CSV or random bytes named .xlsx, or a zip that holds no workbook."""
    how = rnd.choice(["csv", "random", "other_zip"])
    if how == "csv":
        data = csv_bytes(valid_table(rnd, kind))
    elif how == "random":
        data = bytes(rnd.randrange(256) for _ in range(rnd.randint(1, 4096)))
    else:
        import io

        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr("hello.txt", "not a workbook")
        data = buffer.getvalue()
    return Case(kind, f"not_a_workbook_{how}", BAD, ".xlsx", data)


def billion_laughs(levels: int = 10, width: int = 10) -> str:
    """A DOCTYPE whose entity ``&lol{levels};`` expands to width**levels copies of 'lol'."""
    lines = ['<!ENTITY lol0 "lol">']
    lines += [f'<!ENTITY lol{n} "{f"&lol{n - 1};" * width}">' for n in range(1, levels + 1)]
    return f"<!DOCTYPE worksheet [{''.join(lines)}]>"


@mutation(XLSX, weight=2)
def xml_entities(rnd: random.Random, kind: str, fmt: str) -> Case:
    """DOCTYPEs: an entity bomb (billion laughs, quadratic blow-up), an external entity
    (XXE), in the sheet or the shared strings: refused. A plain DOCTYPE may be refused."""
    table, rows, shared = _sheet(rnd, kind)
    how = rnd.choice(["billion_laughs", "quadratic", "external", "plain"])
    if how == "billion_laughs":
        doctype, reference = billion_laughs(), "&lol10;"
    elif how == "quadratic":
        doctype, reference = f'<!DOCTYPE worksheet [<!ENTITY a "{"a" * 50_000}">]>', "&a;" * 50_000
    elif how == "external":
        doctype = '<!DOCTYPE worksheet [<!ENTITY ext SYSTEM "file:///etc/hostname">]>'
        reference = "&ext;"
    else:
        doctype, reference = "<!DOCTYPE worksheet>", ""
    r, i = rnd.choice(_data_cells(rows, kind, table.header))
    in_strings = shared is not None and rnd.random() < 0.5
    name = f"xml_{how}_{'strings' if in_strings else 'sheet'}"
    expect = EITHER if how == "plain" else BAD
    marker = "ENTITY-REFERENCE-HERE"
    if in_strings:
        _replace(rows, r, i, XCell(t="s", v=str(len(shared))))
        strings = strings_xml([*shared, marker], prologue=doctype.replace("worksheet", "sst"))
        sheet = sheet_xml(rows, true_dimension(rows))
    else:
        _replace(rows, r, i, XCell(t="inlineStr", inline=marker))
        strings = None if shared is None else strings_xml(shared)
        sheet = sheet_xml(rows, true_dimension(rows), prologue=doctype)
    if in_strings:
        strings = strings.replace(marker, reference)
    else:
        sheet = sheet.replace(marker, reference)
    return Case(kind, name, expect, ".xlsx", package(sheet, strings))


@lru_cache(maxsize=4)
def _bomb_parts(kind: str, where: str) -> tuple[str, bytes, bytes, bytes, dict[str, bytes]]:
    rnd = random.Random(0)
    table = valid_table(rnd, kind)
    rows, shared = table_cells(table.header, table.rows, "shared")
    prefix_sheet = f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN_NS}">'
    if where == "sheet":
        prefix = (prefix_sheet + "<sheetData>").encode()
        sheet_rows = sheet_xml(rows, true_dimension(rows))
        suffix = sheet_rows[sheet_rows.index("<sheetData>") + len("<sheetData>") :].encode()
        return SHEET_PART, prefix, b" ", suffix, package_parts(b"", strings_xml(shared))
    # one shared string of GBs, used by a data cell
    prefix = (
        f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{MAIN_NS}">'
        + "".join(f"<si><t>{_escaped(s)}</t></si>" for s in shared)
        + "<si><t>"
    ).encode()
    number, cells = rows[1]
    rows[1] = (number, [(cells[0][0], XCell(t="s", v=str(len(shared)))), *cells[1:]])
    return (
        STRINGS_PART,
        prefix,
        b"A",
        b"</t></si></sst>",
        package_parts(sheet_xml(rows, true_dimension(rows)), b""),
    )


def zip_bomb_case(kind: str, where: str = "sheet", mebibytes: int = BOMB_MIB) -> Case:
    """A workbook whose sheet (spaces) or shared strings (one string of 'A's) inflates to
    ``mebibytes`` MiB: refused, without reading it all."""
    part, prefix, filler, suffix, parts = _bomb_parts(kind, where)
    data = bomb_package(part, prefix, filler, mebibytes, suffix, parts)
    return Case(kind, f"zip_bomb_{where}", BAD, ".xlsx", data, note=f"{mebibytes} MiB inflated")


@mutation(XLSX, weight=0.1)
def zip_bomb(rnd: random.Random, kind: str, fmt: str) -> Case:
    return zip_bomb_case(kind, rnd.choice(["sheet", "strings"]), rnd.choice([BOMB_MIB, 1024, 512]))


@mutation(XLSX)
def xml_deep_nesting(rnd: random.Random, kind: str, fmt: str) -> Case:
    """100,000 nested unknown elements inside a cell: no crash, no hang."""
    _, rows, shared = _sheet(rnd, kind)
    depth = rnd.choice([1_000, 100_000])
    sheet = sheet_xml(rows, true_dimension(rows))
    nest = "<x>" * depth + "</x>" * depth
    sheet = sheet.replace("</row>", nest + "</row>", 1)
    return Case(
        kind,
        "xml_deep_nesting",
        EITHER,
        ".xlsx",
        package(sheet, None if shared is None else strings_xml(shared)),
    )


@mutation(XLSX, kinds=["outcomes"])
def date_cell(rnd: random.Random, kind: str, fmt: str) -> Case:
    """A date stored as Excel does (a serial number with a date style) reads as
    YYYY-MM-DD."""
    table = valid_table(rnd, kind)
    header = table.header
    d = header.index("date")
    values = []
    for row in table.rows:
        day = dt.date.fromisoformat(row[d])
        values.append(
            (
                "outcomes",
                (row[header.index("learner")], row[header.index("module")], row[d]),
                "completed",
                row[header.index("completed")],
            )
        )
        row[d] = XCell(v=str((day - dt.date(1899, 12, 30)).days), s=DATE_STYLE)
    rows, shared = table_cells(header, table.rows, "shared")
    return xlsx_case(kind, "date_cell", GOOD, rows, shared, expect_values=values)


@mutation(XLSX, kinds=[k for k in TABLE_KINDS if numeric_columns(k)])
def number_forms(rnd: random.Random, kind: str, fmt: str) -> Case:
    """Whole numbers stored as ``8.0`` and flags as booleans (``t="b"``), as spreadsheets
    store them: read as ``8`` and ``1``."""
    table, rows, shared = _sheet(rnd, kind)
    changed = False
    for r, i in _data_cells(rows, kind, table.header, {"int", "flag"}):
        col, cell = rows[r][1][i]
        text = _text_of(cell, shared)
        if not text.isdigit():
            continue
        kind_of = column_type(kind, table.header[col - 1])
        if kind_of == "flag" and rnd.random() < 0.5:
            _replace(rows, r, i, XCell(t="b", v=text))
        else:
            _replace(rows, r, i, XCell(v=f"{text}.0"))
        changed = True
    return xlsx_case(kind, "number_forms" if changed else "valid_numbers", GOOD, rows, shared)


@mutation(XLSX)
def cells_without_reference(rnd: random.Random, kind: str, fmt: str) -> Case:
    """Cells without ``r`` (allowed by the standard: they follow the previous one)."""
    table = valid_table(rnd, kind)
    full = [
        [cell if cell else XCell(t="inlineStr", inline="") for cell in row] for row in table.rows
    ]
    rows, shared = table_cells(table.header, full, "inline")
    rows = [
        (
            n,
            [
                (c, XCell(cell.t, cell.v, cell.f, cell.inline, cell.s, ref=False))
                for c, cell in cells
            ],
        )
        for n, cells in rows
    ]
    return xlsx_case(kind, "cells_without_reference", EITHER, rows, shared)


@mutation(XLSX)
def sheet_elsewhere(rnd: random.Random, kind: str, fmt: str) -> Case:
    """The worksheet at another path, found through the workbook's relationships."""
    _, rows, shared = _sheet(rnd, kind)
    return xlsx_case(
        kind, "sheet_elsewhere", GOOD, rows, shared, sheet_target="worksheets/data_sheet.xml"
    )


@mutation(XLSX)
def rich_text(rnd: random.Random, kind: str, fmt: str) -> Case:
    """Shared strings with formatting runs (``<r><rPr>…</rPr><t>…</t></r>``), as Excel
    writes a cell where part of the text is bold: read as the plain text."""
    table = valid_table(rnd, kind)
    rows, shared = table_cells(table.header, table.rows, "shared")
    items = []
    for s in shared:
        if len(s) > 1 and rnd.random() < 0.5:
            cut = rnd.randint(1, len(s) - 1)
            a, b = _escaped(s[:cut]), _escaped(s[cut:])
            space = ' xml:space="preserve"'
            items.append(
                f"<si><r><rPr><b/></rPr><t{space}>{a}</t></r><r><t{space}>{b}</t></r></si>"
            )
        else:
            items.append(f"<si><t>{_escaped(s)}</t></si>")
    strings = f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{MAIN_NS}">{"".join(items)}</sst>'
    sheet = sheet_xml(rows, true_dimension(rows))
    return Case(
        kind, "rich_text", GOOD, ".xlsx", package(sheet, strings), expect_rows=table.data_rows()
    )


def _escaped(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;")
