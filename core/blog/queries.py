"""Blog queries: each one reads only what its actor may see, with filters that agree with the policy."""

from __future__ import annotations

from datetime import datetime

from tortoise.expressions import Q

from ..actor import Actor
from ..errors import NotFound
from .models import Comment, Post, PostStatus
from .views import CommentView, PostView

PAGE_SIZE = 20


def readable_posts(actor: Actor) -> Q:
    """The posts `actor` may read: the query twin of the `post.read` rules."""
    published = Q(status=PostStatus.PUBLISHED)
    return published if actor.id is None else published | Q(author_id=actor.id)


async def list_posts(
    actor: Actor, *, before: tuple[datetime, int] | None = None, limit: int = PAGE_SIZE
) -> list[PostView]:
    """Published posts, newest first; `before` is the (published_at, id) of the last post of the previous page."""
    query = Post.filter(status=PostStatus.PUBLISHED)
    if before is not None:
        at, post_id = before
        query = query.filter(Q(published_at__lt=at) | Q(published_at=at, id__lt=post_id))
    posts = await query.order_by("-published_at", "-id").limit(max(1, min(limit, 100))).select_related("author")
    return [PostView.of(post, post.author.username) for post in posts]


async def get_post(actor: Actor, post_id: int) -> PostView:
    """The post, if `actor` may read it; otherwise NotFound (a draft's existence is not revealed)."""
    post = await Post.filter(readable_posts(actor), id=post_id).select_related("author").first()
    if post is None:
        raise NotFound("post")
    return PostView.of(post, post.author.username)


async def list_comments(actor: Actor, post_id: int) -> list[CommentView]:
    """The comments of a post `actor` may read, oldest first."""
    await get_post(actor, post_id)
    comments = await Comment.filter(post_id=post_id).order_by("id").select_related("author")
    return [CommentView.of(comment, comment.author.username) for comment in comments]


async def get_comment(actor: Actor, comment_id: int) -> CommentView:
    """One comment, if `actor` may read its post."""
    comment = await Comment.filter(id=comment_id, post__status=PostStatus.PUBLISHED).select_related("author").first()
    if comment is None:
        raise NotFound("comment")
    return CommentView.of(comment, comment.author.username)
