"""The contract's vocabulary keys in words: one table per vocabulary and language.

Every place that shows a modality, a module status, a hazard, a connectivity level or an
audience to a reader takes its words from here: the reasons of a path, the printed path,
the reports and the app's tables and forms. The words are lower case, as they read inside
a sentence; ``capitalized=True`` gives the form for a cell or a list entry. The
Indonesian words follow the app's usage and the contract's keys (PerLAN 10/2018 for the
learning forms); the English ones are the app's English interface.
"""

from __future__ import annotations

__all__ = [
    "AUDIENCE_EN",
    "AUDIENCE_ID",
    "CONNECTIVITY_EN",
    "CONNECTIVITY_ID",
    "GROUP_EN",
    "GROUP_ID",
    "HAZARD_EN",
    "HAZARD_ID",
    "MODALITY_EN",
    "MODALITY_ID",
    "STATUS_EN",
    "STATUS_ID",
    "VOCABULARIES",
    "label",
]

MODALITY_ID = {
    "klasikal": "klasikal",
    "e_learning": "e-learning",
    "blended": "blended",
    "microlearning": "microlearning",
    "coaching": "coaching",
    "mentoring": "mentoring",
    "social_learning": "pembelajaran sosial",
    "experiential": "pembelajaran berbasis pengalaman",
}
MODALITY_EN = {
    "klasikal": "classroom",
    "e_learning": "e-learning",
    "blended": "blended",
    "microlearning": "microlearning",
    "coaching": "coaching",
    "mentoring": "mentoring",
    "social_learning": "social learning",
    "experiential": "experiential learning",
}
#: A module's review status (contract §2 ``status``); ``review`` is *ditinjau*, as in the
#: workflow ``Draf → Ditinjau → Disetujui`` and its button ``Ajukan untuk ditinjau``.
STATUS_ID = {"draft": "draf", "review": "ditinjau", "approved": "disetujui"}
STATUS_EN = {"draft": "draft", "review": "in review", "approved": "approved"}
CONNECTIVITY_ID = {"none": "tanpa internet", "low": "rendah", "high": "tinggi"}
CONNECTIVITY_EN = {"none": "no", "low": "low", "high": "high"}
HAZARD_ID = {
    "gempa_bumi": "gempa bumi",
    "tsunami": "tsunami",
    "banjir": "banjir",
    "tanah_longsor": "tanah longsor",
    "letusan_gunung_api": "letusan gunung api",
    "kekeringan": "kekeringan",
    "cuaca_ekstrem": "cuaca ekstrem",
    "kebakaran_hutan_lahan": "kebakaran hutan dan lahan",
    "abrasi": "gelombang ekstrem dan abrasi",
    "banjir_bandang": "banjir bandang",
    "likuefaksi": "likuefaksi",
}
HAZARD_EN = {
    "gempa_bumi": "earthquake",
    "tsunami": "tsunami",
    "banjir": "flood",
    "tanah_longsor": "landslide",
    "letusan_gunung_api": "volcanic eruption",
    "kekeringan": "drought",
    "cuaca_ekstrem": "extreme weather",
    "kebakaran_hutan_lahan": "forest and land fire",
    "abrasi": "extreme waves and abrasion",
    "banjir_bandang": "flash flood",
    "likuefaksi": "liquefaction",
}
AUDIENCE_ID = {
    "pelaksana": "pelaksana",
    "fungsional_keterampilan": "fungsional keterampilan",
    "fungsional_ahli": "fungsional ahli",
    "pengawas": "pengawas",
    "administrator": "administrator",
    "jpt": "pimpinan tinggi (JPT)",
    "cpns": "CPNS",
    "pns": "PNS",
    "pppk": "PPPK",
}
AUDIENCE_EN = {
    "pelaksana": "executor (pelaksana)",
    "fungsional_keterampilan": "skilled functional",
    "fungsional_ahli": "expert functional",
    "pengawas": "supervisor (pengawas)",
    "administrator": "administrator",
    "jpt": "senior executive (JPT)",
    "cpns": "civil-servant candidate (CPNS)",
    "pns": "civil servant (PNS)",
    "pppk": "contract civil servant (PPPK)",
}

#: language → vocabulary → key → words.
#: Competency groups (PermenPANRB 38/2017).
GROUP_ID = {"teknis": "teknis", "manajerial": "manajerial", "sosial_kultural": "sosial kultural"}
GROUP_EN = {"teknis": "technical", "manajerial": "managerial", "sosial_kultural": "socio-cultural"}
VOCABULARIES: dict[str, dict[str, dict[str, str]]] = {
    "en": {
        "group": GROUP_EN,
        "hazard": HAZARD_EN,
        "modality": MODALITY_EN,
        "status": STATUS_EN,
        "connectivity": CONNECTIVITY_EN,
        "audience": AUDIENCE_EN,
    },
    "id": {
        "group": GROUP_ID,
        "hazard": HAZARD_ID,
        "modality": MODALITY_ID,
        "status": STATUS_ID,
        "connectivity": CONNECTIVITY_ID,
        "audience": AUDIENCE_ID,
    },
}


def label(vocabulary: str, key: str, lang: str = "id", capitalized: bool = False) -> str:
    """A vocabulary key in words (``lang`` ``id`` or ``en``); an unknown key is itself.

    >>> label("hazard", "gempa_bumi"), label("modality", "klasikal", "en")
    ('gempa bumi', 'classroom')
    >>> label("status", "review", capitalized=True), label("status", "review", "en")
    ('Ditinjau', 'in review')
    """
    words = VOCABULARIES["en" if lang == "en" else "id"][vocabulary].get(key, key)
    return words[:1].upper() + words[1:] if capitalized else words
