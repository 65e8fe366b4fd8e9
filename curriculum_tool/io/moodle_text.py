"""Moodle's descriptions and short names as the dictionary reads and writes them.

Moodle keeps a competency's description as HTML and cuts its short name to 100
characters. Reading turns the HTML into one line of plain text; writing gives a longer
name whole as the description's first paragraph, and reading takes it back from there, so
a round trip through Moodle keeps every name.
"""

from __future__ import annotations

import html
from html.parser import HTMLParser

from ..domain.records import MAX_TEXT

__all__ = ["SHORT_NAME_LENGTH", "full_name", "html_to_text", "short_name"]

#: Moodle cuts a competency's short name to this many characters.
SHORT_NAME_LENGTH = 100
_BLOCK_TAGS = {
    "br",
    "p",
    "div",
    "li",
    "ul",
    "ol",
    "tr",
    "td",
    "th",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "pre",
    "hr",
    "table",
}


class _TextParser(HTMLParser):
    """Keeps the text; block tags (``<p>``, ``<br>``, ``<li>``…) become spaces. Moodle's
    HTML purifier has already removed scripts and styles."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: object) -> None:
        if tag in _BLOCK_TAGS:
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        self.handle_starttag(tag, None)

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def html_to_text(text: str, plain: bool = False) -> str:
    """Moodle's HTML as one line of plain text, cut to the dictionary's text length."""
    if not plain:
        parser = _TextParser()
        parser.feed(text)
        parser.close()
        text = "".join(parser.parts)
    text = " ".join(text.split())
    return text if len(text) <= MAX_TEXT else text[: MAX_TEXT - 1].rstrip() + "…"


def short_name(name: str, description: str) -> tuple[str, str]:
    """Moodle's short name (at most 100 characters; a longer name is cut with "…" and
    given whole as the description's first paragraph) and the description as HTML."""
    paragraphs = [f"<p>{html.escape(description)}</p>"] if description else []
    if len(name) <= SHORT_NAME_LENGTH:
        return name, "".join(paragraphs)
    short = name[: SHORT_NAME_LENGTH - 1].rstrip() + "…"
    return short, "".join([f"<p>{html.escape(name)}</p>", *paragraphs])


def full_name(short: str, description: str) -> tuple[str, str]:
    """The name and description :func:`short_name` wrote (other files pass through)."""
    head = f"<p>{html.escape(short[:-1])}"
    if not short.endswith("…") or not description.startswith(head):
        return short, description
    first, _, rest = description.partition("</p>")
    return html.unescape(first[3:]), rest
