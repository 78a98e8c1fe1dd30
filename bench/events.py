"""Figure 3, event latency: from an action's commit to its event reaching a subscriber, in the same process and in
a second process (each has its own LISTEN connection), with one actor at a time and under the 8-actor load.

The commit's moment is seen from outside, as any client sees it: PostgreSQL delivers a NOTIFY only once its
transaction has committed, so the first process to receive it (of the two above and a third that only LISTENs, bare
asyncpg with nothing else to do, which a busy event loop cannot hold up) marks when the commit became visible. The
figure is what Tidings adds to that delivery: its listener, the hub, the wait for a busy event loop. Every process
reads the machine's monotonic clock; no code of core is wrapped or patched.
"""

from __future__ import annotations

import asyncio
import json
import sys
import time
from asyncio.subprocess import PIPE, Process
from pathlib import Path
from typing import Any

from core import Event, blog, hub

from . import common, database
from .stats import summary_ms, table

BODY = "A comment whose event is timed."
MODES = {"one actor, a comment every 20 ms": 1, "under load: 8 actors without pause": 8}


async def load(actors: list[Any], post_id: int, seconds: float, pause: float) -> list[int]:
    """Comments added for `seconds`; their ids."""
    added: list[int] = []
    stop = time.perf_counter() + seconds

    async def actor_loop(actor: Any) -> None:
        while time.perf_counter() < stop:
            comment = await blog.add_comment(actor, post_id=post_id, body=f"{BODY} ({len(added)})")
            added.append(comment.id)
            if pause:
                await asyncio.sleep(pause)

    await asyncio.gather(*(actor_loop(actor) for actor in actors))
    return added


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
        other, bare = await listener(url), await listener(url, "--bare")
        added: dict[str, list[int]] = {}
        for mode, n in MODES.items():
            common.progress(f"events: {mode}, {seconds:.0f} s")
            added[mode] = await load(actors[:n], post.id, seconds, 0.02 if n == 1 else 0.0)
        await asyncio.sleep(1.0)  # the last events arrive
        unsubscribe()
        there, alone = await arrivals(other), await arrivals(bare)
    committed = first_arrivals(here, there, alone)
    runs = []
    for mode, ids in added.items():
        for where, received in (("same process", here), ("second process", there)):
            delays = [received[i] - committed[i] for i in ids if i in received]
            runs.append(
                {"mode": mode, "where": where, "events": len(ids), "received": len(delays), **summary_ms(delays)}
            )
    return {"runs": runs, "seconds": seconds}


def first_arrivals(*each_process: dict[int, float]) -> dict[int, float]:
    """{comment id: the first moment any process received its event}: the commit was visible by then."""
    first: dict[int, float] = {}
    for received in each_process:
        for comment_id, moment in received.items():
            first[comment_id] = min(moment, first.get(comment_id, moment))
    return first


async def listener(url: str, *args: str) -> Process:
    """A `bench.listener` process, once it is listening."""
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bench.listener",
        url,
        *args,
        cwd=common.ROOT,
        stdin=PIPE,
        stdout=PIPE,
        limit=2**24,  # its answer is one JSON line of every arrival
    )
    assert process.stdout is not None
    ready = (await process.stdout.readline()).decode()
    if ready.strip() != "ready":
        raise RuntimeError(f"a listener process did not start: {ready!r}")
    return process


async def arrivals(process: Process) -> dict[int, float]:
    """What a `bench.listener` process noted: {comment id: when its event arrived}; the process ends."""
    assert process.stdin is not None
    assert process.stdout is not None
    process.stdin.write(b"stop\n")
    await process.stdin.drain()
    received = {int(k): v for k, v in json.loads(await process.stdout.readline()).items()}
    await asyncio.wait_for(process.wait(), 30)
    return received


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
