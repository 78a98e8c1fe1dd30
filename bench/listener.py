"""A process that notes when each comment's event arrives: `python -m bench.listener DATABASE_URL [--bare]`.

By default it starts core's runtime on the given database (its own LISTEN connection, as every app process has)
and notes when each CommentAdded reaches a subscriber of the hub. With `--bare` it only LISTENs with asyncpg and
notes when PostgreSQL delivers the NOTIFY: having nothing else to do, it sees the commit the moment it is visible.
Either way it prints "ready", and at a line on its standard input prints the times as JSON ({comment id:
perf_counter seconds}; the clock is the machine's monotonic one, shared by processes).
"""

from __future__ import annotations

import asyncio
import json
import sys
import time
from collections.abc import Awaitable, Callable

import asyncpg

from core import Event, Settings, blog, hub, runtime
from core.events import CHANNEL, decode

Note = Callable[[Event, float], None]
Stop = Callable[[], Awaitable[None]]


async def listen(url: str, *, bare: bool) -> None:
    received: dict[int, float] = {}

    def note(event: Event, arrived: float) -> None:
        if isinstance(event, blog.CommentAdded):
            received[event.comment_id] = arrived

    stop = await (_bare(url, note) if bare else _through_core(url, note))
    print("ready", flush=True)
    await asyncio.get_running_loop().run_in_executor(None, sys.stdin.readline)
    await stop()
    print(json.dumps(received), flush=True)


async def _through_core(url: str, note: Note) -> Stop:
    await runtime.start(Settings(database_url=url, session_secret="benchmark listener secret"))
    unsubscribe = hub.subscribe(blog.COMMENTS_TOPIC, lambda event: note(event, time.perf_counter()))

    async def stop() -> None:
        unsubscribe()
        await runtime.stop()

    return stop


async def _bare(url: str, note: Note) -> Stop:
    def on_notify(_connection: object, _pid: int, _channel: str, payload: str) -> None:
        arrived = time.perf_counter()  # before decoding: the reference takes no more time than it must
        note(decode(payload), arrived)

    connection = await asyncpg.connect(url)
    await connection.add_listener(CHANNEL, on_notify)
    stop: Stop = connection.close
    return stop


if __name__ == "__main__":
    asyncio.run(listen(sys.argv[1], bare="--bare" in sys.argv[2:]))
