"""Post actions: write, edit (with optimistic locking), publish, unpublish, archive, restore."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from ..actions import Context, action, changes
from ..errors import Conflict, Invalid, NotFound
from .events import PostArchived, PostDrafted, PostPublished, PostRestored, PostUnpublished, PostUpdated
from .inputs import CreatePost, ModeratePost, PostRef, UpdatePost
from .models import Post, PostStatus
from .moderation import require_reason, tell_author
from .queries import get_post_by_id
from .slugs import unique_slug
from .tagging import set_tags, tags_of
from .views import PostView

EMPTY_BODY = "Write something before publishing."
EDITABLE = ("title", "description", "body")


@action("post.create", CreatePost)
async def create_post(ctx: Context[CreatePost]) -> PostView:
    """Start a post by the actor, a draft or published at once; emits PostDrafted or PostPublished."""
    ctx.authorize()
    data, author_id = ctx.input, ctx.actor.id
    assert author_id is not None  # the policy lets only members write
    if data.publish and not data.body.strip():
        raise Invalid.field("body", EMPTY_BODY)
    status = PostStatus.PUBLISHED if data.publish else PostStatus.DRAFT
    post = await Post.create(
        slug=await unique_slug(data.title) if data.publish else None,
        title=data.title,
        description=data.description,
        body=data.body,
        author_id=author_id,
        status=status,
        published_at=datetime.now(UTC) if data.publish else None,
    )
    await set_tags(ctx.connection, post.id, data.tags)
    created: dict[str, list[object]] = {
        "title": [None, post.title],
        "status": [None, status],
        "slug": [None, post.slug],
        "tags": [None, data.tags],
    }
    ctx.audit("post", post.id, {name: change for name, change in created.items() if change[1]})  # what it holds
    ctx.emit((PostPublished if data.publish else PostDrafted)(post_id=post.id, author_id=author_id))
    return await get_post_by_id(ctx.actor, post.id)


@action("post.update", UpdatePost)
async def update_post(ctx: Context[UpdatePost]) -> PostView:
    """Change a post's title, description, text or tags; a stale `version` raises Conflict; emits PostUpdated.

    Nothing given differs from the post: nothing is written, the version stays and no event is sent.
    """
    post = await _locked(ctx.input.post_id)
    ctx.authorize(post)
    data = ctx.input
    if data.version is not None and data.version != post.version:
        current = await get_post_by_id(ctx.actor, post.id)
        raise Conflict("This post was changed since you opened it.", current=current)
    before = {name: getattr(post, name) for name in EDITABLE} | {"tags": await tags_of(ctx.connection, post.id)}
    wanted = {name: value for name in (*EDITABLE, "tags") if (value := getattr(data, name)) is not None}
    changed = changes(before, wanted)
    if changed:
        await _apply(ctx, post, wanted)
    ctx.audit("post", post.id, changed)
    if changed:
        ctx.emit(PostUpdated(post_id=post.id, author_id=post.author_id, version=post.version))
    return await get_post_by_id(ctx.actor, post.id)


async def _apply(ctx: Context[UpdatePost], post: Post, wanted: dict[str, Any]) -> None:
    for name in EDITABLE:
        if name in wanted:
            setattr(post, name, wanted[name])
    if post.status == PostStatus.PUBLISHED and not post.body.strip():
        raise Invalid.field("body", "A published post needs some text.")
    post.version += 1
    await post.save(update_fields=[*EDITABLE, "version", "updated_at"])
    if "tags" in wanted:
        await set_tags(ctx.connection, post.id, wanted["tags"])


@action("post.publish", PostRef)
async def publish_post(ctx: Context[PostRef]) -> PostView:
    """Publish a draft (its text must not be empty); emits PostPublished."""
    post = await _locked(ctx.input.post_id)
    ctx.authorize(post)
    if post.status == PostStatus.PUBLISHED:
        raise Invalid.field("post_id", "This post is already published.")
    if not post.body.strip():
        raise Invalid.field("body", EMPTY_BODY)
    made: dict[str, list[object]] = {}
    if post.slug is None:  # first published: its address, from the title it has now, for good
        post.slug = await unique_slug(post.title)
        made = {"slug": [None, post.slug]}
    await _set_status(ctx, post, PostStatus.PUBLISHED, datetime.now(UTC), made)
    ctx.emit(PostPublished(post_id=post.id, author_id=post.author_id))
    return await get_post_by_id(ctx.actor, post.id)


@action("post.unpublish", ModeratePost)
async def unpublish_post(ctx: Context[ModeratePost]) -> PostView | None:
    """Turn a published post back into a draft (a moderator says why); emits PostUnpublished.

    Returns the draft as the actor may see it: None for a moderator (drafts are their author's alone).
    """
    post = await _locked(ctx.input.post_id)
    ctx.authorize(post)
    reason = require_reason(ctx, post.author_id)
    if post.status != PostStatus.PUBLISHED:
        raise Invalid.field("post_id", "This post is not published.")
    await _set_status(ctx, post, PostStatus.DRAFT, None, {})
    await tell_author(ctx, post.author_id, f"unpublished “{post.title}”", reason, slug=post.slug, title=post.title)
    ctx.emit(PostUnpublished(post_id=post.id, author_id=post.author_id))
    return await _visible(ctx, post.id)


@action("post.archive", ModeratePost)
async def archive_post(ctx: Context[ModeratePost]) -> None:
    """Archive a post: gone from every list and page, kept, restorable (a moderator says why); emits PostArchived."""
    post = await _locked(ctx.input.post_id)
    ctx.authorize(post)
    reason = require_reason(ctx, post.author_id)
    await _set_archived(ctx, post, archived=True)
    await tell_author(ctx, post.author_id, f"archived “{post.title}”", reason, slug=None, title=post.title)
    ctx.emit(PostArchived(post_id=post.id, author_id=post.author_id))


@action("post.restore", PostRef)
async def restore_post(ctx: Context[PostRef]) -> PostView:
    """Bring an archived post back as it was; emits PostRestored."""
    post = await _locked(ctx.input.post_id)
    ctx.authorize(post)
    await _set_archived(ctx, post, archived=False)
    ctx.emit(PostRestored(post_id=post.id, author_id=post.author_id))
    return await get_post_by_id(ctx.actor, post.id)


async def _visible(ctx: Context[Any], post_id: int) -> PostView | None:
    try:
        return await get_post_by_id(ctx.actor, post_id)
    except NotFound:
        return None


async def _locked(post_id: int) -> Post:
    post = await Post.filter(id=post_id).select_for_update().first()
    if post is None:
        raise NotFound("post")
    return post


async def _set_status(
    ctx: Context[Any], post: Post, status: PostStatus, published_at: datetime | None, more: dict[str, list[object]]
) -> None:
    changed: dict[str, list[object]] = {"status": [post.status, status]}
    ctx.audit("post", post.id, changed | more)
    post.status, post.published_at = status, published_at
    await post.save(update_fields=["status", "published_at", "slug", "updated_at"])


async def _set_archived(ctx: Context[Any], post: Post, *, archived: bool) -> None:
    ctx.audit("post", post.id, {"archived": [post.archived, archived]})
    post.archived = archived
    await post.save(update_fields=["archived", "updated_at"])
