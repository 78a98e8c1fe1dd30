"""Atom and RSS 2.0 documents of a feed's posts, with their whole sanitised text; and the sitemap's XML."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime
from xml.etree.ElementTree import Element, SubElement, tostring

from core import blog

from .head import SITE

ATOM = "http://www.w3.org/2005/Atom"
CONTENT = "http://purl.org/rss/1.0/modules/content/"
DC = "http://purl.org/dc/elements/1.1/"
SITEMAPS = "http://www.sitemaps.org/schemas/sitemap/0.9"
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)  # when an empty feed last changed
_SITE_RELATIVE = re.compile(r'(\s(?:src|href)=")/(?!/)')


@dataclass(frozen=True)
class Channel:
    """A feed as its documents describe it: title, the page it follows, its own address, the site's address."""

    title: str
    page: str  # a whole address
    self_url: str  # a whole address, of this very document
    site: str  # the site's whole address, for the links inside the posts


def updated(posts: Sequence[blog.PostView]) -> datetime:
    """When the feed last changed: its newest change."""
    return max((post.updated_at for post in posts), default=EPOCH)


def atom(channel: Channel, posts: Sequence[blog.PostView]) -> bytes:
    """The feed as an Atom document."""
    feed = Element("feed", xmlns=ATOM)
    _text(feed, "title", channel.title)
    _text(feed, "id", channel.self_url)
    SubElement(feed, "link", rel="self", type="application/atom+xml", href=channel.self_url)
    SubElement(feed, "link", rel="alternate", type="text/html", href=channel.page)
    _text(feed, "updated", updated(posts).isoformat())
    _text(feed, "generator", SITE)
    for post in posts:
        url = _post_url(channel, post)
        entry = SubElement(feed, "entry")
        _text(entry, "title", post.title)
        _text(entry, "id", url)
        SubElement(entry, "link", rel="alternate", type="text/html", href=url)
        _text(entry, "published", (post.published_at or post.created_at).isoformat())
        _text(entry, "updated", post.updated_at.isoformat())
        author = SubElement(entry, "author")
        _text(author, "name", post.author.username)
        _text(author, "uri", f"{channel.site}/profile/{post.author.username}")
        _text(entry, "summary", post.description or post.excerpt, type="text")
        _text(entry, "content", _whole_links(post.body_html, channel.site), type="html")
        for tag in post.tags:
            SubElement(entry, "category", term=tag)
    return _document(feed)


def rss(channel: Channel, posts: Sequence[blog.PostView]) -> bytes:
    """The feed as an RSS 2.0 document."""
    root = Element("rss", {"version": "2.0", "xmlns:atom": ATOM, "xmlns:content": CONTENT, "xmlns:dc": DC})
    feed = SubElement(root, "channel")
    _text(feed, "title", channel.title)
    _text(feed, "link", channel.page)
    _text(feed, "description", f"{channel.title}, on {SITE}")
    SubElement(feed, "atom:link", href=channel.self_url, rel="self", type="application/rss+xml")
    _text(feed, "lastBuildDate", format_datetime(updated(posts)))
    _text(feed, "generator", SITE)
    for post in posts:
        url = _post_url(channel, post)
        item = SubElement(feed, "item")
        _text(item, "title", post.title)
        _text(item, "link", url)
        _text(item, "guid", url, isPermaLink="true")
        _text(item, "pubDate", format_datetime(post.published_at or post.created_at))
        _text(item, "dc:creator", post.author.username)
        _text(item, "description", post.description or post.excerpt)
        _text(item, "content:encoded", _whole_links(post.body_html, channel.site))
        for tag in post.tags:
            _text(item, "category", tag)
    return _document(root)


def sitemap(urls: Sequence[tuple[str, datetime | None]]) -> bytes:
    """A sitemap of whole addresses, each with when it last changed."""
    root = Element("urlset", xmlns=SITEMAPS)
    for location, modified in urls:
        url = SubElement(root, "url")
        _text(url, "loc", location)
        if modified is not None:
            _text(url, "lastmod", modified.isoformat())
    return _document(root)


def sitemap_index(locations: Sequence[str]) -> bytes:
    """A sitemap index: the addresses of the sitemaps."""
    root = Element("sitemapindex", xmlns=SITEMAPS)
    for location in locations:
        _text(SubElement(root, "sitemap"), "loc", location)
    return _document(root)


def _post_url(channel: Channel, post: blog.PostView) -> str:
    return f"{channel.site}/post/{post.slug}"


def _whole_links(html: str, site: str) -> str:
    """Links and pictures of the site in `html` as whole addresses: a feed reader has no page to resolve them from."""
    return _SITE_RELATIVE.sub(rf"\1{site}/", html)


def _text(parent: Element, tag: str, text: str, **attributes: str) -> Element:
    element = SubElement(parent, tag, attributes)
    element.text = text
    return element


def _document(root: Element) -> bytes:
    body: bytes = tostring(root, encoding="utf-8", xml_declaration=False)
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + body
