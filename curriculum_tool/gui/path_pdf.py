"""A learner's path as a printable A4 PDF for the learner and their supervisor.

Rendered with Qt's own QTextDocument (HTML) and QPdfWriter: no other dependency. The
document is Indonesian by default (``lang="en"`` for English): the learner, position,
region, the model and its SHA-256, total JP against the yearly minimum (PP 11/2017), one
table per period with each step's reasons, the modules left out and why, and a signature
block for the learner (Pegawai) and the direct supervisor (Atasan Langsung). The reasons
themselves are kept as the planner words them.

Personal data is masked unless asked: without ``learner_name`` the document shows the
learner's pseudonym only. :func:`write_learner_pdf` and :func:`write_workspace_pdfs` read
stored paths from a workspace and mask through :class:`~curriculum_tool.report.summary.
ReportContext` (pseudonym and initials unless ``unmask``).

Qt needs an application object to lay out text: one is created when none exists, on the
``offscreen`` platform when there is no display (a server, a CI job).
"""

from __future__ import annotations

import html
import os
import sys
from collections.abc import Iterable, Sequence
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
from ..domain.vocab import MINUTES_PER_JP
from ..errors import CurriculumError
from ..io.tables import atomic_output
from ..report.summary import (
    EXCLUSION_KINDS,
    ReportContext,
    exclusion_kind,
    kind_label,
    shortfall_reason,
)

__all__ = ["write_path_pdf", "write_paths_pdf", "write_learner_pdf", "write_workspace_pdfs",
           "path_html", "LABELS"]

#: Every heading and label of the document, by language.
LABELS: dict[str, dict[str, str]] = {
    "id": {
        "title": "Rencana Pengembangan Kompetensi",
        "subtitle": "Jalur belajar individual Aparatur Sipil Negara",
        "learner": "Pegawai",
        "learner_id": "Identitas",
        "masked": "disamarkan",
        "position": "Jabatan",
        "region": "Wilayah",
        "model": "Model peluang berhasil",
        "created": "Disusun",
        "total": "Total JP",
        "total_text": "{total} JP dari anggaran {max} JP ({hours} jam); minimum {min} JP "
                      "per tahun (PP 11/2017)",
        "meets": "memenuhi minimum",
        "below": "di bawah minimum",
        "value": "Nilai harapan",
        "value_text": "{value} (jumlah kesenjangan kompetensi yang diperkirakan tertutup)",
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
        "excluded": "Modul yang tidak dipilih",
        "excluded_intro": "Modul yang menutup kesenjangan tetapi tidak masuk rencana, "
                          "beserta alasannya.",
        "kind": "Jenis",
        "reason": "Alasan",
        "none_excluded": "Tidak ada.",
        "signatures": "Persetujuan",
        "sign_learner": "Pegawai",
        "sign_supervisor": "Atasan Langsung",
        "date": "Tanggal",
        "name": "Nama",
        "nip": "NIP",
        "page": "halaman {page} dari {pages}",
        "legend": "P: peluang pegawai menyelesaikan modul dan menerapkannya di tempat kerja "
                  "menurut model. Nilai: sumbangan langkah pada penutupan kesenjangan "
                  "kompetensi. 1 JP = 45 menit.",
        "footer": "Dibuat dengan curriculum-tool. Setiap langkah dapat dijelaskan: "
                  "kesenjangan yang ditutup, prasyarat yang dibuka, alasan modalitas, dan "
                  "modul yang tidak dipilih.",
    },
    "en": {
        "title": "Competency Development Plan",
        "subtitle": "Individual learning path of a civil servant (ASN)",
        "learner": "Learner",
        "learner_id": "Identifier",
        "masked": "masked",
        "position": "Position (jabatan)",
        "region": "Region",
        "model": "Success model",
        "created": "Prepared",
        "total": "Total JP",
        "total_text": "{total} JP of a {max} JP budget ({hours} hours); yearly minimum "
                      "{min} JP (PP 11/2017)",
        "meets": "meets the minimum",
        "below": "below the minimum",
        "value": "Expected value",
        "value_text": "{value} (competency gap levels expected to close)",
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
        "excluded": "Modules not chosen",
        "excluded_intro": "Modules that would close a gap but are not in the plan, and why.",
        "kind": "Kind",
        "reason": "Reason",
        "none_excluded": "None.",
        "signatures": "Approval",
        "sign_learner": "Learner",
        "sign_supervisor": "Direct supervisor",
        "date": "Date",
        "name": "Name",
        "nip": "NIP",
        "page": "page {page} of {pages}",
        "legend": "P: the model's chance that the learner completes the module and applies "
                  "it at work. Value: the step's share in closing the competency gaps. "
                  "1 JP = 45 minutes.",
        "footer": "Made with curriculum-tool. Every step is explained: the gap it closes, "
                  "the prerequisite it unlocks, why this modality, and what was left out.",
    },
}

