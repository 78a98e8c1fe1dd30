"""Test data built through the actions themselves, so tests never write around the rules they check."""

from __future__ import annotations

import itertools
from collections.abc import Sequence

import pytest

from core import ANONYMOUS, Actor, Invalid, Role, accounts, blog
from core.accounts.models import User

PASSWORD = "correct horse battery"
_numbers = itertools.count(1)


async def member(username: str | None = None) -> Actor:
    """A newly registered and signed-in member."""
    name = username or f"member{next(_numbers)}"
    await accounts.register(ANONYMOUS, username=name, email=f"{name}@example.com", password=PASSWORD)
    return await signed_in_as(name)


async def signed_in_as(username: str) -> Actor:
    """A new session of an existing member."""
    signed_in = await accounts.sign_in(ANONYMOUS, login=username, password=PASSWORD)
    return await accounts.actor_for_session(signed_in.token)


async def failed_sign_ins(login: str, times: int, address: str) -> None:
    """Sign in with a wrong password `times` times, each refused for wrong credentials (not yet throttled)."""
    for _ in range(times):
        with pytest.raises(Invalid) as raised:
            await accounts.sign_in(ANONYMOUS, login=login, password="not the password", address=address)
        assert raised.value.errors == {"password": [accounts.WRONG_CREDENTIALS]}


async def with_role(role: Role, username: str | None = None) -> Actor:
    """A signed-in user holding `role`.

    Roles are granted by an admin's action (a later issue); until that action exists the role is set
    directly, and only here.
    """
    actor = await member(username)
    await User.filter(id=actor.id).update(role=role)
    return Actor(id=actor.id, username=actor.username, role=role, session_id=actor.session_id)


async def with_stored_picture(username: str, image: str) -> None:
    """Give a user a picture address the rules refuse today (http://), as accounts from before the rule hold it."""
    await User.filter(username=username).update(image=image)


async def draft(
    author: Actor, title: str = "A first post", body: str = "Hello, *world*.", tags: Sequence[str] = ()
) -> blog.PostView:
    """A draft by `author`."""
    return await blog.create_post(author, title=title, body=body, tags=list(tags))


async def published(
    author: Actor, title: str = "A first post", body: str = "Hello, *world*.", tags: Sequence[str] = ()
) -> blog.PostView:
    """A published post by `author`."""
    return await blog.create_post(author, title=title, body=body, tags=list(tags), publish=True)
