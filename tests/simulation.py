"""NiceGUI's simulated users, each page's navigation and notifications sent to the user whose page it is.

NiceGUI's `User` swaps the global `ui.navigate` and `ui.notify` for its own whenever any of its attributes is read,
and a page's outgoing JavaScript reads one. So when another user's page ran JavaScript at the wrong moment, the
sign-in handler of the second user navigated the first one, and the test waited for a page that never came. Here
both follow the page whose handler is running, as they do in a real browser.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import Any

import pytest
from nicegui import context
from nicegui.testing import User
from nicegui.testing.user_navigate import UserNavigate
from nicegui.testing.user_notify import UserNotify


def follow_the_acting_page(monkeypatch: pytest.MonkeyPatch) -> None:
    """Route navigation and notifications to the user whose page is handling an event."""
    users: weakref.WeakSet[User] = weakref.WeakSet()
    create = User.__init__

    def init(self: User, *args: Any, **kwargs: Any) -> None:
        create(self, *args, **kwargs)
        users.add(self)

    def owner(fallback: User) -> User:
        try:
            client = context.client
        except RuntimeError:  # no page is acting: a test's own call
            return fallback
        # object.__getattribute__: reading through User's own would swap the globals again
        return next((user for user in users if object.__getattribute__(user, "client") is client), fallback)

    def routed(name: str) -> Callable[..., Any]:
        original = getattr(UserNavigate, name)
        return lambda navigate, *args, **kwargs: original(owner(navigate.user).navigate, *args, **kwargs)

    monkeypatch.setattr(User, "__init__", init)
    for name in ("to", "back", "forward", "reload"):
        monkeypatch.setattr(UserNavigate, name, routed(name))
    notify = UserNotify.__call__

    def notify_owner(notifier: UserNotify, message: str, **kwargs: Any) -> None:
        speaker = next((user for user in users if object.__getattribute__(user, "notify") is notifier), None)
        notify(owner(speaker).notify if speaker else notifier, message, **kwargs)

    monkeypatch.setattr(UserNotify, "__call__", notify_owner)
