"""The parts of a learner's path document as HTML for QTextDocument: who it is for, the
competency gaps, one table per period, the compulsory programmes and the signatures.

Each part is a list of HTML lines in the document's language (``t``: its labels). Plain
functions over plain data, no Qt; the left-out modules are in :mod:`.path_left_out`.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Iterable
from itertools import groupby
from typing import Any

from ..domain import LearnerPath
from ..domain.labels import label as vocabulary_label
from ..domain.reasons import in_language
from ..domain.vocab import MINUTES_PER_JP
from .path_details import LearnerDetails, shown_label
from .path_labels import created_day, date_text, number_text
from .summary import CompetencyGap

__all__ = [
    "escaped",
    "gaps_html",
    "identity_html",
    "obligations_html",
    "reached_levels",
    "signatures_html",
    "steps_html",
]


def escaped(text: Any) -> str:
    """``text`` safe inside HTML, quotes included."""
    return html.escape(str(text), quote=True)


# -- who the document is for ----------------------------------------------------------


def identity_html(
    path: LearnerPath, details: LearnerDetails, t: dict[str, str], lang: str
) -> list[str]:
    """Who the document is for and what the path adds up to: name and NIP (or the
    masked label), position, unit, region, atasan langsung, total JP against the yearly
    minimum, expected value, the model, the catalog release and the day the path was made,
    under the plan year (and its version) the path is for."""
    label = shown_label(path, details)
    name = details.name or f"({t['masked']})"
    id_key = t["nip"] if details.unmasked else f"{t['learner_id']} ({t['masked']})"
    position = (
        f"{details.position_title} ({path.position})" if details.position_title else path.position
    )
    region = f"{details.region_name} ({path.region})" if details.region_name else path.region
    model = (
        f"{path.model_name or '-'} · sha256 {path.model_sha256[:16]}"
        if path.model_sha256
        else (path.model_name or "-")
    )
    hours = number_text(path.total_jp * MINUTES_PER_JP / 60, 1 if path.total_jp % 4 else 0, lang)
    total = t["total_text"].format(
        total=path.total_jp, max=path.max_jp, min=path.min_jp, hours=hours
    )
    status = t["below"] if path.total_jp < path.min_jp else t["meets"]
    year = path.year
    plan_year = (
        t["plan_version"].format(year=year, version=path.plan_version)
        if path.plan_version
        else str(year)
    )
    rows = [(t["plan_year"], plan_year), (t["name"], name), (id_key, label)]
    rows.append((t["position"], position))
    if details.unit:
        rows.append((t["unit"], details.unit))
    rows.append((t["region"], region))
    if details.supervisor_name or details.supervisor_label:
        rows.append(
            (
                t["supervisor"],
                f"{details.supervisor_name} ({t['nip']} {details.supervisor_label})"
                if details.unmasked
                else f"{details.supervisor_name} ({details.supervisor_label})",
            )
        )
    rows += [
        (t["total"], f"{total} — {status}"),
        (t["value"], t["value_text"].format(value=number_text(path.expected_value, 2, lang))),
        (t["model"], model),
    ]
    if path.release:
        rows.append((t["catalog"], t["catalog_release"].format(release=path.release)))
    elif path.catalog_sha256:
        rows.append((t["catalog"], t["catalog_unreleased"].format(sha=path.catalog_sha256[:16])))
    created = created_day(path.created) if path.created else None
    if created is not None:
        rows.append((t["created"], date_text(created, lang)))
    parts = ["<table cellspacing='0' cellpadding='3' width='100%'>"]
    for key, value in rows:
        parts.append(
            f"<tr><td width='24%'><b>{escaped(key)}</b></td><td>{escaped(value)}</td></tr>"
        )
    parts.append("</table>")
    return parts


# -- the gaps ------------------------------------------------------------------------


def reached_levels(path: LearnerPath) -> dict[str, tuple[str, int, int, int]]:
    """Competency → (name, level before the path, target, level after it), from the
    steps' ``closes_gap`` / ``narrows_gap`` reasons."""
    reached: dict[str, tuple[str, int, int, int]] = {}
    for step in path.steps:
        for reason in step.reasons:
            kind = getattr(reason, "kind", "")
            if kind not in ("closes_gap", "narrows_gap"):
                continue
            p = reason.params  # type: ignore[attr-defined]
            try:
                code, before, after = str(p["competency"]), int(p["before"]), int(p["after"])
                target = int(p.get("target", after))
            except (KeyError, TypeError, ValueError):
                continue
            name = str(p.get("competency_name") or code)
            if code in reached:
                _, first, goal, last = reached[code]
                reached[code] = (name, min(first, before), max(goal, target), max(last, after))
            else:
                reached[code] = (name, before, target, after)
    return reached


