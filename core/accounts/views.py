"""Read models of accounts: frozen, so callers cannot write around the actions."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from ..actor import Role
from .models import User


@dataclass(frozen=True, slots=True)
class UserView:
    """A user as anyone may see them."""

    id: int
    username: str
    role: Role
    created_at: datetime

    @classmethod
    def of(cls, user: User) -> UserView:
        """The read model of a user row."""
        return cls(id=user.id, username=user.username, role=Role(user.role), created_at=user.created_at)


@dataclass(frozen=True, slots=True)
class SignedIn:
    """A new session: the secret `token` to keep client-side, and who it signs in."""

    token: str
    user: UserView
