"""A learner's path document: the plan the learner, their atasan langsung and the BKD
officer sign, as the HTML subset QTextDocument renders. No Qt: the leaf renderer
:mod:`curriculum_tool.gui.path_pdf` turns a :class:`PathDocument` into an A4 PDF.

The document is Indonesian by default (``lang="en"`` for English) and addressed to the
learner, under a line saying whether the stored path is approved (by whom, when) or only
proposed: their name and NIP, position, unit, region and atasan langsung; total JP against
the yearly minimum (PP 11/2017) and, below it, why (the path's ``below_minimum`` reason);
the model and its SHA-256; a table of the learner's competency gaps (code and name, level
now → target, and the level the path reaches if every step succeeds); one table per
period with each step's reasons; the compulsory programmes still outstanding (*Program
wajib*, outside the yearly JP budget); the modules left out that would close one of the
learner's gaps, grouped by kind (never those meant for another audience or compulsory for
others); and a dated signature block for the learner (*Peserta*), the atasan langsung and
the BKD officer (*Pejabat BKD / Pengelola Kepegawaian*). Dates are written out
(``6 Desember 2026``); reasons are printed in the document's language.

Personal data: the document of one learner (:func:`learner_document`,
:func:`stored_learner_document`) shows the learner's name and NIP unmasked by default,
since it is addressed to them; bulk output (:func:`path_documents`,
:func:`workspace_documents`) stays masked (pseudonym and initials) unless ``unmask``.
Names and NIPs are never logged.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..domain import LearnerPath
from ..errors import CurriculumError
from ..io.masking import mask_name
from ..messages import Catalogue
from .path_details import LearnerDetails, given_details, masked_id, shown_label
from .path_labels import LABELS, check_language, created_day, date_text
from .path_left_out import left_out_html
from .path_sections import (
    escaped,
    gaps_html,
    identity_html,
    obligations_html,
    signatures_html,
    steps_html,
)
from .summary import ReportContext, no_stored_paths, shortfall_reason

if TYPE_CHECKING:
    from ..store import Workspace

__all__ = [
    "PathDocument",
    "approval_text",
    "learner_document",
    "path_document",
    "path_documents",
    "path_html",
    "stored_learner_document",
    "stored_paths",
    "workspace_documents",
]

SAID = Catalogue(
    "report.path_document",
    {
        "listed_without_path": (
            "{missing} of the listed learners have no stored path; nothing was written",
            "{missing} peserta dalam daftar belum memiliki jalur tersimpan; tidak ada yang ditulis",
        ),
        "no_stored_path": (
            "no stored path for this learner: run {recommend} or {batch} first",
            "belum ada jalur tersimpan untuk peserta ini: jalankan dulu {recommend} atau {batch}",
        ),
    },
)

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
p.approval { font-weight: bold; margin-top: 2px; }
"""


def approval_text(path: LearnerPath, details: LearnerDetails, lang: str = "id") -> str:
    """Where the path stands, the line under the document's title: ``Disetujui oleh …
    pada …`` (the approver's name and login, or only masked in masked output) or
    ``Diusulkan, belum disetujui`` (a proposal, or a path just planned)."""
    t = LABELS[check_language(lang)]
    approval = path.approval
    if approval is None or not approval.approved:
        return t["proposed"]
    login, name = approval.approved_by or "", approval.approver_name
    if details.unmasked:
        by = f"{name} ({login})" if name and login else name or login
    else:
        by = mask_name(name) if name else masked_id(login)
    day = created_day(approval.approved_at or "")
    return t["approved"].format(by=by, date=date_text(day, lang) if day else "-")


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
    lang = check_language(lang)
    t = LABELS[lang]
    if details is None:
        details = given_details(path, learner_name, learner_label, position_title, region_name)
    today = today or dt.date.today()
    parts = [
        f"<html><head><meta charset='utf-8'><style>{_CSS}</style></head><body>",
        f"<h1>{escaped(t['title'])}</h1>",
        f"<p class='sub'>{escaped(t['subtitle'])}</p>",
        f"<p class='approval'>{escaped(approval_text(path, details, lang))}</p>",
    ]
    parts.extend(identity_html(path, details, t, lang))
    below = shortfall_reason(path, lang)
    if below:
        parts.append(f"<p class='warn'>{escaped(below)}</p>")
    parts.extend(gaps_html(path, details, t))
    parts.extend(steps_html(path, t, lang))
    parts.extend(obligations_html(path, t))
    parts.extend(left_out_html(path, details, t, lang))
    parts.extend(signatures_html(path, details, t, lang, today))
    parts.append(f"<p class='small'>{escaped(t['footer'])}</p></body></html>")
    return "\n".join(parts)


