"""Markdown to HTML that is safe to show: no script from a post or comment ever runs."""

from __future__ import annotations

import re
from functools import cache, lru_cache
from html import unescape

import nh3
from markdown_it import MarkdownIt
from pygments import highlight
from pygments.formatters import HtmlFormatter
from pygments.lexers import get_lexer_by_name
from pygments.util import ClassNotFound

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


# Code's colours are classes: Pygments' token names on spans, the language on the code element; nothing else passes.
CLASSES = {"span": re.compile(r"[a-z][a-z0-9]{0,3}"), "code": re.compile(r"language-[a-z0-9+#._-]{1,40}")}
ATTRIBUTES = {**nh3.ALLOWED_ATTRIBUTES, "span": {"class"}, "code": {"class"}}
_CODE = HtmlFormatter(nowrap=True)


def _render(text: str, breaks: bool) -> str:
    return nh3.clean(
        _parser(breaks).render(text),
        attributes=ATTRIBUTES,
        link_rel="nofollow noopener noreferrer",
        url_schemes={"http", "https", "mailto"},
        attribute_filter=_allowed,
    )


def _allowed(element: str, attribute: str, value: str) -> str | None:
    """Pictures come from Tidings itself (uploaded) or an https address; classes are those of highlighted code.

    An http:// picture would be blocked by the pages' security policy anyway, and a picture "from" another path of
    the site (/settings, /api/...) would only make the reader's browser request it.
    """
    if element == "img" and attribute == "src":
        return value if value.lower().startswith("https://") or is_picture_address(value) else None
    if attribute == "class":
        pattern = CLASSES.get(element)
        return value if pattern is not None and all(pattern.fullmatch(name) for name in value.split()) else None
    return value


def _highlighted(code: str, language: str, _attributes: object) -> str:
    """Code in a known language, as spans of Pygments' token classes (themed by the pages); else as it is."""
    try:
        lexer = get_lexer_by_name(language.strip()) if language.strip() else None
    except ClassNotFound:
        lexer = None
    return highlight(code, lexer, _CODE) if lexer is not None else ""


def excerpt(html: str, length: int = 200) -> str:
    """The first words of rendered HTML as plain text, for a preview."""
    text = " ".join(unescape(nh3.clean(html, tags=set())).split())
    return text if len(text) <= length else text[:length].rsplit(" ", 1)[0] + "…"


@cache
def _parser(breaks: bool) -> MarkdownIt:
    options = {"html": False, "linkify": False, "breaks": breaks, "highlight": _highlighted}
    return MarkdownIt("commonmark", options).enable("table").enable("strikethrough")
