"""The database connection of this process: open it, bring the schema to the head migration, close it."""

from __future__ import annotations

from urllib.parse import urlsplit

import asyncpg
from tortoise import Tortoise

from . import migrations
from .config import tortoise_config
from .transactions import expire_connections


async def connect(url: str) -> list[str]:
    """Open the connection pool and apply pending migrations; return the migrations applied."""
    config = tortoise_config(url)
    if not Tortoise.is_inited():
        # Request tasks don't inherit the start-up task's context: without the global fallback a real
        # server answers "No TortoiseContext is currently active".
        await Tortoise.init(config=config, _enable_global_fallback=True)
    return await migrations.upgrade(config)


async def probe(url: str) -> str | None:
    """Why the database at `url` cannot be used (in words, without its password), or None when it can."""
    try:
        connection = await asyncpg.connect(url, timeout=10)
    except (OSError, TimeoutError, ValueError, asyncpg.PostgresError, asyncpg.InterfaceError) as error:
        parts = urlsplit(url)
        where = f"{parts.hostname or 'localhost'}:{parts.port or 5432}{parts.path}"
        return f"cannot connect to PostgreSQL at {where}: {error or type(error).__name__}"
    await connection.close()
    return None


async def disconnect() -> None:
    """Close every connection of the pool."""
    if Tortoise.is_inited():
        await Tortoise.close_connections()


__all__ = ["connect", "disconnect", "expire_connections", "migrations", "probe", "tortoise_config"]