@dataclass(frozen=True)
class PathDocument:
    """One learner's document, ready to print.

    ``label`` names the learner as the document shows them (bulk output names its files
    after it); ``footer`` is each page's footer, with ``{page}`` and ``{pages}``;
    ``keep_together`` is the heading of the block (the signatures) that the renderer moves
    whole to a new page rather than split.
    """

    label: str
    html: str
    title: str
    footer: str
    keep_together: str


def path_document(
    path: LearnerPath,
    learner_name: str | None = None,
    lang: str = "id",
    *,
    learner_label: str | None = None,
    position_title: str = "",
    region_name: str = "",
    details: LearnerDetails | None = None,
    today: dt.date | None = None,
) -> PathDocument:
    """The document of ``path``; the arguments are those of :func:`path_html`."""
    lang = check_language(lang)
    if details is None:
        details = given_details(path, learner_name, learner_label, position_title, region_name)
    label = shown_label(path, details)
    labels = LABELS[lang]
    return PathDocument(
        label=label,
        html=path_html(path, lang=lang, details=details, today=today),
        title=f"{labels['title']} – {label}",
        footer=f"{labels['title']} · {label} · {labels['page']}",
        keep_together=labels["signatures"],
    )


def path_documents(
    paths: Iterable[LearnerPath],
    context: ReportContext | None = None,
    lang: str = "id",
    today: dt.date | None = None,
) -> Iterator[PathDocument]:
    """The documents of ``paths``, one at a time; names and ids are masked unless
    ``context.unmask``."""
    context = context or ReportContext()
    for path in paths:
        details = LearnerDetails.from_context(context, path)
        yield path_document(path, lang=lang, details=details, today=today)


def learner_document(
    workspace: Workspace,
    path: LearnerPath,
    *,
    unmask: bool = True,
    lang: str = "id",
    today: dt.date | None = None,
) -> PathDocument:
    """The document of one learner's ``path`` (stored or just planned), with what
    ``workspace`` knows about them: addressed to the learner, so their name and NIP are
    shown unless ``unmask`` is False."""
    context = ReportContext.from_workspace(
        workspace, unmask=unmask, gaps=False, gap_table=[path.learner]
    )
    details = LearnerDetails.from_context(context, path)
    return path_document(path, lang=lang, details=details, today=today)


def stored_paths(workspace: Workspace, learners: Sequence[str] | None = None) -> list[LearnerPath]:
    """The paths stored in ``workspace`` (``recommend --save`` or ``batch`` stores them),
    of ``learners`` only when given; refused when one of them has none."""
    from ..store.paths import load_paths

    with workspace.engine.connect() as conn:
        paths = load_paths(conn)
    if learners is not None:
        wanted = set(learners)
        paths = [p for p in paths if p.learner in wanted]
        missing = len(wanted) - len(paths)
        if missing:
            raise CurriculumError(SAID("listed_without_path", missing=missing))
    return paths


def stored_learner_document(
    workspace: Workspace,
    learner: str,
    *,
    unmask: bool = True,
    lang: str = "id",
    today: dt.date | None = None,
) -> PathDocument:
    """The document of one learner's stored path, addressed to them: name and NIP shown
    unless ``unmask`` is False."""
    found = [p for p in stored_paths(workspace) if p.learner == learner]
    if not found:
        raise CurriculumError(
            SAID("no_stored_path", recommend="'recommend W LEARNER --save'", batch="'batch'")
        )
    return learner_document(workspace, found[0], unmask=unmask, lang=lang, today=today)


def workspace_documents(
    workspace: Workspace,
    learners: Sequence[str] | None = None,
    unmask: bool = False,
    lang: str = "id",
    today: dt.date | None = None,
) -> Iterator[PathDocument]:
    """The documents of the stored paths (of ``learners`` only, when given), one at a
    time: bulk output, masked unless ``unmask``. Refusals come before the first one."""
    paths = stored_paths(workspace, learners)
    if not paths:
        raise no_stored_paths()
    context = ReportContext.from_workspace(
        workspace, unmask=unmask, gaps=False, gap_table=[p.learner for p in paths]
    )
    return path_documents(paths, context, lang, today)
