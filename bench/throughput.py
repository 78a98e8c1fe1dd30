"""Figure 2, action throughput: `add_comment` through the whole of core (validation, policy, transaction, notify
the author, audit, event, the comment read back) by 1, 8 and 32 concurrent actors, beside the limit measured in
the same run: a raw asyncpg INSERT of the same row with its COMMIT, on the same database with as many connections
as core's pool. A pyinstrument profile of the 8-actor run says where the rest goes.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import asyncpg

from core import blog

from . import common, database
from .stats import breakdown, summary_ms, table

TARGET_SHARE = 0.40
SLICES = 4
POOL = 10  # core's pool size (core/db/config.py)
INSERT = "INSERT INTO comments (post_id, author_id, body, created_at, updated_at) VALUES ($1, $2, $3, now(), now())"
BODY = "A comment written by the benchmark: a sentence or two, as people write them."


async def core_load(actors: list[Any], post_id: int, seconds: float) -> list[float]:
    """Each actor adds comments in a loop for `seconds`; the duration of every action."""
    durations: list[float] = []
    stop = time.perf_counter() + seconds

    async def actor_loop(actor: Any) -> None:
        while time.perf_counter() < stop:
            started = time.perf_counter()
            # A text of its own each time, as people write: nothing rendered can be reused.
            await blog.add_comment(actor, post_id=post_id, body=f"{BODY} ({len(durations)})")
            durations.append(time.perf_counter() - started)

    await asyncio.gather(*(actor_loop(actor) for actor in actors))
    return durations


async def raw_load(url: str, authors: list[int], post_id: int, seconds: float) -> list[float]:
    """The same rows inserted with plain asyncpg, one transaction each, by as many workers."""
    durations: list[float] = []
    pool = await asyncpg.create_pool(url, min_size=min(POOL, len(authors)), max_size=POOL)
    stop = time.perf_counter() + seconds

    async def worker(author_id: int) -> None:
        while time.perf_counter() < stop:
            started = time.perf_counter()
            async with pool.acquire() as connection, connection.transaction():
                await connection.execute(INSERT, post_id, author_id, f"{BODY} ({len(durations)})")
            durations.append(time.perf_counter() - started)

    try:
        await asyncio.gather(*(worker(author) for author in authors))
    finally:
        await pool.close()
    return durations


class Meter:
    """CPU time of this process and of the benchmark database's processes."""

    def __init__(self) -> None:
        self.folder = str(database.DATA / "postgres")

    @contextlib.contextmanager
    def measuring(self) -> Iterator[dict[str, float]]:
        """CPU seconds used inside the block: {"python": ..., "db": ...} (filled in when it ends)."""
        from .tabs import database_cpu  # noqa: PLC0415  (psutil: the bench extra)

        used: dict[str, float] = {}
        python, db = time.process_time(), database_cpu(self.folder)
        yield used
        used["python"], used["db"] = time.process_time() - python, database_cpu(self.folder) - db


BUCKETS = (
    ("tortoise", "Tortoise ORM (models, queries, transactions)"),
    ("asyncpg", "asyncpg (protocol, encoding)"),
    ("pydantic", "validation (pydantic)"),
    ("casbin", "policy (Casbin)"),
    ("markdown_it", "Markdown rendering of the comment read back"),
    ("nh3", "Markdown rendering of the comment read back"),
    ("/core/", "core's own code"),
    ("dataclasses", "core's own code"),
    ("json", "core's own code"),
    ("asyncio", "event loop: scheduling the actors' tasks"),
)


async def profile(actors: list[Any], post_id: int, seconds: float) -> dict[str, Any]:
    """Profile the core load with pyinstrument; a breakdown and the text tree (kept in bench/results)."""
    from pyinstrument import Profiler  # noqa: PLC0415

    profiler = Profiler(interval=0.0005, async_mode="disabled")
    profiler.start()
    await core_load(actors, post_id, seconds)
    session = profiler.stop()
    text = profiler.output_text(unicode=True, color=False, show_all=False)
    (common.RESULTS / "throughput-profile.txt").write_text(text)
    root = session.root_frame()
    return {
        "breakdown": breakdown(root, BUCKETS, "event loop: scheduling the actors' tasks") if root else {},
        "profile_file": "bench/results/throughput-profile.txt",
    }


async def statements_per_action(actor: Any, post_id: int) -> int:
    """How many statements one add_comment sends to PostgreSQL (BEGIN and COMMIT included)."""
    from asyncpg.connection import Connection  # noqa: PLC0415

    counted = 0
    execute, extended = Connection.execute, Connection._execute

    async def simple(self: Any, query: str, *args: Any, **kwargs: Any) -> Any:
        nonlocal counted
        counted += not args  # with arguments, execute goes through _execute (counted there)
        return await execute(self, query, *args, **kwargs)

    async def prepared(self: Any, *args: Any, **kwargs: Any) -> Any:
        nonlocal counted
        counted += 1
        return await extended(self, *args, **kwargs)

    Connection.execute, Connection._execute = simple, prepared
    try:
        await blog.add_comment(actor, post_id=post_id, body=BODY)
    finally:
        Connection.execute, Connection._execute = execute, extended
    return counted


