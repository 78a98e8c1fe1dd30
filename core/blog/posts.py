"""Post actions: write, edit (with optimistic locking), publish, unpublish, archive, restore."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from ..actions import Context, Requirement, action, changes, nothing
from ..actor import Actor
from ..errors import Conflict, Invalid, NotFound
from ..notifications.events import NotificationsChanged
from .events import PostArchived, PostDrafted, PostPublished, PostRestored, PostUnpublished, PostUpdated
from .inputs import CreatePost, ModeratePost, PostRef, UpdatePost
from .models import Post, PostStatus
from .moderation import tell_author
from .queries import get_post_by_id
from .slugs import unique_slug
from .tagging import set_tags, tags_of
from .views import PostView

EMPTY_BODY = "Write something before publishing."
EDITABLE = ("title", "description", "body")

IS_DRAFT = Requirement(lambda post: post.status == PostStatus.DRAFT, "This post is already published.", "post_id")
IS_PUBLISHED = Requirement(lambda post: post.status == PostStatus.PUBLISHED, "This post is not published.", "post_id")
HAS_TEXT = Requirement(lambda post: bool(post.body.strip()), EMPTY_BODY, "body")


def by_its_author(post: Any) -> tuple[int]:
    """Who may act on a post without saying why: its author (anyone else tells them why)."""
    return (post.author_id,)


async def locked_post(actor: Actor, command: PostRef | UpdatePost | ModeratePost) -> Post:
    """The post the command names, locked until the action commits (its writers wait for each other)."""
    post = await Post.filter(id=command.post_id).select_for_update().first()
    if post is None:
        raise NotFound("post")
    return post


@action("post.create", CreatePost, loads=nothing, emits=[PostDrafted, PostPublished])
async def create_post(ctx: Context[CreatePost, None]) -> PostView:
    """Start a post by the actor, a draft or published at once; emits PostDrafted or PostPublished."""
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


@action("post.update", UpdatePost, loads=locked_post, emits=[PostUpdated])
async def update_post(ctx: Context[UpdatePost, Post]) -> PostView:
    """Change a post's title, description, text or tags; a stale `version` raises Conflict; emits PostUpdated.

    Nothing given differs from the post: nothing is written, the version stays and no event is sent.
    """
    post, data = ctx.row, ctx.input
    if data.version is not None and data.version != post.version:
        current = await get_post_by_id(ctx.actor, post.id)
        raise Conflict("This post was changed since you opened it.", current=current)
    before = {name: getattr(post, name) for name in EDITABLE} | {"tags": await tags_of(ctx.connection, post.id)}
    wanted = {name: value for name in (*EDITABLE, "tags") if (value := getattr(data, name)) is not None}
    changed = changes(before, wanted)
    if changed:
        await _apply(ctx, post, {name: wanted[name] for name in changed})
    ctx.audit("post", post.id, changed)
    if changed:
        ctx.emit(PostUpdated(post_id=post.id, author_id=post.author_id, version=post.version))
    return await get_post_by_id(ctx.actor, post.id)


async def _apply(ctx: Context[UpdatePost, Post], post: Post, wanted: dict[str, Any]) -> None:
    for name in EDITABLE:
        if name in wanted:
            setattr(post, name, wanted[name])
    if post.status == PostStatus.PUBLISHED and not post.body.strip():
        raise Invalid.field("body", "A published post needs some text.")
    post.version += 1
    # Only what changed: a new title alone does not make PostgreSQL read the whole text again for the search.
    await post.save(update_fields=[*(name for name in EDITABLE if name in wanted), "version", "updated_at"])
    if "tags" in wanted:
        await set_tags(ctx.connection, post.id, wanted["tags"])


@action("post.publish", PostRef, loads=locked_post, requires=[IS_DRAFT, HAS_TEXT], emits=[PostPublished])
async def publish_post(ctx: Context[PostRef, Post]) -> PostView:
    """Publish a draft (its text must not be empty); emits PostPublished."""
    post = ctx.row
    made: dict[str, list[object]] = {}
    if post.slug is None:  # first published: its address, from the title it has now, for good
        post.slug = await unique_slug(post.title)
        made = {"slug": [None, post.slug]}
    await _set_status(ctx, post, PostStatus.PUBLISHED, datetime.now(UTC), made)
    ctx.emit(PostPublished(post_id=post.id, author_id=post.author_id))
    return await get_post_by_id(ctx.actor, post.id)


@action(
    "post.unpublish",
    ModeratePost,
    loads=locked_post,
    requires=[IS_PUBLISHED],
    reason_unless=by_its_author,
    emits=[PostUnpublished, NotificationsChanged],
)
async def unpublish_post(ctx: Context[ModeratePost, Post]) -> PostView | None:
    """Turn a published post back into a draft (a moderator says why); emits PostUnpublished.

    Returns the draft as the actor may see it: None for a moderator (drafts are their author's alone).
    """
    post = ctx.row
    await _set_status(ctx, post, PostStatus.DRAFT, None, {})
    await tell_author(ctx, post.author_id, f"unpublished “{post.title}”", slug=post.slug, title=post.title)
    ctx.emit(PostUnpublished(post_id=post.id, author_id=post.author_id))
    return await _visible(ctx, post.id)


@action(
    "post.archive",
    ModeratePost,
    loads=locked_post,
    reason_unless=by_its_author,
    emits=[PostArchived, NotificationsChanged],
)
async def archive_post(ctx: Context[ModeratePost, Post]) -> None:
    """Archive a post: gone from every list and page, kept, restorable (a moderator says why); emits PostArchived."""
    post = ctx.row
    await _set_archived(ctx, post, archived=True)
    await tell_author(ctx, post.author_id, f"archived “{post.title}”", slug=None, title=post.title)
    ctx.emit(PostArchived(post_id=post.id, author_id=post.author_id))


@action("post.restore", PostRef, loads=locked_post, emits=[PostRestored])
async def restore_post(ctx: Context[PostRef, Post]) -> PostView:
    """Bring an archived post back as it was; emits PostRestored."""
    post = ctx.row
    await _set_archived(ctx, post, archived=False)
    ctx.emit(PostRestored(post_id=post.id, author_id=post.author_id))
    return await get_post_by_id(ctx.actor, post.id)


async def _visible(ctx: Context[Any, Any], post_id: int) -> PostView | None:
    try:
        return await get_post_by_id(ctx.actor, post_id)
    except NotFound:
        return None


async def _set_status(
    ctx: Context[Any, Post],
    post: Post,
    status: PostStatus,
    published_at: datetime | None,
    more: dict[str, list[object]],
) -> None:
    changed: dict[str, list[object]] = {"status": [post.status, status]}
    ctx.audit("post", post.id, changed | more | _why(ctx))
    post.status, post.published_at = status, published_at
    await post.save(update_fields=["status", "published_at", "slug", "updated_at"])


async def _set_archived(ctx: Context[Any, Post], post: Post, *, archived: bool) -> None:
    changed: dict[str, list[object]] = {"archived": [post.archived, archived]}
    ctx.audit("post", post.id, changed | _why(ctx))
    post.archived = archived
    await post.save(update_fields=["archived", "updated_at"])


def _why(ctx: Context[Any, Post]) -> dict[str, list[object]]:
    """The reason a moderator gave, for the record (the author was told it too)."""
    return {"reason": [None, ctx.reason]} if ctx.reason else {}
