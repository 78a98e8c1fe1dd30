"""Reading pages as a crawler or a link preview does: plain HTTP, no JavaScript, only the first HTML answer."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from html.parser import HTMLParser

import httpx
from nicegui import app

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


async def fetch(path: str, **headers: str) -> httpx.Response:
    """GET `path` from the app as a crawler does (no cookie, no script), with a browser's Accept."""
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://tidings.test") as http:
        return await http.get(path, headers={"Accept": BROWSER_ACCEPT, **headers})


@dataclass
class Head:
    """What a page's first HTML says about it."""

    lang: str = ""
    title: str = ""
    meta: dict[str, str] = field(default_factory=dict)  # by name or property
    links: list[dict[str, str]] = field(default_factory=list)
    linked_data: list[dict[str, object]] = field(default_factory=list)
    readable: str = ""  # the text of the block shown without JavaScript

    def link(self, rel: str, kind: str | None = None) -> str | None:
        """The address of the first link of this relation (and type)."""
        return next(
            (link["href"] for link in self.links if link.get("rel") == rel and kind in (None, link.get("type"))),
            None,
        )


def read(html: str) -> Head:
    """Parse a page's first HTML."""
    parser = _Parser()
    parser.feed(html)
    return parser.head


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.head = Head()
        self._in: list[str] = []
        self._readable_depth = 0
        self._script = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "html":
            self.head.lang = values.get("lang", "")
        elif tag == "meta" and ("name" in values or "property" in values):
            self.head.meta[values.get("name") or values["property"]] = values.get("content", "")
        elif tag == "link":
            self.head.links.append(values)
        elif tag == "script" and values.get("type") == "application/ld+json":
            self._script = "ld"
        if tag in VOID:
            return
        if self._readable_depth or (tag == "div" and "tidings-readable" in values.get("class", "")):
            self._readable_depth += 1
        self._in.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if self._in and self._in[-1] == tag:
            self._in.pop()
        if self._readable_depth:
            self._readable_depth -= 1
        self._script = ""

    def handle_data(self, data: str) -> None:
        if self._in and self._in[-1] == "title":
            self.head.title += data
        if self._script == "ld":
            self.head.linked_data.append(json.loads(data))
        if self._readable_depth:
            self.head.readable += data
