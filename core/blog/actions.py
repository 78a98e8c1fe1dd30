"""Blog actions: start a draft, publish it, comment on it."""

from __future__ import annotations

from datetime import UTC, datetime

from ..actions import Context, action
from ..errors import Invalid, NotFound
from .events import CommentAdded, PostDrafted, PostPublished
from .inputs import AddComment, CreatePost, PublishPost
from .models import Comment, Post, PostStatus
from .views import CommentView, PostView


@action("post.create", CreatePost)
async def create_post(ctx: Context[CreatePost]) -> PostView:
    """Start a draft by the actor; emits PostDrafted."""
    ctx.authorize()
    assert ctx.actor.id is not None  # the policy lets only members create
    post = await Post.create(title=ctx.input.title, body=ctx.input.body, author_id=ctx.actor.id)
    ctx.audit("post", post.id, {"title": [None, post.title], "status": [None, PostStatus.DRAFT]})
    ctx.emit(PostDrafted(post_id=post.id, author_id=ctx.actor.id))
    return PostView.of(post, ctx.actor.username)


@action("post.publish", PublishPost)
async def publish_post(ctx: Context[PublishPost]) -> PostView:
    """Publish a draft of the actor's (its body must not be empty); emits PostPublished."""
    post = await _locked_post(ctx.input.post_id)
    ctx.authorize(post)
    if post.status == PostStatus.PUBLISHED:
        raise Invalid.field("post_id", "This post is already published.")
    if not post.body.strip():
        raise Invalid.field("body", "Write something before publishing.")
    post.status, post.published_at = PostStatus.PUBLISHED, datetime.now(UTC)
    await post.save(update_fields=["status", "published_at", "updated_at"])
    ctx.audit("post", post.id, {"status": [PostStatus.DRAFT, PostStatus.PUBLISHED]})
    ctx.emit(PostPublished(post_id=post.id, author_id=post.author_id))
    return PostView.of(post, post.author.username)


@action("comment.add", AddComment)
async def add_comment(ctx: Context[AddComment]) -> CommentView:
    """Comment on a published post as the actor; emits CommentAdded."""
    post = await Post.filter(id=ctx.input.post_id).only("id", "status", "author_id").first()
    if post is None:
        raise NotFound("post")
    ctx.authorize(post)
    assert ctx.actor.id is not None  # the policy lets only members comment
    comment = await Comment.create(post_id=post.id, author_id=ctx.actor.id, body=ctx.input.body)
    ctx.audit("comment", comment.id, {"post_id": [None, post.id]})
    ctx.emit(CommentAdded(comment_id=comment.id, post_id=post.id, author_id=ctx.actor.id))
    return CommentView.of(comment, ctx.actor.username)


async def _locked_post(post_id: int) -> Post:
    post = await Post.filter(id=post_id).select_for_update(of=("posts",)).select_related("author").first()
    if post is None:
        raise NotFound("post")
    return post
