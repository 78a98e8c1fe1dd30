"""The event hub: one LISTEN connection per process hands every committed event to the subscribers here."""

from __future__ import annotations

import asyncio
import inspect
import logging
import time
from collections import defaultdict
from collections.abc import Awaitable, Callable, Iterable
from typing import Any

import asyncpg

from .events import CHANNEL, EVERYTHING, Event, Reconnected, decode, encode

log = logging.getLogger(__name__)

Handler = Callable[[Event], Awaitable[None] | None]
Unsubscribe = Callable[[], None]
HEALTH_CHECK_SECONDS = 5.0
LISTENER_NAME = "tidings-listener"  # how the LISTEN connection shows in pg_stat_activity


class EventHub:
    """Receives events with LISTEN (reconnecting when the database restarts) and calls the subscribers."""

    def __init__(self) -> None:
        self._handlers: dict[str, list[Handler]] = defaultdict(list)
        self._tasks: set[asyncio.Task[None]] = set()
        self._connection: asyncpg.Connection | None = None
        self._lost = asyncio.Event()
        self._watchdog: asyncio.Task[None] | None = None
        self._on_reconnect: Callable[[], Awaitable[None]] | None = None

    def subscribe(self, topic: str, handler: Handler) -> Unsubscribe:
        """Call `handler` with every event on `topic` until the returned function is called."""
        handlers = self._handlers[topic]
        handlers.append(handler)

        def unsubscribe() -> None:
            if handler in handlers:
                handlers.remove(handler)
            if not handlers:
                self._handlers.pop(topic, None)

        return unsubscribe

    def subscriber_count(self) -> int:
        """How many subscriptions are open (to find pages that forgot to unsubscribe)."""
        return sum(len(handlers) for handlers in self._handlers.values())

    async def start(self, dsn: str, on_reconnect: Callable[[], Awaitable[None]] | None = None) -> None:
        """Open the LISTEN connection and keep it open until `stop`; `on_reconnect` runs before pages hear of it."""
        self._dsn = dsn
        self._on_reconnect = on_reconnect
        await self._listen()
        self._watchdog = asyncio.create_task(self._keep_listening(), name="event hub watchdog")

    async def stop(self) -> None:
        """Close the LISTEN connection."""
        if self._watchdog:
            self._watchdog.cancel()
            await asyncio.gather(self._watchdog, return_exceptions=True)
            self._watchdog = None
        if self._connection and not self._connection.is_closed():
            await self._connection.close()
        self._connection = None

    def dispatch(self, event: Event) -> None:
        """Hand `event` to the subscribers of its topics; a failing subscriber is logged and skipped."""
        topics: Iterable[str] = self._handlers if isinstance(event, Reconnected) else (*event.topics, EVERYTHING)
        called: set[int] = set()
        for topic in list(topics):
            for handler in tuple(self._handlers.get(topic, ())):
                if id(handler) not in called:
                    called.add(id(handler))
                    self._call(handler, event)

    def _call(self, handler: Handler, event: Event) -> None:
        try:
            result = handler(event)
        except Exception:
            log.exception("event subscriber %r failed on %r", handler, event)
            return
        if inspect.isawaitable(result):
            task: asyncio.Task[None] = asyncio.ensure_future(result)
            self._tasks.add(task)
            task.add_done_callback(self._finished)

    def _finished(self, task: asyncio.Task[None]) -> None:
        self._tasks.discard(task)
        if not task.cancelled() and task.exception():
            log.error("event subscriber failed", exc_info=task.exception())

    def _on_notify(self, _connection: object, _pid: int, _channel: str, payload: str) -> None:
        try:
            event = decode(payload)
        except (KeyError, TypeError, ValueError):
            log.exception("undecodable event payload %r", payload[:200])
            return
        self.dispatch(event)

    def _on_terminated(self, connection: object) -> None:
        if connection is self._connection:  # not a connection we dropped on purpose
            self._lost.set()

    async def _listen(self) -> None:
        connection = await asyncpg.connect(self._dsn, server_settings={"application_name": LISTENER_NAME})
        connection.add_termination_listener(self._on_terminated)
        await connection.add_listener(CHANNEL, self._on_notify)
        self._connection = connection
        self._lost.clear()

    async def _keep_listening(self) -> None:
        while True:
            try:
                await asyncio.wait_for(self._lost.wait(), timeout=HEALTH_CHECK_SECONDS)
            except TimeoutError:
                if await self._alive():
                    continue
            await self._reconnect()

    async def _alive(self) -> bool:
        # A connection can die without the socket noticing (a frozen server, a dropped route).
        try:
            assert self._connection is not None
            await self._connection.fetchval("SELECT 1", timeout=HEALTH_CHECK_SECONDS)
        except (OSError, TimeoutError, AssertionError, asyncpg.PostgresError, asyncpg.InterfaceError):
            return False
        return True

    async def _reconnect(self) -> None:
        log.warning("event listener lost its database connection; reconnecting")
        if self._connection is not None:
            self._connection.terminate()
        delay = 0.1
        while True:
            try:
                await self._listen()
                break
            except (OSError, asyncpg.PostgresError, asyncpg.InterfaceError):
                await asyncio.sleep(delay)
                delay = min(delay * 2, 2.0)
        log.warning("event listener reconnected")
        if self._on_reconnect is not None:
            await self._on_reconnect()
        self.dispatch(Reconnected(at=time.time()))


async def send(connection: Any, events: list[Event]) -> None:
    """NOTIFY `events` on `connection` inside its open transaction: delivered if and only if it commits."""
    if events:
        await connection.execute_query(
            "SELECT pg_notify($1, payload) FROM unnest($2::text[]) AS payload", [CHANNEL, [encode(e) for e in events]]
        )


_hub = EventHub()
subscribe = _hub.subscribe
dispatch = _hub.dispatch
subscriber_count = _hub.subscriber_count
start = _hub.start
stop = _hub.stop
