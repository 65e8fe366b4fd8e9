"""Parse and format the contract's cell syntax: codes, integers in a range, lists, pairs.

Parsers take the stripped text of one cell and return a typed value or raise
``ValueError`` with a message a curriculum designer understands; formatters do the
reverse so that export → import gives back the same text.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence

from .validation_text import EMPTY, refusal
from .vocab import CODE_PATTERN

__all__ = [
    "check_code",
    "check_text",
    "format_float",
    "format_indices",
    "format_levels",
    "format_list",
    "format_optional",
    "parse_choice",
    "parse_code",
    "parse_code_list",
    "parse_date",
    "parse_flag",
    "parse_indices",
    "parse_int",
    "parse_levels",
    "parse_optional_flag",
    "parse_optional_int",
]

LIST_SEP = ";"
PAIR_SEP = ":"
# Plain ASCII only: int() and date.fromisoformat() also accept "1_0", Arabic-Indic or
# full-width digits and ISO week dates, none of which a spreadsheet user means.
_INTEGER = re.compile(r"[+-]?[0-9]+")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
#: What no text cell may hold: NUL (PostgreSQL refuses it in text where SQLite keeps it,
#: so a workspace would answer differently by backend), the other C0 and C1 control
#: characters and DEL (they drive terminals), and lone surrogates (no encoding can store
#: them). Tab, line feed and carriage return stay allowed: a description may have lines.
_FORBIDDEN_IN_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


def check_code(value: str, what: str = "code") -> str | None:
    """The reason ``value`` is not a valid code, or None."""
    if not value:
        return refusal("empty", what)
    if not CODE_PATTERN.fullmatch(value):
        if len(value) > 40:
            return refusal("code_too_long", what, value=value[:20])
        return refusal("not_a_code", what, value=value)
    return None


def check_text(value: str, what: str = "text") -> str | None:
    """The reason ``value`` cannot be stored as text, or None.

    >>> check_text("Kab. Sigi"), check_text("a\\x00b", "name")
    (None, 'name contains the control character U+0000 at position 2')
    """
    match = _FORBIDDEN_IN_TEXT.search(value)
    if match is None:
        return None
    char = match.group()
    kind = "lone_surrogate" if "\ud800" <= char <= "\udfff" else "control_character"
    return refusal(kind, what, code=f"{ord(char):04X}", position=match.start() + 1)


def parse_code(text: str, what: str = "code") -> str:
    reason = check_code(text, what)
    if reason:
        raise ValueError(reason)
    return text


def parse_int(text: str, allowed: range, what: str) -> int:
    if text == "":
        raise ValueError(refusal("required", what))
    if not _INTEGER.fullmatch(text):
        raise ValueError(refusal("not_whole", what, value=text))
    value = int(text)
    if value not in allowed:
        raise ValueError(
            refusal("outside", what, value=value, low=allowed.start, high=allowed.stop - 1)
        )
    return value


def parse_optional_int(text: str, allowed: range, what: str) -> int | None:
    return None if text == "" else parse_int(text, allowed, what)


def parse_flag(text: str, what: str) -> bool:
    if text not in ("0", "1"):
        raise ValueError(refusal("not_a_flag", what, value=text))
    return text == "1"


def parse_optional_flag(text: str, what: str) -> bool | None:
    return None if text == "" else parse_flag(text, what)


def parse_choice(text: str, choices: Sequence[str], what: str) -> str:
    if text not in choices:
        shown = text if text else EMPTY[0]
        raise ValueError(refusal("not_a_choice", what, value=shown, choices=", ".join(choices)))
    return text


def _items(text: str) -> list[str]:
    if text == "":
        return []
    items = [item.strip() for item in text.split(LIST_SEP)]
    if any(item == "" for item in items):
        raise ValueError(refusal("empty_item", value=text, separator=LIST_SEP))
    return items


def _no_duplicates(keys: Iterable[str], what: str) -> None:
    seen: set[str] = set()
    for key in keys:
        if key in seen:
            raise ValueError(refusal("listed_twice", what, value=key))
        seen.add(key)


def parse_code_list(text: str, what: str, choices: Sequence[str] | None = None) -> tuple[str, ...]:
    """``A;B;C`` → ``("A", "B", "C")``; each a code (or one of ``choices``), no repeats."""
    items = _items(text)
    for item in items:
        if choices is None:
            parse_code(item, what)
        else:
            parse_choice(item, choices, what)
    _no_duplicates(items, what)
    return tuple(items)


def _pairs(text: str, label: str, what: str) -> list[tuple[str, str]]:
    pairs = []
    for item in _items(text):
        key, sep, value = item.partition(PAIR_SEP)
        if not sep:
            raise ValueError(refusal("not_a_pair", value=item, label=label, separator=PAIR_SEP))
        pairs.append((key.strip(), value.strip()))
    _no_duplicates((key for key, _ in pairs), what)
    return pairs


def parse_levels(
    text: str, allowed: range, what: str = "competency"
) -> tuple[tuple[str, int], ...]:
    """``PB-KAJI:2;M.01:3`` → ``(("PB-KAJI", 2), ("M.01", 3))``."""
    result = []
    for code, level in _pairs(text, "CODE", what):
        parse_code(code, what)
        result.append((code, parse_int(level, allowed, f"level of {code}")))
    return tuple(result)


def parse_indices(text: str, choices: Sequence[str], what: str) -> tuple[tuple[str, float], ...]:
    """``gempa_bumi:0.92;tsunami:0.8`` → pairs with each index in [0, 1]."""
    result = []
    for key, value in _pairs(text, "KEY", what):
        parse_choice(key, choices, what)
        try:
            index = float(value)
        except ValueError:
            raise ValueError(refusal("index_not_a_number", key=key, value=value)) from None
        if not 0.0 <= index <= 1.0:
            raise ValueError(refusal("index_outside", key=key, value=value))
        result.append((key, index))
    return tuple(result)


def parse_date(text: str, what: str = "date") -> dt.date:
    try:
        if not _DATE.fullmatch(text):
            raise ValueError
        return dt.date.fromisoformat(text)
    except ValueError:
        shown = text if text else EMPTY[0]
        raise ValueError(refusal("not_a_date", what, value=shown)) from None


def format_float(value: float) -> str:
    """Shortest text that reads back as the same float: ``0.92``, and ``1`` not ``1.0``.

    >>> format_float(0.92), format_float(1.0)
    ('0.92', '1')
    """
    value = float(value)
    return str(int(value)) if value.is_integer() else repr(value)


def format_levels(pairs: Iterable[tuple[str, int]]) -> str:
    return LIST_SEP.join(f"{code}{PAIR_SEP}{level}" for code, level in pairs)


def format_indices(pairs: Iterable[tuple[str, float]]) -> str:
    return LIST_SEP.join(f"{key}{PAIR_SEP}{format_float(index)}" for key, index in pairs)


def format_list(items: Iterable[str]) -> str:
    return LIST_SEP.join(items)


def format_optional(value: int | bool | None) -> str:
    if value is None:
        return ""
    return str(int(value))
