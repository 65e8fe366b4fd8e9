"""A learner's path as a printable A4 PDF: the plan the learner, their atasan langsung and
the BKD officer sign.

Rendered with Qt's own QTextDocument (HTML) and QPdfWriter: no other dependency. The
document is Indonesian by default (``lang="en"`` for English) and addressed to the
learner: their name and NIP, position, unit, region and atasan langsung; total JP against
the yearly minimum (PP 11/2017) and, below it, why (the path's ``below_minimum`` reason);
the model and its SHA-256; a table of the learner's competency gaps (code and name, level
now → target, and the level the path reaches if every step succeeds); one table per
period with each step's reasons; the compulsory programmes still outstanding (*Program
wajib*, outside the yearly JP budget); the modules left out that would close one of the
learner's gaps, grouped by kind (never those meant for another audience or compulsory for
others); and a dated signature block for the learner (*Peserta*), the atasan langsung and
the BKD officer (*Pejabat BKD / Pengelola Kepegawaian*). Dates are written out
(``6 Desember 2026``); reasons are printed in the document's language.

Personal data: the document of one learner (:func:`write_learner_pdf`,
:func:`write_path_document`) shows the learner's name and NIP unmasked by default, since
it is addressed to them; bulk output (:func:`write_paths_pdf`, :func:`write_workspace_pdfs`)
stays masked (pseudonym and initials) unless ``unmask``. Names and NIPs are never logged.

Qt needs an application object to lay out text: one is created when none exists, on the
``offscreen`` platform when there is no display (a server, a CI job).
"""

from __future__ import annotations

import datetime as dt
import html
import os
import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import groupby
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QMarginsF,
    QRectF,
    QSizeF,
    Qt,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)

from ..domain import LearnerPath
from ..domain.reasons import in_language
from ..domain.reasons import label as vocabulary_label
from ..domain.reasons import render as render_reason
from ..domain.vocab import MINUTES_PER_JP
from ..errors import CurriculumError
from ..io.atomic import atomic_output
from ..report.summary import (
    KIND_LABELS,
    CompetencyGap,
    ReportContext,
    exclusion_kind,
    kind_label,
    root_kind,
    shortfall_reason,
)

__all__ = [
    "LABELS",
    "LearnerDetails",
    "date_text",
    "path_html",
    "write_learner_pdf",
    "write_path_document",
    "write_path_pdf",
    "write_paths_pdf",
    "write_workspace_pdfs",
]