_MODALITY_NAMES = {"klasikal": "klasikal", "e_learning": "e-learning", "blended": "blended",
                   "microlearning": "microlearning", "coaching": "coaching",
                   "mentoring": "mentoring", "social_learning": "social learning",
                   "experiential": "experiential learning"}

_CSS = """
body { font-family: 'DejaVu Sans', 'Noto Sans', 'Arial', sans-serif; font-size: 9pt; }
h1 { font-size: 16pt; margin-bottom: 0; }
h2 { font-size: 12pt; margin-top: 14px; margin-bottom: 4px; }
p.sub { color: #555555; margin-top: 2px; }
table.grid { border-collapse: collapse; font-size: 8pt; }
table.grid th { background-color: #e6e6e6; font-weight: bold; text-align: left; }
td.num { text-align: right; }
p.warn { color: #9c1c1c; font-weight: bold; }
p.small { font-size: 7.5pt; color: #555555; }
"""


def _lang(lang: str) -> str:
    if lang not in LABELS:
        raise CurriculumError(f"unknown language '{lang}': use id or en")
    return lang


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


def path_html(path: LearnerPath, learner_name: str | None = None, lang: str = "id", *,
              learner_label: str | None = None, position_title: str = "",
              region_name: str = "") -> str:
    """The document as the HTML subset QTextDocument renders.

    ``learner_label`` is how the learner is identified (a pseudonym, or the NIP when
    unmasked); without it the id is shown with its middle hidden.
    """
    lang = _lang(lang)
    t = LABELS[lang]
    label = learner_label if learner_label is not None else _masked_id(path.learner)
    name = learner_name if learner_name else f"({t['masked']})"
    position = f"{position_title} ({path.position})" if position_title else path.position
    region = f"{region_name} ({path.region})" if region_name else path.region
    model = (f"{path.model_name or '-'} · sha256 {path.model_sha256[:16]}"
             if path.model_sha256 else (path.model_name or "-"))
    below = path.total_jp < path.min_jp
    hours = _number(path.total_jp * MINUTES_PER_JP / 60, 1 if path.total_jp % 4 else 0, lang)
    total = t["total_text"].format(total=path.total_jp, max=path.max_jp, min=path.min_jp,
                                   hours=hours)
    status = t["below"] if below else t["meets"]
    parts = [f"<html><head><meta charset='utf-8'><style>{_CSS}</style></head><body>",
             f"<h1>{_e(t['title'])}</h1>", f"<p class='sub'>{_e(t['subtitle'])}</p>",
             "<table cellspacing='0' cellpadding='3' width='100%'>"]
    rows = [(t["learner"], name), (t["learner_id"], label), (t["position"], position),
            (t["region"], region), (t["total"], f"{total} — {status}"),
            (t["value"], t["value_text"].format(value=_number(path.expected_value, 2, lang))),
            (t["model"], model)]
    if path.created:
        rows.append((t["created"], path.created[:10]))
    for key, value in rows:
        parts.append(f"<tr><td width='24%'><b>{_e(key)}</b></td><td>{_e(value)}</td></tr>")
    parts.append("</table>")
    if below:
        parts.append(f"<p class='warn'>{_e(shortfall_reason(path, lang))}</p>")
    parts.extend(_steps_html(path, t, lang))
    parts.extend(_excluded_html(path, t, lang))
    parts.extend(_signatures_html(t))
    parts.append(f"<p class='small'>{_e(t['footer'])}</p></body></html>")
    return "\n".join(parts)


