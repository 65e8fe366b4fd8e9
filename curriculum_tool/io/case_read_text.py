"""What reading a CASE package says to people, in English and Indonesian: the refusals
located by JSON path and the notes on what an import left out (:mod:`.case_read`).

CASE's own names (``CFItems``, ``precedes``, the item types ``Modul``, ``Wilayah`` and
``Kelompok Kompetensi``) stay as they are in both languages; an item's ``identifier`` is
its "pengenal".
"""

from __future__ import annotations

from ..messages import Catalogue, Message

__all__ = ["SAID", "identifier_refusal"]

SAID = Catalogue(
    "io.case_read",
    {
        "not_text": (
            "must be text, not a JSON object or list",
            "harus berupa teks, bukan objek atau daftar JSON",
        ),
        "not_an_object": ("must be a JSON object", "harus berupa objek JSON"),
        "key_not_an_object": ("{key} must be a JSON object", "{key} harus berupa objek JSON"),
        "key_not_a_list": ("{key} must be a JSON list", "{key} harus berupa daftar JSON"),
        "missing_key": (
            "missing {key}; is this a CASE CFPackage?",
            "{key} tidak ada; apakah berkas ini sebuah CFPackage CASE?",
        ),
        "package_not_an_object": (
            "a CASE package must be a JSON object (a CFPackage)",
            "paket CASE harus berupa objek JSON (sebuah CFPackage)",
        ),
        "invalid_json": (
            "not valid JSON: {reason} at line {line} column {column}",
            "JSON tidak sah: {reason} pada baris {line} kolom {column}",
        ),
        "too_deep": (
            "JSON nested more than {limit} levels deep",
            "JSON bersarang lebih dari {limit} tingkat",
        ),
        "not_utf8": ("the file is not UTF-8 text", "berkas bukan teks UTF-8"),
        "unreadable": ("cannot read the file: {reason}", "berkas tidak dapat dibaca: {reason}"),
        "item_not_an_object": ("an item must be a JSON object", "item harus berupa objek JSON"),
        "item_without_identifier": (
            "the item has no identifier",
            "item tidak memiliki pengenal (identifier)",
        ),
        "identifier_control_character": (
            "the identifier contains the control character U+{code} at position {position}",
            "pengenal memuat karakter kendali U+{code} pada posisi {position}",
        ),
        "identifier_lone_surrogate": (
            "the identifier contains a lone surrogate U+{code} at position {position}",
            "pengenal memuat surrogate tunggal U+{code} pada posisi {position}",
        ),
        "duplicate_identifier": (
            "duplicate identifier '{identifier}', first at $.CFItems[{first}]",
            "pengenal '{identifier}' ganda, pertama kali muncul pada $.CFItems[{first}]",
        ),
        "association_not_an_object": (
            "an association must be a JSON object",
            "asosiasi harus berupa objek JSON",
        ),
        "origin_without_identifier": (
            "the association's origin has no identifier",
            "asal asosiasi tidak memiliki pengenal (identifier)",
        ),
        "destination_without_identifier": (
            "the association's destination has no identifier",
            "tujuan asosiasi tidak memiliki pengenal (identifier)",
        ),
        "unknown_field": (
            "unknown field '{key}'; expected: {fields}",
            "kolom '{key}' tidak dikenal; kolom yang diharapkan: {fields}",
        ),
        "dangling_prerequisite": (
            "a prerequisite must join two Modul items of the package",
            "prasyarat harus menghubungkan dua item Modul di dalam paket",
        ),
        "duplicate_key": (
            "duplicate {key} ({values}), first at {first}",
            "{key} ({values}) ganda, pertama kali muncul pada {first}",
        ),
        "skipped_precedes": (
            "left out {n:,} 'precedes' association(s) not between two modules",
            "{n:,} asosiasi 'precedes' yang tidak menghubungkan dua modul tidak diimpor",
        ),
        "outside_associations": (
            "left out {n:,} association(s) with an end outside this package",
            "{n:,} asosiasi yang salah satu ujungnya berada di luar paket ini tidak diimpor",
        ),
        "bare_items": (
            "left out {n:,} Modul or Wilayah item(s) without curriculum-tool data (a strict "
            "CASE package): only their codes and titles are in it",
            "{n:,} item Modul atau Wilayah tanpa data curriculum-tool (paket CASE ketat) "
            "tidak diimpor: paket hanya memuat kode dan judulnya",
        ),
        "group_items": (
            "{n} Kelompok Kompetensi item(s) gave the competency groups (not competencies "
            "themselves)",
            "{n} item Kelompok Kompetensi menjadi kelompok kompetensi (item itu sendiri "
            "bukan kompetensi)",
        ),
    },
)


def identifier_refusal(reason: str) -> Message:
    """Why an item's identifier cannot be stored, from the cell check's ``reason`` about
    "the identifier": the same English, with the identifier named in Indonesian too.

    >>> from curriculum_tool.domain.cells import check_text
    >>> message = identifier_refusal(check_text("a\\x00", "the identifier"))
    >>> message.indonesian
    'pengenal memuat karakter kendali U+0000 pada posisi 2'
    """
    if not isinstance(reason, Message):
        return Message(reason)
    kind = "identifier_" + reason.kind.rpartition(":")[2]
    if kind not in SAID.templates:
        return reason
    return SAID(kind, code=reason.params["code"], position=reason.params["position"])
