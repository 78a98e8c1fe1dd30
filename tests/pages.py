"""Driving pages as NiceGUI's simulated users: fill in forms, sign in, answer the browser's storage."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Awaitable, Callable

import pytest
from nicegui import ui
from nicegui.functions.navigate import History
from nicegui.testing import User

from .factories import PASSWORD

SIMULATED_ADDRESS = "127.0.0.1"  # where a simulated user's requests come from (httpx's ASGI transport says so)
LIVE = 150  # retries of 0.1 s, an upper bound (loaded machines need it): events cross PostgreSQL between pages


def browser_storage(user: User, kept: str | None = None) -> None:
    """Answer the editor's question for what this browser kept (nothing, unless `kept` is given)."""
    user.javascript_rules[re.compile(r"return tidingsDrafts\.load.*")] = lambda _match: kept


def addresses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The addresses pages put into the address bar without a reload (`ui.navigate.history.replace`), in order."""
    shown: list[str] = []
    monkeypatch.setattr(History, "replace", lambda _history, url: shown.append(url))
    return shown


async def switch_tabs(user: User, shown: list[str], *steps: tuple[str, str]) -> None:
    """Click each tab in turn and wait until it has put its address into the address bar (see `addresses`)."""
    for tab, address in steps:
        user.find(tab).click()

        async def put(address: str = address) -> bool:
            return shown[-1:] == [address]

        await until(put)


async def fill_in(user: User, path: str, submit: str = "submit", **fields: str) -> None:
    """Open a form, type into its fields (by name) and submit it."""
    await user.open(path)
    for name, text in fields.items():
        user.find(marker=name).type(text)
    user.find(marker=submit).click()


async def sign_in(user: User, login: str) -> None:
    """Sign in through the sign-in page and wait until the header shows the account."""
    browser_storage(user)
    await fill_in(user, "/sign-in", login=login, password=PASSWORD)
    await user.should_see(marker="account", retries=LIVE)


def open_bell(user: User) -> None:
    """Open the notification bell's menu, as a click on it does."""
    bell = user.find(marker="bell").elements.pop()
    next(child for child in bell.descendants() if isinstance(child, ui.menu)).open()


async def until(check: Callable[[], Awaitable[bool]], within: float = 5.0) -> None:
    """Wait until `check` holds: a click's handler runs in the background, and the test must not race it."""
    async with asyncio.timeout(within):
        while not await check():
            await asyncio.sleep(0.05)


def value_of(user: User, marker: str) -> object:
    """The value of the field with this marker."""
    element = user.find(marker=marker).elements.pop()
    assert isinstance(element, ui.input | ui.textarea)
    return element.value


def counted_up_to(user: User, marker: str) -> int | None:
    """The length a field stops at, when it shows the user how many characters they typed of it (Quasar's counter)."""
    props = user.find(marker=marker).elements.pop().props
    return int(props["maxlength"]) if props.get("counter") and "maxlength" in props else None


def hint_of(user: User, marker: str) -> object:
    """The hint shown under a field."""
    return user.find(marker=marker).elements.pop().props.get("hint")
