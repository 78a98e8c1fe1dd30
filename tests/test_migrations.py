"""aerich owns the schema: a fresh database reaches the head migration, and the models agree with it."""

from __future__ import annotations

import asyncio
import os
import sys

import asyncpg
from aerich.models import Aerich

from core import runtime
from core.db import migrations, tortoise_config
from core.db.config import MIGRATIONS

from .database import create_database

ROOT = MIGRATIONS.parent


def migration_files() -> list[str]:
    return sorted(p.name for p in (MIGRATIONS / "models").glob("*.py") if p.name[0].isdigit())


async def test_the_session_database_was_built_by_every_migration_in_order() -> None:
    applied = [row.version for row in await Aerich.filter(app="models").order_by("id")]
    assert applied == migration_files()
    assert applied  # there is at least the initial migration


async def test_the_models_and_the_migrations_agree() -> None:
    assert await migrations.pending_changes(tortoise_config(runtime.database_url())) == []


async def test_the_upgrade_command_brings_a_brand_new_database_to_the_head(database_url: str) -> None:
    fresh = await create_database(database_url, "tidings_fresh")
    upgraded = await run_main("db", "upgrade", database_url=fresh)
    assert "head migration" in upgraded
    assert (await run_main("db", "history", database_url=fresh)).split() == migration_files()


async def run_main(*args: str, database_url: str) -> str:
    """Run `python main.py ARGS` against a database; return what it printed."""
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "main.py",
        *args,
        cwd=ROOT,
        env={**os.environ, "DATABASE_URL": database_url},
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    output, errors = await asyncio.wait_for(process.communicate(), 120)
    assert process.returncode == 0, errors.decode()
    return output.decode()


async def test_a_model_change_without_a_migration_is_reported() -> None:
    last = await Aerich.filter(app="models").order_by("-id").first()
    assert last is not None
    original = last.content
    recorded = {**original, "models.Comment": {**original["models.Comment"]}}
    recorded["models.Comment"]["data_fields"] = [
        field for field in original["models.Comment"]["data_fields"] if field["name"] != "body"
    ]
    last.content = recorded
    await last.save()
    try:
        changes = await migrations.pending_changes(tortoise_config(runtime.database_url()))
    finally:
        last.content = original
        await last.save()
    assert any('"comments"' in change and '"body"' in change for change in changes), changes


async def test_every_migration_applies_to_a_database_that_holds_rows(database_url: str) -> None:
    rehearsal = await create_database(database_url, "tidings_rehearsal")
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "tests.migration_rehearsal",
        rehearsal,
        cwd=ROOT,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    output, errors = await asyncio.wait_for(process.communicate(), 120)
    assert process.returncode == 0, errors.decode()[-3000:]
    assert output.decode().split() == migration_files()
    connection = await asyncpg.connect(rehearsal)
    try:  # what was there before the search (migration 7) is found by it
        posts = await connection.fetchval("SELECT count(*) FROM posts WHERE search @@ 'world'::tsquery")
        people = await connection.fetchval("SELECT count(*) FROM users WHERE search @@ 'ann'::tsquery")
    finally:
        await connection.close()
    assert (posts, people) == (2, 1)
