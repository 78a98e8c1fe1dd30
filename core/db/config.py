"""How Tortoise ORM reaches the database: one place lists the model modules and the connection."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tortoise.backends.base.config_generator import expand_db_url

MODEL_MODULES = [
    "core.accounts.models",
    "core.blog.models",
    "core.notifications.models",
    "core.audit.models",
    "core.pictures.models",
    "aerich.models",
]
MIGRATIONS = Path(__file__).resolve().parents[2] / "migrations"
APP = "models"
POOL_SIZE = 10  # connections per process: concurrent transactions beyond this wait for one


def tortoise_config(url: str, *, pool_size: int = POOL_SIZE) -> dict[str, Any]:
    """The Tortoise configuration for a PostgreSQL URL (postgresql://user:password@host:port/database)."""
    connection = expand_db_url(url)
    connection["credentials"].update(minsize=1, maxsize=pool_size)
    connection["engine"] = "core.db.backend"  # asyncpg's, with reads that survive a restart of the server
    return {
        "connections": {"default": connection},
        "apps": {APP: {"models": MODEL_MODULES, "default_connection": "default"}},
        "use_tz": True,
        "timezone": "UTC",
    }
