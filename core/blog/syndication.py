"""What travels beyond the app: the posts of the feeds for readers (Atom, RSS) and the addresses of the sitemap.

Only what any visitor may read travels, and not the writing of banned authors (their profile and posts stay
readable on the site, but Tidings no longer promotes them to feed readers and search engines).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from urllib.parse import quote

from ..actor import Actor
from ..db.sql import fetch, fetch_one
from . import rows
from .feeds import Feed, _conditions
from .views import PostView

TRAVELS = f"{rows.PUBLIC} AND NOT u.banned"
FEED_SIZE = 20
SITEMAP_MAX = 50_000  # addresses per sitemap file, as the protocol says


@dataclass(frozen=True, slots=True)
class Located:
    """An address of the sitemap: where, and when it last changed."""

    key: int  # where the next part of the list starts
    path: str
    modified: datetime


async def syndicated_posts(actor: Actor, feed: Feed | None = None, limit: int = FEED_SIZE) -> list[PostView]:
    """The newest posts of a feed with their whole text, as feed readers get them (public, by authors not banned)."""
    params: list[object] = [actor.id]
    where = [*_conditions(actor, feed or Feed(), params), "NOT u.banned"]
    params.append(max(1, min(limit, 100)))
    found = await fetch(
        f"SELECT {rows.POST_COLUMNS} FROM {rows.POSTS} WHERE {' AND '.join(where)}"
        f" ORDER BY p.published_at DESC, p.id DESC LIMIT ${len(params)}",
        *params,
    )
    return [rows.post(row) for row in found]


async def sitemap_posts(actor: Actor, after: int = 0) -> list[Located]:
    """The addresses of the public posts, by id from `after` on: one file of the sitemap."""
    found = await fetch(
        f"SELECT p.id, p.slug, p.updated_at FROM {rows.POSTS} WHERE {TRAVELS} AND p.id > $1 ORDER BY p.id LIMIT $2",
        after,
        SITEMAP_MAX,
    )
    return [Located(row["id"], f"/post/{row['slug']}", row["updated_at"]) for row in found]


async def count_sitemap_posts(actor: Actor) -> int:
    """How many posts the sitemap lists."""
    row = await fetch_one(f"SELECT count(*) AS n FROM {rows.POSTS} WHERE {TRAVELS}")
    return int(row["n"]) if row else 0


async def sitemap_parts(actor: Actor) -> list[int]:
    """Where each file of the post sitemap starts (`after` for `sitemap_posts`): one file per SITEMAP_MAX posts."""
    found = await fetch(
        f"SELECT id FROM (SELECT p.id, row_number() OVER (ORDER BY p.id) AS n FROM {rows.POSTS} WHERE {TRAVELS}) s"
        f" WHERE n % {SITEMAP_MAX} = 0 ORDER BY id"
    )
    return [0, *(row["id"] for row in found)]


async def sitemap_profiles(actor: Actor, after: int = 0) -> list[Located]:
    """The addresses of the profiles worth finding (of people not banned who have published), by id."""
    found = await fetch(
        f"""
        SELECT u.id, u.username, max(p.updated_at) AS modified FROM {rows.POSTS}
        WHERE {TRAVELS} AND u.id > $1 GROUP BY u.id ORDER BY u.id LIMIT $2
        """,
        after,
        SITEMAP_MAX,
    )
    return [Located(row["id"], f"/profile/{quote(row['username'])}", row["modified"]) for row in found]
