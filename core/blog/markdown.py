"""Markdown to HTML that is safe to show: no script from a post or comment ever runs."""

from __future__ import annotations

from functools import cache, lru_cache
from html import unescape

import nh3
from markdown_it import MarkdownIt

from ..pictures.addresses import is_picture_address

CACHED_MAX = 20_000  # texts up to this length are rendered once and remembered (most comments, most posts)


def render(text: str, *, breaks: bool = False) -> str:
    """Sanitised HTML for Markdown `text` (raw HTML in the source is escaped, then the result is cleaned).

    With `breaks`, every line break of the source shows: for short texts written line by line, like a bio.
    The same text always gives the same HTML, so recent texts are rendered once: a comment shown on a thousand
    open pages, or a post opened a thousand times, costs one rendering.
    """
    return _cached(text, breaks) if len(text) <= CACHED_MAX else _render(text, breaks)


@lru_cache(maxsize=4096)
def _cached(text: str, breaks: bool) -> str:
    return _render(text, breaks)


def _render(text: str, breaks: bool) -> str:
    return nh3.clean(
        _parser(breaks).render(text),
        link_rel="nofollow noopener noreferrer",
        url_schemes={"http", "https", "mailto"},
        attribute_filter=_shown_pictures,
    )


def _shown_pictures(element: str, attribute: str, value: str) -> str | None:
    """Pictures come from Tidings itself (uploaded) or an https address: any other source is dropped.

    An http:// picture would be blocked by the pages' security policy anyway, and a picture "from" another path of
    the site (/settings, /api/...) would only make the reader's browser request it.
    """
    if element == "img" and attribute == "src":
        return value if value.lower().startswith("https://") or is_picture_address(value) else None
    return value


def excerpt(html: str, length: int = 200) -> str:
    """The first words of rendered HTML as plain text, for a preview."""
    text = " ".join(unescape(nh3.clean(html, tags=set())).split())
    return text if len(text) <= length else text[:length].rsplit(" ", 1)[0] + "…"


@cache
def _parser(breaks: bool) -> MarkdownIt:
    options = {"html": False, "linkify": False, "breaks": breaks}
    return MarkdownIt("commonmark", options).enable("table").enable("strikethrough")
