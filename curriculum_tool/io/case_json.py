"""JSON reading with limits against hostile files, for CASE packages.

``json`` recurses (RecursionError near a thousand levels) and ``int()`` refuses more than
4,300 digits, so size and nesting are checked before parsing and numbers while parsing;
``NaN`` and ``Infinity``, which are not JSON, are refused too. Each refusal is a
:class:`JsonRefused` whose message (a :class:`~curriculum_tool.messages.Message`, in
English and Indonesian) says which limit.
"""

from __future__ import annotations

import json
import re
from itertools import accumulate
from pathlib import Path
from typing import Any

from ..messages import Catalogue, Message

__all__ = ["MAX_DEPTH", "MAX_INT_DIGITS", "MAX_JSON_BYTES", "JsonRefused", "read_limited_json"]

#: A package larger than this is refused (200 MiB; the largest public frameworks are a few).
MAX_JSON_BYTES = 200 << 20
#: Nesting deeper than this is refused (a CFPackage needs 5).
MAX_DEPTH = 64
#: A whole number with more digits than this is refused.
MAX_INT_DIGITS = 100
_JSON_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"')
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")
_BRACKET_STEP = {"[": 1, "{": 1, "]": -1, "}": -1}

#: Why a JSON document is refused, in English and Indonesian.
SAID = Catalogue(
    "io.case_json",
    {
        "too_large": (
            "the file has {size:,} bytes; a CASE package may have at most {limit:,}",
            "berkas berukuran {size:,} bita; ukuran paket CASE paling besar {limit:,} bita",
        ),
        "too_deep": (
            "JSON nested {depth:,} levels deep; at most {limit} are allowed",
            "JSON bersarang sedalam {depth:,} tingkat; paling banyak {limit} tingkat diizinkan",
        ),
        "number_too_long": (
            "a whole number of {digits:,} digits ({start}…); at most {limit} are allowed",
            "bilangan bulat sepanjang {digits:,} digit ({start}…); paling banyak {limit} "
            "digit diizinkan",
        ),
        "not_a_number": (
            "not valid JSON: {text} is not a JSON number",
            "JSON tidak sah: {text} bukan angka JSON",
        ),
    },
)


class JsonRefused(ValueError):
    """A JSON document over one of the limits; :attr:`message` says which, in English and
    Indonesian."""

    def __init__(self, message: Message):
        super().__init__(message)
        self.message = message


def read_limited_json(path: Path) -> Any:
    """The JSON document of ``path``; raise :class:`JsonRefused` past a limit."""
    size = path.stat().st_size
    if size > MAX_JSON_BYTES:
        raise JsonRefused(SAID("too_large", size=size, limit=MAX_JSON_BYTES))
    text = path.read_text(encoding="utf-8-sig")
    depth = _json_depth(text)
    if depth > MAX_DEPTH:
        raise JsonRefused(SAID("too_deep", depth=depth, limit=MAX_DEPTH))
    return json.loads(text, parse_int=_whole_number, parse_constant=_not_json)


def _json_depth(text: str) -> int:
    """How deeply the arrays and objects of JSON ``text`` nest, without recursion: the
    brackets outside strings, counted in C (``accumulate``) rather than one by one.

    >>> _json_depth('{"a": [1, {"b": "]]]"}]}'), _json_depth("3")
    (3, 0)
    """
    brackets = _NOT_BRACKET.sub("", _JSON_STRING.sub("", text))
    return max(accumulate(map(_BRACKET_STEP.__getitem__, brackets)), default=0)


def _whole_number(text: str) -> int:
    digits = len(text.lstrip("-"))
    if digits > MAX_INT_DIGITS:
        raise JsonRefused(
            SAID("number_too_long", digits=digits, start=text[:12], limit=MAX_INT_DIGITS)
        )
    return int(text)


def _not_json(text: str) -> None:
    raise JsonRefused(SAID("not_a_number", text=text))
