"""The command line's grammar: ``build_parser`` declares every command and its options.

Only argparse and the import kinds are loaded here, so ``--help`` stays fast; each
command's own modules are imported when it runs (see the ``*_commands`` modules). Every
command takes ``--lang id|en`` from one parent parser (:mod:`.language`).
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from .. import __version__
from ..gui.tab_names import TAB_NAMES
from .evaluation_commands import add_evaluation_command
from .grammar import UsageErrorParser, add_actions
from .language import LANGUAGES
from .path_options import add_path_options


def language_parent() -> UsageErrorParser:
    """The parent parser every command takes ``--lang`` from.

    Its default is None, so a command can tell a chosen language from the locale's:
    :func:`.language.message_language` resolves it for messages, while the app (``gui``)
    and the path PDFs (``report``) stay Indonesian unless ``--lang en`` is given.
    """
    parent = UsageErrorParser(add_help=False)
    parent.add_argument(
        "--lang",
        choices=LANGUAGES,
        default=None,
        help="language of the messages: id (Bahasa Indonesia) or en; default: the locale's "
        "(id when LC_ALL, LC_MESSAGES or LANG starts with id, else en). JSON and CSV "
        "output stay English. The app (gui) and path PDFs (report) are Indonesian unless "
        "--lang en",
    )
    return parent


def add_users_command(commands, language: Sequence[argparse.ArgumentParser]) -> None:
    """``users W setup|add|list|remove``: the people of a shared PostgreSQL workspace.

    Each action takes ``--lang`` too, defaulting to nothing (argparse.SUPPRESS), so a
    ``--lang`` given before the action is not reset by the action's parser."""
    from ..domain.roles import ROLES

    users = commands.add_parser(
        "users",
        parents=language,
        help="people of a shared PostgreSQL workspace: setup (once, by the DBA), add, list, remove",
    )
    users.add_argument("workspace", metavar="W", help="the workspace's PostgreSQL URL")
    actions, after = add_actions(users)
    actions.add_parser(
        "setup",
        parents=after,
        help="create the group roles, grants and row-level policies (the tables' owner, "
        "once; again after an upgrade)",
    )
    add = actions.add_parser(
        "add", parents=after, help="give a person a login, a role and a scope (admin)"
    )
    add.add_argument("login", metavar="LOGIN", help="their database login (created if missing)")
    add.add_argument("--role", required=True, choices=ROLES)
    add.add_argument(
        "--scope", metavar="REGION", help="the region (and its sub-regions) they work in"
    )
    add.add_argument("--name", help="their name, as the app shows it")
    add.add_argument("--units", metavar="U;U", help="pengelola: only learners of these work units")
    add.add_argument(
        "--learner", metavar="ID", help="their own learner id: they supervise who names it"
    )
    add.add_argument(
        "--password-from-env",
        metavar="VAR",
        help="set the login's password from this environment variable (never on the command line)",
    )
    listing = actions.add_parser("list", parents=after, help="the people and their roles")
    listing.add_argument(
        "--unmask", action="store_true", help="show names and learner ids; masked by default"
    )
    remove = actions.add_parser(
        "remove", parents=after, help="deactivate a person and revoke their role (admin)"
    )
    remove.add_argument("login", metavar="LOGIN")


