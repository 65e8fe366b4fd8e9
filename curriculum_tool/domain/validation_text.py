"""Why a cell is refused, in both languages: the English the command line and the files
show, and the Indonesian the app shows.

Each message is a :class:`~.reasons.Reason`: it *is* its English text (so ``str()`` and
every comparison are as before) and carries its Indonesian (``.indonesian``), its kind
(``cell:<name>``) and its parameters. The field a message is about (``what``, e.g.
``module code``) is translated too. :data:`MESSAGES` and :data:`FIELDS` are the whole
vocabulary, which a test walks to make sure no English reaches the Indonesian app.
"""

from __future__ import annotations

import re
from typing import Any

from .reasons import Reason

__all__ = ["FIELDS", "MESSAGES", "TERMS", "field_id", "refusal"]

#: Message kind -> (English, Indonesian) templates; ``{what}`` is the field.
MESSAGES: dict[str, tuple[str, str]] = {
    "empty": ("{what} is empty", "{what} kosong"),
    "required": ("{what} is required", "{what} wajib diisi"),
    "code_too_long": (
        "{what} '{value}…' is longer than 40 characters",
        "{what} '{value}…' lebih dari 40 karakter",
    ),
    "not_a_code": (
        "{what} '{value}' is not a valid code (letters, digits, '.', '_' or '-', starting "
        "with a letter or digit)",
        "{what} '{value}' bukan kode yang sah (huruf, angka, '.', '_' atau '-', diawali "
        "huruf atau angka)",
    ),
    "control_character": (
        "{what} contains the control character U+{code} at position {position}",
        "{what} memuat karakter kendali U+{code} pada posisi {position}",
    ),
    "lone_surrogate": (
        "{what} contains a lone surrogate U+{code} at position {position}",
        "{what} memuat surrogate tunggal U+{code} pada posisi {position}",
    ),
    "text_too_long": (
        "{what} is longer than {limit} characters",
        "{what} lebih dari {limit} karakter",
    ),
    "not_whole": (
        "{what} '{value}' is not a whole number",
        "{what} '{value}' bukan bilangan bulat",
    ),
    "outside": ("{what} {value} is outside {low}–{high}", "{what} {value} di luar {low}–{high}"),
    "not_a_flag": (
        "{what} must be 0 or 1, not '{value}'",
        "{what} harus 0 atau 1, bukan '{value}'",
    ),
    "not_a_choice": (
        "{what} '{value}' is not one of: {choices}",
        "{what} '{value}' bukan salah satu dari: {choices}",
    ),
    "empty_item": (
        "empty item in list '{value}' (items are separated by '{separator}')",
        "butir kosong dalam daftar '{value}' (butir dipisahkan dengan '{separator}')",
    ),
    "listed_twice": ("{what} '{value}' is listed twice", "{what} '{value}' tercantum dua kali"),
    "not_a_pair": (
        "'{value}' is not {label}{separator}VALUE",
        "'{value}' bukan {label}{separator}NILAI",
    ),
    "index_not_a_number": (
        "index of {key} '{value}' is not a number",
        "indeks {key} '{value}' bukan angka",
    ),
    "index_outside": ("index of {key} {value} is outside 0–1", "indeks {key} {value} di luar 0–1"),
    "not_a_date": (
        "{what} '{value}' is not a date YYYY-MM-DD",
        "{what} '{value}' bukan tanggal TTTT-BB-HH",
    ),
    "scope_required": (
        "scope is required: '{national}' or a region code",
        "cakupan wajib diisi: '{national}' atau kode wilayah",
    ),
    "unknown_reference": (
        "unknown {singular} '{value}'; add it to {plural} first",
        "{singular} '{value}' tidak dikenal; tambahkan dulu ke {plural}",
    ),
    "requires_itself": (
        "module {value} cannot require itself (cycle {value} → {value})",
        "modul {value} tidak dapat menjadi prasyaratnya sendiri (siklus {value} → {value})",
    ),
    "applied_not_completed": (
        "l3 (applied at work) is 1 but the module was not completed",
        "l3 (diterapkan di kerja) bernilai 1 padahal modul tidak diselesaikan",
    ),
    "own_parent": (
        "region {code} cannot be its own parent",
        "wilayah {code} tidak dapat menjadi induknya sendiri",
    ),
    "own_supervisor": (
        "a learner cannot be their own supervisor",
        "peserta tidak dapat menjadi atasannya sendiri",
    ),
}
#: The fields messages are about, as the contract's cells name them, in Indonesian.
FIELDS: dict[str, str] = {
    "code": "kode",
    "text": "teks",
    "date": "tanggal",
    "module code": "kode modul",
    "module": "modul",
    "competency code": "kode kompetensi",
    "competency": "kompetensi",
    "learner id": "ID peserta",
    "learner": "peserta",
    "position": "jabatan",
    "region code": "kode wilayah",
    "region": "wilayah",
    "scope region": "wilayah cakupan",
    "requires": "prasyarat",
    "completed": "selesai",
    "is_3t": "daerah 3T",
    "parent": "induk",
    "supervisor": "atasan",
    "description": "deskripsi",
    "name": "nama",
    "owner": "pemilik",
    "reason": "alasan",
    "regulation": "dasar hukum",
    "title": "judul",
    "unit": "unit kerja",
    "audience": "sasaran",
    "hazard": "bahaya",
    "status": "status",
    "jenjang": "jenjang",
    "jp": "JP",
    "level": "level",
    "kind": "jenis",
    "who": "sasaran program",
    "group": "kelompok",
    "modality": "modalitas",
    "connectivity": "konektivitas",
    "min_connectivity": "konektivitas minimum",
    "digital_literacy": "literasi digital",
    "min_digital_literacy": "literasi digital minimum",
    "l1": "l1 (reaksi)",
    "l2": "l2 (pembelajaran)",
    "l3": "l3 (penerapan di kerja)",
    "l4": "l4 (hasil unit)",
}
#: What a reference names, singular and plural as the English messages say them.
TERMS: dict[str, str] = {
    "competency": "kompetensi",
    "competencies": "kamus kompetensi",
    "region": "wilayah",
    "regions": "daftar wilayah",
    "module": "modul",
    "modules": "katalog modul",
    "learner": "peserta",
    "learners": "daftar peserta",
    "position": "jabatan",
    "job_standards (no job standard defines it)": (
        "standar jabatan (belum ada standar jabatan yang mendefinisikannya)"
    ),
}
#: ``(empty)``, shown for an empty cell in a message.
EMPTY = ("(empty)", "(kosong)")
_LEVEL_OF = re.compile(r"level of (.+)")


def field_id(what: str) -> str:
    """A field's name in Indonesian (``level of M.01`` → ``level M.01``); an unknown field
    as it is."""
    if match := _LEVEL_OF.fullmatch(what):
        return f"level {match.group(1)}"
    return FIELDS.get(what, what)


def _indonesian(key: str, value: Any) -> Any:
    """A parameter as the Indonesian message shows it: ``(kosong)`` for an empty cell, the
    name of what a reference names."""
    if value == EMPTY[0]:
        return EMPTY[1]
    return TERMS.get(value, value) if key in ("singular", "plural") else value


def refusal(kind: str, what: str = "", **params: Any) -> Reason:
    """The message of ``kind`` about field ``what``, in both languages.

    >>> message = refusal("required", "title")
    >>> str(message), message.indonesian
    ('title is required', 'judul wajib diisi')
    """
    english, indonesian = MESSAGES[kind]
    id_params = {key: _indonesian(key, value) for key, value in params.items()}
    return Reason(
        english.format(what=what, **params),
        indonesian.format(what=field_id(what), **id_params),
        f"cell:{kind}",
        {"what": what, **params},
    )
