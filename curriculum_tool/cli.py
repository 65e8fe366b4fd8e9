"""The command line of the contract (§4): ``python main.py COMMAND …``.

Exit codes: 0 ok, 1 a check found problems, 2 bad input or usage. Errors go to stderr as
one clear line each, never a traceback (set ``CURRICULUM_TOOL_DEBUG=1`` to see one).
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from . import __version__
from .errors import CurriculumError, ValidationError, printable

__all__ = ["EXIT_OK", "EXIT_PROBLEMS", "EXIT_USAGE", "build_parser", "main"]

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2
log = logging.getLogger("curriculum_tool")


class _Parser(argparse.ArgumentParser):
    """argparse that reports usage errors as one line and exits 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    from .io.importer import KINDS

    parser = _Parser(
        prog="curriculum-tool",
        description="Personalised learning paths for Indonesian civil servants.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    gui = commands.add_parser("gui", help="open the desktop app")
    gui.add_argument(
        "workspace",
        nargs="?",
        metavar="W",
        help="workspace file or database URL (default: your default workspace)",
    )
    gui.add_argument("--lang", choices=("id", "en"), default="id", help="interface language")
    gui.add_argument(
        "--screenshot",
        metavar="PNG",
        help="render the main window with W loaded, save it as PNG and exit",
    )
    gui.add_argument(
        "--tab",
        choices=("katalog", "graf", "jalur", "wilayah", "model", "data"),
        help="the tab to show first (for screenshots of each task)",
    )

    init = commands.add_parser("init", help="create a workspace, seeded from catalog/")
    init.add_argument("workspace", metavar="W", help="new SQLite file or database URL")
    init.add_argument("--empty", action="store_true", help="create it without the catalog")

    kinds = ", ".join(KINDS)
    imp = commands.add_parser("import", help="import a CSV or XLSX file (all-or-nothing)")
    imp.add_argument("workspace", metavar="W")
    imp.add_argument(
        "kind",
        metavar="KIND",
        help=f"one of: {kinds}; or moodle "
        "(Moodle competency framework CSV), case (1EdTech CASE 1.0 JSON)",
    )
    imp.add_argument("file", metavar="FILE", help=".csv or .xlsx; .json for case")
    imp.add_argument(
        "--replace", action="store_true", help="replace the whole table instead of merging by key"
    )

    exp = commands.add_parser("export", help="export a table to CSV or XLSX")
    exp.add_argument("workspace", metavar="W")
    exp.add_argument(
        "kind", metavar="KIND", help=f"one of: {kinds}; or moodle, case, graphml, paths"
    )
    exp.add_argument("file", metavar="FILE", help=".csv or .xlsx (by suffix)")
    exp.add_argument(
        "--unmask",
        action="store_true",
        help="export learner ids (NIP) and names as they are; masked by default",
    )

    lint = commands.add_parser("lint", help="check the prerequisite graph; exit 1 on errors")
    lint.add_argument("workspace", metavar="W")
    lint.add_argument("--format", choices=("text", "json"), default="text")

    train = commands.add_parser(
        "train", help="train the success model on the workspace outcomes and make it current"
    )
    train.add_argument("workspace", metavar="W")
    train.add_argument(
        "--target",
        choices=("l3", "completed"),
        default="l3",
        help="l3: completed and applied at work (default); completed",
    )
    train.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    train.add_argument("--name", help="model name (default: model-DATE-TIME)")
    train.add_argument(
        "--models-dir",
        default="models",
        metavar="DIR",
        help="also write NAME.skops and NAME.json here (default: models)",
    )
    train.add_argument(
        "--truth", metavar="FILE", help="simulate's truth.csv: also report the ground-truth ceiling"
    )
    train.add_argument("--format", choices=("text", "json"), default="text")

    score = commands.add_parser("score", help="P(success) for learner × module pairs")
    score.add_argument("workspace", metavar="W")
    score.add_argument("pairs", metavar="PAIRS", help="CSV or XLSX with columns learner, module")
    score.add_argument("--out", required=True, metavar="FILE", help=".csv or .xlsx")
    score.add_argument("--model", metavar="NAME", help="a stored model (default: the current)")

    rec = commands.add_parser("recommend", help="one learner's learning path")
    rec.add_argument("workspace", metavar="W")
    rec.add_argument("learner", metavar="LEARNER", help="the learner's id (e.g. NIP)")
    _path_options(rec)
    rec.add_argument("--format", choices=("text", "json"), default="text")
    rec.add_argument(
        "--save",
        action="store_true",
        help="store it as the learner's current path (for impact analysis)",
    )

    bat = commands.add_parser("batch", help="paths for many learners, progress on stderr")
    bat.add_argument("workspace", metavar="W")
    bat.add_argument("--out", required=True, metavar="FILE", help=".csv, .xlsx or .jsonl")
    bat.add_argument(
        "--learners",
        metavar="FILE",
        help="only these learners: a file with a 'learner' column, or learners.csv",
    )
    bat.add_argument(
        "--workers",
        type=int,
        default=1,
        metavar="N",
        help="parallel worker processes on this machine (default 1)",
    )
    bat.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="run on a Dask distributed cluster, e.g. tcp://host:8786",
    )
    _path_options(bat)
    bat.add_argument(
        "--unmask", action="store_true", help="write learner ids as they are; pseudonyms by default"
    )
    bat.add_argument(
        "--no-store", action="store_true", help="do not store the paths in the workspace"
    )

    rep = commands.add_parser(
        "report", help="reports on the stored paths: agency summary (.xlsx) or path PDFs"
    )
    rep.add_argument("workspace", metavar="W")
    where = rep.add_mutually_exclusive_group(required=True)
    where.add_argument(
        "--out", metavar="FILE", help="summary.xlsx: the agency summary; with --learner: FILE.pdf"
    )
    where.add_argument(
        "--pdf-dir",
        metavar="DIR",
        help="one PDF per learner with a stored path, named by pseudonym",
    )
    rep.add_argument("--learner", metavar="ID", help="one learner's path as a PDF (--out)")
    rep.add_argument(
        "--learners",
        metavar="FILE",
        help="with --pdf-dir: only these learners (a 'learner' column, or learners.csv)",
    )
    rep.add_argument(
        "--lang", choices=("id", "en"), default="id", help="language of the PDF (default id)"
    )
    rep.add_argument(
        "--unmask",
        action="store_true",
        help="show learner ids (NIP) and names in the summary and --pdf-dir; "
        "masked by default (a --learner document is addressed to the "
        "learner and shows them)",
    )
    rep.add_argument(
        "--mask",
        action="store_true",
        help="with --learner: mask the learner's id and name in the document",
    )

    simulate = commands.add_parser(
        "simulate", help="write synthetic learners.csv and outcomes.csv (docs/simulator.md)"
    )
    simulate.add_argument("outdir", metavar="OUTDIR")
    simulate.add_argument("--learners", type=int, required=True, metavar="N")
    simulate.add_argument("--seed", type=int, default=0)
    simulate.add_argument(
        "--catalog",
        metavar="DIR",
        help="catalog folder to draw from (default: the shipped catalog)",
    )
    return parser


