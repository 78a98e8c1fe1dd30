"""Events of notifications."""

from __future__ import annotations

from dataclasses import dataclass

from ..accounts.events import user_topic
from ..events import Event, event


@event
@dataclass(frozen=True, slots=True)
class NotificationsChanged(Event):
    """A user's notifications changed (a new one arrived, or they were read)."""

    user_id: int

    @property
    def topics(self) -> tuple[str, ...]:
        return (user_topic(self.user_id),)
