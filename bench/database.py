"""The benchmarks' own embedded database (bench/results/db), started through core's runtime like the app does."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
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
