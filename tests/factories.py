"""Test data built through the actions themselves, so tests never write around the rules they check."""

from __future__ import annotations

import itertools

from core import ANONYMOUS, Actor, accounts, blog

PASSWORD = "correct horse battery"
_numbers = itertools.count(1)


async def member(username: str | None = None) -> Actor:
    """A newly registered and signed-in member."""
    name = username or f"member{next(_numbers)}"
    await accounts.register(ANONYMOUS, username=name, email=f"{name}@example.com", password=PASSWORD)
    signed_in = await accounts.sign_in(ANONYMOUS, login=name, password=PASSWORD)
    return await accounts.actor_for_session(signed_in.token)


async def draft(author: Actor, title: str = "A first post", body: str = "Hello, *world*.") -> blog.PostView:
    """A draft by `author`."""
    return await blog.create_post(author, title=title, body=body)


async def published(author: Actor, title: str = "A first post", body: str = "Hello, *world*.") -> blog.PostView:
    """A published post by `author`."""
    post = await draft(author, title, body)
    return await blog.publish_post(author, post_id=post.id)
