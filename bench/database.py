"""The benchmarks' own embedded database (bench/results/db), started through core's runtime like the app does."""

from __future__ import annotations

import asyncio
import contextlib
import sys
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from core import ANONYMOUS, Actor, Invalid, Settings, accounts, blog, runtime

from . import common

DATA = common.RESULTS / "db"


@asynccontextmanager
async def started(*, fresh: bool = False) -> AsyncIterator[str]:
    """core's runtime on the benchmark database (emptied first if `fresh`); yields its URL."""
    if fresh:
        common.fresh_dir(DATA)
    await runtime.start(Settings(data_dir=DATA, database_url=None))
    try:
        yield runtime.database_url()
    finally:
        await runtime.stop()


async def members(prefix: str, count: int) -> list[Actor]:
    """`count` signed-in members named prefix1..prefixN (registered if they are not yet)."""
    actors = []
    for n in range(1, count + 1):
        name = f"{prefix}{n}"
        with contextlib.suppress(Invalid):  # registered by an earlier run
            await accounts.register(ANONYMOUS, username=name, email=f"{name}@example.com", password=common.PASSWORD)
        signed = await accounts.sign_in(ANONYMOUS, login=name, password=common.PASSWORD)
        actors.append(await accounts.actor_for_session(signed.token))
    return actors


async def a_post(author: Actor, title: str) -> Any:
    """A published post to comment on."""
    return await blog.create_post(author, title=title, body="A post the benchmark comments on.", publish=True)


async def seed(data: Path, posts: int) -> float:
    """Add `posts` posts (and a user for every twenty) to the database in `data` with `python main.py seed`, as anyone
    growing a database would; the seconds it took."""
    started = time.perf_counter()
    seeding = await asyncio.create_subprocess_exec(
        sys.executable,
        "main.py",
        "--data-dir",
        str(data),
        "--log-level",
        "warning",
        "seed",
        "--posts",
        str(posts),
        "--users",
        str(max(10, posts // 20)),
        cwd=common.ROOT,
    )
    if await seeding.wait() != 0:
        raise RuntimeError("python main.py seed failed")
    return time.perf_counter() - started