#: Every heading and label of the document, by language.
LABELS: dict[str, dict[str, str]] = {
    "id": {
        "title": "Rencana Pengembangan Kompetensi",
        "subtitle": "Jalur belajar individual Aparatur Sipil Negara",
        "name": "Nama",
        "nip": "NIP",
        "learner_id": "Identitas",
        "masked": "disamarkan",
        "position": "Jabatan",
        "unit": "Unit kerja",
        "region": "Wilayah",
        "supervisor": "Atasan langsung",
        "model": "Model peluang berhasil",
        "created": "Disusun",
        "total": "Total JP",
        "total_text": "{total} JP dari anggaran {max} JP ({hours} jam); minimum {min} JP "
        "per tahun (PP 11/2017)",
        "meets": "memenuhi minimum",
        "below": "di bawah minimum",
        "value": "Nilai harapan",
        "value_text": "{value} (jumlah kesenjangan kompetensi yang diperkirakan tertutup)",
        "gaps": "Kesenjangan kompetensi",
        "gaps_intro": "Target: standar kompetensi jabatan dan standar wilayah (yang tertinggi). "
        "Kolom \u201cSetelah rencana\u201d adalah level yang dicapai bila setiap "
        "langkah berhasil diselesaikan.",
        "gaps_from_path": "Hanya kompetensi yang ditangani rencana ini (data pegawai tidak "
        "tersedia).",
        "no_gaps": "Tidak ada kesenjangan: level peserta sudah memenuhi target.",
        "competency": "Kompetensi",
        "code": "Kode",
        "level_now": "Level sekarang",
        "target": "Target",
        "after": "Setelah rencana",
        "gap_status": "Keterangan",
        "closed": "tertutup",
        "narrowed": "menyempit",
        "open": "belum ditangani",
        "period": "Periode {n}",
        "period_total": "Jumlah periode {n}: {jp} JP",
        "no": "No.",
        "module": "Modul",
        "module_title": "Judul",
        "jp": "JP",
        "modality": "Modalitas",
        "p": "Peluang berhasil (P)",
        "step_value": "Nilai",
        "reasons": "Alasan",
        "no_steps": "Tidak ada langkah: tidak ada modul yang dapat diikuti yang menutup "
        "kesenjangan.",
        "obligations": "Program wajib",
        "obligations_intro": "Program wajib berikut belum diikuti peserta. Program wajib "
        "berada di luar anggaran JP tahunan dan tidak dihitung dalam "
        "total JP rencana ini.",
        "regulation": "Dasar hukum",
        "excluded": "Modul yang tidak dipilih",
        "excluded_intro": "Modul yang dapat menutup kesenjangan peserta tetapi tidak masuk "
        "rencana, dikelompokkan menurut alasannya.",
        "excluded_hidden": "{n} modul lain tidak dicantumkan: ditujukan bagi jabatan atau "
        "status lain, atau tidak menutup kesenjangan peserta.",
        "group_count": "{label} ({n} modul)",
        "reason": "Alasan",
        "none_excluded": "Tidak ada.",
        "budget_common": "Tidak dipilih: bersama prasyaratnya yang belum diikuti, modul ini "
        "melebihi sisa anggaran ({left} JP dari {max_jp} JP) setelah langkah "
        "terpilih.",
        "jp_with_prerequisites": "JP (dengan prasyarat)",
        "replaced": "diganti {module} ({modality}) yang ada dalam rencana ini: {weak} di "
        "{region} kurang andal untuk pembelajaran daring",
        "alternative": "pembelajaran daring kurang andal dengan {weak} di {region}; "
        "alternatif luring: {module} ({modality}) mengajarkan hal yang sama, "
        "tetapi tidak termasuk dalam rencana ini",
        "instead_in_path": "; {module} ({modality}) dalam rencana ini mengajarkan {teaches} "
        "sebagai gantinya",
        "instead_elsewhere": "; alternatif: {module} ({modality}) mengajarkan {teaches}",
        "weak_none": "tanpa internet",
        "weak": "konektivitas {level}",
        "signatures": "Persetujuan",
        "sign_learner": "Peserta",
        "sign_supervisor": "Atasan Langsung",
        "sign_officer": "Pejabat BKD / Pengelola Kepegawaian",
        "agree": "Menyetujui,",
        "know": "Mengetahui,",
        "page": "halaman {page} dari {pages}",
        "legend": "P: peluang peserta menyelesaikan modul dan menerapkannya di tempat kerja "
        "menurut model. Nilai: sumbangan langkah pada penutupan kesenjangan "
        "kompetensi. 1 JP = 45 menit.",
        "footer": "Dibuat dengan curriculum-tool. Setiap langkah dapat dijelaskan: "
        "kesenjangan yang ditutup, prasyarat yang dibuka, alasan modalitas, dan "
        "modul yang tidak dipilih.",
    },
    "en": {
        "title": "Competency Development Plan",
        "subtitle": "Individual learning path of a civil servant (ASN)",
        "name": "Name",
        "nip": "NIP",
        "learner_id": "Identifier",
        "masked": "masked",
        "position": "Position (jabatan)",
        "unit": "Work unit",
        "region": "Region",
        "supervisor": "Direct supervisor",
        "model": "Success model",
        "created": "Prepared",
        "total": "Total JP",
        "total_text": "{total} JP of a {max} JP budget ({hours} hours); yearly minimum "
        "{min} JP (PP 11/2017)",
        "meets": "meets the minimum",
        "below": "below the minimum",
        "value": "Expected value",
        "value_text": "{value} (competency gap levels expected to close)",
        "gaps": "Competency gaps",
        "gaps_intro": "Target: the higher of the position's job standard and the regional "
        "standards. \u201cAfter the plan\u201d is the level reached if every "
        "step is completed successfully.",
        "gaps_from_path": "Only the competencies this plan works on (no learner records "
        "available).",
        "no_gaps": "No gap: the learner's levels meet the targets.",
        "competency": "Competency",
        "code": "Code",
        "level_now": "Level now",
        "target": "Target",
        "after": "After the plan",
        "gap_status": "Note",
        "closed": "closed",
        "narrowed": "narrowed",
        "open": "not addressed",
        "period": "Period {n}",
        "period_total": "Total of period {n}: {jp} JP",
        "no": "No.",
        "module": "Module",
        "module_title": "Title",
        "jp": "JP",
        "modality": "Modality",
        "p": "Chance of success (P)",
        "step_value": "Value",
        "reasons": "Reasons",
        "no_steps": "No step: no takeable module closes a gap.",
        "obligations": "Compulsory programmes",
        "obligations_intro": "The learner has not yet completed these compulsory programmes. "
        "They are outside the yearly JP budget and not counted in this "
        "plan's total JP.",
        "regulation": "Regulation",
        "excluded": "Modules not chosen",
        "excluded_intro": "Modules that would close one of the learner's gaps but are not "
        "in the plan, grouped by why.",
        "excluded_hidden": "{n} other modules are not listed: meant for another position or "
        "status, or closing none of the learner's gaps.",
        "group_count": "{label} ({n} modules)",
        "reason": "Reason",
        "none_excluded": "None.",
        "budget_common": "Not selected: with the prerequisites not yet taken, each module "
        "exceeds what is left of the budget ({left} JP of {max_jp} JP) after "
        "the chosen steps.",
        "jp_with_prerequisites": "JP (with prerequisites)",
        "replaced": "replaced by {module} ({modality}), which is in this plan: {weak} in "
        "{region} is too unreliable for online learning",
        "alternative": "online learning is unreliable with {weak} in {region}; offline "
        "alternative: {module} ({modality}) teaches the same, but is not in "
        "this plan",
        "instead_in_path": "; {module} ({modality}), in this plan, teaches {teaches} instead",
        "instead_elsewhere": "; alternative: {module} ({modality}) teaches {teaches}",
        "weak_none": "no internet",
        "weak": "{level} connectivity",
        "signatures": "Approval",
        "sign_learner": "Learner",
        "sign_supervisor": "Direct supervisor",
        "sign_officer": "BKD officer / Personnel administrator",
        "agree": "Approved,",
        "know": "Acknowledged,",
        "page": "page {page} of {pages}",
        "legend": "P: the model's chance that the learner completes the module and applies "
        "it at work. Value: the step's share in closing the competency gaps. "
        "1 JP = 45 minutes.",
        "footer": "Made with curriculum-tool. Every step is explained: the gap it closes, "
        "the prerequisite it unlocks, why this modality, and what was left out.",
    },
}

