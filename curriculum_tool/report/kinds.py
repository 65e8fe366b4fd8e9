"""Left-out modules read by the *kind* of their reason, never by its English text.

One table, :data:`KIND_LABELS`, gives every kind (``Exclusion.kind``, :attr:`Reason.kind
<curriculum_tool.domain.reasons.Reason.kind>`) its Indonesian and English label; the sets
below group the kinds the way reports count them, and :func:`root_kind` follows a
``requires`` reason down to the prerequisite's own cause. Shared by the agency summary and
the learner's path document. Core module: never Qt.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

__all__ = [
    "BLOCKING_KINDS",
    "EXCLUSION_KINDS",
    "KIND_LABELS",
    "NOT_FOR_LEARNER_KINDS",
    "blocking_kind",
    "exclusion_kind",
    "kind_label",
    "report_language",
    "root_kind",
    "root_params",
]

#: Every kind of left-out module (``Exclusion.kind``) with its Indonesian and English
#: label, in the order reports list them: what the learner cannot take first, then what
#: the planner chose to leave out, then what is not meant for the learner at all.
KIND_LABELS: dict[str, dict[str, str]] = {
    # -- the learner cannot take it ---------------------------------------------------
    "connectivity": {"id": "konektivitas tidak memadai", "en": "connectivity too weak"},
    "digital_literacy": {"id": "literasi digital belum memadai", "en": "digital literacy too low"},
    "longer_than_period": {"id": "lebih panjang dari satu periode", "en": "longer than one period"},
    "requires": {"id": "prasyarat tidak dapat diikuti", "en": "prerequisite cannot be taken"},
    "local_elsewhere": {"id": "modul lokal daerah lain", "en": "local module of another region"},
    "not_approved": {"id": "belum disetujui", "en": "not approved yet"},
    "pitched_too_high": {
        "id": "level terlalu tinggi untuk saat ini",
        "en": "pitched too high for now",
    },
    # -- the planner chose otherwise --------------------------------------------------
    "offline_instead": {
        "id": "ada alternatif luring (konektivitas lemah)",
        "en": "offline alternative (weak connectivity)",
    },
    "not_selected_budget": {"id": "melebihi anggaran JP", "en": "over the JP budget"},
    "not_selected_periods": {"id": "tidak muat dalam periode", "en": "does not fit the periods"},
    "not_selected_value": {"id": "nilai per JP lebih rendah", "en": "less value per JP"},
    "not_selected_covered": {"id": "sudah tercakup langkah lain", "en": "covered by other steps"},
    # -- not meant for this learner, or already dealt with ----------------------------
    "not_relevant": {"id": "tidak relevan secara lokal", "en": "not locally relevant"},
    "outside_audience": {"id": "di luar sasaran peserta", "en": "outside the audience"},
    "obligation_of_others": {
        "id": "program wajib jabatan/status lain",
        "en": "compulsory for others",
    },
    "obligation": {
        "id": "program wajib (dicantumkan tersendiri)",
        "en": "compulsory programme (listed separately)",
    },
    "completed": {"id": "sudah diselesaikan", "en": "already completed"},
    "other": {"id": "lainnya", "en": "other"},
}
#: The former name of :data:`KIND_LABELS`.
EXCLUSION_KINDS = KIND_LABELS

#: Kinds that mean the learner cannot take the module (not a choice of the planner, and
#: not a module meant for someone else): what ``Modul Tidak Dapat Diikuti`` counts.
BLOCKING_KINDS = frozenset(
    {
        "connectivity",
        "digital_literacy",
        "longer_than_period",
        "requires",
        "local_elsewhere",
        "not_approved",
    }
)

#: Kinds of modules that are not meant for the learner at all (another audience, another
#: jenjang's compulsory programme) or are dealt with elsewhere (the learner's own
#: compulsory programme, a module already completed): noise in a learner's document.
NOT_FOR_LEARNER_KINDS = frozenset(
    {"outside_audience", "obligation_of_others", "obligation", "completed"}
)


def report_language(lang: str) -> str:
    """``en`` for English, ``id`` (Indonesian, the default) for anything else."""
    return "en" if lang == "en" else "id"


def exclusion_kind(reason: Any) -> str:
    """The kind of an exclusion reason (a key of :data:`KIND_LABELS`): the reason's own
    ``kind``; ``other`` for a plain string or an unknown kind (reasons stored before
    kinds were).

    >>> from curriculum_tool.domain.reasons import Reason
    >>> exclusion_kind(Reason.of("digital_literacy", need=2, have=1))
    'digital_literacy'
    >>> exclusion_kind("needs low connectivity; 81.08 has none")
    'other'
    """
    kind = getattr(reason, "kind", "") or ""
    return kind if kind in KIND_LABELS else "other"


def _root(reason: Any) -> tuple[str, Mapping[str, Any]]:
    kind = getattr(reason, "kind", "") or ""
    params: Mapping[str, Any] = getattr(reason, "params", {}) or {}
    seen = 0
    while kind == "requires" and seen < 64:  # a stored chain is finite; guard anyway
        why = params.get("why")
        if not isinstance(why, Mapping) or not why.get("kind"):
            break
        kind, params, seen = str(why["kind"]), why.get("params") or {}, seen + 1
    return (kind if kind in KIND_LABELS else "other"), params


def root_kind(reason: Any) -> str:
    """The kind of the root cause: for ``requires``, the kind of the blocking
    prerequisite's own reason (``params["why"]["kind"]``, followed down a chain).

    >>> from curriculum_tool.domain.reasons import Reason
    >>> why = Reason.of("connectivity", need="high", have="none", region="81.08",
    ...                 region_name="Kab. Maluku Barat Daya")
    >>> root_kind(Reason.of("requires", module="DATA-301", why=why.nested()))
    'connectivity'
    """
    return _root(reason)[0]


def root_params(reason: Any) -> Mapping[str, Any]:
    """The parameters of the root cause's reason (see :func:`root_kind`)."""
    return _root(reason)[1]


def kind_label(kind: str, lang: str = "id") -> str:
    """The label of an exclusion kind in ``lang`` (``id`` or ``en``)."""
    return KIND_LABELS.get(kind, KIND_LABELS["other"])[report_language(lang)]


def blocking_kind(reason: Any) -> str:
    """The kind a report files a blocked module under: a ``requires`` whose root cause is
    itself blocking under that root cause, otherwise the reason's own kind."""
    kind = exclusion_kind(reason)
    if kind == "requires":
        root = root_kind(reason)
        return root if root in BLOCKING_KINDS else kind
    return kind
