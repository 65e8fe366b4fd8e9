"""Why a step is in a path, or a module is not: a stable kind with parameters, rendered
in English and in Bahasa Indonesia.

A :class:`Reason` is made from a kind (``closes_gap``, ``not_relevant``, …) and its
parameters, and renders itself per language from the templates below: the contract's JSON
carries the English text, the app and the printed path the Indonesian one, and reports
read the kind, never the text. For compatibility a Reason *is* its English string.

Parameters hold codes and numbers plus the names a reader needs (a competency's name, a
region's name); vocabulary keys (hazards, modalities, connectivity) are put into words by
the label tables of :mod:`.labels`.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from ..errors import in_language as in_language
from ..messages import Message
from .labels import label

__all__ = [
    "KINDS",
    "Reason",
    "in_language",
    "number_id",
    "render",
]


def number_id(value: float, decimals: int = 2) -> str:
    """``0.85`` → ``0,85`` (Indonesian decimal comma)."""
    return f"{value:.{decimals}f}".replace(".", ",")


#: kind → (English, Indonesian) template. ``{name}`` reads a parameter; ``{name:hazard}``
#: (or ``modality``, ``connectivity``, ``audience``) puts a key, or a list of keys, into
#: words; ``{name:index}`` writes a number with two decimals in the language's style.
KINDS: dict[str, tuple[str, str]] = {
    # -- steps ----------------------------------------------------------------------------
    "closes_gap": (
        "closes the gap in {competency_name} ({competency}) {before}→{after}",
        "menutup kesenjangan {competency_name} ({competency}) {before}→{after}",
    ),
    "narrows_gap": (
        "narrows the gap in {competency_name} ({competency}) {before}→{after} (target {target})",
        "mempersempit kesenjangan {competency_name} ({competency}) "
        "{before}→{after} (target {target})",
    ),
    "regional_standard": (
        "the target is the regional standard of {region_name} (level {level})",
        "targetnya standar wilayah {region_name} (level {level}): {why}",
    ),
    "rung": (
        "a rung towards {modules}: it brings {competency_name} within reach",
        "anak tangga menuju {modules}: membuat {competency_name} terjangkau",
    ),
    "adds_chance": (
        "adds to the chance of closing the gap in {competency_names} "
        "(an earlier step may not succeed)",
        "menambah peluang menutup kesenjangan {competency_names} "
        "(langkah sebelumnya mungkin tidak berhasil)",
    ),
    "unlocks": ("unlocks {modules}", "membuka {modules}"),
    "literacy_first": (
        "digital literacy first: {blocked} gap-closing modules need digital "
        "literacy {need} or more (the learner has {have})",
        "literasi digital dulu: {blocked} modul penutup kesenjangan memerlukan "
        "literasi digital {need} atau lebih (peserta di level {have})",
    ),
    "raises_literacy": (
        "raises digital literacy to {tier} for the later periods",
        "menaikkan literasi digital ke {tier} untuk periode berikutnya",
    ),
    "fills_minimum": (
        "fills the yearly minimum of {min_jp} JP (PP 11/2017): the other steps "
        "total {before_jp} JP",
        "memenuhi minimum tahunan {min_jp} JP (PP 11/2017): langkah lain berjumlah {before_jp} JP",
    ),
    "no_value": (
        "adds no value to the learner's gaps",
        "tidak menambah nilai bagi kesenjangan peserta",
    ),
    "modality_online": (
        "{modality:modality}: digital literacy {literacy} and "
        "{connectivity:connectivity} connectivity in {region_name} suffice",
        "{modality:modality}: literasi digital {literacy} dan konektivitas "
        "{connectivity:connectivity} di {region_name} cukup",
    ),
    "modality_offline": (
        "{modality:modality}: works without internet; {region_name} has "
        "{connectivity:connectivity} connectivity",
        "{modality:modality}: dapat berjalan tanpa internet; konektivitas "
        "{region_name} {connectivity:connectivity}",
    ),
    "modality_low": (
        "{modality:modality}: needs only {need:connectivity} connectivity; "
        "{region_name} has {connectivity:connectivity}",
        "{modality:modality}: cukup konektivitas {need:connectivity}; "
        "konektivitas {region_name} {connectivity:connectivity}",
    ),
    "modality": ("{modality:modality} delivery", "pelaksanaan {modality:modality}"),
    "hazard_risk": (
        "{hazard:hazard} risk {index:index} in {region_name}",
        "risiko {hazard:hazard} {index:index} di {region_name}",
    ),
    # -- left out: cannot be taken ---------------------------------------------------------
    "completed": ("already completed", "sudah diselesaikan"),
    "not_approved": ("not approved yet", "belum disetujui"),
    "obligation": (
        "a compulsory programme for {who:audience} ({regulation}), listed separately",
        "program wajib bagi {who:audience} ({regulation}), dicantumkan tersendiri",
    ),
    "obligation_of_others": (
        "a compulsory programme for {who:audience}, not for this learner",
        "program wajib bagi {who:audience}, bukan untuk peserta ini",
    ),
    "outside_audience": (
        "for {audience:audience} only; the learner is {learner:audience}",
        "khusus {audience:audience}; peserta adalah {learner:audience}",
    ),
    "local_elsewhere": (
        "a local module of {scope_name}, not offered in {region_name}",
        "modul lokal {scope_name}, tidak ditawarkan di {region_name}",
    ),
    "not_relevant": (
        "not locally relevant: {hazards:hazard} below {threshold:index} in {region_name}",
        "tidak relevan secara lokal: {hazards:hazard} di bawah {threshold:index} di {region_name}",
    ),
    "offline_instead": (
        "online delivery with {connectivity:connectivity} connectivity in "
        "{region_name}; {instead} ({instead_modality:modality}) teaches the "
        "same offline",
        "daring dengan konektivitas {connectivity:connectivity} di "
        "{region_name}; {instead} ({instead_modality:modality}) mengajarkan "
        "hal yang sama secara luring",
    ),
    "connectivity": (
        "needs {need:connectivity} connectivity; {region_name} has {have:connectivity}",
        "memerlukan konektivitas {need:connectivity}; konektivitas "
        "{region_name} {have:connectivity}",
    ),
    "digital_literacy": (
        "needs digital literacy {need}; the learner has {have}",
        "memerlukan literasi digital {need}; peserta di level {have}",
    ),
    "longer_than_period": (
        "{jp} JP is longer than one period ({cap} JP)",
        "{jp} JP lebih panjang dari satu periode ({cap} JP)",
    ),
    "requires": (
        "requires {module}, which cannot be taken ({why})",
        "memerlukan {module}, yang tidak dapat diikuti ({why})",
    ),
    "pitched_too_high": (
        "pitched at level {taught} of {competency_name} ({competency}); the learner is at {level}",
        "ditujukan untuk level {taught} {competency_name} ({competency}); peserta di level {level}",
    ),
    # -- left out: not selected ------------------------------------------------------------
    "not_selected_periods": (
        "not selected: does not fit in {periods} periods of {cap} JP with the other steps",
        "tidak dipilih: tidak muat dalam {periods} periode @ {cap} JP bersama langkah lain",
    ),
    "not_selected_covered": (
        "not selected: the chosen steps already cover what it teaches",
        "tidak dipilih: langkah terpilih sudah mencakup isinya",
    ),
    "not_selected_budget": (
        "not selected: {jp} JP (with prerequisites) would exceed the "
        "{max_jp} JP budget ({left} JP left)",
        "tidak dipilih: {jp} JP (dengan prasyarat) melebihi anggaran {max_jp} JP (sisa {left} JP)",
    ),
    "not_selected_value": (
        "not selected: less value per JP than the chosen steps",
        "tidak dipilih: nilai per JP lebih rendah dari langkah terpilih",
    ),
    # -- below the yearly minimum ----------------------------------------------------------
    "below_minimum_takeable": (
        "below the yearly minimum of {min_jp} JP: only {available} JP "
        "of modules can be taken by this learner this year",
        "di bawah minimum tahunan {min_jp} JP: hanya {available} JP "
        "modul yang dapat diikuti peserta tahun ini",
    ),
    "below_minimum_fit": (
        "below the yearly minimum of {min_jp} JP: the other takeable "
        "modules do not fit the {max_jp} JP budget and {periods} period(s) "
        "with the chosen steps",
        "di bawah minimum tahunan {min_jp} JP: modul lain yang dapat "
        "diikuti tidak muat dalam anggaran {max_jp} JP dan {periods} "
        "periode bersama langkah terpilih",
    ),
}

#: Suffixes added when a parameter is present (an alternative the learner can take).
_SUFFIX = {
    "instead": (
        "; {instead} ({instead_modality:modality}) teaches {instead_teaches} instead",
        "; {instead} ({instead_modality:modality}) mengajarkan {instead_teaches} sebagai gantinya",
    ),
    "rung_module": ("; first {rung_module}", "; terlebih dahulu {rung_module}"),
}
#: Kinds the suffixes apply to.
_SUFFIXED = {"instead": {"connectivity", "digital_literacy"}, "rung_module": {"pitched_too_high"}}


def _value(value: Any, spec: str, lang: str) -> str:
    if spec == "index":
        return number_id(float(value)) if lang == "id" else f"{float(value):.2f}"
    if spec:
        items = value if isinstance(value, (list, tuple)) else [value]
        words = [label(spec, str(v), lang) for v in items]
        joiner = " atau " if lang == "id" else " or "
        return ", ".join(words[:-1]) + joiner + words[-1] if len(words) > 1 else words[0]
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value)
    if isinstance(value, float):
        text = f"{value:g}"
        return text.replace(".", ",") if lang == "id" else text
    if isinstance(value, dict) and "kind" in value:  # a nested reason (``requires``)
        return render(value["kind"], value.get("params", {}), lang)
    return str(value)


def _fill(template: str, params: Mapping[str, Any], lang: str) -> str:
    out, rest = [], template
    while "{" in rest:
        head, _, tail = rest.partition("{")
        field, _, rest = tail.partition("}")
        name, _, spec = field.partition(":")
        out.append(head)
        out.append(_value(params[name], spec, lang))
    out.append(rest)
    return "".join(out)


def render(kind: str, params: Mapping[str, Any], lang: str = "en") -> str:
    """The text of a reason of ``kind`` in ``lang`` (``en`` or ``id``)."""
    english, indonesian = KINDS[kind]
    side = 0 if lang == "en" else 1
    text = _fill((english, indonesian)[side], params, lang)
    for parameter, kinds in _SUFFIXED.items():
        if kind in kinds and params.get(parameter):
            text += _fill(_SUFFIX[parameter][side], params, lang)
    return text


#: Texts and parameter JSON of reasons already rendered, by kind and ``repr(params)``:
#: an agency batch gives the same few thousand reasons (module, region, cause) to tens of
#: thousands of learners, and rendering them again each time cost over 1 ms a learner
#: (measured). ``repr`` keeps ``True`` and ``1`` apart, and parameters given in another
#: order only miss the cache.
_RENDERED: dict[tuple[str, str], tuple[str, str, str]] = {}
_RENDERED_MAX = 65_536


def _rendered(kind: str, params: dict[str, Any]) -> tuple[str, str, str]:
    key = (kind, repr(params))
    found = _RENDERED.get(key)
    if found is None:
        if len(_RENDERED) >= _RENDERED_MAX:
            _RENDERED.clear()
        found = _RENDERED[key] = (
            render(kind, params, "en"),
            render(kind, params, "id"),
            json.dumps(params, ensure_ascii=False),
        )
    return found


class Reason(Message):
    """A reason: its English text (it *is* that string), its Indonesian text, its stable
    ``kind`` and its ``params``; a :class:`~curriculum_tool.messages.Message` whose
    templates are :data:`KINDS`.

    >>> r = Reason.of("hazard_risk", hazard="gempa_bumi", index=0.85, region="72.71",
    ...               region_name="Kota Palu")
    >>> str(r), r.indonesian, r.kind
    ('earthquake risk 0.85 in Kota Palu', 'risiko gempa bumi 0,85 di Kota Palu', 'hazard_risk')
    """

    _json: str | None = None

    @classmethod
    def of(cls, kind: str, **params: Any) -> Reason:
        """The reason of ``kind`` with ``params``, rendered in both languages."""
        english, indonesian, params_json = _rendered(kind, params)
        reason = cls(english, indonesian, kind, params)
        reason._json = params_json
        return reason

    def params_json(self) -> str:
        """``params`` as JSON (how they are stored)."""
        if self._json is None:
            self._json = json.dumps(self.params, ensure_ascii=False)
        return self._json

    def nested(self) -> dict[str, Any]:
        """This reason as a parameter of another (``requires X, which cannot be taken
        (why)``)."""
        return {"kind": self.kind, "params": self.params}