_MONTHS = {
    "id": (
        "Januari",
        "Februari",
        "Maret",
        "April",
        "Mei",
        "Juni",
        "Juli",
        "Agustus",
        "September",
        "Oktober",
        "November",
        "Desember",
    ),
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
}

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

_CSS = """
body { font-family: 'DejaVu Sans', 'Noto Sans', 'Arial', sans-serif; font-size: 9pt; }
h1 { font-size: 16pt; margin-bottom: 0; }
h2 { font-size: 12pt; margin-top: 14px; margin-bottom: 4px; }
h3 { font-size: 9.5pt; margin-top: 8px; margin-bottom: 3px; }
p.sub { color: #555555; margin-top: 2px; }
table.grid { border-collapse: collapse; font-size: 8pt; }
table.grid th { background-color: #e6e6e6; font-weight: bold; text-align: left; }
td.num { text-align: right; }
td.mid { text-align: center; }
p.warn { color: #9c1c1c; font-weight: bold; }
p.small { font-size: 7.5pt; color: #555555; }
"""


def _lang(lang: str) -> str:
    if lang not in LABELS:
        raise CurriculumError(f"unknown language '{lang}': use id or en")
    return lang


def date_text(day: dt.date, lang: str = "id") -> str:
    """A date written out: ``6 Desember 2026`` (``6 December 2026`` in English).

    >>> date_text(dt.date(2026, 12, 6))
    '6 Desember 2026'
    """
    return f"{day.day} {_MONTHS['en' if lang == 'en' else 'id'][day.month - 1]} {day.year}"


