"""Who is acting: every action and query takes an actor first."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Role(StrEnum):
    """Roles, each inheriting the permissions of the one before (see the policy's role hierarchy)."""

    ANONYMOUS = "anonymous"
    MEMBER = "member"
    MODERATOR = "moderator"
    ADMIN = "admin"


@dataclass(frozen=True, slots=True)
class Actor:
    """The anonymous visitor, or a signed-in user with a role."""

    id: int | None = None
    username: str = ""
    role: Role = Role.ANONYMOUS
    session_id: int | None = None  # the sign-in this actor came through, if any
    banned: bool = False  # a banned user keeps only what the anonymous visitor may do

    @property
    def is_anonymous(self) -> bool:
        """Whether nobody is signed in."""
        return self.id is None


ANONYMOUS = Actor()
