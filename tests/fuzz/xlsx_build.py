"""Hand-built XLSX packages, byte by byte, for the fuzz corpus.

openpyxl (and every other writer) produces only well-formed workbooks: a true
``<dimension>``, rows in order, each row number once, values for every formula. The
corpus needs the files real tools and broken transfers produce too, so this module writes
the SpreadsheetML parts itself with :mod:`zipfile`: each cell's XML, the row numbers, the
dimension, which parts exist and what else goes into the zip are the caller's to choose.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

__all__ = [
    "DATE_STYLE",
    "MAIN_NS",
    "SHEET_PART",
    "STRINGS_PART",
    "XCell",
    "bomb_package",
    "cell_xml",
    "column_letters",
    "package",
    "package_parts",
    "sheet_xml",
    "strings_xml",
    "table_cells",
    "table_xlsx",
    "true_dimension",
    "zip_parts",
]

MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml"
SHEET_PART = "xl/worksheets/sheet1.xml"
STRINGS_PART = "xl/sharedStrings.xml"
#: Index in ``cellXfs`` of the style that shows a number as a date (built-in format 14).
DATE_STYLE = 1
_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


@dataclass(frozen=True)
class XCell:
    """One ``<c>`` element: ``t`` its type, ``v`` the cached value, ``f`` a formula,
    ``inline`` an inline string, ``s`` a style index; ``ref=False`` leaves out ``r``."""

    t: str | None = None
    v: str | None = None
    f: str | None = None
    inline: str | None = None
    s: int | None = None
    ref: bool = True


def column_letters(index: int) -> str:
    """1 → ``A``, 27 → ``AA``, 16384 → ``XFD``."""
    letters = ""
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _text(value: str) -> str:
    space = ' xml:space="preserve"' if value != value.strip() else ""
    return f"<t{space}>{escape(value)}</t>"


def cell_xml(ref: str, cell: XCell) -> str:
    attributes = f' r="{ref}"' if cell.ref else ""
    if cell.t is not None:
        attributes += f" t={quoteattr(cell.t)}"
    if cell.s is not None:
        attributes += f' s="{cell.s}"'
    body = ""
    if cell.f is not None:
        body += f"<f>{escape(cell.f)}</f>"
    if cell.v is not None:
        body += f"<v>{escape(cell.v)}</v>"
    if cell.inline is not None:
        body += f"<is>{_text(cell.inline)}</is>"
    return f"<c{attributes}>{body}</c>" if body else f"<c{attributes}/>"


def sheet_xml(
    rows: Iterable[tuple[int, Sequence[tuple[int, XCell]]]],
    dimension: str | None = None,
    prologue: str = "",
) -> str:
    """A worksheet whose ``rows`` are ``(row number, [(column number, cell), …])``, in the
    order given; ``prologue`` goes before the root element (a DOCTYPE, say)."""
    parts = [_HEAD, prologue, f'<worksheet xmlns="{MAIN_NS}">']
    if dimension is not None:
        parts.append(f'<dimension ref="{dimension}"/>')
    parts.append("<sheetData>")
    for number, cells in rows:
        parts.append(f'<row r="{number}">')
        parts.extend(cell_xml(f"{column_letters(col)}{number}", cell) for col, cell in cells)
        parts.append("</row>")
    parts.append("</sheetData></worksheet>")
    return "".join(parts)


def strings_xml(strings: Sequence[str], prologue: str = "") -> str:
    items = "".join(f"<si>{_text(s)}</si>" for s in strings)
    return (
        f'{_HEAD}{prologue}<sst xmlns="{MAIN_NS}" count="{len(strings)}" '
        f'uniqueCount="{len(strings)}">{items}</sst>'
    )


_STYLES = (
    f'{_HEAD}<styleSheet xmlns="{MAIN_NS}">'
    '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
    '<fills count="1"><fill><patternFill patternType="none"/></fill></fills>'
    '<borders count="1"><border/></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'
    '</cellStyleXfs><cellXfs count="2">'
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" '
    'applyNumberFormat="1"/></cellXfs>'
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    "</styleSheet>"
)


def package_parts(
    sheet: str | bytes,
    strings: str | bytes | None = None,
    sheet_target: str = "worksheets/sheet1.xml",
) -> dict[str, bytes]:
    """The parts of a one-sheet workbook by name, with shared strings when given."""
    overrides = [
        ("/xl/workbook.xml", f"{_CT}.sheet.main+xml"),
        (f"/xl/{sheet_target}", f"{_CT}.worksheet+xml"),
        ("/xl/styles.xml", f"{_CT}.styles+xml"),
    ]
    relations = [("rId1", "worksheet", sheet_target), ("rId3", "styles", "styles.xml")]
    if strings is not None:
        overrides.append((f"/{STRINGS_PART}", f"{_CT}.sharedStrings+xml"))
        relations.append(("rId2", "sharedStrings", "sharedStrings.xml"))
    content_types = (
        f'{_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        + "".join(f'<Override PartName="{name}" ContentType="{kind}"/>' for name, kind in overrides)
        + "</Types>"
    )
    root_rels = (
        f'{_HEAD}<Relationships xmlns="{_PKG_REL_NS}"><Relationship Id="rId1" '
        f'Type="{_REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
    )
    workbook = (
        f'{_HEAD}<workbook xmlns="{MAIN_NS}" xmlns:r="{_REL_NS}"><sheets>'
        '<sheet name="data" sheetId="1" r:id="rId1"/></sheets></workbook>'
    )
    workbook_rels = (
        f'{_HEAD}<Relationships xmlns="{_PKG_REL_NS}">'
        + "".join(
            f'<Relationship Id="{rid}" Type="{_REL_NS}/{kind}" Target="{target}"/>'
            for rid, kind, target in relations
        )
        + "</Relationships>"
    )
    parts: dict[str, str | bytes] = {
        "[Content_Types].xml": content_types,
        "_rels/.rels": root_rels,
        "xl/workbook.xml": workbook,
        "xl/_rels/workbook.xml.rels": workbook_rels,
        "xl/styles.xml": _STYLES,
        f"xl/{sheet_target}": sheet,
    }
    if strings is not None:
        parts[STRINGS_PART] = strings
    return {
        name: data.encode("utf-8") if isinstance(data, str) else data
        for name, data in parts.items()
    }


def zip_parts(parts: Mapping[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, data in parts.items():
            info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
            info.compress_type = compression
            archive.writestr(info, data)
    return buffer.getvalue()


def package(
    sheet: str | bytes,
    strings: str | bytes | None = None,
    extra: Mapping[str, bytes] | None = None,
    omit: Iterable[str] = (),
    sheet_target: str = "worksheets/sheet1.xml",
    compression: int = zipfile.ZIP_DEFLATED,
) -> bytes:
    """The zip of a one-sheet workbook. ``omit`` leaves parts out (their relationships
    stay, as in a damaged file); ``extra`` adds or replaces parts by name."""
    parts = package_parts(sheet, strings, sheet_target)
    parts.update(extra or {})
    for name in omit:
        parts.pop(name, None)
    return zip_parts(parts, compression)


def _deflated(data: bytes, final: bool) -> bytes:
    """Raw deflate of ``data`` from a fresh dictionary, ending byte-aligned (a full flush)
    or with the final block: such pieces can be concatenated into one stream."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    return compressor.compress(data) + compressor.flush(
        zlib.Z_FINISH if final else zlib.Z_FULL_FLUSH
    )


