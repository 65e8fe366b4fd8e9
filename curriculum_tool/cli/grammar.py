"""The parser pieces every command shares: one-line usage errors, and sub-actions
(``users W add``, ``release W publish``, ``evaluate W funnel``…) that take ``--lang`` too."""

from __future__ import annotations

import argparse

from .exit_codes import EXIT_USAGE
from .language import LANGUAGES

__all__ = ["UsageErrorParser", "add_actions"]


class UsageErrorParser(argparse.ArgumentParser):
    """argparse that reports usage errors as one line and exits 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def add_actions(
    command: argparse.ArgumentParser, dest: str = "action", metavar: str = "ACTION"
) -> tuple[argparse._SubParsersAction, list[argparse.ArgumentParser]]:
    """The required sub-actions of ``command``, and the parents each action takes: a
    ``--lang`` defaulting to nothing (argparse.SUPPRESS), so a ``--lang`` given before the
    action is not reset by the action's parser."""
    after = UsageErrorParser(add_help=False)
    after.add_argument("--lang", choices=LANGUAGES, default=argparse.SUPPRESS, help="as above")
    actions = command.add_subparsers(
        dest=dest, metavar=metavar, required=True, parser_class=UsageErrorParser
    )
    return actions, [after]
