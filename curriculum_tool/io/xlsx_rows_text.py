"""Why an XLSX file, a row or a cell cannot be read, in English and Indonesian.

The messages of :mod:`.xlsx_rows` (kept apart so that module stays short). ``{detail}`` of
``unreadable`` and ``in_part`` is either one of these messages or the first line of the
library's own error (zipfile's, expat's or openpyxl's words, as they give them).
"""

from __future__ import annotations

from ..messages import Catalogue

__all__ = ["SAID"]

SAID = Catalogue(
    "io.xlsx_rows",
    {
        # -- the file ---------------------------------------------------------------------
        "unreadable": (
            "not a readable .xlsx file: {detail}",
            "bukan berkas .xlsx yang dapat dibaca: {detail}",
        ),
        "in_part": ("{part}: {detail}", "{part}: {detail}"),
        "zip_bomb": (
            "{member} would unpack to {size:,} bytes from {packed:,}: refused as a zip bomb",
            "{member} akan terurai menjadi {size:,} bita dari {packed:,}: ditolak sebagai bom zip",
        ),
        "doctype_bomb": (
            "{part} declares a DOCTYPE, which no spreadsheet writes (an XML entity bomb?)",
            "{part} memuat deklarasi DOCTYPE, yang tidak pernah ditulis aplikasi lembar kerja "
            "(bom entitas XML?)",
        ),
        "part_doctype": (
            "{part} declares a DOCTYPE, which no spreadsheet writes",
            "{part} memuat deklarasi DOCTYPE, yang tidak pernah ditulis aplikasi lembar kerja",
        ),
        "doctype": (
            "declares a DOCTYPE, which no spreadsheet writes",
            "memuat deklarasi DOCTYPE, yang tidak pernah ditulis aplikasi lembar kerja",
        ),
        "no_worksheet": (
            "the workbook has no worksheet",
            "buku kerja tidak memiliki lembar kerja",
        ),
        "sheet_missing": (
            "the first sheet '{sheet}' is missing ({target})",
            "lembar kerja pertama '{sheet}' tidak ada ({target})",
        ),
        "strings_missing": (
            "the shared strings are missing ({part})",
            "tabel teks bersama tidak ada ({part})",
        ),
        # -- the sheet's structure --------------------------------------------------------
        "cell_outside_row": ("a cell outside a row", "sel di luar baris"),
        "row_inside_row": ("a row inside a row", "baris di dalam baris"),
        "row_number_not_whole": (
            "row number '{value}' is not a whole number",
            "nomor baris '{value}' bukan bilangan bulat",
        ),
        "row_number_outside": (
            "row number {number} is outside 1–{last}",
            "nomor baris {number} di luar 1–{last}",
        ),
        "not_a_reference": (
            "'{value}' is not a cell reference",
            "'{value}' bukan alamat sel",
        ),
        # -- a row ------------------------------------------------------------------------
        "row_twice": (
            "row {number} appears twice in the sheet",
            "baris {number} muncul dua kali di lembar kerja",
        ),
        "row_out_of_order": (
            "row {number} comes after row {highest} in the sheet: rows must be in order, each once",
            "baris {number} muncul sesudah baris {highest} di lembar kerja: baris harus "
            "berurutan, masing-masing sekali",
        ),
        # -- a cell -----------------------------------------------------------------------
        "cell_in_other_row": (
            "cell {reference} is stored inside row {row}",
            "sel {reference} tersimpan di dalam baris {row}",
        ),
        "cell_out_of_order": (
            "cell {cell} appears after column {column} in its row: each cell must come once, "
            "in order",
            "sel {cell} muncul sesudah kolom {column} pada barisnya: setiap sel harus muncul "
            "sekali, berurutan",
        ),
        "formula_without_value": (
            "formula without a value: save the file in Excel/LibreOffice so it stores values, "
            "or paste values",
            "rumus tanpa nilai: simpan berkas di Excel/LibreOffice agar nilainya ikut "
            "tersimpan, atau tempel sebagai nilai",
        ),
        "missing_shared_string": (
            "the cell refers to shared string '{index}', which the file does not have",
            "sel merujuk ke teks bersama '{index}', yang tidak ada dalam berkas",
        ),
        "error_value": (
            "the cell holds the error {value}: correct it, or clear the cell",
            "sel berisi galat {value}: perbaiki, atau kosongkan sel itu",
        ),
        "not_boolean": ("'{value}' is not a true/false value", "'{value}' bukan nilai benar/salah"),
        "not_iso_date": ("'{value}' is not an ISO 8601 date", "'{value}' bukan tanggal ISO 8601"),
        "unknown_type": ("unknown cell type '{kind}'", "jenis sel '{kind}' tidak dikenal"),
        "number_too_long": (
            "a number of {length:,} characters (at most {limit})",
            "angka sepanjang {length:,} karakter (paling banyak {limit})",
        ),
        "not_a_number": ("'{value}' is not a number", "'{value}' bukan angka"),
        "date_outside": (
            "the date serial {value} lies outside the calendar",
            "nomor seri tanggal {value} berada di luar kalender",
        ),
    },
)
