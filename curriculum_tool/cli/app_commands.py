"""The commands that reach into the GUI package: ``gui`` (the desktop app) and ``report``.

``report`` writes the agency summary (core) or path PDFs through the GUI's leaf renderer
``gui.path_pdf``, which never loads the app; only ``gui`` imports the app itself. Both
are Indonesian unless ``--lang en``: the app's interface and the PDFs do not follow the
locale, the lines the command prints do.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from ..errors import CurriculumError
from ..messages import Catalogue
from .exit_codes import EXIT_OK
from .language import message_language

SAID = Catalogue(
    "cli.app_commands",
    {
        # Options are parameters: they read the same in both languages.
        "learners_without_pdf_dir": (
            "{learners} goes with {pdf_dir}",
            "{learners} hanya dipakai bersama {pdf_dir}",
        ),
        "learner_not_pdf": (
            "{learner} writes a PDF: {out} must end in .pdf",
            "{learner} menulis PDF: {out} harus berakhiran .pdf",
        ),
        "pdf_without_learner": (
            "a PDF is one learner's path: add {learner}, or use {pdf_dir} for all",
            "satu PDF memuat jalur satu peserta: tambahkan {learner}, atau gunakan "
            "{pdf_dir} untuk semua peserta",
        ),
        "learner_without_out": (
            "{learner} goes with {out}",
            "{learner} hanya dipakai bersama {out}",
        ),
        "masked": (
            " (learners masked; --unmask to show them)",
            " (identitas peserta disamarkan; --unmask untuk menampilkannya)",
        ),
        "wrote_pdfs": (
            "wrote {count} path PDFs to {folder}{masked}",
            "{count} PDF jalur ditulis ke {folder}{masked}",
        ),
        "learner_masked": (" (masked)", " (disamarkan)"),
        "wrote_pdf": (
            "wrote the learner's path to {out}{masked}",
            "jalur peserta ditulis ke {out}{masked}",
        ),
        "summarised": (
            "summarised {count} stored paths to {out}{masked}",
            "{count} jalur tersimpan diringkas ke {out}{masked}",
        ),
    },
)


def run_report(args: argparse.Namespace) -> int:
    from ..store import Workspace

    lang = message_language(args)
    pdf_lang = args.lang or "id"  # the document is Indonesian unless asked otherwise
    if args.learners and not args.pdf_dir:
        raise CurriculumError(
            SAID("learners_without_pdf_dir", learners="--learners", pdf_dir="--pdf-dir")
        )
    if args.out is not None:
        is_pdf = Path(args.out).suffix.lower() == ".pdf"
        if args.learner and not is_pdf:
            raise CurriculumError(SAID("learner_not_pdf", learner="--learner", out="--out"))
        if is_pdf and not args.learner:
            raise CurriculumError(
                SAID("pdf_without_learner", learner="--learner ID", pdf_dir="--pdf-dir DIR")
            )
    elif args.learner:
        raise CurriculumError(
            SAID("learner_without_out", learner="--learner", out="--out FILE.pdf")
        )
    masked = "" if args.unmask else SAID("masked")
    learners = None
    if args.learners:
        from ..recommend.batch import learner_ids

        learners = learner_ids(args.learners)
    with Workspace.open(args.workspace) as workspace:
        # PDFs: the content is core (report.path_document); Qt lays it out in the GUI's
        # leaf renderer, which makes its own QGuiApplication and never loads the app.
        if args.pdf_dir:
            from ..gui.path_pdf import write_workspace_pdfs

            files = write_workspace_pdfs(workspace, args.pdf_dir, learners, args.unmask, pdf_lang)
            said = SAID("wrote_pdfs", count=len(files), folder=args.pdf_dir, masked=masked)
            print(said.render(lang))
        elif args.learner:
            from ..gui.path_pdf import write_learner_pdf

            write_learner_pdf(workspace, args.learner, args.out, not args.mask, pdf_lang)
            hidden = SAID("learner_masked") if args.mask else ""
            print(SAID("wrote_pdf", out=args.out, masked=hidden).render(lang))
        else:
            from ..report import write_agency_summary

            count = write_agency_summary(workspace, args.out, unmask=args.unmask)
            print(SAID("summarised", count=count, out=args.out, masked=masked).render(lang))
    return EXIT_OK


def run_gui(args: argparse.Namespace) -> int:
    from ..gui.preflight import check_display

    check_display(screenshot=bool(args.screenshot))  # one line and exit 2, never Qt's abort
    from ..gui.app import run  # the one command that starts the desktop app

    # The app is Indonesian first: --lang en, not the locale, switches it.
    return run(
        workspace=args.workspace, lang=args.lang or "id", screenshot=args.screenshot, tab=args.tab
    )
