"""The database connection of this process: open it, bring the schema to the head migration, close it."""

from __future__ import annotations

from tortoise import Tortoise

from . import migrations
from .config import tortoise_config


async def connect(url: str) -> list[str]:
    """Open the connection pool and apply pending migrations; return the migrations applied."""
    config = tortoise_config(url)
    if not Tortoise.is_inited():
        # Request tasks don't inherit the start-up task's context: without the global fallback a real
        # server answers "No TortoiseContext is currently active".
        await Tortoise.init(config=config, _enable_global_fallback=True)
    return await migrations.upgrade(config)


async def disconnect() -> None:
    """Close every connection of the pool."""
    if Tortoise.is_inited():
        await Tortoise.close_connections()


__all__ = ["connect", "disconnect", "migrations", "tortoise_config"]