def _created_day(created: str) -> dt.date | None:
    """The local calendar day of an ISO timestamp (``2026-12-06T03:04:05+00:00``)."""
    try:
        moment = dt.datetime.fromisoformat(created)
    except ValueError:
        return None
    return (moment.astimezone() if moment.tzinfo else moment).date()


def _number(value: float, digits: int, lang: str) -> str:
    text = f"{value:.{digits}f}"
    return text.replace(".", ",") if lang == "id" else text


def _e(text: Any) -> str:
    return html.escape(str(text), quote=True)


def _masked_id(learner: str) -> str:
    """The learner id with all but its first and last two characters hidden."""
    if len(learner) <= 4:
        return "*" * len(learner)
    return learner[:2] + "*" * (len(learner) - 4) + learner[-2:]


@dataclass(frozen=True)
class LearnerDetails:
    """What the document says besides the path, already masked or not.

    ``label`` identifies the learner (the NIP when ``unmasked``, a pseudonym otherwise;
    None: the path's id with its middle hidden). ``gaps`` are the learner's competency
    gaps from the workspace (None: only what the path's own reasons say).
    ``module_competencies`` (module → (competency, level taught)) decides which left-out
    modules would close one of those gaps.
    """

    name: str = ""
    label: str | None = None
    unmasked: bool = False
    position_title: str = ""
    region_name: str = ""
    unit: str = ""
    supervisor_name: str = ""
    supervisor_label: str = ""
    gaps: tuple[CompetencyGap, ...] | None = None
    module_titles: Mapping[str, str] = field(default_factory=dict)
    module_competencies: Mapping[str, tuple[tuple[str, int], ...]] = field(default_factory=dict)

    @classmethod
    def from_context(cls, context: ReportContext, path: LearnerPath) -> LearnerDetails:
        """The details of ``path``'s learner as ``context`` shows them (masked unless
        ``context.unmask``)."""
        learner = path.learner
        record = context.learners.get(learner)
        supervisor = context.supervisor(learner)
        known = supervisor is not None and supervisor in context.learners
        return cls(
            name=context.learner_name(learner),
            label=context.learner_label(learner),
            unmasked=context.unmask,
            position_title=context.position_title(path.position),
            region_name=context.region_name(path.region),
            unit=record.unit if record is not None else "",
            supervisor_name=context.learner_name(supervisor) if known else "",
            supervisor_label=context.learner_label(supervisor) if known else "",
            gaps=context.gap_table.get(learner) if context.gap_table else None,
            module_titles=context.module_titles,
            module_competencies=context.module_competencies,
        )


def path_html(
    path: LearnerPath,
    learner_name: str | None = None,
    lang: str = "id",
    *,
    learner_label: str | None = None,
    position_title: str = "",
    region_name: str = "",
    details: LearnerDetails | None = None,
    today: dt.date | None = None,
) -> str:
    """The document as the HTML subset QTextDocument renders.

    ``details`` (see :meth:`LearnerDetails.from_context`) says who the learner is and what
    the workspace knows; without it ``learner_name``, ``learner_label``, ``position_title``
    and ``region_name`` are used, and without a label the id is shown with its middle
    hidden. ``today`` dates the signature block (default: today).
    """
    lang = _lang(lang)
    t = LABELS[lang]
    if details is None:
        details = _given_details(path, learner_name, learner_label, position_title, region_name)
    today = today or dt.date.today()
    parts = [
        f"<html><head><meta charset='utf-8'><style>{_CSS}</style></head><body>",
        f"<h1>{_e(t['title'])}</h1>",
        f"<p class='sub'>{_e(t['subtitle'])}</p>",
    ]
    parts.extend(_identity_html(path, details, t, lang))
    below = shortfall_reason(path, lang)
    if below:
        parts.append(f"<p class='warn'>{_e(below)}</p>")
    parts.extend(_gaps_html(path, details, t))
    parts.extend(_steps_html(path, t, lang))
    parts.extend(_obligations_html(path, t))
    parts.extend(_excluded_html(path, details, t, lang))
    parts.extend(_signatures_html(path, details, t, lang, today))
    parts.append(f"<p class='small'>{_e(t['footer'])}</p></body></html>")
    return "\n".join(parts)


