"""The viewer of a page: rebuilt from the session token kept in NiceGUI's user storage."""

from __future__ import annotations

from nicegui import app, context

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


def address() -> str | None:
    """The address of this browser, for sign-in throttling.

    The page's request holds it as uvicorn saw it: the proxy's X-Forwarded-For only when the proxy is one of
    the trusted ones (the `trusted_proxies` setting), else the connection's own peer.
    """
    request = context.client.request
    return request.client.host if request is not None and request.client is not None else None