def _steps_html(path: LearnerPath, t: dict[str, str], lang: str) -> list[str]:
    if not path.steps:
        return [f"<p>{_e(t['no_steps'])}</p>"]
    parts: list[str] = []
    number = 0
    headers = (t["no"], t["module"], t["module_title"], t["jp"], t["modality"], t["p"],
               t["step_value"], t["reasons"])
    widths = ("5%", "10%", "20%", "5%", "13%", "10%", "7%", "30%")
    for period, steps in groupby(path.steps, key=lambda step: step.period):
        steps = list(steps)
        parts.append(f"<h2>{_e(t['period'].format(n=period))}</h2>")
        parts.append("<table class='grid' border='1' cellspacing='0' cellpadding='3' "
                     "width='100%'><thead><tr>" + "".join(
                         f"<th width='{w}'>{_e(h)}</th>" for h, w in zip(headers, widths))
                     + "</tr></thead>")
        for step in steps:
            number += 1
            reasons = "<br/>".join(f"• {_e(in_language(r, lang))}" for r in step.reasons)
            modality = _MODALITY_NAMES.get(step.modality, step.modality)
            parts.append(
                f"<tr><td class='num'>{number}</td><td>{_e(step.module)}</td>"
                f"<td>{_e(step.title)}</td><td class='num'>{step.jp}</td>"
                f"<td>{_e(modality)}</td>"
                f"<td class='num'>{_number(step.p_success, 2, lang)}</td>"
                f"<td class='num'>{_number(step.value, 2, lang)}</td><td>{reasons}</td></tr>")
        parts.append("</table>")
        jp = sum(step.jp for step in steps)
        parts.append(f"<p class='small'>{_e(t['period_total'].format(n=period, jp=jp))}</p>")
    parts.append(f"<p class='small'>{_e(t['legend'])}</p>")
    return parts


def _excluded_html(path: LearnerPath, t: dict[str, str], lang: str) -> list[str]:
    parts = [f"<h2>{_e(t['excluded'])}</h2>"]
    if not path.excluded:
        return parts + [f"<p>{_e(t['none_excluded'])}</p>"]
    parts.append(f"<p class='sub'>{_e(t['excluded_intro'])}</p>")
    parts.append("<table class='grid' border='1' cellspacing='0' cellpadding='3' width='100%'>"
                 f"<thead><tr><th width='5%'>{_e(t['no'])}</th><th width='12%'>"
                 f"{_e(t['module'])}</th><th width='22%'>{_e(t['kind'])}</th>"
                 f"<th>{_e(t['reason'])}</th></tr></thead>")
    # Modules the learner cannot take first, then those the planner chose not to take.
    order = {kind: rank for rank, kind in enumerate(EXCLUSION_KINDS)}
    ranked = sorted(((exclusion_kind(e.reason), i, e) for i, e in enumerate(path.excluded)),
                    key=lambda item: (order.get(item[0], len(order)), item[1]))
    for number, (kind, _, excluded) in enumerate(ranked, start=1):
        kind = kind_label(kind, lang)
        parts.append(f"<tr><td class='num'>{number}</td><td>{_e(excluded.module)}</td>"
                     f"<td>{_e(kind)}</td><td>{_e(in_language(excluded.reason, lang))}</td></tr>")
    parts.append("</table>")
    return parts


def _signatures_html(t: dict[str, str]) -> list[str]:
    def column(role: str) -> str:
        return (f"<td width='50%' valign='top'><p><b>{_e(role)}</b></p>"
                f"<p>{_e(t['date'])}: ____________________</p>"
                "<p><br/><br/><br/><br/></p>"
                f"<p>{_e(t['name'])}: ______________________________</p>"
                f"<p>{_e(t['nip'])}: ______________________________</p></td>")

    return [f"<h2>{_e(t['signatures'])}</h2>",
            "<table cellspacing='0' cellpadding='6' width='100%'><tr>"
            + column(t["sign_learner"]) + column(t["sign_supervisor"]) + "</tr></table>"]


