"""Live updates: a page subscribes to core's events for as long as its client exists."""

from __future__ import annotations

import asyncio
import functools
import inspect
import logging
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from nicegui import Client, context

from core import Actor, Event, Unavailable, hub, presence

T = TypeVar("T")
log = logging.getLogger(__name__)
Handler = Callable[[Event], Awaitable[None] | None]

_SHARED_SECONDS = 10.0
_shared: dict[tuple[Event, str], asyncio.Future[Any]] = {}


def subscribe(topic: str, handler: Handler, *more_topics: str) -> None:
    """Call `handler` with every event on `topic` and `more_topics`, inside the current page, until it is gone.

    One handler for all the topics, so an event for every topic (Reconnected) reaches the page once.
    """
    client = context.client

    def in_page(event: Event) -> Awaitable[None] | None:
        if client.is_deleted:  # its on_delete hook unsubscribes; an event may still be on its way
            return None
        with client:
            result = handler(event)
        return _awaited_in(client, result) if inspect.isawaitable(result) else None

    for each in (topic, *more_topics):
        client.on_delete(hub.subscribe(each, in_page))


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
    result: T = await asyncio.shield(_shared_load(event, load, what))
    return result


def when_loaded(
    event: Event,
    load: Callable[[], Awaitable[T]],
    show: Callable[[T], None],
    what: str = "",
    *,
    missing: type[BaseException] = Exception,
) -> None:
    """Like `load_once`, then call `show` with the result inside the current page; nothing if `load` raises `missing`.

    No task per page: a thousand pages waiting for the same load are a thousand callbacks on one future.
    """
    client = context.client

    def done(future: asyncio.Future[T]) -> None:
        if client.is_deleted or future.cancelled():
            return
        if (error := future.exception()) is not None:
            if isinstance(error, Unavailable):  # its return (Reconnected) brings the page up to date
                log.warning("a page could not follow an event: the database is out of reach")
            elif not isinstance(error, missing):
                log.error("loading for %r failed", event, exc_info=error)
            return
        with client:
            show(future.result())

    _shared_load(event, load, what).add_done_callback(done)


def _shared_load(event: Event, load: Callable[[], Awaitable[T]], what: str) -> asyncio.Future[T]:
    key = (event, what)
    future = _shared.get(key)
    if future is None:
        future = _shared[key] = asyncio.ensure_future(load())
        future.add_done_callback(_retrieved)  # its exception, if any, is seen by the pages
        asyncio.get_running_loop().call_later(_SHARED_SECONDS, _shared.pop, key, None)
    return future


def _retrieved(future: asyncio.Future[Any]) -> None:
    if not future.cancelled():
        future.exception()


@functools.lru_cache(maxsize=8192)
def shared(view: T) -> T:
    """One object for equal read models (frozen, so equal means interchangeable): a thousand pages showing the same
    post keep one copy of it, not a thousand."""
    return view


async def _awaited_in(client: Client, result: Awaitable[None]) -> None:
    with client:  # elements created after an await still belong to this page
        try:
            await result
        except Unavailable:  # the database went away meanwhile: its return (Reconnected) brings the page up to date
            log.warning("a page could not follow an event: the database is out of reach")
