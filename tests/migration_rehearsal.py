"""Rehearse every migration on a database that holds rows (run in its own process: it owns its Tortoise context).

python -m tests.migration_rehearsal DATABASE_URL

Applies the first migration, fills the tables it made with rows, then applies each later migration in turn,
the way a deployed database meets them. Prints one line per migration applied.
"""

from __future__ import annotations

import asyncio
import shutil
import sys
import tempfile
from pathlib import Path

from aerich import Command
from tortoise import Tortoise

from core.db.config import APP, MIGRATIONS, tortoise_config

ROWS_AFTER_FIRST_MIGRATION = """
INSERT INTO users (username, email, password_hash, role, created_at, updated_at)
    VALUES ('ann', 'ann@example.com', 'x', 'member', now(), now());
INSERT INTO posts (title, body, status, published_at, created_at, updated_at, author_id) VALUES
    ('Hello, World!', 'text', 'published', now(), now(), now(), 1),
    ('Hello, World!', 'text', 'draft', NULL, now(), now(), 1);
INSERT INTO comments (body, created_at, author_id, post_id) VALUES ('first', now(), 1, 1);
"""


async def rehearse(url: str) -> None:
    files = sorted((MIGRATIONS / APP).glob("[0-9]*_*.py"), key=lambda path: int(path.name.split("_")[0]))
    staged = Path(tempfile.mkdtemp(prefix="tidings-migrations-"))
    (staged / APP).mkdir()
    config = tortoise_config(url)
    await Tortoise.init(config=config)
    try:
        for number, path in enumerate(files):
            shutil.copy(path, staged / APP / path.name)
            command = Command(tortoise_config=config, app=APP, location=str(staged))
            await command.init()
            print(*await command.upgrade(run_in_transaction=True))
            if number == 0:
                await Tortoise.get_connection("default").execute_script(ROWS_AFTER_FIRST_MIGRATION)
    finally:
        await Tortoise.close_connections()
        shutil.rmtree(staged)


if __name__ == "__main__":
    asyncio.run(rehearse(sys.argv[1]))
