"""The viewer of a page: rebuilt from the session token kept in NiceGUI's user storage."""

from __future__ import annotations

from nicegui import app

from core import Actor, accounts

_TOKEN = "session_token"


async def viewer() -> Actor:
    """The actor of the current browser: a signed-in user or the anonymous visitor."""
    return await accounts.actor_for_session(token())


def token() -> str | None:
    """This browser's session token, if it signed in."""
    value = app.storage.user.get(_TOKEN)
    return value if isinstance(value, str) else None


def remember(token_value: str) -> None:
    """Keep a new session token for this browser."""
    app.storage.user[_TOKEN] = token_value


def forget() -> None:
    """Drop this browser's session token."""
    app.storage.user.pop(_TOKEN, None)
