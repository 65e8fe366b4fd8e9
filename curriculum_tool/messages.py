"""What the core says to people, in English and in Bahasa Indonesia.

The command line, the files and the contract's JSON speak English; the app speaks the
interface's language (Indonesian first). So every sentence the core shows a person, an
error, a lint finding, a model card line, a progress step, is a :class:`Message`: it *is*
its English text (``str()``, comparisons and logs are unchanged) and carries its
Indonesian, its stable ``kind`` and its ``params``.

Each area of the core declares its sentences once, in a :class:`Catalogue` of
``kind -> (English, Indonesian)`` templates, and makes messages by calling it. Every
catalogue registers itself in :data:`CATALOGUES`, which a test walks to prove that no
English sentence reaches the Indonesian app.

Templates read parameters as :meth:`str.format` does. A number is written in the
language's style (``{n:,}`` is ``20,000`` in English and ``20.000`` in Indonesian,
``{x:.2f}`` is ``0.85`` and ``0,85``), and a parameter that is itself a message is
rendered in the same language.
"""

from __future__ import annotations

import string
from collections.abc import Iterator, Mapping
from typing import Any

__all__ = ["CATALOGUES", "Catalogue", "Message", "localized", "render_in"]

LANGUAGES = ("en", "id")


def localized(value: Any, spec: str, lang: str) -> str:
    """``value`` formatted with ``spec`` in ``lang``'s number style: Indonesian swaps the
    decimal point and the thousands comma.

    >>> localized(20000, ",", "id"), localized(0.845, ".1%", "id"), localized(0.85, ".2f", "en")
    ('20.000', '84,5%', '0.85')
    """
    if isinstance(value, Message):
        return format(value.render(lang), spec)
    text = format(value, spec)
    if lang == "id" and isinstance(value, (int, float)) and not isinstance(value, bool):
        return text.translate(_SWAP_SEPARATORS)
    return text


_SWAP_SEPARATORS = str.maketrans({".": ",", ",": "."})


class _Formatter(string.Formatter):
    def __init__(self, lang: str):
        self.lang = lang

    def format_field(self, value: Any, format_spec: str) -> str:
        return localized(value, format_spec, self.lang)


_FORMATTERS = {lang: _Formatter(lang) for lang in LANGUAGES}


def render_in(template: str, params: Mapping[str, Any], lang: str) -> str:
    """``template`` filled with ``params`` in ``lang``'s style."""
    return _FORMATTERS[lang].vformat(template, (), params)


class Message(str):
    """A sentence for a person: its English text (it *is* that string), its Indonesian
    text, its stable ``kind`` and its ``params``.

    >>> m = Message("3 modules", "3 modul", "count")
    >>> str(m), m.render("id"), m == "3 modules"
    ('3 modules', '3 modul', True)
    """

    indonesian: str
    kind: str
    params: dict[str, Any]

    def __new__(
        cls,
        english: str,
        indonesian: str | None = None,
        kind: str = "",
        params: Mapping[str, Any] | None = None,
    ) -> Message:
        message = super().__new__(cls, english)
        message.indonesian = english if indonesian is None else indonesian
        message.kind = kind
        message.params = dict(params or {})
        return message

    def render(self, lang: str) -> str:
        """This message's text in ``lang`` (``id`` or ``en``)."""
        return self.indonesian if lang == "id" else str(self)

    def __reduce__(self):  # crosses process boundaries (batch workers) intact
        return (type(self), (str(self), self.indonesian, self.kind, self.params))


#: Every catalogue by area (``graph.lint``, ``model.persist``, …), for the walk test.
CATALOGUES: dict[str, Catalogue] = {}


class Catalogue:
    """One area's sentences: ``kind -> (English, Indonesian)`` templates.

    Calling it makes the message of a kind:

    >>> said = Catalogue("doctest.example", {"saved": ("{n:,} rows saved", "{n:,} baris disimpan")})
    >>> message = said("saved", n=12000)
    >>> str(message), message.indonesian, message.kind
    ('12,000 rows saved', '12.000 baris disimpan', 'doctest.example:saved')
    """

    templates: dict[str, tuple[str, str]]

    def __init__(self, area: str, templates: Mapping[str, tuple[str, str]]):
        if area in CATALOGUES and CATALOGUES[area].templates != dict(templates):
            raise ValueError(f"two catalogues are named {area!r}")
        self.area = area
        self.templates = dict(templates)
        CATALOGUES[area] = self

    def __call__(self, kind: str, /, **params: Any) -> Message:
        english, indonesian = self.templates[kind]
        return Message(
            render_in(english, params, "en"),
            render_in(indonesian, params, "id"),
            f"{self.area}:{kind}",
            params,
        )

    def __iter__(self) -> Iterator[str]:
        return iter(self.templates)

    def fields(self, kind: str) -> list[str]:
        """The parameter names ``kind``'s templates read, in order of first use."""
        names: list[str] = []
        for template in self.templates[kind]:
            for _, field, _, _ in string.Formatter().parse(template):
                name = (field or "").split(".")[0].split("[")[0]
                if name and name not in names:
                    names.append(name)
        return names
