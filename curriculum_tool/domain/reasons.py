"""Why a step is in a path, or a module is not: in English and in Bahasa Indonesia.

The contract's JSON carries the English text (``reasons``); the app and the printed path
report show the Indonesian one. A :class:`Reason` is that English string, carrying its
Indonesian wording along, so both are written in one place, where the reason is made.
"""

from __future__ import annotations

__all__ = ["Reason", "in_language", "MODALITY_ID", "CONNECTIVITY_ID", "HAZARD_ID", "number_id"]

MODALITY_ID = {"klasikal": "klasikal", "e_learning": "e-learning", "blended": "blended",
               "microlearning": "mikro", "coaching": "coaching", "mentoring": "mentoring",
               "social_learning": "pembelajaran sosial", "experiential": "pengalaman kerja"}
CONNECTIVITY_ID = {"none": "tanpa internet", "low": "rendah", "high": "tinggi"}
HAZARD_ID = {"gempa_bumi": "gempa bumi", "tsunami": "tsunami", "banjir": "banjir",
             "tanah_longsor": "tanah longsor", "letusan_gunung_api": "letusan gunung api",
             "kekeringan": "kekeringan", "cuaca_ekstrem": "cuaca ekstrem",
             "kebakaran_hutan_lahan": "kebakaran hutan dan lahan", "abrasi": "abrasi"}


def number_id(value: float, decimals: int = 2) -> str:
    """``0.85`` → ``0,85`` (Indonesian decimal comma)."""
    return f"{value:.{decimals}f}".replace(".", ",")


class Reason(str):
    """English reason text (it *is* the string) with its Indonesian wording as ``indonesian``.

    >>> r = Reason("already completed", "sudah diselesaikan")
    >>> r == "already completed", r.indonesian
    (True, 'sudah diselesaikan')
    >>> (r + Reason("; again", "; lagi")).indonesian
    'sudah diselesaikan; lagi'
    """

    indonesian: str

    def __new__(cls, english: str, indonesian: str | None = None) -> Reason:
        reason = super().__new__(cls, english)
        reason.indonesian = english if indonesian is None else indonesian
        return reason

    def __add__(self, other: str) -> Reason:
        return Reason(str(self) + str(other), self.indonesian + in_language(other, "id"))

    def __reduce__(self):
        return (Reason, (str(self), self.indonesian))


def in_language(reason: str, lang: str) -> str:
    """The reason in ``lang`` (``id`` or ``en``); plain strings are returned as they are."""
    return getattr(reason, "indonesian", str(reason)) if lang == "id" else str(reason)
