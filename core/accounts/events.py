"""Events of accounts, and the topics pages subscribe to."""

from __future__ import annotations

from dataclasses import dataclass

from ..actor import Actor
from ..events import Event, event

USERS_TOPIC = "users"  # the admin area's list of users


def session_topic(session_id: int) -> str:
    """The topic of one sign-in session (every tab signed in through it)."""
    return f"session:{session_id}"


def user_topic(user_id: int) -> str:
    """The topic of everything that happens to one user (their profile, followers, notifications)."""
    return f"user:{user_id}"


@event
@dataclass(frozen=True, slots=True)
class UserRegistered(Event):
    """A new account exists."""

    user_id: int
    username: str

    @property
    def topics(self) -> tuple[str, ...]:
        return (USERS_TOPIC,)


@event
@dataclass(frozen=True, slots=True)
class SessionEnded(Event):
    """A session was signed out: every tab using it is now anonymous; `why` tells its user, when they did not ask."""

    session_id: int
    user_id: int
    why: str = ""

    @property
    def topics(self) -> tuple[str, ...]:
        return (session_topic(self.session_id),)


@event
@dataclass(frozen=True, slots=True)
class ProfileUpdated(Event):
    """A user changed their name, e-mail address, bio or picture."""

    user_id: int

    @property
    def topics(self) -> tuple[str, ...]:
        return (user_topic(self.user_id),)


@event
@dataclass(frozen=True, slots=True)
class FollowChanged(Event):
    """`follower_id` started (or stopped) following `followed_id`, who now has `followers` followers."""

    follower_id: int
    followed_id: int
    following: bool
    followers: int

    def by(self, actor: Actor) -> bool:
        """Whether `actor` is who followed (or stopped)."""
        return self.follower_id == actor.id

    @property
    def topics(self) -> tuple[str, ...]:
        return (user_topic(self.followed_id), user_topic(self.follower_id))


@event
@dataclass(frozen=True, slots=True)
class StandingChanged(Event):
    """A user's role or ban changed: every page they have open must show what they may do now."""

    user_id: int
    role: str
    banned: bool

    @property
    def topics(self) -> tuple[str, ...]:
        return (user_topic(self.user_id), USERS_TOPIC)
