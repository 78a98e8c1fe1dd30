"""The addresses feed readers and crawlers poll: the feeds, the sitemap and robots.txt.

Served straight (ui/front.py), past the pages' middleware: no session, no cookie. Feeds answer 304 to a reader who
has the current version (ETag and Last-Modified), so polling them is cheap.
"""

from __future__ import annotations

import hashlib
from collections.abc import Awaitable, Callable, Sequence
from datetime import datetime
from email.utils import format_datetime, parsedate_to_datetime
from urllib.parse import quote

from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import BaseRoute, Route

from core import ANONYMOUS, NotFound, Unavailable, accounts, blog

from . import syndication
from .pages import EVERYONE_FEED, tag_feed
from .site import base

FEED_TYPES = {"atom": "application/atom+xml; charset=utf-8", "rss": "application/rss+xml; charset=utf-8"}
DISALLOWED = ("/admin", "/settings", "/write", "/edit/")
Handler = Callable[[Request], Awaitable[Response]]


def routes() -> Sequence[BaseRoute]:
    """The routes of feeds, sitemap and robots.txt."""
    return [
        Route("/feeds/posts.{kind:str}", _answering(everyone)),
        Route("/feeds/tag/{tag:str}.{kind:str}", _answering(by_tag)),
        Route("/feeds/author/{name:str}.{kind:str}", _answering(by_author)),
        Route("/sitemap.xml", _answering(sitemap_index)),
        Route("/sitemaps/{part:str}.xml", _answering(sitemap_part)),
        Route("/robots.txt", _answering(robots)),
    ]


async def everyone(request: Request) -> Response:
    """Everyone's newest posts."""
    return await _feed(request, blog.Feed(), EVERYONE_FEED[0], "/")


async def by_tag(request: Request) -> Response:
    """The newest posts of a tag (an unused tag's feed is empty until someone uses it)."""
    tag = blog.normalize_tag(request.path_params["tag"])
    if not tag:
        raise NotFound("tag")
    return await _feed(request, blog.Feed(tag=tag), tag_feed(tag)[0], f"/?tag={quote(tag)}")


async def by_author(request: Request) -> Response:
    """An author's newest posts."""
    name = request.path_params["name"]
    profile = await accounts.get_profile(ANONYMOUS, name)
    if profile.user.banned:  # their writing no longer travels (blog.syndicated_posts)
        raise NotFound("user")
    return await _feed(request, blog.Feed(author=name), f"Posts by {name}", f"/profile/{quote(name)}")


async def sitemap_index(request: Request) -> Response:
    """The sitemap index: every part of the posts' sitemap, the profiles', the pages'."""
    site = base(request)
    parts = [f"posts-{after}" for after in await blog.sitemap_parts(ANONYMOUS)] + ["profiles-0", "pages"]
    return _xml(syndication.sitemap_index([f"{site}/sitemaps/{part}.xml" for part in parts]))


async def sitemap_part(request: Request) -> Response:
    """One file of the sitemap: up to 50,000 posts from an id on, the profiles, or the site's own pages."""
    site, part = base(request), request.path_params["part"]
    kind, _, after = part.partition("-")
    if part == "pages":
        return _xml(syndication.sitemap([(f"{site}/", None)]))
    if kind not in ("posts", "profiles") or not after.isdigit() or int(after) > 2**31:
        raise NotFound("sitemap")
    find = blog.sitemap_posts if kind == "posts" else blog.sitemap_profiles
    located = await find(ANONYMOUS, after=int(after))
    return _xml(syndication.sitemap([(site + each.path, each.modified) for each in located]))


async def robots(request: Request) -> Response:
    """What crawlers may visit, and where the sitemap is."""
    sitemap = f"Sitemap: {base(request)}/sitemap.xml"
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in DISALLOWED), "", sitemap]
    return PlainTextResponse("\n".join(lines) + "\n", headers={"Cache-Control": "public, max-age=3600"})


async def _feed(request: Request, feed: blog.Feed, title: str, page: str) -> Response:
    kind = request.path_params["kind"]
    if kind not in FEED_TYPES:
        raise NotFound("feed")
    posts = await blog.syndicated_posts(ANONYMOUS, feed)
    site = base(request)
    channel = syndication.Channel(title, site + page, site + request.url.path, site)
    tag = '"' + hashlib.sha256(repr([(p.id, p.version, p.updated_at) for p in posts]).encode()).hexdigest()[:32] + '"'
    modified = syndication.updated(posts)
    headers = {"ETag": tag, "Last-Modified": format_datetime(modified, usegmt=True), "Cache-Control": "no-cache"}
    if _unchanged(request, tag, modified):
        return Response(status_code=304, headers=headers)
    document = (syndication.atom if kind == "atom" else syndication.rss)(channel, posts)
    return Response(document, media_type=FEED_TYPES[kind], headers=headers)


def _unchanged(request: Request, tag: str, modified: datetime) -> bool:
    """Whether the reader has this version already (its ETag wins over its date, as HTTP says)."""
    if (sent := request.headers.get("if-none-match")) is not None:
        return tag in {part.strip() for part in sent.split(",")} or sent.strip() == "*"
    if (since := request.headers.get("if-modified-since")) is not None:
        try:
            return parsedate_to_datetime(since) >= modified.replace(microsecond=0)
        except (TypeError, ValueError):
            return False
    return False


def _xml(document: bytes) -> Response:
    return Response(document, media_type="application/xml", headers={"Cache-Control": "public, max-age=3600"})


def _answering(handler: Handler) -> Handler:
    """`handler`, with what is not there answered 404 and a database away 503, in plain words."""

    async def answer(request: Request) -> Response:
        try:
            return await handler(request)
        except NotFound:
            return PlainTextResponse("There is nothing at this address.", status_code=404)
        except Unavailable as error:
            return PlainTextResponse(str(error), status_code=503, headers={"Retry-After": "5"})

    return answer
