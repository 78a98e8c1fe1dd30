"""Read models of notifications."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from .models import Notification, NotificationKind


@dataclass(frozen=True, slots=True)
class NotificationView:
    """One notification, with the sentence that tells it."""

    id: int
    kind: NotificationKind
    actor_name: str
    post_slug: str | None
    post_title: str | None
    detail: str | None
    read: bool
    created_at: datetime

    @property
    def text(self) -> str:
        """What happened, in words."""
        match self.kind:
            case NotificationKind.COMMENT:
                return f"{self.actor_name} commented on “{self.post_title}”"
            case NotificationKind.FAVORITE:
                return f"{self.actor_name} favourited “{self.post_title}”"
            case NotificationKind.MODERATED:
                return f"{self.actor_name} {self.detail}"
            case _:
                return f"{self.actor_name} started following you"

    @classmethod
    def of(cls, row: Notification) -> NotificationView:
        """The read model of a notification row."""
        return cls(
            id=row.id,
            kind=NotificationKind(row.kind),
            actor_name=row.actor_name,
            post_slug=row.post_slug,
            post_title=row.post_title,
            detail=row.detail,
            read=row.read,
            created_at=row.created_at,
        )