def _application() -> Any:
    """The process's Qt application; created (offscreen when there is no display)."""
    app = QCoreApplication.instance()
    if app is not None:
        return app
    headless = sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
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
    writer.setPageMargins(QMarginsF(_MARGIN_MM, _MARGIN_MM, _MARGIN_MM, _MARGIN_MM),
                          QPageLayout.Unit.Millimeter)
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
            document.drawContents(painter, QRectF(0, index * page.height(), page.width(),
                                                  page.height()))
            painter.restore()
            painter.setFont(font)
            painter.setPen(QColor("#555555"))
            painter.drawText(QRectF(0, page.height(), page.width(), footer_height),
                             int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom),
                             footer.format(page=index + 1, pages=pages))
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


def write_path_pdf(path: LearnerPath, out: str | os.PathLike[str],
                   learner_name: str | None = None, lang: str = "id", *,
                   learner_label: str | None = None, position_title: str = "",
                   region_name: str = "") -> None:
    """Render ``path`` as an A4 PDF at ``out``, written atomically (a crash leaves any
    earlier file whole).

    ``learner_name`` is printed as given (pass it only when the name may be shown);
    ``learner_label`` identifies the learner (pseudonym or NIP); without it the id is
    printed with its middle hidden.
    """
    out = Path(out)
    if out.suffix.lower() != ".pdf":
        raise CurriculumError(f"the path report is a PDF: the file must end in .pdf, "
                              f"not '{out.name}'")
    lang = _lang(lang)
    label = learner_label if learner_label is not None else _masked_id(path.learner)
    text = path_html(path, learner_name, lang, learner_label=label,
                     position_title=position_title, region_name=region_name)
    labels = LABELS[lang]
    pdf = _render(text, f"{labels['title']} – {label}",
                  f"{labels['title']} · {label} · {labels['page']}", labels["signatures"])
    with atomic_output(out, "wb") as handle:
        handle.write(pdf)


def write_paths_pdf(paths: Iterable[LearnerPath], out_dir: str | os.PathLike[str],
                    context: ReportContext | None = None, lang: str = "id") -> list[Path]:
    """One PDF per learner in ``out_dir``, named ``LABEL.pdf`` by the learner's pseudonym
    (by the id when ``context.unmask``); returns the files in the order of ``paths``."""
    context = context or ReportContext()
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for path in paths:
        label = context.learner_label(path.learner)
        target = out_dir / f"{label}.pdf"
        write_path_pdf(path, target, context.learner_name(path.learner) or None, lang,
                       learner_label=label,
                       position_title=context.position_title(path.position),
                       region_name=context.region_name(path.region))
        written.append(target)
    return written


def _stored_paths(workspace: Any) -> list[LearnerPath]:
    from ..store.paths import load_paths

    with workspace.engine.connect() as conn:
        return load_paths(conn)


def write_learner_pdf(workspace: Any, learner: str, out: str | os.PathLike[str],
                      unmask: bool = False, lang: str = "id") -> None:
    """The PDF of one learner's stored path (``recommend --save`` or ``batch`` stores it)."""
    found = [p for p in _stored_paths(workspace) if p.learner == learner]
    if not found:
        raise CurriculumError("no stored path for this learner: run 'recommend W LEARNER "
                              "--save' or 'batch' first")
    context = ReportContext.from_workspace(workspace, unmask=unmask, gaps=False)
    path = found[0]
    write_path_pdf(path, out, context.learner_name(learner) or None, lang,
                   learner_label=context.learner_label(learner),
                   position_title=context.position_title(path.position),
                   region_name=context.region_name(path.region))


def write_workspace_pdfs(workspace: Any, out_dir: str | os.PathLike[str],
                         learners: Sequence[str] | None = None, unmask: bool = False,
                         lang: str = "id") -> list[Path]:
    """PDFs of the stored paths (of ``learners`` only, when given) into ``out_dir``."""
    paths = _stored_paths(workspace)
    if learners is not None:
        wanted = set(learners)
        paths = [p for p in paths if p.learner in wanted]
        missing = len(wanted) - len(paths)
        if missing:
            raise CurriculumError(f"{missing} of the listed learners have no stored path; "
                                  "nothing was written")
    if not paths:
        raise CurriculumError("no stored paths in this workspace: run 'batch' (or "
                              "'recommend --save') first")
    context = ReportContext.from_workspace(workspace, unmask=unmask, gaps=False)
    return write_paths_pdf(paths, out_dir, context, lang)
