"""Comment actions: add one, delete one."""

from __future__ import annotations

from typing import Any

from ..actions import Context, action
from ..actor import Actor
from ..errors import NotFound
from ..notifications.actions import notify
from ..notifications.events import NotificationsChanged
from ..notifications.models import NotificationKind
from .events import CommentAdded, CommentDeleted
from .inputs import AddComment, DeleteComment
from .models import Comment, Post
from .moderation import tell_author
from .queries import get_comment
from .views import CommentView


async def commented_post(actor: Actor, command: AddComment) -> Post:
    """The post to comment on."""
    post = await Post.filter(id=command.post_id).first()
    if post is None:
        raise NotFound("post")
    return post


async def readable_comment(actor: Actor, command: DeleteComment) -> CommentView:
    """The comment to delete, as the actor can read it (with its post's author, whom the rules name)."""
    return await get_comment(actor, command.comment_id)


def by_its_authors(comment: Any) -> tuple[int, int]:
    """Who may delete a comment without saying why: its author and the post's author."""
    return (comment.author_id, comment.post_author_id)


@action("comment.add", AddComment, loads=commented_post, emits=[CommentAdded, NotificationsChanged])
async def add_comment(ctx: Context[AddComment, Post]) -> CommentView:
    """Comment on a published post as the actor; emits CommentAdded and notifies the post's author."""
    post, author_id = ctx.row, ctx.actor.id
    assert author_id is not None  # the policy lets only members comment
    comment = await Comment.create(post_id=post.id, author_id=author_id, body=ctx.input.body)
    await notify(ctx, post.author_id, NotificationKind.COMMENT, post_slug=post.slug, post_title=post.title)
    ctx.audit("comment", comment.id, {"post_id": [None, post.id]})
    ctx.emit(CommentAdded(comment_id=comment.id, post_id=post.id, author_id=author_id))
    return await get_comment(ctx.actor, comment.id)


@action(
    "comment.delete",
    DeleteComment,
    loads=readable_comment,
    reason_unless=by_its_authors,
    emits=[CommentDeleted, NotificationsChanged],
)
async def delete_comment(ctx: Context[DeleteComment, CommentView]) -> None:
    """Delete a comment (its author, the post's author, moderators; others say why); emits CommentDeleted."""
    comment = ctx.row
    if not await Comment.filter(id=comment.id).delete():
        raise NotFound("comment")
    post = await Post.get(id=comment.post_id)
    what = f"deleted your comment on “{post.title}”"
    await tell_author(ctx, comment.author_id, what, slug=post.slug, title=post.title)
    ctx.audit("comment", comment.id, {"body": [comment.body, None], "reason": [None, ctx.reason]})
    ctx.emit(CommentDeleted(comment_id=comment.id, post_id=comment.post_id))
