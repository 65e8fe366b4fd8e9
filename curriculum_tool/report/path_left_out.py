"""The left-out modules of a learner's path document, as HTML for QTextDocument: only
those that would close one of the learner's gaps, grouped by why they were left out,
with the group's shared reason said once. No Qt."""

from __future__ import annotations

from itertools import groupby
from typing import Any

from ..domain import LearnerPath
from ..domain.labels import label as vocabulary_label
from ..domain.reasons import in_language, render as render_reason
from .path_details import LearnerDetails
from .path_sections import escaped
from .summary import KIND_LABELS, exclusion_kind, kind_label, root_kind

__all__ = ["left_out_html"]

#: Left-out modules a learner's document never lists, even when they would close a gap:
#: meant for another audience, compulsory for others, local to another region or about
#: hazards the learner's region does not have (also when that is why a prerequisite
#: cannot be taken: none of them is the learner's to ask for), the learner's own
#: compulsory programmes (listed under *Program wajib*) and modules already completed.
_ELSEWHERE = frozenset(
    {"outside_audience", "obligation_of_others", "local_elsewhere", "not_relevant"}
)
_NOT_LISTED = _ELSEWHERE | {"obligation", "completed"}
_NOT_LISTED_ROOT = _ELSEWHERE


def _closes_a_gap(module: str, details: LearnerDetails) -> bool:
    """Whether ``module`` teaches one of the learner's gap competencies above their level
    (True when the workspace does not say: the planner lists gap-closing modules only)."""
    if details.gaps is None or module not in details.module_competencies:
        return True
    gaps = {gap.competency: gap for gap in details.gaps}
    return any(
        competency in gaps and level > gaps[competency].level
        for competency, level in details.module_competencies[module]
    )


def _listed(path: LearnerPath, details: LearnerDetails) -> tuple[list[tuple[str, Any]], int]:
    """The left-out modules the learner's document lists, as (kind, exclusion) in the
    order of :data:`KIND_LABELS`, and how many others it leaves unlisted."""
    listed, hidden = [], 0
    for excluded in path.excluded:
        kind = exclusion_kind(excluded.reason)
        if (
            kind in _NOT_LISTED
            or root_kind(excluded.reason) in _NOT_LISTED_ROOT
            or not _closes_a_gap(excluded.module, details)
        ):
            hidden += 1
            continue
        listed.append((kind, excluded))
    order = {kind: rank for rank, kind in enumerate(KIND_LABELS)}
    listed.sort(key=lambda item: order.get(item[0], len(order)))  # stable within a kind
    return listed, hidden


def _weak(connectivity: str, t: dict[str, str], lang: str) -> str:
    if connectivity == "none":
        return t["weak_none"]
    return t["weak"].format(level=vocabulary_label("connectivity", connectivity, lang))


def _excluded_text(reason: Any, in_path: set[str], t: dict[str, str], lang: str) -> str:
    """A left-out module's reason as the learner reads it: an offline alternative is
    called a replacement only when it is a step of this path."""
    kind = getattr(reason, "kind", "")
    params = dict(getattr(reason, "params", {}) or {})
    instead = params.get("instead")
    try:
        if kind == "offline_instead" and instead:
            key = "replaced" if instead in in_path else "alternative"
            return t[key].format(
                module=instead,
                modality=vocabulary_label(
                    "modality", str(params.get("instead_modality", "")), lang
                ),
                weak=_weak(str(params.get("connectivity", "")), t, lang),
                region=params.get("region_name") or params.get("region", ""),
            )
        if kind in ("connectivity", "digital_literacy") and instead:
            base = {
                k: v
                for k, v in params.items()
                if k not in ("instead", "instead_modality", "instead_teaches")
            }
            key = "instead_in_path" if instead in in_path else "instead_elsewhere"
            teaches = params.get("instead_teaches") or []
            teaches = teaches if isinstance(teaches, (list, tuple)) else [teaches]
            return render_reason(kind, base, lang) + t[key].format(
                module=instead,
                teaches=", ".join(str(x) for x in teaches),
                modality=vocabulary_label(
                    "modality", str(params.get("instead_modality", "")), lang
                ),
            )
    except (KeyError, TypeError, ValueError):
        pass  # a reason stored without its parameters: print it as worded
    return in_language(reason, lang)


def left_out_html(
    path: LearnerPath, details: LearnerDetails, t: dict[str, str], lang: str
) -> list[str]:
    """*Modul yang tidak dipilih*: the left-out modules the learner may ask about, one
    table per kind of reason, and how many others are not listed."""
    parts = [f"<h2>{escaped(t['excluded'])}</h2>"]
    listed, hidden = _listed(path, details)
    note = (
        [f"<p class='small'>{escaped(t['excluded_hidden'].format(n=hidden))}</p>"] if hidden else []
    )
    if not listed:
        return [*parts, f"<p>{escaped(t['none_excluded'])}</p>", *note]
    parts.append(f"<p class='sub'>{escaped(t['excluded_intro'])}</p>")
    in_path = set(path.modules)
    number = 0
    for kind, items in groupby(listed, key=lambda item: item[0]):
        group = [excluded for _, excluded in items]
        label = kind_label(kind, lang)
        parts.append(f"<h3>{escaped(t['group_count'].format(label=label, n=len(group)))}</h3>")
        texts = [_excluded_text(e.reason, in_path, t, lang) for e in group]
        # One reason shared by the whole group is said once, above its modules; over the
        # budget, only the JP differ.
        budget = _budget_common(group, t) if kind == "not_selected_budget" else None
        common = budget or (texts[0] if len(set(texts)) == 1 else None)
        if common and common != label:
            parts.append(f"<p class='sub'>{escaped(common)}</p>")
        last = (
            f"<th width='14%'>{escaped(t['jp_with_prerequisites'])}</th>"
            if budget
            else ""
            if common
            else f"<th>{escaped(t['reason'])}</th>"
        )
        title_width = "" if common else " width='30%'"  # the title takes the rest
        parts.append(
            "<table class='grid' border='1' cellspacing='0' cellpadding='3' "
            f"width='100%'><thead><tr><th width='5%'>{escaped(t['no'])}</th>"
            f"<th width='14%'>{escaped(t['module'])}</th>"
            f"<th{title_width}>{escaped(t['module_title'])}</th>{last}</tr></thead>"
        )
        for excluded, text in zip(group, texts):
            number += 1
            title = details.module_titles.get(excluded.module, "")
            cell = (
                f"<td class='num'>{escaped(excluded.reason.params['jp'])}</td>"
                if budget
                else ""
                if common
                else f"<td>{escaped(text)}</td>"
            )
            parts.append(
                f"<tr><td class='num'>{number}</td><td>{escaped(excluded.module)}</td>"
                f"<td>{escaped(title)}</td>{cell}</tr>"
            )
        parts.append("</table>")
    return parts + note


def _budget_common(group: list[Any], t: dict[str, str]) -> str | None:
    """``Tidak dipilih: dengan prasyaratnya melebihi sisa anggaran …`` when every module
    of the group was left out against the same budget."""
    params = [dict(getattr(e.reason, "params", {}) or {}) for e in group]
    if not all("jp" in p and "max_jp" in p and "left" in p for p in params):
        return None
    if len({(p["max_jp"], p["left"]) for p in params}) != 1:
        return None
    return t["budget_common"].format(max_jp=params[0]["max_jp"], left=params[0]["left"])
