"""Why a learner's path is below the yearly minimum, and which compulsory programmes it
still owes, each as one line of text for a report (the agency summary, the learner's
path document). Reasons are read by kind (:mod:`.kinds`), never by their English text.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from ..domain import LearnerPath
from ..domain.labels import label as vocabulary_label
from .kinds import (
    BLOCKING_KINDS,
    KIND_LABELS,
    blocking_kind,
    kind_label,
    report_language,
    root_params,
)

__all__ = ["obligations_text", "shortfall_reason"]

#: Kinds that can explain a path below the yearly minimum.
_SHORTFALL_KINDS = BLOCKING_KINDS | {"not_selected_budget", "not_selected_periods"}


def _shortfall_item(kind: str, reasons: list[Any], lang: str) -> str:
    """``konektivitas rendah (5 modul)``: one kind of blocker with its count."""
    text = kind_label(kind, lang)
    if kind in ("connectivity", "digital_literacy"):
        have = Counter(
            str(params["have"])
            for r in reasons
            if (params := root_params(r)).get("have") is not None
        )
        if have:
            level = have.most_common(1)[0][0]
            if kind == "connectivity":
                text = (
                    ("tanpa internet" if lang == "id" else "no internet")
                    if level == "none"
                    else ("konektivitas " if lang == "id" else "")
                    + vocabulary_label("connectivity", level, lang)
                    + ("" if lang == "id" else " connectivity")
                )
            else:
                text = (
                    f"literasi digital peserta level {level}"
                    if lang == "id"
                    else f"the learner's digital literacy level {level}"
                )
    count = len(reasons)
    unit = "modul" if lang == "id" else ("module" if count == 1 else "modules")
    return f"{text} ({count} {unit})"


def shortfall_reason(path: LearnerPath, lang: str = "id") -> str:
    """Why ``path`` has fewer JP than its yearly minimum; ``""`` when it has enough.

    The path's own ``below_minimum`` reason when it has one (too few takeable modules, or
    they do not fit the budget and periods), followed by the left-out modules that block
    the learner, counted by kind (connectivity, digital literacy, longer than a period,
    a prerequisite, local to another region, not approved, over the budget, not fitting
    the periods), most frequent first. A module left out for a prerequisite counts under
    that prerequisite's own kind when it is blocking. Paths without ``below_minimum``
    (written before it existed) get ``hanya N JP modul yang dapat diikuti (minimum M JP)``
    and the counts.
    """
    below = path.below_minimum
    if below is None and path.total_jp >= path.min_jp:
        return ""
    lang = report_language(lang)
    by_kind: dict[str, list[Any]] = defaultdict(list)
    for excluded in path.excluded:
        kind = blocking_kind(excluded.reason)
        if kind in _SHORTFALL_KINDS:
            by_kind[kind].append(excluded.reason)
    order = {kind: rank for rank, kind in enumerate(KIND_LABELS)}
    ranked = sorted(by_kind.items(), key=lambda item: (-len(item[1]), order[item[0]]))
    items = ", ".join(_shortfall_item(kind, reasons, lang) for kind, reasons in ranked)
    if below is not None:
        text = getattr(below, "render", lambda _: str(below))(lang)
        if items:
            text += (". Penghambat: " if lang == "id" else ". Blocked by: ") + items
        return text
    if lang == "id":
        head = f"hanya {path.total_jp} JP modul yang dapat diikuti (minimum {path.min_jp} JP)"
        tail = items or "katalog tidak memiliki cukup modul lain yang dapat diikuti"
    else:
        head = f"only {path.total_jp} JP of takeable modules (minimum {path.min_jp} JP)"
        tail = items or "the catalog has not enough other takeable modules"
    return f"{head}: {tail}"


def obligations_text(path: LearnerPath, lang: str = "id") -> str:
    """The path's outstanding compulsory programmes in one line:
    ``PKP-201 Pelatihan Kepemimpinan Pengawas (PKP), 290 JP``; ``""`` when none."""
    del lang  # module codes, titles and JP read the same in both languages
    return "; ".join(f"{o.module} {o.title}, {o.jp} JP" for o in path.obligations)
