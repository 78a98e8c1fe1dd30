"""Markdown to HTML that is safe to show: no script from a post or comment ever runs."""

from __future__ import annotations

from functools import cache
from html import unescape

import nh3
from markdown_it import MarkdownIt


def render(text: str) -> str:
    """Sanitised HTML for Markdown `text` (raw HTML in the source is escaped, then the result is cleaned)."""
    return nh3.clean(
        _parser().render(text), link_rel="nofollow noopener noreferrer", url_schemes={"http", "https", "mailto"}
    )


def excerpt(html: str, length: int = 200) -> str:
    """The first words of rendered HTML as plain text, for a preview."""
    text = " ".join(unescape(nh3.clean(html, tags=set())).split())
    return text if len(text) <= length else text[:length].rsplit(" ", 1)[0] + "…"


@cache
def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": False, "linkify": False}).enable("table").enable("strikethrough")