def _given_details(
    path: LearnerPath, name: str | None, label: str | None, position_title: str, region_name: str
) -> LearnerDetails:
    """Details from the caller's own values: the learner is shown unmasked when the label
    given is their id itself."""
    return LearnerDetails(
        name=name or "",
        label=label,
        unmasked=label == path.learner,
        position_title=position_title,
        region_name=region_name,
    )


def _shown_label(path: LearnerPath, details: LearnerDetails) -> str:
    return details.label if details.label is not None else _masked_id(path.learner)


def _identity_html(
    path: LearnerPath, details: LearnerDetails, t: dict[str, str], lang: str
) -> list[str]:
    label = _shown_label(path, details)
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
    hours = _number(path.total_jp * MINUTES_PER_JP / 60, 1 if path.total_jp % 4 else 0, lang)
    total = t["total_text"].format(
        total=path.total_jp, max=path.max_jp, min=path.min_jp, hours=hours
    )
    status = t["below"] if path.total_jp < path.min_jp else t["meets"]
    rows = [(t["name"], name), (id_key, label), (t["position"], position)]
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
        (t["value"], t["value_text"].format(value=_number(path.expected_value, 2, lang))),
        (t["model"], model),
    ]
    created = _created_day(path.created) if path.created else None
    if created is not None:
        rows.append((t["created"], date_text(created, lang)))
    parts = ["<table cellspacing='0' cellpadding='3' width='100%'>"]
    for key, value in rows:
        parts.append(f"<tr><td width='24%'><b>{_e(key)}</b></td><td>{_e(value)}</td></tr>")
    parts.append("</table>")
    return parts


# -- the gaps ------------------------------------------------------------------------


def _reached(path: LearnerPath) -> dict[str, tuple[str, int, int, int]]:
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


def _gaps_html(path: LearnerPath, details: LearnerDetails, t: dict[str, str]) -> list[str]:
    reached = _reached(path)
    parts = [f"<h2>{_e(t['gaps'])}</h2>"]
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
        return [*parts, f"<p>{_e(t['no_gaps'])}</p>"]
    parts.append(f"<p class='sub'>{_e(intro)}</p>")
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
        + "".join(f"<th width='{w}'>{_e(h)}</th>" for h, w in zip(headers, widths))
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
            f"<tr><td class='num'>{number}</td><td>{_e(gap.competency)}</td>"
            f"<td>{_e(gap.name)}</td><td class='mid'>{gap.level}</td>"
            f"<td class='mid'>{gap.target}</td><td class='mid'>{_e(shown)}</td>"
            f"<td>{_e(status)}</td></tr>"
        )
    parts.append("</table>")
    return parts


# -- the steps -----------------------------------------------------------------------


def _steps_html(path: LearnerPath, t: dict[str, str], lang: str) -> list[str]:
    if not path.steps:
        return [f"<p>{_e(t['no_steps'])}</p>"]
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
    for period, steps in groupby(path.steps, key=lambda step: step.period):
        steps = list(steps)
        parts.append(f"<h2>{_e(t['period'].format(n=period))}</h2>")
        parts.append(
            "<table class='grid' border='1' cellspacing='0' cellpadding='3' "
            "width='100%'><thead><tr>"
            + "".join(f"<th width='{w}'>{_e(h)}</th>" for h, w in zip(headers, widths))
            + "</tr></thead>"
        )
        for step in steps:
            number += 1
            reasons = "<br/>".join(f"• {_e(in_language(r, lang))}" for r in step.reasons)
            modality = vocabulary_label("modality", step.modality, lang)
            parts.append(
                f"<tr><td class='num'>{number}</td><td>{_e(step.module)}</td>"
                f"<td>{_e(step.title)}</td><td class='num'>{step.jp}</td>"
                f"<td>{_e(modality)}</td>"
                f"<td class='num'>{_number(step.p_success, 2, lang)}</td>"
                f"<td class='num'>{_number(step.value, 2, lang)}</td><td>{reasons}</td></tr>"
            )
        parts.append("</table>")
        jp = sum(step.jp for step in steps)
        parts.append(f"<p class='small'>{_e(t['period_total'].format(n=period, jp=jp))}</p>")
    parts.append(f"<p class='small'>{_e(t['legend'])}</p>")
    return parts


