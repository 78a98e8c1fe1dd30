"""Figure 3, event latency: from an action's commit to its event reaching a subscriber, in the same process and in
a second process (each has its own LISTEN connection), with one actor at a time and under the 8-actor load.

The commit's moment is taken right before the action's COMMIT is sent (the benchmark wraps the transaction of
`core.actions`); the arrival, in each subscriber, when the hub hands it the CommentAdded. Both processes read the
machine's monotonic clock.
"""

from __future__ import annotations

import asyncio
import json
import sys
import time
from asyncio.subprocess import PIPE
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from tortoise.transactions import in_transaction

from core import Event, blog, hub
from core.db import transactions

from . import common, database
from .stats import summary_ms, table

BODY = "A comment whose event is timed."
MODES = {"one actor, a comment every 20 ms": 1, "under load: 8 actors without pause": 8}


class CommitClock:
    """Wraps core's transactions (core/db/transactions.py) to note the moment each COMMIT is sent, per task."""

    def __init__(self) -> None:
        self.sent: dict[asyncio.Task[Any] | None, float] = {}
        self.original = in_transaction

    def __enter__(self) -> CommitClock:
        original, sent = self.original, self.sent

        @asynccontextmanager
        async def timed(*args: Any, **kwargs: Any) -> AsyncIterator[Any]:
            async with original(*args, **kwargs) as connection:
                yield connection
                sent[asyncio.current_task()] = time.perf_counter()  # the block is done: COMMIT goes next

        setattr(transactions, "in_transaction", timed)  # noqa: B010  (the name the runner's transactions are opened by)
        return self

    def __exit__(self, *_: object) -> None:
        setattr(transactions, "in_transaction", self.original)  # noqa: B010


async def load(actors: list[Any], post_id: int, seconds: float, pause: float, clock: CommitClock) -> dict[int, float]:
    """Comments added for `seconds`; {comment id: when its COMMIT was sent}."""
    committed: dict[int, float] = {}
    stop = time.perf_counter() + seconds

    async def actor_loop(actor: Any) -> None:
        while time.perf_counter() < stop:
            comment = await blog.add_comment(actor, post_id=post_id, body=f"{BODY} ({len(committed)})")
            committed[comment.id] = clock.sent.pop(asyncio.current_task())
            if pause:
                await asyncio.sleep(pause)

    await asyncio.gather(*(actor_loop(actor) for actor in actors))
    return committed


async def measure(seconds: float) -> dict[str, Any]:
    async with database.started() as url:
        actors = await database.members("actor", 8)
        author = (await database.members("author", 1))[0]
        post = await database.a_post(author, "The post the event benchmark comments on")
        here: dict[int, float] = {}

        def on_event(event: Event) -> None:
            if isinstance(event, blog.CommentAdded):
                here[event.comment_id] = time.perf_counter()

        unsubscribe = hub.subscribe(blog.COMMENTS_TOPIC, on_event)
        other = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "bench.listener",
            url,
            cwd=common.ROOT,
            stdin=PIPE,
            stdout=PIPE,
            limit=2**24,  # its answer is one JSON line of every arrival
        )
        assert other.stdout is not None
        assert other.stdin is not None
        ready = (await other.stdout.readline()).decode()
        if ready.strip() != "ready":
            raise RuntimeError(f"the second process did not start: {ready!r}")
        committed: dict[str, dict[int, float]] = {}
        with CommitClock() as clock:
            for mode, n in MODES.items():
                common.progress(f"events: {mode}, {seconds:.0f} s")
                committed[mode] = await load(actors[:n], post.id, seconds, 0.02 if n == 1 else 0.0, clock)
        await asyncio.sleep(1.0)  # the last events arrive
        unsubscribe()
        other.stdin.write(b"stop\n")
        await other.stdin.drain()
        there = {int(k): v for k, v in json.loads(await other.stdout.readline()).items()}
        await asyncio.wait_for(other.wait(), 30)
    runs = []
    for mode, sent in committed.items():
        for where, received in (("same process", here), ("second process", there)):
            delays = [received[i] - t for i, t in sent.items() if i in received]
            runs.append(
                {"mode": mode, "where": where, "events": len(sent), "received": len(delays), **summary_ms(delays)}
            )
    return {"runs": runs, "seconds": seconds}


def run(seconds: float) -> dict[str, Any]:
    """Measure, print the table, write bench/results/events.json."""
    result = asyncio.run(measure(seconds))
    common.save("events", result)
    print(render(result))
    return result


HEADERS = ["load", "subscriber", "events", "received", "p50 ms", "p95 ms", "p99 ms", "max ms"]


def render(result: dict[str, Any], *, markdown: bool = False) -> str:
    """The figure's table."""
    rows = [
        [r["mode"], r["where"], r["events"], r["received"], r["p50"], r["p95"], r["p99"], r["max"]]
        for r in result["runs"]
    ]
    return table(HEADERS, rows, markdown=markdown)


def plot(result: dict[str, Any], folder: Path) -> list[Path]:
    """p50 and p95 per load and subscriber."""
    import matplotlib  # noqa: PLC0415

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt  # noqa: PLC0415

    runs = result["runs"]
    figure, axes = plt.subplots(figsize=(6, 3.6))
    labels = [f"{r['where']}\n{'load' if 'load' in r['mode'] else 'one actor'}" for r in runs]
    positions = range(len(runs))
    axes.bar([p - 0.2 for p in positions], [r["p50"] for r in runs], width=0.4, label="p50")
    axes.bar([p + 0.2 for p in positions], [r["p95"] for r in runs], width=0.4, label="p95")
    axes.set_xticks(list(positions), labels, fontsize=8)
    axes.set_ylabel("commit → subscriber (ms)")
    axes.grid(alpha=0.3, axis="y")
    axes.legend(fontsize=8)
    figure.tight_layout()
    path = folder / "events.png"
    figure.savefig(path, dpi=110)
    plt.close(figure)
    return [path]
