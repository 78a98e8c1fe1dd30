"""Favourite actions: favourite a post, stop favouriting it (both idempotent)."""

from __future__ import annotations

from ..actions import Context, action
from ..notifications.actions import notify
from ..notifications.events import NotificationsChanged
from ..notifications.models import NotificationKind
from .events import FavoriteChanged
from .inputs import PostRef
from .models import Favorite, Post
from .posts import locked_post
from .queries import get_post_by_id
from .views import PostView


@action("post.favorite", PostRef, loads=locked_post, emits=[FavoriteChanged, NotificationsChanged])
async def favorite_post(ctx: Context[PostRef, Post]) -> PostView:
    """Favourite a post (again: nothing changes); emits FavoriteChanged and notifies its author."""
    return await _set_favorite(ctx, favorited=True)


@action("post.unfavorite", PostRef, loads=locked_post, emits=[FavoriteChanged])
async def unfavorite_post(ctx: Context[PostRef, Post]) -> PostView:
    """Stop favouriting a post (not a favourite: nothing changes); emits FavoriteChanged."""
    return await _set_favorite(ctx, favorited=False)


async def _set_favorite(ctx: Context[PostRef, Post], *, favorited: bool) -> PostView:
    # The post is locked (`locked_post`): its favourites are serialised, so each event carries the exact count.
    post = ctx.row
    user_id = ctx.actor.id
    assert user_id is not None  # the policy lets only members favourite
    pair = Favorite.filter(user_id=user_id, post_id=post.id)
    changed = not await pair.exists() if favorited else await pair.delete() > 0
    if favorited and changed:
        await Favorite.create(user_id=user_id, post_id=post.id)
        await notify(ctx, post.author_id, NotificationKind.FAVORITE, post_slug=post.slug, post_title=post.title)
    # The record is the actor's favourite of the post (not the post, which it leaves as it was): out of its history.
    ctx.audit("favorite", post.id, {"favorited": [not favorited, favorited]} if changed else {})
    if changed:
        count = await Favorite.filter(post_id=post.id).count()
        ctx.emit(
            FavoriteChanged(
                post_id=post.id, author_id=post.author_id, user_id=user_id, favorited=favorited, count=count
            )
        )
    return await get_post_by_id(ctx.actor, post.id)