def _obligations_html(path: LearnerPath, t: dict[str, str]) -> list[str]:
    if not path.obligations:
        return []
    parts = [
        f"<h2>{_e(t['obligations'])}</h2>",
        f"<p class='sub'>{_e(t['obligations_intro'])}</p>",
        (
            "<table class='grid' border='1' cellspacing='0' cellpadding='3' width='100%'>"
            f"<thead><tr><th width='5%'>{_e(t['no'])}</th>"
            f"<th width='11%'>{_e(t['module'])}</th>"
            f"<th width='34%'>{_e(t['module_title'])}</th><th width='6%'>{_e(t['jp'])}</th>"
            f"<th>{_e(t['regulation'])}</th></tr></thead>"
        ),
    ]
    for number, obligation in enumerate(path.obligations, start=1):
        parts.append(
            f"<tr><td class='num'>{number}</td><td>{_e(obligation.module)}</td>"
            f"<td>{_e(obligation.title)}</td><td class='num'>{obligation.jp}</td>"
            f"<td>{_e(obligation.regulation)}</td></tr>"
        )
    parts.append("</table>")
    return parts


# -- what was left out -----------------------------------------------------------------


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


def _excluded_html(
    path: LearnerPath, details: LearnerDetails, t: dict[str, str], lang: str
) -> list[str]:
    parts = [f"<h2>{_e(t['excluded'])}</h2>"]
    listed, hidden = _listed(path, details)
    note = [f"<p class='small'>{_e(t['excluded_hidden'].format(n=hidden))}</p>"] if hidden else []
    if not listed:
        return [*parts, f"<p>{_e(t['none_excluded'])}</p>", *note]
    parts.append(f"<p class='sub'>{_e(t['excluded_intro'])}</p>")
    in_path = set(path.modules)
    number = 0
    for kind, items in groupby(listed, key=lambda item: item[0]):
        group = [excluded for _, excluded in items]
        label = kind_label(kind, lang)
        parts.append(f"<h3>{_e(t['group_count'].format(label=label, n=len(group)))}</h3>")
        texts = [_excluded_text(e.reason, in_path, t, lang) for e in group]
        # One reason shared by the whole group is said once, above its modules; over the
        # budget, only the JP differ.
        budget = _budget_common(group, t) if kind == "not_selected_budget" else None
        common = budget or (texts[0] if len(set(texts)) == 1 else None)
        if common and common != label:
            parts.append(f"<p class='sub'>{_e(common)}</p>")
        last = (
            f"<th width='14%'>{_e(t['jp_with_prerequisites'])}</th>"
            if budget
            else ""
            if common
            else f"<th>{_e(t['reason'])}</th>"
        )
        title_width = "" if common else " width='30%'"  # the title takes the rest
        parts.append(
            "<table class='grid' border='1' cellspacing='0' cellpadding='3' "
            f"width='100%'><thead><tr><th width='5%'>{_e(t['no'])}</th>"
            f"<th width='14%'>{_e(t['module'])}</th>"
            f"<th{title_width}>{_e(t['module_title'])}</th>{last}</tr></thead>"
        )
        for excluded, text in zip(group, texts):
            number += 1
            title = details.module_titles.get(excluded.module, "")
            cell = (
                f"<td class='num'>{_e(excluded.reason.params['jp'])}</td>"  # type: ignore
                if budget
                else ""
                if common
                else f"<td>{_e(text)}</td>"
            )
            parts.append(
                f"<tr><td class='num'>{number}</td><td>{_e(excluded.module)}</td>"
                f"<td>{_e(title)}</td>{cell}</tr>"
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


# -- the signatures ------------------------------------------------------------------


def _signatures_html(
    path: LearnerPath, details: LearnerDetails, t: dict[str, str], lang: str, today: dt.date
) -> list[str]:
    """Place and date, then one column per signer: learner, atasan langsung, BKD officer.
    Each line is a table row, so the lines of the three columns stay level whatever wraps."""
    blank_name, blank_nip = "(" + "_" * 26 + ")", "_" * 22
    # A pseudonym is no NIP: masked documents say "Identitas" instead.
    id_key = t["nip"] if details.unmasked else t["learner_id"]
    signers = [
        ("", t["sign_learner"], details.name, _shown_label(path, details)),
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
        f"<h2>{_e(t['signatures'])}</h2>",
        f"<p align='right'>{_e(place + date_text(today, lang))}</p>",
        "<table cellspacing='0' cellpadding='4' width='100%'>"
        + row(_e(lead) or "&nbsp;" for lead, _, _, _ in signers)
        + row(f"<b>{_e(role)}</b>" for _, role, _, _ in signers)
        + row("<br/><br/><br/><br/>" for _ in signers)
        + row(f"<b>{_e(name)}</b>" if name else blank_name for _, _, name, _ in signers)
        + row(
            f"{_e(id_key)} {_e(nip)}" if nip else f"{_e(t['nip'])} {blank_nip}"
            for _, _, _, nip in signers
        )
        + "</table>",
    ]


def _application() -> Any:
    """The process's Qt application; created (offscreen when there is no display)."""
    app = QCoreApplication.instance()
    if app is not None:
        return app
    headless = sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    )
    if headless:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from .app import application

    return application()


