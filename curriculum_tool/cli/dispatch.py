"""``main``: parse the command line, run the command, turn every error into an exit code.

Errors go to stderr as one clear line each, never a traceback (set
``CURRICULUM_TOOL_DEBUG=1`` to see one), in the language of ``--lang`` or the locale
(:mod:`.language`). ``COMMANDS`` maps each command name to its function in the
``*_commands`` modules.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable, Sequence

from ..errors import CurriculumError, ValidationError, describe, printable
from ..messages import Catalogue
from .app_commands import run_gui, run_report
from .evaluation_commands import run_evaluate
from .exit_codes import EXIT_OK, EXIT_USAGE
from .language import message_language
from .model_commands import run_score, run_train
from .outcome_commands import run_followups, run_ledger, run_record
from .parser import build_parser
from .path_commands import run_batch, run_recommend
from .registry_commands import run_models
from .release_commands import run_diff, run_release
from .user_commands import run_users
from .workspace_commands import run_export, run_import, run_init, run_lint, run_simulate

COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "gui": run_gui,
    "init": run_init,
    "import": run_import,
    "export": run_export,
    "lint": run_lint,
    "train": run_train,
    "score": run_score,
    "simulate": run_simulate,
    "recommend": run_recommend,
    "batch": run_batch,
    "report": run_report,
    "users": run_users,
    "models": run_models,
    "release": run_release,
    "diff": run_diff,
    "evaluate": run_evaluate,
    "record": run_record,
    "followups": run_followups,
    "ledger": run_ledger,
}


SAID = Catalogue(
    "cli.dispatch",
    {
        "error": ("error: {message}", "kesalahan: {message}"),
        "not_found": (
            "no such file or directory: '{file}'",
            "berkas atau folder tidak ditemukan: '{file}'",
        ),
        "interrupted": ("interrupted", "dihentikan"),
        "unexpected": (
            "error: unexpected {error}: {message} (set CURRICULUM_TOOL_DEBUG=1 for details)",
            "kesalahan tak terduga {error}: {message} (setel CURRICULUM_TOOL_DEBUG=1 untuk "
            "melihat rinciannya)",
        ),
    },
)


def _described(error: BaseException, lang: str) -> str:
    """``error`` for a person in ``lang``; a missing file in Indonesian says so in words
    (the English stays the system's own line)."""
    filename = getattr(error, "filename", None)
    if lang == "id" and isinstance(error, FileNotFoundError) and filename is not None:
        return SAID("not_found", file=printable(str(filename))).render(lang)
    return describe(error, lang)


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; with no command, open the desktop app on the default workspace."""
    argv = list(sys.argv[1:] if argv is None else argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")
    args = build_parser().parse_args(argv or ["gui"])
    if args.command is None:
        args = build_parser().parse_args(["gui", *argv])
    lang = message_language(args)
    try:
        return COMMANDS[args.command](args)
    except ValidationError as error:
        print(describe(error, lang), file=sys.stderr)
        return EXIT_USAGE
    except (CurriculumError, FileNotFoundError) as error:
        print(SAID("error", message=_described(error, lang)).render(lang), file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:  # e.g. piped into head: the reader has what it wanted
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except KeyboardInterrupt:
        print(SAID("interrupted").render(lang), file=sys.stderr)
        return 130
    except Exception as error:
        if os.environ.get("CURRICULUM_TOOL_DEBUG"):
            raise
        said = SAID("unexpected", error=type(error).__name__, message=printable(str(error)))
        print(said.render(lang), file=sys.stderr)
        return EXIT_USAGE