def _init(args: argparse.Namespace) -> int:
    from .catalog import create_workspace

    with create_workspace(args.workspace, empty=args.empty) as workspace:
        what = "empty workspace" if args.empty else "workspace from the default catalog"
        counts = ", ".join(f"{workspace.count(k)} {k}" for k in ("modules", "regions", "learners"))
        print(f"created {what}: {workspace.label} ({counts})")
    return EXIT_OK


def _import(args: argparse.Namespace) -> int:
    from .io import import_file
    from .io.interchange import READ_FORMATS, import_interchange
    from .store import Workspace

    if args.kind in READ_FORMATS:
        with Workspace.open(args.workspace) as workspace:
            summaries = import_interchange(workspace, args.kind, args.file, replace=args.replace)
        print("\n".join(str(s) for s in summaries))
        return EXIT_OK
    progress = _progress_line()
    try:
        with Workspace.open(args.workspace) as workspace:
            summary = import_file(
                workspace, args.kind, args.file, replace=args.replace, progress=progress
            )
    finally:
        if progress is not None:
            sys.stderr.write("\r\x1b[K")
    print(summary)
    return EXIT_OK


def _progress_line() -> Callable[[str], None] | None:
    """Progress on one self-overwriting stderr line, only when a person watches it."""
    if not sys.stderr.isatty():
        return None

    def show(message: str) -> None:
        sys.stderr.write(f"\r\x1b[K{message}")
        sys.stderr.flush()

    return show