#: Page margins of the A4 page in millimetres, and the height of the footer line.
_MARGIN_MM = 15
_FOOTER_MM = 8


def _render(html_text: str, title: str, footer: str, keep_together: str) -> bytes:
    """The PDF bytes of ``html_text`` on numbered A4 pages.

    The document is paginated here rather than by ``QTextDocument.print`` so that each
    page gets a footer (``footer`` with ``{page}`` and ``{pages}``) and the block that
    starts with the heading ``keep_together`` (the signatures) is moved whole to a new
    page when it would be split.
    """
    _application()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(
        QMarginsF(_MARGIN_MM, _MARGIN_MM, _MARGIN_MM, _MARGIN_MM), QPageLayout.Unit.Millimeter
    )
    writer.setResolution(300)
    writer.setTitle(title)
    writer.setCreator("curriculum-tool")
    area = writer.pageLayout().paintRectPixels(writer.resolution())
    footer_height = _FOOTER_MM / 25.4 * writer.resolution()
    page = QSizeF(area.width(), area.height() - footer_height)

    document = QTextDocument()
    document.documentLayout().setPaintDevice(writer)  # lay out in the PDF's own units
    document.setDocumentMargin(0)
    document.setHtml(html_text)
    document.setPageSize(page)
    _keep_together(document, keep_together, page.height())

    pages = document.pageCount()
    painter = QPainter(writer)
    try:
        font = QFont(document.defaultFont())
        font.setPointSizeF(7)
        for index in range(pages):
            if index:
                writer.newPage()
            painter.save()
            painter.translate(0, -index * page.height())
            document.drawContents(
                painter, QRectF(0, index * page.height(), page.width(), page.height())
            )
            painter.restore()
            painter.setFont(font)
            painter.setPen(QColor("#555555"))
            painter.drawText(
                QRectF(0, page.height(), page.width(), footer_height),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom),
                footer.format(page=index + 1, pages=pages),
            )
    finally:
        painter.end()
    del writer
    buffer.close()
    pdf = bytes(data.data())
    if not pdf.startswith(b"%PDF"):
        raise CurriculumError("Qt did not produce a PDF")
    return pdf


