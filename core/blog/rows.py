"""The SQL behind the blog's read models: one SELECT list per model, and the read filter twin of the policy.

Counts, "favourited" and "following" flags and tag lists are computed by PostgreSQL in the same query as
the rows, so a page of any size costs one query.
"""

from __future__ import annotations

from typing import Any

from ..actor import Actor, Role
from ..policy import subject
from .markdown import excerpt, render
from .models import PostStatus
from .views import Author, CommentView, PostSummary, PostView

COMMENTS_COUNT = "(SELECT count(*) FROM comments co WHERE co.post_id = p.id)"
# $1 is always the viewer's id (NULL for the anonymous visitor).
SUMMARY_COLUMNS = f"""
    p.id, p.slug, p.title, p.description, left(p.body, 1000) AS body_start, p.words, p.status, p.archived,
    p.published_at, p.created_at, p.updated_at,
    u.id AS author_id, u.username AS author_name, u.bio AS author_bio, u.image AS author_image,
    EXISTS (SELECT 1 FROM follows f WHERE f.followed_id = p.author_id AND f.follower_id = $1) AS following,
    (SELECT count(*) FROM favorites fa WHERE fa.post_id = p.id) AS favorites_count,
    EXISTS (SELECT 1 FROM favorites fa WHERE fa.post_id = p.id AND fa.user_id = $1) AS favorited,
    {COMMENTS_COUNT} AS comments_count,
    ARRAY(SELECT t.name FROM post_tags pt JOIN tags t ON t.id = pt.tag_id WHERE pt.post_id = p.id ORDER BY t.name)
        AS tags
"""
POST_COLUMNS = SUMMARY_COLUMNS + ", p.body, p.version"
POSTS = "posts p JOIN users u ON u.id = p.author_id"
PUBLIC = "p.status = 'published' AND p.archived = false"  # word for word the feeds' partial indexes
ARCHIVED = "p.status = 'published' AND p.archived"  # what admins read beyond the public posts

COMMENT_COLUMNS = """
    c.id, c.post_id, c.body, c.created_at, c.updated_at, p.author_id AS post_author_id,
    u.id AS author_id, u.username AS author_name, u.bio AS author_bio, u.image AS author_image,
    EXISTS (SELECT 1 FROM follows f WHERE f.followed_id = c.author_id AND f.follower_id = $1) AS following
"""
COMMENTS = "comments c JOIN posts p ON p.id = c.post_id JOIN users u ON u.id = c.author_id"


def readable(actor: Actor) -> str:
    """The posts `actor` may read, as SQL: the twin of the `post.read` rows of the policy (for every role, banned or
    not, proven equal by tests/test_read_policy.py)."""
    return f"({' OR '.join([f'({PUBLIC})', *hidden(actor)])})"


def hidden(actor: Actor) -> list[str]:
    """The posts beyond the public ones that `actor` may read, as SQL, a condition per rule of the policy (none for a
    visitor). Searches read each apart: partial indexes serve the public posts, the archive and each author's own."""
    who = subject(actor)
    if who.id is None or who.role == Role.ANONYMOUS:  # a banned user reads what a visitor reads
        return []
    own = f"(p.author_id = {int(who.id)} AND NOT ({PUBLIC}))"  # word for word posts_unlisted_idx
    return [f"({ARCHIVED})", own] if who.role == Role.ADMIN else [own]


def summary(row: dict[str, Any]) -> PostSummary:
    """A feed entry from a row selected with SUMMARY_COLUMNS."""
    return PostSummary(**_summary_fields(row))


def post(row: dict[str, Any]) -> PostView:
    """A whole post from a row selected with POST_COLUMNS."""
    body_html = render(row["body"])
    return PostView(**_summary_fields(row), body=row["body"], body_html=body_html, version=row["version"])


def comment(row: dict[str, Any]) -> CommentView:
    """A comment from a row selected with COMMENT_COLUMNS."""
    return CommentView(
        id=row["id"],
        post_id=row["post_id"],
        post_author_id=row["post_author_id"],
        author=_author(row),
        body=row["body"],
        body_html=render(row["body"]),
        created_at=row["created_at"],
        updated_at=row["updated_at"],
    )


def _summary_fields(row: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": row["id"],
        "slug": row["slug"],
        "title": row["title"],
        "description": row["description"],
        "excerpt": row["description"] or excerpt(render(row["body_start"])),
        "tags": tuple(row["tags"]),
        "author": _author(row),
        "status": PostStatus(row["status"]),
        "archived": row["archived"],
        "favorites_count": row["favorites_count"],
        "favorited": row["favorited"],
        "comments_count": row["comments_count"],
        "words": row["words"],
        "published_at": row["published_at"],
        "created_at": row["created_at"],
        "updated_at": row["updated_at"],
    }


def _author(row: dict[str, Any]) -> Author:
    return Author(
        id=row["author_id"],
        username=row["author_name"],
        bio=row["author_bio"],
        image=row["author_image"],
        following=row["following"],
    )
