"""What a page says to those who run no JavaScript: crawlers, link previews, feed readers' discovery.

Every public page describes itself once (`describe`): its own title, a description, its canonical address, Open
Graph and Twitter card tags, JSON-LD where it is an article, the feeds it has, and its readable content as plain
HTML in the first response. That HTML is taken out by the first script the browser runs, before anything is drawn:
a browser with JavaScript shows the live page only (nothing twice); one without shows the readable HTML.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from html import escape

from nicegui import context, ui

from .site import absolute

SITE = "Tidings"
DESCRIPTION_MAX = 160  # what search results show of a description
FEED_TYPES = {"atom": "application/atom+xml", "rss": "application/rss+xml"}


@dataclass(frozen=True)
class Description:
    """A page as the world outside the app sees it."""

    title: str
    summary: str
    path: str  # the canonical address, on this site
    kind: str = "website"  # Open Graph's type: website, article or profile
    image: str | None = None
    large_image: bool = False  # a picture of the content (a big preview card), not a person's small one
    author: str | None = None
    published: datetime | None = None
    modified: datetime | None = None
    feeds: tuple[tuple[str, str], ...] = ()  # (title, path of the Atom feed; its RSS twin is beside it)
    readable: str = ""  # the page's content as HTML, for browsers without JavaScript
    linked_data: Mapping[str, object] | None = None
    indexed: bool = True
    tags: tuple[str, ...] = field(default=())


def describe(page: Description) -> None:
    """Put `page`'s description into the first response of the page being built."""
    ui.add_head_html(head_tags(page))
    if page.readable:
        ui.add_body_html(
            f'<div class="tidings-readable">{page.readable}</div>'
            "<script>document.currentScript.previousElementSibling.remove()</script>"
        )
        client = context.client
        # Sent with the first answer, and never again: a thousand readers of a post must not each keep a copy.
        # (NiceGUI keeps a page's own body HTML in this attribute, with no public way to let go of it.)
        client.on_connect(lambda: setattr(client, "_body_html", ""))


def head_tags(page: Description) -> str:
    """The tags of the page's head: description, canonical, Open Graph, Twitter, feeds, JSON-LD."""
    url = absolute(page.path)
    summary = short(page.summary)
    meta = {
        "description": summary,
        "robots": None if page.indexed else "noindex",
        "twitter:card": "summary_large_image" if page.large_image else "summary",
        "twitter:title": page.title,
        "twitter:description": summary,
        "twitter:image": absolute(page.image) if page.image else None,
    }
    properties = {
        "og:site_name": SITE,
        "og:type": page.kind,
        "og:title": page.title,
        "og:description": summary,
        "og:url": url,
        "og:image": absolute(page.image) if page.image else None,
        "article:author": page.author if page.kind == "article" else None,
        "article:published_time": _iso(page.published) if page.kind == "article" else None,
        "article:modified_time": _iso(page.modified) if page.kind == "article" else None,
    }
    tags = [f'<link rel="canonical" href="{escape(url)}">']
    tags += [f'<meta name="{name}" content="{escape(value)}">' for name, value in meta.items() if value]
    tags += [f'<meta property="{name}" content="{escape(value)}">' for name, value in properties.items() if value]
    tags += [f'<meta property="article:tag" content="{escape(tag)}">' for tag in page.tags]
    tags += _feed_links(page.feeds)
    if page.linked_data is not None:
        data = json.dumps(page.linked_data, ensure_ascii=False).replace("<", "\\u003c")  # no </script> inside
        tags.append(f'<script type="application/ld+json">{data}</script>')
    return "\n".join(tags)


def short(text: str) -> str:
    """A description that fits a search result: whole words, an ellipsis when cut."""
    text = " ".join(text.split())
    return text if len(text) <= DESCRIPTION_MAX else text[: DESCRIPTION_MAX - 1].rsplit(" ", 1)[0] + "…"


def _feed_links(feeds: tuple[tuple[str, str], ...]) -> list[str]:
    links = []
    for title, atom in feeds:
        for kind, media_type in FEED_TYPES.items():
            href = escape(absolute(atom.removesuffix(".atom") + f".{kind}"))
            links.append(f'<link rel="alternate" type="{media_type}" title="{escape(title)}" href="{href}">')
    return links


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None


def request_path() -> str:
    """The path the page was asked for."""
    request = context.client.request
    return request.url.path if request is not None else "/"