def bomb_package(
    part: str,
    prefix: bytes,
    filler: bytes,
    mebibytes: int,
    suffix: bytes,
    parts: Mapping[str, bytes],
) -> bytes:
    """A workbook whose ``part`` is ``prefix``, ``mebibytes`` MiB of ``filler`` and
    ``suffix``: a few MB on disk, GBs once inflated. Its sizes and CRC are honest (so only
    a reader's own limit stops it), which is why the zip is written by hand here: the
    member's deflate stream is one compressed MiB repeated, not compressed GBs."""
    chunk = (filler * ((1 << 20) // len(filler) + 1))[: 1 << 20]
    block = _deflated(chunk, final=False)
    crc = zlib.crc32(prefix)
    for _ in range(mebibytes):
        crc = zlib.crc32(chunk, crc)
    crc = zlib.crc32(suffix, crc)
    size = len(prefix) + mebibytes * len(chunk) + len(suffix)
    if size >= 1 << 32:
        raise ValueError("a bomb part must stay under 4 GiB (no zip64 here)")
    streams: list[tuple[str, int, int, list[bytes]]] = []
    for name, data in parts.items():
        if name != part:
            streams.append((name, zlib.crc32(data), len(data), [_deflated(data, final=True)]))
    streams.append(
        (
            part,
            crc,
            size,
            [_deflated(prefix, final=False), *[block] * mebibytes, _deflated(suffix, final=True)],
        )
    )
    out, central, offset = [], [], 0
    stamp = (0, (2024 - 1980) << 9 | 1 << 5 | 1)  # DOS time, date
    for name, crc_value, length, pieces in streams:
        encoded = name.encode()
        compressed = sum(len(p) for p in pieces)
        fields = (20, 0, 8, *stamp, crc_value, compressed, length, len(encoded), 0)
        header = struct.pack("<IHHHHHIIIHH", 0x04034B50, *fields) + encoded
        central.append(
            struct.pack("<IH", 0x02014B50, 20)
            + struct.pack("<HHHHHIIIHH", *fields)
            + struct.pack("<HHHII", 0, 0, 0, 0, offset)
            + encoded
        )
        out.append(header)
        out.extend(pieces)
        offset += len(header) + compressed
    directory = b"".join(central)
    end = struct.pack(
        "<IHHHHIIH", 0x06054B50, 0, 0, len(central), len(central), len(directory), offset, 0
    )
    return b"".join([*out, directory, end])


def _integer(text: str) -> bool:
    digits = text[1:] if text.startswith("-") else text
    return digits.isascii() and digits.isdigit()


def table_cells(
    header: Sequence[str],
    rows: Sequence[Sequence[str | XCell]],
    strings: str = "shared",
    numeric: Iterable[str] = (),
    first_row: int = 1,
) -> tuple[list[tuple[int, list[tuple[int, XCell]]]], list[str] | None]:
    """The sheet rows of a table and its shared strings (None with inline strings).

    Text goes to shared strings or inline strings (``strings``); the digits of the
    ``numeric`` columns are written as numbers; empty cells are left out, as spreadsheets
    do; an :class:`XCell` is written as it is.
    """
    numeric = set(numeric)
    shared: list[str] = []
    index: dict[str, int] = {}

    def text_cell(value: str) -> XCell:
        if strings == "inline":
            return XCell(t="inlineStr", inline=value)
        if value not in index:
            index[value] = len(shared)
            shared.append(value)
        return XCell(t="s", v=str(index[value]))

    sheet_rows = []
    for offset, cells in enumerate([list(header), *rows]):
        built = []
        names = [*header, *[""] * max(0, len(cells) - len(header))]
        for col, (name, value) in enumerate(zip(names, cells), start=1):
            if isinstance(value, XCell):
                built.append((col, value))
            elif value == "":
                continue
            elif offset and name in numeric and _integer(value):
                built.append((col, XCell(v=value)))
            else:
                built.append((col, text_cell(value)))
        sheet_rows.append((first_row + offset, built))
    return sheet_rows, (None if strings == "inline" else shared)


def true_dimension(sheet_rows: Sequence[tuple[int, Sequence[tuple[int, XCell]]]]) -> str:
    cells = [(number, col) for number, row in sheet_rows for col, _ in row]
    if not cells:
        return "A1"
    top = min(n for n, _ in cells)
    bottom = max(n for n, _ in cells)
    return f"A{top}:{column_letters(max(c for _, c in cells))}{bottom}"


def table_xlsx(
    header: Sequence[str],
    rows: Sequence[Sequence[str | XCell]],
    strings: str = "shared",
    numeric: Iterable[str] = (),
    dimension: str | None = "auto",
    encoding_errors: str = "strict",
) -> bytes:
    """A contract table as an XLSX file (see :func:`table_cells`); ``dimension="auto"``
    declares the true range."""
    sheet_rows, shared = table_cells(header, rows, strings, numeric)
    if dimension == "auto":
        dimension = true_dimension(sheet_rows)
    sheet = sheet_xml(sheet_rows, dimension).encode("utf-8", encoding_errors)
    shared_part = None if shared is None else strings_xml(shared).encode("utf-8", encoding_errors)
    return package(sheet, shared_part)