def _export(args: argparse.Namespace) -> int:
    from .io import export_file
    from .io.interchange import WRITE_FORMATS, export_interchange
    from .store import Workspace

    with Workspace.open(args.workspace) as workspace:
        if args.kind == "paths":
            from .recommend.batch import export_paths

            count = export_paths(workspace, args.file, unmask=args.unmask)
            masked = "" if args.unmask else " (learner ids as pseudonyms; --unmask to keep them)"
            print(f"exported {count} stored paths to {args.file}{masked}")
            return EXIT_OK
        if args.kind in WRITE_FORMATS:
            count = export_interchange(workspace, args.kind, args.file)
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


def _path_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--max-jp", type=int, default=40, metavar="N", help="JP budget (default 40)"
    )
    parser.add_argument(
        "--min-jp",
        type=int,
        metavar="N",
        help="yearly minimum to fill up to (default 20, PP 11/2017, or the "
        "budget when it is smaller)",
    )
    parser.add_argument(
        "--periods",
        type=int,
        default=1,
        metavar="K",
        help="split the path into K periods of at most max-jp/K JP each",
    )
    parser.add_argument(
        "--no-offline-instead",
        dest="offline_instead",
        action="store_false",
        help="do not replace online disaster-risk modules by offline ones "
        "where connectivity is weak",
    )
    parser.add_argument(
        "--no-literacy-first",
        dest="literacy_first",
        action="store_false",
        help="do not put the next digital-literacy tier first when literacy "
        "blocks gap-closing modules",
    )
    parser.add_argument(
        "--no-hazard-first",
        dest="hazard_first",
        action="store_false",
        help="do not require a module for the region's hazards when one "
        "closes a gap the learner's job sets",
    )


def _options(args: argparse.Namespace):
    from .domain.vocab import DEFAULT_MIN_JP
    from .recommend import PathOptions

    min_jp = min(DEFAULT_MIN_JP, args.max_jp) if args.min_jp is None else args.min_jp
    return PathOptions(
        max_jp=args.max_jp,
        min_jp=min_jp,
        periods=args.periods,
        offline_instead=args.offline_instead,
        literacy_first=args.literacy_first,
        hazard_first=args.hazard_first,
    )


def _recommend(args: argparse.Namespace) -> int:
    import json

    from .recommend import Recommender
    from .recommend.text import path_text
    from .store import Workspace
    from .store.paths import save_paths

    options = _options(args)
    with Workspace.open(args.workspace) as workspace:
        path = Recommender(workspace).recommend(args.learner, options)
        if args.save:
            with workspace.transaction() as conn:
                save_paths(conn, [path])
    if args.format == "json":
        print(json.dumps(path.to_json(), ensure_ascii=False, indent=2))
    else:
        print(path_text(path))
    return EXIT_OK


def _batch(args: argparse.Namespace) -> int:
    from .recommend.batch import learner_ids, run_batch
    from .store import Workspace

    options = _options(args)
    if args.workers < 1:
        raise CurriculumError("--workers must be at least 1")
    learners = learner_ids(args.learners) if args.learners else None
    show = _progress_bar()
    try:
        with Workspace.open(args.workspace) as workspace:
            summary = run_batch(
                workspace,
                args.out,
                learners,
                options,
                args.workers,
                args.scheduler,
                args.unmask,
                not args.no_store,
                show,
            )
    finally:
        sys.stderr.write("\n" if sys.stderr.isatty() else "")
    print(summary)
    return EXIT_OK


