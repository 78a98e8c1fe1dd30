"""Account operations made of two actions that must succeed or fail together: one transaction holds both.

Each action still validates its own input and asks the policy; its events are sent inside the shared
transaction, so they are delivered only if both actions commit.
"""

from __future__ import annotations

from typing import Any

from ..actor import Actor
from ..db.transactions import transactionally
from .auth import change_password, register, sign_in
from .profiles import update_profile
from .queries import get_user
from .views import SignedIn, UserView


async def sign_up(actor: Actor, /, *, username: str, email: str, password: str) -> SignedIn:
    """Register a member and open their first session, all or nothing; emits UserRegistered."""

    async def both(_connection: object) -> SignedIn:
        user = await register(actor, username=username, email=email, password=password)
        return await sign_in(actor, login=user.username, password=password)

    return await transactionally(both)


async def update_account(
    actor: Actor, /, *, current_password: str | None = None, new_password: str | None = None, **profile: Any
) -> UserView:
    """Change the actor's profile and (proving the current password) their password, all or nothing.

    Emits what `update_profile` and `change_password` emit; a password alone leaves the profile untouched.
    """
    changing_password = current_password is not None or new_password is not None

    async def together(_connection: object) -> UserView:
        if changing_password:
            # Only the given fields are passed: a missing one is the action's "This field is required."
            given = {"current_password": current_password, "new_password": new_password}
            await change_password(actor, **{name: value for name, value in given.items() if value is not None})
        if profile or not changing_password:
            return await update_profile(actor, **profile)
        return await get_user(actor, actor.username)

    return await transactionally(together)
