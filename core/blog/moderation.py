"""Acting on someone else's content: the author is told what was done, and why (the runner asks for the reason)."""

from __future__ import annotations

from typing import Any

from ..actions import Context
from ..limits import DETAIL_MAX
from ..notifications.actions import notify
from ..notifications.models import NotificationKind


async def tell_author(
    ctx: Context[Any, Any], author_id: int, what: str, *, slug: str | None, title: str | None
) -> None:
    """Notify the author that the actor did `what` to their content, and why (the reason the action was given)."""
    if author_id != ctx.actor.id:
        await notify(
            ctx,
            author_id,
            NotificationKind.MODERATED,
            post_slug=slug,
            post_title=title,
            detail=detail(what, ctx.reason),
        )


def detail(what: str, reason: str | None) -> str:
    """What was done and why, within the notification's length: `what` (quoting a title) gives way, never `reason`."""
    if not reason:
        return _clip(what, DETAIL_MAX)
    return f"{_clip(what, DETAIL_MAX - len(reason) - 2)}: {reason}"


def _clip(text: str, length: int) -> str:
    return text if len(text) <= length else text[: length - 1] + "…"
