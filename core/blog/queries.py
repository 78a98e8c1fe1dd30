"""Blog queries about one post: the post itself, its comments, and the actor's own drafts and archive."""

from __future__ import annotations

from ..access import ADMIN_AREA
from ..actor import Actor
from ..db.sql import fetch, fetch_one, storable
from ..errors import NotFound
from . import rows
from .views import CommentView, PostSummary, PostView, QueuedComment


async def get_post(actor: Actor, slug: str) -> PostView:
    """The post with this slug, if `actor` may read it; otherwise NotFound (a draft's existence is not revealed)."""
    if not storable(slug):
        raise NotFound("post")
    return await _one_post(actor, "p.slug = $2", slug)


async def get_article(actor: Actor, slug: str) -> PostView:
    """The published post with this slug (an article of the JSON API): NotFound for drafts and archived posts too."""
    if not storable(slug):
        raise NotFound("post")
    return await _one_post(actor, f"p.slug = $2 AND {rows.PUBLIC}", slug)


async def get_post_by_id(actor: Actor, post_id: int) -> PostView:
    """The post with this id, if `actor` may read it (events name posts by id)."""
    return await _one_post(actor, "p.id = $2", post_id)


async def has_posts(actor: Actor) -> bool:
    """Whether the actor has written any post, drafts and archived ones included (False for the visitor)."""
    if actor.id is None:
        return False
    return await fetch_one("SELECT 1 FROM posts WHERE author_id = $1 LIMIT 1", actor.id) is not None


async def list_drafts(actor: Actor) -> list[PostSummary]:
    """The actor's drafts, last edited first."""
    return await _own_posts(actor, "p.status = 'draft' AND p.archived = false")


async def list_archived(actor: Actor) -> list[PostSummary]:
    """The actor's archived posts, last edited first (they can restore them)."""
    return await _own_posts(actor, "p.archived = true")


async def list_comments(actor: Actor, post_id: int) -> list[CommentView]:
    """The comments of a post `actor` may read, oldest first (NotFound if they may not read it)."""
    found = await fetch(
        f"SELECT {rows.COMMENT_COLUMNS} FROM {rows.COMMENTS} WHERE c.post_id = $2 AND {rows.readable(actor)}"
        " ORDER BY c.id",
        actor.id,
        post_id,
    )
    if not found:
        await get_post_by_id(actor, post_id)  # no comments, or no such post for this actor?
    return [rows.comment(row) for row in found]


async def count_comments(actor: Actor, post_id: int) -> int:
    """How many comments the post has, if `actor` may read it (NotFound if not)."""
    found = await fetch(
        f"SELECT {rows.COMMENTS_COUNT} AS n FROM {rows.POSTS} WHERE p.id = $1 AND {rows.readable(actor)}",
        post_id,
    )
    if not found:
        raise NotFound("post")
    return int(found[0]["n"])


async def get_comment(actor: Actor, comment_id: int, *, on_post: int | None = None) -> CommentView:
    """One comment, if `actor` may read its post (and it is on the post `on_post`, when given)."""
    found = await fetch(
        f"SELECT {rows.COMMENT_COLUMNS} FROM {rows.COMMENTS} WHERE c.id = $2 AND {rows.readable(actor)}"
        " AND ($3::int IS NULL OR c.post_id = $3)",
        actor.id,
        comment_id,
        on_post,
    )
    if not found:
        raise NotFound("comment")
    return rows.comment(found[0])


async def _one_post(actor: Actor, condition: str, value: object) -> PostView:
    found = await fetch(
        f"SELECT {rows.POST_COLUMNS} FROM {rows.POSTS} WHERE {condition} AND {rows.readable(actor)}", actor.id, value
    )
    if not found:
        raise NotFound("post")
    return rows.post(found[0])


async def _own_posts(actor: Actor, condition: str) -> list[PostSummary]:
    if actor.id is None:
        return []
    found = await fetch(
        f"SELECT {rows.SUMMARY_COLUMNS} FROM {rows.POSTS} WHERE p.author_id = $1 AND {condition}"
        f" AND {rows.readable(actor)}"
        " ORDER BY p.updated_at DESC LIMIT 100",
        actor.id,
    )
    return [rows.summary(row) for row in found]


async def list_recent_comments(actor: Actor, limit: int = 30) -> list[QueuedComment]:
    """The newest comments on public posts, with their posts (the moderation queue: moderators and admins)."""
    ADMIN_AREA.require(actor)
    found = await fetch(
        f"SELECT {rows.COMMENT_COLUMNS}, p.slug AS post_slug, p.title AS post_title FROM {rows.COMMENTS}"
        f" WHERE {rows.PUBLIC} ORDER BY c.id DESC LIMIT $2",
        actor.id,
        max(1, min(limit, 100)),
    )
    return [QueuedComment(rows.comment(row), row["post_slug"], row["post_title"]) for row in found]