def gaps_html(path: LearnerPath, details: LearnerDetails, t: dict[str, str]) -> list[str]:
    """The learner's competency gaps (the workspace's, else those the path works on):
    level now, target, the level after the path and whether it closes."""
    reached = reached_levels(path)
    parts = [f"<h2>{escaped(t['gaps'])}</h2>"]
    if details.gaps is None:
        gaps = [
            CompetencyGap(code, name, before, target)
            for code, (name, before, target, _) in sorted(reached.items())
        ]
        intro = f"{t['gaps_intro']} {t['gaps_from_path']}"
    else:
        gaps = list(details.gaps)
        intro = t["gaps_intro"]
    if not gaps:
        return [*parts, f"<p>{escaped(t['no_gaps'])}</p>"]
    parts.append(f"<p class='sub'>{escaped(intro)}</p>")
    headers = (
        t["no"],
        t["code"],
        t["competency"],
        t["level_now"],
        t["target"],
        t["after"],
        t["gap_status"],
    )
    widths = ("5%", "11%", "38%", "10%", "8%", "12%", "16%")
    parts.append(
        "<table class='grid' border='1' cellspacing='0' cellpadding='3' "
        "width='100%'><thead><tr>"
        + "".join(f"<th width='{w}'>{escaped(h)}</th>" for h, w in zip(headers, widths))
        + "</tr></thead>"
    )
    for number, gap in enumerate(gaps, start=1):
        after = reached.get(gap.competency, (None, None, None, None))[3]
        if after is None or after <= gap.level:
            shown, status = "—", t["open"]
        else:
            shown = str(after)
            status = t["closed"] if after >= gap.target else t["narrowed"]
        parts.append(
            f"<tr><td class='num'>{number}</td><td>{escaped(gap.competency)}</td>"
            f"<td>{escaped(gap.name)}</td><td class='mid'>{gap.level}</td>"
            f"<td class='mid'>{gap.target}</td><td class='mid'>{escaped(shown)}</td>"
            f"<td>{escaped(status)}</td></tr>"
        )
    parts.append("</table>")
    return parts


# -- the steps -----------------------------------------------------------------------


def steps_html(path: LearnerPath, t: dict[str, str], lang: str) -> list[str]:
    """One table per period: each step's module, JP, modality, P, value and reasons."""
    if not path.steps:
        return [f"<p>{escaped(t['no_steps'])}</p>"]
    parts: list[str] = []
    number = 0
    headers = (
        t["no"],
        t["module"],
        t["module_title"],
        t["jp"],
        t["modality"],
        t["p"],
        t["step_value"],
        t["reasons"],
    )
    widths = ("5%", "10%", "20%", "5%", "12%", "10%", "7%", "31%")
    for period, grouped in groupby(path.steps, key=lambda step: step.period):
        steps = list(grouped)
        parts.append(f"<h2>{escaped(t['period'].format(n=period))}</h2>")
        parts.append(
            "<table class='grid' border='1' cellspacing='0' cellpadding='3' "
            "width='100%'><thead><tr>"
            + "".join(f"<th width='{w}'>{escaped(h)}</th>" for h, w in zip(headers, widths))
            + "</tr></thead>"
        )
        for step in steps:
            number += 1
            reasons = "<br/>".join(f"• {escaped(in_language(r, lang))}" for r in step.reasons)
            modality = vocabulary_label("modality", step.modality, lang)
            parts.append(
                f"<tr><td class='num'>{number}</td><td>{escaped(step.module)}</td>"
                f"<td>{escaped(step.title)}</td><td class='num'>{step.jp}</td>"
                f"<td>{escaped(modality)}</td>"
                f"<td class='num'>{number_text(step.p_success, 2, lang)}</td>"
                f"<td class='num'>{number_text(step.value, 2, lang)}</td><td>{reasons}</td></tr>"
            )
        parts.append("</table>")
        jp = sum(step.jp for step in steps)
        parts.append(f"<p class='small'>{escaped(t['period_total'].format(n=period, jp=jp))}</p>")
    parts.append(f"<p class='small'>{escaped(t['legend'])}</p>")
    return parts


