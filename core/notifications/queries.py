"""Notification queries: each user sees only their own."""

from __future__ import annotations

from ..actor import Actor
from .models import Notification
from .views import NotificationView


async def list_notifications(actor: Actor, limit: int = 20, before: int | None = None) -> list[NotificationView]:
    """The actor's newest notifications, or the newest older than the one with id `before` (none for the visitor)."""
    if actor.id is None:
        return []
    rows = Notification.filter(user_id=actor.id)
    if before is not None:
        rows = rows.filter(id__lt=before)
    return [NotificationView.of(row) for row in await rows.order_by("-id").limit(max(1, min(limit, 100)))]


async def unread_count(actor: Actor) -> int:
    """How many of the actor's notifications are unread."""
    if actor.id is None:
        return 0
    return await Notification.filter(user_id=actor.id, read=False).count()
