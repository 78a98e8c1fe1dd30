"""A second process subscribed to core's events: `python -m bench.listener DATABASE_URL`.

It starts core's runtime on the given database (its own LISTEN connection, as every app process has), records
when each CommentAdded reaches its subscriber, prints "ready", and at a line on its standard input prints the
times as JSON ({comment id: perf_counter seconds}; the clock is the machine's monotonic one, shared by processes).
"""

from __future__ import annotations

import asyncio
import json
import sys
import time

from core import Settings, blog, hub, runtime


async def listen(url: str) -> None:
    await runtime.start(Settings(database_url=url, session_secret="benchmark listener secret"))
    received: dict[int, float] = {}

    def on_event(event: object) -> None:
        if isinstance(event, blog.CommentAdded):
            received[event.comment_id] = time.perf_counter()

    unsubscribe = hub.subscribe(blog.COMMENTS_TOPIC, on_event)
    print("ready", flush=True)
    await asyncio.get_running_loop().run_in_executor(None, sys.stdin.readline)
    unsubscribe()
    await runtime.stop()
    print(json.dumps(received), flush=True)


if __name__ == "__main__":
    asyncio.run(listen(sys.argv[1]))