def obligations_html(path: LearnerPath, t: dict[str, str]) -> list[str]:
    """The compulsory programmes still outstanding (*Program wajib*), if any."""
    if not path.obligations:
        return []
    parts = [
        f"<h2>{escaped(t['obligations'])}</h2>",
        f"<p class='sub'>{escaped(t['obligations_intro'])}</p>",
        (
            "<table class='grid' border='1' cellspacing='0' cellpadding='3' width='100%'>"
            f"<thead><tr><th width='5%'>{escaped(t['no'])}</th>"
            f"<th width='11%'>{escaped(t['module'])}</th>"
            f"<th width='34%'>{escaped(t['module_title'])}</th>"
            f"<th width='6%'>{escaped(t['jp'])}</th>"
            f"<th>{escaped(t['regulation'])}</th></tr></thead>"
        ),
    ]
    for number, obligation in enumerate(path.obligations, start=1):
        parts.append(
            f"<tr><td class='num'>{number}</td><td>{escaped(obligation.module)}</td>"
            f"<td>{escaped(obligation.title)}</td><td class='num'>{obligation.jp}</td>"
            f"<td>{escaped(obligation.regulation)}</td></tr>"
        )
    parts.append("</table>")
    return parts


# -- the signatures ------------------------------------------------------------------


def signatures_html(
    path: LearnerPath, details: LearnerDetails, t: dict[str, str], lang: str, today: dt.date
) -> list[str]:
    """Place and date, then one column per signer: learner, atasan langsung, BKD officer.
    Each line is a table row, so the lines of the three columns stay level whatever wraps."""
    blank_name, blank_nip = "(" + "_" * 26 + ")", "_" * 22
    # A pseudonym is no NIP: masked documents say "Identitas" instead.
    id_key = t["nip"] if details.unmasked else t["learner_id"]
    signers = [
        ("", t["sign_learner"], details.name, shown_label(path, details)),
        (t["agree"], t["sign_supervisor"], details.supervisor_name, details.supervisor_label),
        (t["know"], t["sign_officer"], "", ""),
    ]

    def row(cells: Iterable[str], height: str = "") -> str:
        return (
            "<tr>"
            + "".join(
                f"<td width='33%' valign='{'bottom' if height else 'top'}'{height}>{cell}</td>"
                for cell in cells
            )
            + "</tr>"
        )

    place = f"{details.region_name}, " if details.region_name else ""
    return [
        f"<h2>{escaped(t['signatures'])}</h2>",
        f"<p align='right'>{escaped(place + date_text(today, lang))}</p>",
        "<table cellspacing='0' cellpadding='4' width='100%'>"
        + row(escaped(lead) or "&nbsp;" for lead, _, _, _ in signers)
        + row(f"<b>{escaped(role)}</b>" for _, role, _, _ in signers)
        + row("<br/><br/><br/><br/>" for _ in signers)
        + row(f"<b>{escaped(name)}</b>" if name else blank_name for _, _, name, _ in signers)
        + row(
            f"{escaped(id_key)} {escaped(nip)}" if nip else f"{escaped(t['nip'])} {blank_nip}"
            for _, _, _, nip in signers
        )
        + "</table>",
    ]
