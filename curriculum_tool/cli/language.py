"""The language the command line speaks to a person: ``--lang id|en``, else the locale's.

Human output (summaries, progress lines, errors) follows it; JSON, JSONL and CSV output
stay English whatever it is, as the contract says. No heavy import, so ``--help`` stays fast.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Mapping

from ..errors import in_language
from ..messages import Message

__all__ = ["LANGUAGES", "locale_language", "message_language", "shown"]

#: The languages the command line speaks.
LANGUAGES = ("id", "en")

#: The locale variables that name the language of messages, first one set wins (POSIX).
LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")


def locale_language(environ: Mapping[str, str] | None = None) -> str:
    """``id`` when the first of ``LC_ALL``, ``LC_MESSAGES`` and ``LANG`` that is set
    starts with ``id`` (``id_ID.UTF-8``), else ``en``.

    >>> locale_language({"LANG": "id_ID.UTF-8"}), locale_language({"LANG": "C.UTF-8"})
    ('id', 'en')
    >>> locale_language({"LC_ALL": "en_US.UTF-8", "LANG": "id_ID.UTF-8"})
    'en'
    >>> locale_language({"LC_ALL": "", "LC_MESSAGES": "id_ID", "LANG": "en_GB"})
    'id'
    >>> locale_language({})
    'en'
    """
    environ = os.environ if environ is None else environ
    for name in LOCALE_VARIABLES:
        value = environ.get(name)
        if value:  # an empty variable counts as unset, as in POSIX
            return "id" if value.lower().startswith("id") else "en"
    return "en"


def message_language(args: argparse.Namespace) -> str:
    """The language of what the command prints: ``--lang`` when given, else the locale's.

    ``--lang`` (:func:`.parser.language_parent`) defaults to None, so a command can tell
    a chosen language from the locale's: the app (``gui``) and the path PDFs (``report``)
    stay Indonesian unless ``--lang en`` is given."""
    chosen = getattr(args, "lang", None)
    return chosen if chosen in LANGUAGES else locale_language()


def shown(value: object, lang: str) -> str:
    """``value`` as a person reads it in ``lang``: a message's Indonesian in ``id``, its
    text otherwise. An object that renders itself per language (``render(lang)``), or that
    carries its ``message``, is shown through it.

    >>> from curriculum_tool.messages import Message
    >>> shown(Message("3 modules", "3 modul"), "id"), shown(Message("3 modules", "3 modul"), "en")
    ('3 modul', '3 modules')
    >>> shown(12, "id")
    '12'
    """
    if not isinstance(value, str):
        render = getattr(value, "render", None)
        if callable(render):
            return str(render(lang))
        message = getattr(value, "message", None)
        value = message if isinstance(message, Message) else str(value)
    return in_language(value, lang)
