"""Comment actions: add one, delete one."""

from __future__ import annotations

from ..actions import Context, action
from ..errors import NotFound
from ..notifications.actions import notify
from ..notifications.models import NotificationKind
from .events import CommentAdded, CommentDeleted
from .inputs import AddComment, DeleteComment
from .models import Comment, Post
from .moderation import require_reason, tell_author
from .queries import get_comment
from .views import CommentView


@action("comment.add", AddComment)
async def add_comment(ctx: Context[AddComment]) -> CommentView:
    """Comment on a published post as the actor; emits CommentAdded and notifies the post's author."""
    post = await Post.filter(id=ctx.input.post_id).first()
    if post is None:
        raise NotFound("post")
    ctx.authorize(post)
    assert ctx.actor.id is not None  # the policy lets only members comment
    comment = await Comment.create(post_id=post.id, author_id=ctx.actor.id, body=ctx.input.body)
    await notify(ctx, post.author_id, NotificationKind.COMMENT, post_slug=post.slug, post_title=post.title)
    ctx.audit("comment", comment.id, {"post_id": [None, post.id]})
    ctx.emit(CommentAdded(comment_id=comment.id, post_id=post.id, author_id=ctx.actor.id))
    return await get_comment(ctx.actor, comment.id)


@action("comment.delete", DeleteComment)
async def delete_comment(ctx: Context[DeleteComment]) -> None:
    """Delete a comment (its author, the post's author, moderators; others say why); emits CommentDeleted."""
    comment = await get_comment(ctx.actor, ctx.input.comment_id)
    ctx.authorize(comment)
    reason = require_reason(ctx, comment.author_id, comment.post_author_id)
    deleted = await Comment.filter(id=comment.id).delete()
    if not deleted:
        raise NotFound("comment")
    post = await Post.get(id=comment.post_id)
    what = f"deleted your comment on “{post.title}”"
    await tell_author(ctx, comment.author_id, what, reason, slug=post.slug, title=post.title)
    ctx.audit("comment", comment.id, {"body": [comment.body, None], "reason": [None, reason]})
    ctx.emit(CommentDeleted(comment_id=comment.id, post_id=comment.post_id))
