"""The command line of the contract (§4): ``python main.py COMMAND …``.

Exit codes: 0 ok, 1 a check found problems, 2 bad input or usage. Errors go to stderr as
one clear line each, never a traceback (set ``CURRICULUM_TOOL_DEBUG=1`` to see one).

The grammar is in :mod:`.parser`, the error handling in :mod:`.dispatch`, and the
commands in modules by job: :mod:`.workspace_commands` (init, import, export, lint,
simulate), :mod:`.model_commands` (train, score), :mod:`.path_commands` (recommend,
batch) and :mod:`.app_commands` (gui, report). Each command imports its heavy modules
only when it runs, so ``--help`` stays fast.
"""

from .dispatch import COMMANDS as COMMANDS, main as main
from .exit_codes import (
    EXIT_OK as EXIT_OK,
    EXIT_PROBLEMS as EXIT_PROBLEMS,
    EXIT_USAGE as EXIT_USAGE,
)
from .parser import build_parser as build_parser

__all__ = ["EXIT_OK", "EXIT_PROBLEMS", "EXIT_USAGE", "build_parser", "main"]
