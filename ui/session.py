"""The viewer of a page: rebuilt from the session token kept in NiceGUI's user storage."""

from __future__ import annotations

import time
from collections.abc import MutableMapping

from nicegui import app, context

from core import Actor, accounts

_TOKEN = "session_token"
_NOTICE = "session_notice"
NOTICE_SECONDS = 600


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
    dismiss_notice()  # signed in again: why the old session ended is old news


def leave_notice(stored: MutableMapping[str, object], text: str) -> None:
    """Tell this browser's next pages why its session ended (`stored`: its user storage, read while it had a page)."""
    stored[_NOTICE] = {"text": text, "until": time.time() + NOTICE_SECONDS}


def notice() -> str | None:
    """Why this browser's session ended, if that is news (until dismissed, or for a few minutes)."""
    left = app.storage.user.get(_NOTICE)
    if isinstance(left, dict) and isinstance(left.get("text"), str) and left.get("until", 0) > time.time():
        return str(left["text"])
    return None


def dismiss_notice() -> None:
    """The user has read why their session ended."""
    app.storage.user.pop(_NOTICE, None)


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
