"""Notification actions, and `notify`, which other actions call inside their own transaction."""

from __future__ import annotations

from typing import Any

from ..actions import Context, action, nothing
from ..validation import Command
from .events import NotificationsChanged
from .models import Notification, NotificationKind


class MarkAllRead(Command):
    """Mark every notification of the actor as read."""


async def notify(
    ctx: Context[Any, Any],
    user_id: int,
    kind: NotificationKind,
    *,
    post_slug: str | None = None,
    post_title: str | None = None,
    detail: str | None = None,
) -> None:
    """Tell `user_id` what the acting user just did (never about their own doing)."""
    if user_id == ctx.actor.id:
        return
    await Notification.create(
        user_id=user_id,
        kind=kind,
        actor_name=ctx.actor.username,
        post_slug=post_slug,
        post_title=post_title,
        detail=detail,
    )
    ctx.emit(NotificationsChanged(user_id=user_id))


@action("notification.read_all", MarkAllRead, loads=nothing, emits=[NotificationsChanged])
async def mark_all_read(ctx: Context[MarkAllRead, None]) -> int:
    """Mark the actor's notifications read; return how many were unread; emits NotificationsChanged."""
    assert ctx.actor.id is not None  # the policy lets only members read notifications
    count = await Notification.filter(user_id=ctx.actor.id, read=False).update(read=True)
    ctx.audit("user", ctx.actor.id, {"unread": [count, 0]})
    if count:
        ctx.emit(NotificationsChanged(user_id=ctx.actor.id))
    return count
