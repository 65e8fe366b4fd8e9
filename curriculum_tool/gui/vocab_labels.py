"""Indonesian labels of the contract's vocabularies, as the user reads them.

Hazards, connectivity, module statuses, modalities, digital literacy levels,
prerequisite kinds and the form fields a contract column is entered in. The source
texts are marked for ``lupdate`` in the ``Labels`` context and translated when shown,
so a language switch needs no rebuild of these tables.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale

from ..domain.labels import label
from .i18n import current_language

__all__ = [
    "LABELS_CONTEXT",
    "cell_label",
    "connectivity_label",
    "field_label",
    "format_index",
    "group_label",
    "hazard_label",
    "hazard_short_label",
    "kind_label",
    "literacy_label",
    "modality_label",
    "status_label",
]

#: The translation context of every label here.
LABELS_CONTEXT = "Labels"

#: Shorter names where a column is narrow (BNPB's own abbreviations).
_HAZARDS_SHORT = {
    "kebakaran_hutan_lahan": QT_TRANSLATE_NOOP("Labels", "Karhutla"),
    "abrasi": QT_TRANSLATE_NOOP("Labels", "Abrasi"),
}
_CONNECTIVITY = {
    "none": QT_TRANSLATE_NOOP("Labels", "Tidak ada"),
    "low": QT_TRANSLATE_NOOP("Labels", "Rendah"),
    "high": QT_TRANSLATE_NOOP("Labels", "Tinggi"),
}
_LITERACY = {
    0: QT_TRANSLATE_NOOP("Labels", "0 — tidak ada"),
    1: QT_TRANSLATE_NOOP("Labels", "1 — dasar (mengetik, surel)"),
    2: QT_TRANSLATE_NOOP("Labels", "2 — menengah (aplikasi perkantoran, formulir daring)"),
    3: QT_TRANSLATE_NOOP("Labels", "3 — mahir (analisis data)"),
}
_KINDS = {
    "hard": QT_TRANSLATE_NOOP("Labels", "wajib (hard)"),
    "soft": QT_TRANSLATE_NOOP("Labels", "dianjurkan (soft)"),
}
_FIELDS = {
    "code": QT_TRANSLATE_NOOP("Labels", "Kode"),
    "title": QT_TRANSLATE_NOOP("Labels", "Judul"),
    "jp": QT_TRANSLATE_NOOP("Labels", "JP"),
    "modality": QT_TRANSLATE_NOOP("Labels", "Modalitas"),
    "level": QT_TRANSLATE_NOOP("Labels", "Level"),
    "competencies": QT_TRANSLATE_NOOP("Labels", "Kompetensi"),
    "competency": QT_TRANSLATE_NOOP("Labels", "Kompetensi"),
    "hazards": QT_TRANSLATE_NOOP("Labels", "Bahaya"),
    "min_connectivity": QT_TRANSLATE_NOOP("Labels", "Konektivitas minimum"),
    "min_digital_literacy": QT_TRANSLATE_NOOP("Labels", "Literasi digital minimum"),
    "scope": QT_TRANSLATE_NOOP("Labels", "Cakupan"),
    "status": QT_TRANSLATE_NOOP("Labels", "Status"),
    "owner": QT_TRANSLATE_NOOP("Labels", "Pemilik"),
    "audience": QT_TRANSLATE_NOOP("Labels", "Sasaran"),
    "prerequisites": QT_TRANSLATE_NOOP("Labels", "Prasyarat"),
    "region": QT_TRANSLATE_NOOP("Labels", "Wilayah"),
    "reason": QT_TRANSLATE_NOOP("Labels", "Alasan"),
}


def _label(table: Mapping, key: object) -> str:
    text = table.get(key)
    return QCoreApplication.translate(LABELS_CONTEXT, text) if text else str(key)


def _vocabulary_label(vocabulary: str, key: str) -> str:
    """The core's words for ``key`` (domain.labels), in the app's language, capitalised."""
    return label(vocabulary, key, current_language(), capitalized=True)


def hazard_label(key: str) -> str:
    """``gempa_bumi`` → ``Gempa bumi``."""
    return _vocabulary_label("hazard", key)


def hazard_short_label(key: str) -> str:
    """A hazard's name for a narrow column: ``Karhutla`` for forest and land fires."""
    return _label(_HAZARDS_SHORT, key) if key in _HAZARDS_SHORT else hazard_label(key)


def connectivity_label(key: str) -> str:
    return _label(_CONNECTIVITY, key)


def status_label(key: str) -> str:
    return _vocabulary_label("status", key)


def group_label(key: str) -> str:
    """A competency group: ``sosial_kultural`` → ``Sosial kultural``."""
    return _vocabulary_label("group", key)


def modality_label(key: str) -> str:
    return _vocabulary_label("modality", key)


def literacy_label(level: int) -> str:
    """A digital literacy level with what it means: ``1 — dasar (mengetik, surel)``."""
    return _label(_LITERACY, level)


def kind_label(key: str) -> str:
    """A prerequisite kind: ``hard`` → ``wajib (hard)``."""
    return _label(_KINDS, key)


def field_label(column: str) -> str:
    """The form field a contract column is entered in, as the user reads it."""
    return _label(_FIELDS, column) if column else ""


def cell_label(column: str, text: str) -> str:
    """A contract cell as the user reads it: vocabulary keys as words in the app's language
    (``e_learning`` → ``E-learning``, ``gempa_bumi:0.85;tsunami:0.7`` → ``Gempa bumi 0,85,
    Tsunami 0,70``); other cells as they are."""
    if not text:
        return text
    if column == "modality":
        return modality_label(text)
    if column == "status":
        return status_label(text)
    if column in ("connectivity", "min_connectivity"):
        return connectivity_label(text)
    if column == "hazards":
        parts = []
        for item in text.split(";"):
            key, _, index = item.partition(":")
            number = f" {format_index(float(index))}" if index else ""
            parts.append(hazard_label(key) + number)
        return ", ".join(parts)
    return text


def format_index(value: float) -> str:
    """A hazard index in the interface's number format: ``0,85`` in Bahasa Indonesia,
    ``0.85`` in English (``i18n.install_language`` sets the default locale)."""
    return QLocale().toString(float(value), "f", 2)
