"""Usernames (case-insensitively) and e-mail addresses belong to one account each; finding the actor's account."""

from __future__ import annotations

from ..actor import Actor
from ..errors import Invalid, NotFound
from .models import User

USERNAME_TAKEN = "This username is taken."
EMAIL_TAKEN = "An account with this e-mail address exists."


async def ensure_unused(*, username: str | None, email: str | None, exclude: int | None = None) -> None:
    """Raise `Invalid` naming every field whose value another account already has."""
    others = User.exclude(id=exclude) if exclude is not None else User.all()
    errors: dict[str, list[str]] = {}
    if username is not None and await others.filter(username__iexact=username).exists():
        errors["username"] = [USERNAME_TAKEN]
    if email is not None and await others.filter(email=email).exists():
        errors["email"] = [EMAIL_TAKEN]
    if errors:
        raise Invalid(errors)


def taken(message: str) -> Invalid:
    """The field error for a unique-constraint violation the database reported."""
    if "email" in message:
        return Invalid.field("email", EMAIL_TAKEN)
    return Invalid.field("username", USERNAME_TAKEN)


async def own_account(actor: Actor, command: object) -> User | None:
    """The actor's own account, locked; None for the anonymous visitor (whom the policy then refuses, saying why)."""
    if actor.id is None:
        return None
    user = await User.filter(id=actor.id).select_for_update().first()
    if user is None:
        raise NotFound("user")
    return user