def build_parser() -> argparse.ArgumentParser:
    # The record kinds, not ``io.importer.KINDS``: importing io would bring SQLAlchemy,
    # pandas and networkx (about a second) into ``--help`` and ``--version``.
    from ..domain import RECORD_TYPES

    KINDS = tuple(RECORD_TYPES)

    parser = UsageErrorParser(
        prog="curriculum-tool",
        description="Personalised learning paths for Indonesian civil servants.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(
        dest="command", metavar="COMMAND", parser_class=UsageErrorParser
    )
    language = [language_parent()]  # --lang, for every command

    gui = commands.add_parser("gui", parents=language, help="open the desktop app")
    gui.add_argument(
        "workspace",
        nargs="?",
        metavar="W",
        help="workspace file or database URL (default: your default workspace)",
    )
    gui.add_argument(
        "--screenshot",
        metavar="PNG",
        help="render the main window with W loaded, save it as PNG and exit",
    )
    gui.add_argument(
        "--tab",
        choices=TAB_NAMES,
        help="the tab to show first (for screenshots of each task)",
    )

    init = commands.add_parser(
        "init", parents=language, help="create a workspace, seeded from catalog/"
    )
    init.add_argument("workspace", metavar="W", help="new SQLite file or database URL")
    init.add_argument("--empty", action="store_true", help="create it without the catalog")

    kinds = ", ".join(KINDS)
    imp = commands.add_parser(
        "import", parents=language, help="import a CSV or XLSX file (all-or-nothing)"
    )
    imp.add_argument("workspace", metavar="W")
    imp.add_argument(
        "kind",
        metavar="KIND",
        help=f"one of: {kinds}; or moodle "
        "(Moodle competency framework CSV), moodle-completion (Moodle course-completion "
        "report CSV, as outcomes), case (1EdTech CASE 1.0 JSON)",
    )
    imp.add_argument("file", metavar="FILE", help=".csv or .xlsx; .json for case")
    imp.add_argument(
        "--replace", action="store_true", help="replace the whole table instead of merging by key"
    )
    imp.add_argument(
        "--module",
        metavar="CODE",
        help="moodle-completion: the module the course is (default: the module whose code "
        "Moodle writes as the course short name in the file name)",
    )

    exp = commands.add_parser("export", parents=language, help="export a table to CSV or XLSX")
    exp.add_argument("workspace", metavar="W")
    exp.add_argument(
        "kind", metavar="KIND", help=f"one of: {kinds}; or moodle, case, graphml, paths, audit"
    )
    exp.add_argument("file", metavar="FILE", help=".csv or .xlsx (by suffix)")
    exp.add_argument(
        "--unmask",
        action="store_true",
        help="export learner ids (NIP) and names as they are; masked by default",
    )
    exp.add_argument(
        "--strict",
        action="store_true",
        help="case: plain CASE 1.0 without extensions (for a CASE server; modules and "
        "regions then cannot be imported back from it)",
    )
    exp.add_argument(
        "--year",
        type=int,
        metavar="YYYY",
        help="paths: the latest version of each learner's plan for this plan year "
        "(default: each learner's current path)",
    )
    exp.add_argument("--actor", metavar="LOGIN", help="audit: only this person's changes")
    exp.add_argument("--since", metavar="YYYY-MM-DD", help="audit: changes from this day (UTC)")
    exp.add_argument(
        "--until", metavar="YYYY-MM-DD", help="audit: changes up to this day (UTC, inclusive)"
    )
    exp.add_argument(
        "--table",
        action="append",
        metavar="TABLE",
        help="audit: only this table's changes (repeat or comma-separate for several)",
    )

    lint = commands.add_parser(
        "lint", parents=language, help="check the prerequisite graph; exit 1 on errors"
    )
    lint.add_argument("workspace", metavar="W")
    lint.add_argument("--format", choices=("text", "json"), default="text")

    train = commands.add_parser(
        "train",
        parents=language,
        help="train the success model on the workspace outcomes; it becomes current only "
        "if it passes the promotion gate",
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
        metavar="DIR",
        help="also write NAME.skops and NAME.json here (default: the user's data folder's "
        "models/, never the current directory)",
    )
    train.add_argument(
        "--truth", metavar="FILE", help="simulate's truth.csv: also report the ground-truth ceiling"
    )
    train.add_argument("--format", choices=("text", "json"), default="text")

    score = commands.add_parser(
        "score", parents=language, help="P(success) for learner × module pairs"
    )
    score.add_argument("workspace", metavar="W")
    score.add_argument("pairs", metavar="PAIRS", help="CSV or XLSX with columns learner, module")
    score.add_argument("--out", required=True, metavar="FILE", help=".csv or .xlsx")
    score.add_argument("--model", metavar="NAME", help="a stored model (default: the current)")

    rec = commands.add_parser("recommend", parents=language, help="one learner's learning path")
    rec.add_argument("workspace", metavar="W")
    rec.add_argument("learner", metavar="LEARNER", help="the learner's id (e.g. NIP)")
    add_path_options(rec)
    rec.add_argument("--format", choices=("text", "json"), default="text")
    rec.add_argument(
        "--save",
        action="store_true",
        help="store it as the learner's current path (for impact analysis)",
    )

    bat = commands.add_parser(
        "batch", parents=language, help="paths for many learners, progress on stderr"
    )
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
    add_path_options(bat)
    bat.add_argument(
        "--unmask", action="store_true", help="write learner ids as they are; pseudonyms by default"
    )
    bat.add_argument(
        "--no-store", action="store_true", help="do not store the paths in the workspace"
    )

    rep = commands.add_parser(
        "report",
        parents=language,
        help="reports on the stored paths: agency summary (.xlsx) or path PDFs",
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

    add_users_command(commands, language)
    from .registry_commands import add_models_command  # models; train --promote-anyway

    add_models_command(commands, language)
    from .release_commands import add_release_commands  # release, diff

    add_release_commands(commands, language)
    add_evaluation_command(commands, language)
    from .outcome_commands import add_outcome_commands  # record, followups, ledger

    add_outcome_commands(commands, language)

    simulate = commands.add_parser(
        "simulate",
        parents=language,
        help="write synthetic learners.csv and outcomes.csv (docs/simulator.md)",
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
