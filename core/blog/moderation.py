"""Acting on someone else's content: a reason is required, and the author is told."""

from __future__ import annotations

from typing import Any

from ..actions import Context
from ..errors import Invalid
from ..limits import DETAIL_MAX
from ..notifications.actions import notify
from ..notifications.models import NotificationKind

REASON_NEEDED = "Say why: the author will be told."


def require_reason(ctx: Context[Any], *owners: int) -> str | None:
    """The reason given; required when the actor acts as a moderator (they are none of `owners`)."""
    reason: str | None = getattr(ctx.input, "reason", None)
    if ctx.actor.id not in owners and not reason:
        raise Invalid.field("reason", REASON_NEEDED)
    return reason


async def tell_author(
    ctx: Context[Any], author_id: int, what: str, reason: str | None, *, slug: str | None, title: str | None
) -> None:
    """Notify the author that the actor did `what` to their content, and why."""
    if author_id != ctx.actor.id:
        await notify(
            ctx,
            author_id,
            NotificationKind.MODERATED,
            post_slug=slug,
            post_title=title,
            detail=detail(what, reason),
        )


def detail(what: str, reason: str | None) -> str:
    """What was done and why, within the notification's length: `what` (quoting a title) gives way, never `reason`."""
    if not reason:
        return _clip(what, DETAIL_MAX)
    return f"{_clip(what, DETAIL_MAX - len(reason) - 2)}: {reason}"


def _clip(text: str, length: int) -> str:
    return text if len(text) <= length else text[: length - 1] + "…"
