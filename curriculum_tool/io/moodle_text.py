"""Moodle's descriptions and short names as the dictionary reads and writes them.

Moodle keeps a competency's description as HTML and cuts its short name to 100
characters. Reading turns the HTML into one line of plain text; writing gives a longer
name whole as the description's first paragraph, and reading takes it back from there, so
a round trip through Moodle keeps every name.

:data:`SAID` holds what reading and writing a Moodle framework say to people (refusals
and import notes), in English and Indonesian.
"""

from __future__ import annotations

import html
from html.parser import HTMLParser

from ..domain.records import MAX_TEXT
from ..messages import Catalogue

__all__ = ["SAID", "SHORT_NAME_LENGTH", "full_name", "html_to_text", "short_name"]

#: Refusals and notes of :mod:`.moodle`. Moodle's Indonesian interface calls an ID number
#: "nomor ID" and a framework "kerangka kompetensi".
SAID = Catalogue(
    "io.moodle",
    {
        "file_not_found": ("file not found: {path}", "berkas tidak ditemukan: {path}"),
        "empty_file": (
            "the file is empty (no header row)",
            "berkas kosong (tidak ada baris judul kolom)",
        ),
        "too_many_rows": (
            "the file has more than {limit:,} data rows, the limit ({variable}); split it "
            "into smaller files",
            "berkas memuat lebih dari {limit:,} baris data, batas yang berlaku ({variable}); "
            "pecah menjadi beberapa berkas yang lebih kecil",
        ),
        "translated_header": (
            "the header is not Moodle's English one ('{first}', '{second}', …): its "
            "{count} columns were read by position, as Moodle reads them",
            "judul kolom bukan versi bahasa Inggris Moodle ('{first}', '{second}', …): "
            "{count} kolomnya dibaca menurut urutannya, seperti cara Moodle membacanya",
        ),
        "unknown_column": (
            "unknown column '{column}'; expected Moodle's: {columns}",
            "kolom '{column}' tidak dikenal; kolom Moodle yang diharapkan: {columns}",
        ),
        "column_twice": ("column '{column}' appears twice", "kolom '{column}' muncul dua kali"),
        "missing_column": ("missing column '{column}'", "kolom '{column}' tidak ada"),
        "cell_count": (
            "row has {cells} cells but the header has {columns}",
            "baris memuat {cells} sel, sedangkan judul kolom memuat {columns}",
        ),
        "second_framework": (
            "a second framework row; a file holds one framework",
            "baris kerangka kompetensi kedua; satu berkas hanya memuat satu kerangka",
        ),
        "duplicate_id": (
            "duplicate ID number '{id_number}', first at row {first}",
            "nomor ID '{id_number}' ganda, pertama kali muncul pada baris {first}",
        ),
        "parent_cycle": (
            "parent cycle {cycle}; remove one of these parents",
            "siklus induk {cycle}; hapus salah satu induk tersebut",
        ),
        "unknown_parent": (
            "unknown parent '{parent}'; no row has this ID number",
            "induk '{parent}' tidak dikenal; tidak ada baris dengan nomor ID ini",
        ),
        "no_competency": (
            "the file holds no competency (only a framework row, or no rows)",
            "berkas tidak memuat kompetensi (hanya baris kerangka, atau tanpa baris sama sekali)",
        ),
        "qualified_codes": (
            "framework '{framework}': its ID numbers are qualified as '{prefix}-…' to keep "
            "them apart from other frameworks' (Moodle keeps ID numbers unique per framework)",
            "kerangka '{framework}': nomor ID-nya diberi awalan '{prefix}-…' agar terpisah "
            "dari nomor ID kerangka lain (Moodle menjaga nomor ID unik per kerangka)",
        ),
        "derived_codes": (
            "{n} ID number(s) cannot be a code and were given a derived one: {examples}{more}",
            "{n} nomor ID tidak dapat menjadi kode sehingga diberi kode turunan: {examples}{more}",
        ),
        "not_csv": (
            "a Moodle competency framework is a .csv file, not '{name}'",
            "kerangka kompetensi Moodle berupa berkas .csv, bukan '{name}'",
        ),
        "code_is_group": (
            "competency code '{code}' is also a group's ID number in Moodle; rename the "
            "competency to export it",
            "kode kompetensi '{code}' juga merupakan nomor ID sebuah kelompok di Moodle; "
            "ubah kode kompetensi tersebut agar dapat diekspor",
        ),
    },
)

#: Moodle cuts a competency's short name to this many characters.
SHORT_NAME_LENGTH = 100
_BLOCK_TAGS = {
    "br",
    "p",
    "div",
    "li",
    "ul",
    "ol",
    "tr",
    "td",
    "th",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "pre",
    "hr",
    "table",
}


class _TextParser(HTMLParser):
    """Keeps the text; block tags (``<p>``, ``<br>``, ``<li>``…) become spaces. Moodle's
    HTML purifier has already removed scripts and styles."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: object) -> None:
        if tag in _BLOCK_TAGS:
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        self.handle_starttag(tag, None)

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def html_to_text(text: str, plain: bool = False) -> str:
    """Moodle's HTML as one line of plain text, cut to the dictionary's text length."""
    if not plain:
        parser = _TextParser()
        parser.feed(text)
        parser.close()
        text = "".join(parser.parts)
    text = " ".join(text.split())
    return text if len(text) <= MAX_TEXT else text[: MAX_TEXT - 1].rstrip() + "…"


def short_name(name: str, description: str) -> tuple[str, str]:
    """Moodle's short name (at most 100 characters; a longer name is cut with "…" and
    given whole as the description's first paragraph) and the description as HTML."""
    paragraphs = [f"<p>{html.escape(description)}</p>"] if description else []
    if len(name) <= SHORT_NAME_LENGTH:
        return name, "".join(paragraphs)
    short = name[: SHORT_NAME_LENGTH - 1].rstrip() + "…"
    return short, "".join([f"<p>{html.escape(name)}</p>", *paragraphs])


def full_name(short: str, description: str) -> tuple[str, str]:
    """The name and description :func:`short_name` wrote (other files pass through)."""
    head = f"<p>{html.escape(short[:-1])}"
    if not short.endswith("…") or not description.startswith(head):
        return short, description
    first, _, rest = description.partition("</p>")
    return html.unescape(first[3:]), rest
