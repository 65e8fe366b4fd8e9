"""The commands that reach into the GUI package: ``gui`` (the desktop app) and ``report``.

``report`` writes the agency summary (core) or path PDFs through the GUI's leaf renderer
``gui.path_pdf``, which never loads the app; only ``gui`` imports the app itself.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from ..errors import CurriculumError
from .exit_codes import EXIT_OK


def run_report(args: argparse.Namespace) -> int:
    from ..store import Workspace

    if args.learners and not args.pdf_dir:
        raise CurriculumError("--learners goes with --pdf-dir")
    if args.out is not None:
        is_pdf = Path(args.out).suffix.lower() == ".pdf"
        if args.learner and not is_pdf:
            raise CurriculumError("--learner writes a PDF: --out must end in .pdf")
        if is_pdf and not args.learner:
            raise CurriculumError(
                "a PDF is one learner's path: add --learner ID, or use --pdf-dir DIR for all"
            )
    elif args.learner:
        raise CurriculumError("--learner goes with --out FILE.pdf")
    masked = "" if args.unmask else " (learners masked; --unmask to show them)"
    learners = None
    if args.learners:
        from ..recommend.batch import learner_ids

        learners = learner_ids(args.learners)
    with Workspace.open(args.workspace) as workspace:
        # PDFs: the content is core (report.path_document); Qt lays it out in the GUI's
        # leaf renderer, which makes its own QGuiApplication and never loads the app.
        if args.pdf_dir:
            from ..gui.path_pdf import write_workspace_pdfs

            files = write_workspace_pdfs(workspace, args.pdf_dir, learners, args.unmask, args.lang)
            print(f"wrote {len(files)} path PDFs to {args.pdf_dir}{masked}")
        elif args.learner:
            from ..gui.path_pdf import write_learner_pdf

            write_learner_pdf(workspace, args.learner, args.out, not args.mask, args.lang)
            print(f"wrote the learner's path to {args.out}" + (" (masked)" if args.mask else ""))
        else:
            from ..report import write_agency_summary

            count = write_agency_summary(workspace, args.out, unmask=args.unmask)
            print(f"summarised {count} stored paths to {args.out}{masked}")
    return EXIT_OK


def run_gui(args: argparse.Namespace) -> int:
    from ..gui.preflight import check_display

    check_display(screenshot=bool(args.screenshot))  # one line and exit 2, never Qt's abort
    from ..gui.app import run  # the one command that starts the desktop app

    return run(workspace=args.workspace, lang=args.lang, screenshot=args.screenshot, tab=args.tab)
