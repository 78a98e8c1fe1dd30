"""Events of accounts."""

from __future__ import annotations

from dataclasses import dataclass

from ..events import Event, event


def session_topic(session_id: int) -> str:
    """The topic of one sign-in session (every tab signed in through it)."""
    return f"session:{session_id}"


@event
@dataclass(frozen=True, slots=True)
class UserRegistered(Event):
    """A new account exists."""

    user_id: int
    username: str


@event
@dataclass(frozen=True, slots=True)
class SessionEnded(Event):
    """A session was signed out: every tab using it is now anonymous."""

    session_id: int
    user_id: int

    @property
    def topics(self) -> tuple[str, ...]:
        return (session_topic(self.session_id),)