def _keep_together(document: QTextDocument, heading: str, height: float) -> None:
    """Start the part from the block ``heading`` to the end on a new page if it would
    otherwise be split across two pages."""
    layout = document.documentLayout()
    block = document.lastBlock()
    while block.isValid() and block.text() != heading:
        block = block.previous()
    if not block.isValid():
        return
    top = layout.blockBoundingRect(block).top()
    bottom = layout.blockBoundingRect(document.lastBlock()).bottom()
    if int(top // height) == int((bottom - 1) // height):
        return
    if bottom - top > height:  # longer than a page: it cannot be kept together anyway
        return
    fmt = QTextBlockFormat()
    fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
    QTextCursor(block).mergeBlockFormat(fmt)


def write_path_pdf(
    path: LearnerPath,
    out: str | os.PathLike[str],
    learner_name: str | None = None,
    lang: str = "id",
    *,
    learner_label: str | None = None,
    position_title: str = "",
    region_name: str = "",
    details: LearnerDetails | None = None,
    today: dt.date | None = None,
) -> None:
    """Render ``path`` as an A4 PDF at ``out``, written atomically (a crash leaves any
    earlier file whole).

    ``details`` says who the learner is, as shown; without it ``learner_name`` is printed
    as given (pass it only when the name may be shown) and ``learner_label`` identifies
    the learner (pseudonym or NIP); without a label the id is printed with its middle
    hidden.
    """
    out = Path(out)
    if out.suffix.lower() != ".pdf":
        raise CurriculumError(
            f"the path report is a PDF: the file must end in .pdf, not '{out.name}'"
        )
    lang = _lang(lang)
    if details is None:
        details = _given_details(path, learner_name, learner_label, position_title, region_name)
    label = _shown_label(path, details)
    text = path_html(path, lang=lang, details=details, today=today)
    labels = LABELS[lang]
    pdf = _render(
        text,
        f"{labels['title']} – {label}",
        f"{labels['title']} · {label} · {labels['page']}",
        labels["signatures"],
    )
    with atomic_output(out, "wb") as handle:
        handle.write(pdf)


def write_paths_pdf(
    paths: Iterable[LearnerPath],
    out_dir: str | os.PathLike[str],
    context: ReportContext | None = None,
    lang: str = "id",
    today: dt.date | None = None,
) -> list[Path]:
    """One PDF per learner in ``out_dir``, named ``LABEL.pdf`` by the learner's pseudonym
    (by the id when ``context.unmask``); returns the files in the order of ``paths``.
    Names and ids are masked unless ``context.unmask``."""
    context = context or ReportContext()
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for path in paths:
        details = LearnerDetails.from_context(context, path)
        target = out_dir / f"{details.label}.pdf"
        write_path_pdf(path, target, lang=lang, details=details, today=today)
        written.append(target)
    return written


def _stored_paths(workspace: Any) -> list[LearnerPath]:
    from ..store.paths import load_paths

    with workspace.engine.connect() as conn:
        return load_paths(conn)


def write_path_document(
    workspace: Any,
    path: LearnerPath,
    out: str | os.PathLike[str],
    *,
    unmask: bool = True,
    lang: str = "id",
    today: dt.date | None = None,
) -> None:
    """The document of one learner's ``path`` (stored or just planned), with what
    ``workspace`` knows about them: addressed to the learner, so their name and NIP are
    shown unless ``unmask`` is False."""
    context = ReportContext.from_workspace(
        workspace, unmask=unmask, gaps=False, gap_table=[path.learner]
    )
    write_path_pdf(
        path, out, lang=lang, details=LearnerDetails.from_context(context, path), today=today
    )


def write_learner_pdf(
    workspace: Any,
    learner: str,
    out: str | os.PathLike[str],
    unmask: bool = True,
    lang: str = "id",
    today: dt.date | None = None,
) -> None:
    """The PDF of one learner's stored path (``recommend --save`` or ``batch`` stores it),
    addressed to them: name and NIP shown unless ``unmask`` is False."""
    found = [p for p in _stored_paths(workspace) if p.learner == learner]
    if not found:
        raise CurriculumError(
            "no stored path for this learner: run 'recommend W LEARNER --save' or 'batch' first"
        )
    write_path_document(workspace, found[0], out, unmask=unmask, lang=lang, today=today)


def write_workspace_pdfs(
    workspace: Any,
    out_dir: str | os.PathLike[str],
    learners: Sequence[str] | None = None,
    unmask: bool = False,
    lang: str = "id",
    today: dt.date | None = None,
) -> list[Path]:
    """PDFs of the stored paths (of ``learners`` only, when given) into ``out_dir``:
    bulk output, masked unless ``unmask``."""
    paths = _stored_paths(workspace)
    if learners is not None:
        wanted = set(learners)
        paths = [p for p in paths if p.learner in wanted]
        missing = len(wanted) - len(paths)
        if missing:
            raise CurriculumError(
                f"{missing} of the listed learners have no stored path; nothing was written"
            )
    if not paths:
        raise CurriculumError(
            "no stored paths in this workspace: run 'batch' (or 'recommend --save') first"
        )
    context = ReportContext.from_workspace(
        workspace, unmask=unmask, gaps=False, gap_table=[p.learner for p in paths]
    )
    return write_paths_pdf(paths, out_dir, context, lang, today)
