"""The workspace and data commands: ``init``, ``import``, ``export``, ``lint``, ``simulate``.

Each takes the parsed arguments and returns an exit code; the heavy modules (the store,
the importer, pandas behind them) are imported only when the command runs.
"""

from __future__ import annotations

import argparse

from ..errors import CurriculumError
from .exit_codes import EXIT_OK, EXIT_PROBLEMS
from .progress import clear_progress_line, progress_line


def run_init(args: argparse.Namespace) -> int:
    from ..catalog import create_workspace

    with create_workspace(args.workspace, empty=args.empty) as workspace:
        what = "empty workspace" if args.empty else "workspace from the default catalog"
        counts = ", ".join(f"{workspace.count(k)} {k}" for k in ("modules", "regions", "learners"))
        print(f"created {what}: {workspace.label} ({counts})")
    return EXIT_OK


def run_import(args: argparse.Namespace) -> int:
    from ..io import import_file
    from ..io.interchange import READ_FORMATS, import_interchange
    from ..store import Workspace

    if args.kind in READ_FORMATS:
        with Workspace.open(args.workspace) as workspace:
            summaries = import_interchange(workspace, args.kind, args.file, replace=args.replace)
        print("\n".join(str(s) for s in summaries))
        return EXIT_OK
    progress = progress_line()
    try:
        with Workspace.open(args.workspace) as workspace:
            summary = import_file(
                workspace, args.kind, args.file, replace=args.replace, progress=progress
            )
    finally:
        if progress is not None:
            clear_progress_line()
    print(summary)
    return EXIT_OK


def run_export(args: argparse.Namespace) -> int:
    from ..io import export_file
    from ..io.interchange import WRITE_FORMATS, export_interchange
    from ..store import Workspace

    with Workspace.open(args.workspace) as workspace:
        if args.kind == "paths":
            from ..recommend.batch import export_paths

            count = export_paths(workspace, args.file, unmask=args.unmask)
            masked = "" if args.unmask else " (learner ids as pseudonyms; --unmask to keep them)"
            print(f"exported {count} stored paths to {args.file}{masked}")
            return EXIT_OK
        if args.strict and args.kind != "case":
            raise CurriculumError("--strict goes with a CASE export: export W case FILE --strict")
        if args.kind in WRITE_FORMATS:
            options = {"strict": True} if args.strict else {}
            count = export_interchange(workspace, args.kind, args.file, **options)
            print(f"exported {count} items as {args.kind} to {args.file}")
            return EXIT_OK
        count = export_file(workspace, args.kind, args.file, unmask=args.unmask)
    masked = (
        " (personal data masked; --unmask to keep it)"
        if (args.kind in ("learners", "outcomes") and not args.unmask)
        else ""
    )
    print(f"exported {count} {args.kind} to {args.file}{masked}")
    return EXIT_OK


def run_lint(args: argparse.Namespace) -> int:
    import json

    from ..graph.lint import lint_workspace
    from ..store import Workspace

    with Workspace.open(args.workspace) as workspace:
        report = lint_workspace(workspace)
    if args.format == "json":
        print(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
    else:
        print(report.to_text())
    return EXIT_PROBLEMS if report.errors else EXIT_OK


def run_simulate(args: argparse.Namespace) -> int:
    from ..simulate import simulate_to_dir

    if args.learners < 1:
        raise CurriculumError("--learners must be at least 1")
    simulation = simulate_to_dir(args.outdir, args.learners, args.seed, args.catalog)
    print(
        f"wrote {len(simulation.learners)} synthetic learners and "
        f"{len(simulation.outcomes)} outcomes (and truth.csv) to {args.outdir}"
    )
    return EXIT_OK
