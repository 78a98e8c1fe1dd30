"""Read models of accounts: frozen, so callers cannot write around the actions."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from ..access import EMAIL
from ..actor import Actor, Role
from ..textsearch import Marked
from .models import User


@dataclass(frozen=True, slots=True)
class UserView:
    """A user as the viewer may see them: the e-mail address only for themselves and admins."""

    id: int
    username: str
    role: Role
    bio: str | None
    image: str | None
    email: str | None
    banned: bool
    created_at: datetime

    @classmethod
    def of(cls, user: User) -> UserView:
        """The read model of a user row, e-mail included (see `for_viewer`)."""
        return cls.from_row(user.__dict__)

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> UserView:
        """The read model of a `users` row fetched as a mapping, e-mail included (see `for_viewer`)."""
        return cls(
            id=row["id"],
            username=row["username"],
            role=Role(row["role"]),
            bio=row["bio"],
            image=row["image"],
            email=row["email"],
            banned=row["banned"],
            created_at=row["created_at"],
        )

    def for_viewer(self, actor: Actor) -> UserView:
        """This view as `actor` may see it: the e-mail address only if the policy says so."""
        return self if EMAIL.can(actor, self) else replace(self, email=None)


@dataclass(frozen=True, slots=True)
class Profile:
    """A user's public page: who they are, whether the viewer follows them, and their counts."""

    user: UserView
    following: bool
    posts: int
    followers: int
    follows: int
    viewers_own: bool  # whether the viewer is this user (their drafts and archive are theirs to see)

    @property
    def id(self) -> int:
        """The user's id (the policy rules name it)."""
        return self.user.id


@dataclass(frozen=True, slots=True)
class SignedIn:
    """A new session: the secret `token` to keep client-side, and who it signs in."""

    token: str
    user: UserView


@dataclass(frozen=True, slots=True)
class UserRow:
    """A user as the admin area lists them: standing and activity."""

    user: UserView
    banned_reason: str | None
    posts: int
    comments: int

    @property
    def id(self) -> int:
        """The user's id (the policy rules name it)."""
        return self.user.id

    @property
    def role(self) -> Role:
        """The user's role (the policy rules name it)."""
        return self.user.role

    @property
    def banned(self) -> bool:
        """Whether the user is banned (the ban and unban actions require it, or not)."""
        return self.user.banned

    @property
    def standing(self) -> str:
        """The user's standing in words: active, or banned and why."""
        return f"banned: {self.banned_reason}" if self.banned else "active"


@dataclass(frozen=True, slots=True)
class PersonMatch:
    """Someone a search found: their name and bio with the matched words marked, and their picture."""

    username: str
    image: str | None
    name: Marked
    bio: Marked