async def measure(concurrency: list[int], seconds: float) -> dict[str, Any]:
    """Both loads at each concurrency, alternating, then the profile at 8 actors."""
    async with database.started() as url:
        actors = await database.members("actor", max(concurrency))
        author = (await database.members("author", 1))[0]
        post = await database.a_post(author, "The post the throughput benchmark comments on")
        await core_load(actors[:2], post.id, 1.0)  # warm up both paths
        await raw_load(url, [a.id for a in actors[:2] if a.id is not None], post.id, 1.0)
        meter = Meter()
        ids = [actor.id for actor in actors if actor.id is not None]
        runs = []
        for n in concurrency:
            common.progress(f"throughput: {n} actor(s), core and raw alternating, {seconds:.0f} s each")
            core: list[float] = []
            raw: list[float] = []
            cpu = {"core_python": 0.0, "core_db": 0.0, "raw_python": 0.0, "raw_db": 0.0}
            # Alternating slices: a load that comes and goes on this shared machine hits both alike.
            for _ in range(SLICES):
                with meter.measuring() as used:
                    core += await core_load(actors[:n], post.id, seconds / SLICES)
                cpu["core_python"] += used["python"]
                cpu["core_db"] += used["db"]
                with meter.measuring() as used:
                    raw += await raw_load(url, ids[:n], post.id, seconds / SLICES)
                cpu["raw_python"] += used["python"]
                cpu["raw_db"] += used["db"]
            runs.append(
                {
                    "actors": n,
                    "core_per_s": len(core) / seconds,
                    "raw_per_s": len(raw) / seconds,
                    "share": len(core) / max(1, len(raw)),
                    "core_ms": summary_ms(core),
                    "raw_ms": summary_ms(raw),
                    "core_python_cpu_ms": 1000 * cpu["core_python"] / max(1, len(core)),
                    "core_db_cpu_ms": 1000 * cpu["core_db"] / max(1, len(core)),
                    "raw_python_cpu_ms": 1000 * cpu["raw_python"] / max(1, len(raw)),
                    "raw_db_cpu_ms": 1000 * cpu["raw_db"] / max(1, len(raw)),
                }
            )
        common.progress("throughput: profiling 8 actors with pyinstrument")
        profiled = await profile(actors[:8], post.id, max(2.0, seconds / 2))
        profiled["statements_core"] = await statements_per_action(actors[0], post.id)
        profiled["statements_raw"] = 3  # BEGIN, INSERT, COMMIT
    return {"runs": runs, "seconds": seconds, "pool": POOL, **profiled}


def run(concurrency: list[int], seconds: float) -> dict[str, Any]:
    """Measure, print the table, write bench/results/throughput.json."""
    result = asyncio.run(measure(concurrency, seconds))
    common.save("throughput", result)
    print(render(result))
    return result


HEADERS = [
    "actors",
    "core actions/s",
    "raw INSERT/s",
    "core ÷ raw",
    "core p50 ms",
    "core p95 ms",
    "raw p50 ms",
    "Python CPU ms/action (core, raw)",
    "DB CPU ms/action (core, raw)",
]


def render(result: dict[str, Any], *, markdown: bool = False) -> str:
    """The figure's tables: rates, then where the time goes."""
    rows = [
        [
            r["actors"],
            r["core_per_s"],
            r["raw_per_s"],
            f"{100 * r['share']:.0f}%",
            r["core_ms"]["p50"],
            r["core_ms"]["p95"],
            r["raw_ms"]["p50"],
            f"{r['core_python_cpu_ms']:.2f}, {r['raw_python_cpu_ms']:.2f}",
            f"{r['core_db_cpu_ms']:.2f}, {r['raw_db_cpu_ms']:.2f}",
        ]
        for r in result["runs"]
    ]
    parts = [table(HEADERS, rows, markdown=markdown)]
    if result.get("breakdown"):
        shares = [[name, f"{100 * share:.0f}%"] for name, share in result["breakdown"].items() if share >= 0.005]
        parts.append(
            table(["where the 8-actor core load spends its time (pyinstrument)", "share"], shares, markdown=markdown)
        )
    parts.append(
        f"statements sent per action: core {result.get('statements_core', '?')}, raw {result.get('statements_raw', 3)}"
    )
    return "\n\n".join(parts)


def verdicts(result: dict[str, Any]) -> list[tuple[str, str, bool]]:
    """The issue's target: at least 40% of the raw rate at 8 actors."""
    for r in result["runs"]:
        if r["actors"] == 8:
            return [
                ("core ≥ 40% of raw INSERT rate at 8 actors", f"{100 * r['share']:.0f}%", r["share"] >= TARGET_SHARE)
            ]
    return []


def plot(result: dict[str, Any], folder: Path) -> list[Path]:
    """Rates against actors, core beside raw."""
    import matplotlib  # noqa: PLC0415

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt  # noqa: PLC0415

    runs = result["runs"]
    figure, axes = plt.subplots(figsize=(6, 3.6))
    positions = range(len(runs))
    axes.bar([p - 0.2 for p in positions], [r["core_per_s"] for r in runs], width=0.4, label="add_comment via core")
    axes.bar([p + 0.2 for p in positions], [r["raw_per_s"] for r in runs], width=0.4, label="raw asyncpg INSERT+COMMIT")
    axes.set_xticks(list(positions), [str(r["actors"]) for r in runs])
    axes.set_xlabel("concurrent actors")
    axes.set_ylabel("per second")
    axes.grid(alpha=0.3, axis="y")
    axes.legend(fontsize=8)
    figure.tight_layout()
    path = folder / "throughput.png"
    figure.savefig(path, dpi=110)
    plt.close(figure)
    return [path]