def _progress_bar() -> Callable[[int, int], None]:
    """``done/total`` on stderr: a bar on a terminal, a line per tenth otherwise."""
    shown = {"tenth": -1}

    def show(done: int, total: int) -> None:
        if sys.stderr.isatty():
            filled = int(30 * done / max(total, 1))
            sys.stderr.write(f"\r[{'#' * filled}{'.' * (30 - filled)}] {done:,}/{total:,} learners")
            sys.stderr.flush()
        elif (tenth := 10 * done // max(total, 1)) != shown["tenth"]:
            shown["tenth"] = tenth
            print(f"{done:,}/{total:,} learners planned", file=sys.stderr, flush=True)

    return show


def _lint(args: argparse.Namespace) -> int:
    import json

    from .graph.lint import lint_workspace
    from .store import Workspace

    with Workspace.open(args.workspace) as workspace:
        report = lint_workspace(workspace)
    if args.format == "json":
        print(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
    else:
        print(report.to_text())
    return EXIT_PROBLEMS if report.errors else EXIT_OK


def _train(args: argparse.Namespace) -> int:
    import json

    from .model.report import metrics_text
    from .model.train import STAGE_LABELS
    from .model.training import train_and_store
    from .store import Workspace

    line = _progress_line()

    def progress(done: int, total: int, stage: str) -> None:
        if line is not None:
            line(f"{done}/{total} {STAGE_LABELS.get(stage, stage)}")

    try:
        with Workspace.open(args.workspace) as workspace:
            stored = train_and_store(
                workspace,
                target=args.target,
                seed=args.seed,
                name=args.name or None,
                truth=args.truth,
                models_dir=args.models_dir,
                progress=progress,
            )
    finally:
        if line is not None:
            sys.stderr.write("\r\x1b[K")
    if args.format == "json":
        print(json.dumps(stored.card, ensure_ascii=False, indent=2))
    else:
        print(metrics_text(stored.card))
        print(
            f"stored model '{stored.name}' (sha256 {stored.sha256[:12]}…) as the current "
            f"model; files in {args.models_dir}/"
        )
    return EXIT_OK


def _score(args: argparse.Namespace) -> int:
    from .model.score import Scorer, score_file
    from .store import Workspace

    with Workspace.open(args.workspace) as workspace:
        count = score_file(workspace, args.pairs, args.out, Scorer(workspace, args.model))
    print(f"scored {count} pairs to {args.out}")
    return EXIT_OK


def _simulate(args: argparse.Namespace) -> int:
    from .simulate import simulate_to_dir

    if args.learners < 1:
        raise CurriculumError("--learners must be at least 1")
    simulation = simulate_to_dir(args.outdir, args.learners, args.seed, args.catalog)
    print(
        f"wrote {len(simulation.learners)} synthetic learners and "
        f"{len(simulation.outcomes)} outcomes (and truth.csv) to {args.outdir}"
    )
    return EXIT_OK


def _report(args: argparse.Namespace) -> int:
    from .store import Workspace

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
        from .recommend.batch import learner_ids

        learners = learner_ids(args.learners)
    with Workspace.open(args.workspace) as workspace:
        # PDFs: the content is core (report.path_document); Qt lays it out in the GUI's
        # leaf renderer, which makes its own QGuiApplication and never loads the app.
        if args.pdf_dir:
            from .gui.path_pdf import write_workspace_pdfs

            files = write_workspace_pdfs(workspace, args.pdf_dir, learners, args.unmask, args.lang)
            print(f"wrote {len(files)} path PDFs to {args.pdf_dir}{masked}")
        elif args.learner:
            from .gui.path_pdf import write_learner_pdf

            write_learner_pdf(workspace, args.learner, args.out, not args.mask, args.lang)
            print(f"wrote the learner's path to {args.out}" + (" (masked)" if args.mask else ""))
        else:
            from .report import write_agency_summary

            count = write_agency_summary(workspace, args.out, unmask=args.unmask)
            print(f"summarised {count} stored paths to {args.out}{masked}")
    return EXIT_OK


def _gui(args: argparse.Namespace) -> int:
    from .gui.app import run  # the one command that starts the desktop app

    return run(workspace=args.workspace, lang=args.lang, screenshot=args.screenshot, tab=args.tab)


COMMANDS = {
    "gui": _gui,
    "init": _init,
    "import": _import,
    "export": _export,
    "lint": _lint,
    "train": _train,
    "score": _score,
    "simulate": _simulate,
    "recommend": _recommend,
    "batch": _batch,
    "report": _report,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; with no command, open the desktop app on the default workspace."""
    argv = list(sys.argv[1:] if argv is None else argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")
    args = build_parser().parse_args(argv or ["gui"])
    if args.command is None:
        args = build_parser().parse_args(["gui", *argv])
    try:
        return COMMANDS[args.command](args)
    except ValidationError as error:
        print(error.report(), file=sys.stderr)
        return EXIT_USAGE
    except (CurriculumError, FileNotFoundError) as error:
        print(f"error: {printable(str(error))}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:  # e.g. piped into head: the reader has what it wanted
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except Exception as error:
        if os.environ.get("CURRICULUM_TOOL_DEBUG"):
            raise
        print(
            f"error: unexpected {type(error).__name__}: {printable(str(error))} "
            "(set CURRICULUM_TOOL_DEBUG=1 for details)",
            file=sys.stderr,
        )
        return EXIT_USAGE
