"""Feeds: lists of published posts (everyone's, followed authors', a tag's, an author's, a user's favourites).

Newest first, paged by keyset (the (published_at, id) of the last post shown) so that page 50 costs what
page 1 costs; the partial indexes on posts serve every variant.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, replace

from ..actor import Actor
from ..db.sql import fetch, fetch_one, storable
from . import rows
from .views import Cursor, Page, PostSummary, TagCount

PAGE_SIZE = 20
PAGE_MAX = 100
OFFSET_MAX = 10_000  # offsets exist for the JSON API's contract; keyset cursors serve deeper pages


@dataclass(frozen=True, slots=True)
class Feed:
    """Which published posts: all of them, or those matching every filter given."""

    following: bool = False  # by the authors the viewer follows
    tag: str | None = None
    author: str | None = None
    favorited_by: str | None = None

    def includes(self, post: PostSummary, *, followed: Collection[int], listed: bool) -> bool:
        """Whether a public post belongs in this feed, as a page following it live knows: `followed` are the viewer's
        followed authors, `listed` whether the page lists the post already (a favourites feed keeps what it has)."""
        return (
            (not self.following or post.author.id in followed)
            and (self.tag is None or self.tag in post.tags)
            and (self.author is None or post.author.username == self.author)
            and (self.favorited_by is None or listed)
        )


async def list_posts(
    actor: Actor, feed: Feed | None = None, *, before: Cursor | None = None, offset: int = 0, limit: int = PAGE_SIZE
) -> Page[PostSummary]:
    """One page of a feed as `actor` sees it (favourite and following flags are the actor's).

    A tag is looked up first, so that its id is in the page's query as a constant: the planner then knows from its
    statistics whether the tag is common (walk the newest posts until 20 carry it) or rare (take the tag's posts and
    sort them), and either way the page costs the same at a thousand posts and at a million.
    """
    limit = max(1, min(limit, PAGE_MAX))
    tag_id = None
    if feed is not None and feed.tag is not None:
        found = await fetch_one("SELECT id FROM tags WHERE name = $1", feed.tag) if storable(feed.tag) else None
        if found is None:
            return Page(items=[], next=None)
        tag_id = int(found["id"])
    sql, params = feed_query(actor, feed, before, offset, limit, tag_id=tag_id)
    items = [rows.summary(row) for row in await fetch(sql, *params)]
    return Page(items=items, next=items[-1].cursor if len(items) == limit else None)


def feed_query(
    actor: Actor, feed: Feed | None, before: Cursor | None, offset: int, limit: int, *, tag_id: int | None = None
) -> tuple[str, list[object]]:
    """The SQL of one page of a feed and its parameters (tests EXPLAIN it).

    An inner query finds the page's post ids by walking an index; only those rows get their counts, flags and tags
    (computing them for the rows an OFFSET skips would make deep pages cost what they skip). The Following feed
    takes, for each followed author, only their newest posts that could be on the page (their partial index), so it
    costs the same whether they wrote ten posts or ten thousand.
    """
    feed = feed or Feed()
    params: list[object] = [actor.id]  # $1: the viewer, for the flags in the SELECT list
    where = _conditions(actor, replace(feed, following=False), params, tag_id)
    if before is not None:
        params += [before[0], before[1]]
        where.append(f"(p.published_at, p.id) < (${len(params) - 1}, ${len(params)})")
    offset = max(0, min(offset, OFFSET_MAX))
    params += [limit, offset]
    page = f"LIMIT ${len(params) - 1} OFFSET ${len(params)}"
    order = "ORDER BY p.published_at DESC, p.id DESC"
    if feed.following:
        params.append(actor.id)
        newest = f"LIMIT ${len(params) - 2}::int + ${len(params) - 1}::int"  # each author's posts that can be shown
        inner = (
            f"SELECT p.id, p.published_at FROM follows f CROSS JOIN LATERAL (SELECT p.id, p.published_at FROM posts p"
            f" WHERE p.author_id = f.followed_id AND {' AND '.join(where)} {order} {newest}) p"
            f" WHERE f.follower_id = ${len(params)} {order} {page}"
        )
    else:
        inner = f"SELECT p.id, p.published_at FROM posts p WHERE {' AND '.join(where)} {order} {page}"
    sql = f"SELECT {rows.SUMMARY_COLUMNS} FROM ({inner}) page JOIN {rows.POSTS} ON p.id = page.id {order}"
    return sql, params


async def count_posts(actor: Actor, feed: Feed | None = None) -> int:
    """How many posts a feed holds."""
    params: list[object] = []
    where = _conditions(actor, feed or Feed(), params)
    row = await fetch_one(f"SELECT count(*) AS n FROM posts p WHERE {' AND '.join(where)}", *params)
    return int(row["n"]) if row else 0


async def popular_tags(actor: Actor, limit: int = 20) -> list[TagCount]:
    """The tags most used by published posts, most used first."""
    found = await fetch(
        f"""
        SELECT t.name, count(*) AS posts FROM post_tags pt
        JOIN tags t ON t.id = pt.tag_id JOIN posts p ON p.id = pt.post_id
        WHERE {rows.PUBLIC} GROUP BY t.name ORDER BY posts DESC, t.name LIMIT $1
        """,
        max(1, min(limit, PAGE_MAX)),
    )
    return [TagCount(name=row["name"], posts=row["posts"]) for row in found]


def _conditions(actor: Actor, feed: Feed, params: list[object], tag_id: int | None = None) -> list[str]:
    """The WHERE clauses of `feed`, appending their values to `params` (which may already hold some)."""

    def value(item: object) -> str:
        params.append(item)
        return f"${len(params)}"

    where = [rows.PUBLIC]
    if not all(storable(text) for text in (feed.tag, feed.author, feed.favorited_by) if text is not None):
        return [*where, "false"]
    if feed.following:
        where.append(f"p.author_id IN (SELECT followed_id FROM follows WHERE follower_id = {value(actor.id)})")
    if tag_id is not None:  # an integer from the database, written into the SQL for the planner to see
        where.append(f"p.id IN (SELECT pt.post_id FROM post_tags pt WHERE pt.tag_id = {int(tag_id)})")
    elif feed.tag is not None:
        where.append(
            "p.id IN (SELECT pt.post_id FROM post_tags pt"
            f" WHERE pt.tag_id = (SELECT t.id FROM tags t WHERE t.name = {value(feed.tag)}))"
        )
    if feed.author is not None:
        where.append(f"p.author_id = (SELECT id FROM users WHERE username = {value(feed.author)})")
    if feed.favorited_by is not None:
        where.append(
            "p.id IN (SELECT fa.post_id FROM favorites fa JOIN users fu ON fu.id = fa.user_id"
            f" WHERE fu.username = {value(feed.favorited_by)})"
        )
    return where
