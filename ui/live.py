"""Live updates: a page subscribes to core's events for as long as its client exists."""

from __future__ import annotations

import asyncio
import inspect
import logging
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from nicegui import Client, context

from core import Actor, Event, Unavailable, hub, presence

log = logging.getLogger(__name__)

T = TypeVar("T")
Handler = Callable[[Event], Awaitable[None] | None]

_SHARED_SECONDS = 10.0
_shared: dict[tuple[Event, str], asyncio.Future[Any]] = {}


def subscribe(topic: str, handler: Handler) -> None:
    """Call `handler` with every event on `topic`, inside the current page, until its client is gone."""
    client = context.client

    def in_page(event: Event) -> Awaitable[None] | None:
        if client.is_deleted:  # its on_delete hook unsubscribes; an event may still be on its way
            return None
        with client:
            result = handler(event)
        return _awaited_in(client, result) if inspect.isawaitable(result) else None

    unsubscribe = hub.subscribe(topic, in_page)
    client.on_delete(unsubscribe)


def present(post_id: int, viewer: Actor, changed: Callable[[], None]) -> None:
    """Count the current page among the post's readers until its client is gone; call `changed` as they change."""
    client = context.client
    presence.join(post_id, client.id, viewer)
    client.on_delete(lambda: presence.leave(post_id, client.id))
    subscribe(presence.topic(post_id), lambda _event: changed())


async def load_once(event: Event, load: Callable[[], Awaitable[T]], what: str = "") -> T:
    """Run `load` once for all pages of this process reacting to `event`, and share its result.

    When a thousand open pages receive the same event, one query serves them all. The key is the event
    itself, so a later change of the same record (a new event) is loaded afresh.
    """
    key = (event, what)
    future = _shared.get(key)
    if future is None:
        future = _shared[key] = asyncio.ensure_future(load())
        asyncio.get_running_loop().call_later(_SHARED_SECONDS, _shared.pop, key, None)
    result: T = await asyncio.shield(future)
    return result


async def _awaited_in(client: Client, result: Awaitable[None]) -> None:
    with client:  # elements created after an await still belong to this page
        try:
            await result
        except Unavailable:  # the database went away meanwhile: its return (Reconnected) brings the page up to date
            log.warning("a page could not follow an event: the database is out of reach")
