"""aerich owns the schema: apply the committed migrations, make new ones, and find model changes not yet migrated."""

from __future__ import annotations

from typing import Any

from aerich import Command
from aerich.migrate import Migrate
from aerich.utils import get_models_describe

from .config import APP, MIGRATIONS


async def upgrade(config: dict[str, Any]) -> list[str]:
    """Apply every migration the database has not seen yet; return their file names."""
    command = await _command(config)
    return await command.upgrade(run_in_transaction=True)


async def make_migration(config: dict[str, Any], name: str) -> str:
    """Write a migration for the model changes since the last one; return its file name ('' when none)."""
    command = await _command(config)
    return await command.migrate(name=name, no_input=True)


async def history(config: dict[str, Any]) -> list[str]:
    """Every committed migration file, oldest first."""
    command = await _command(config)
    return await command.history()


async def pending_changes(config: dict[str, Any]) -> list[str]:
    """The SQL a new migration would hold: empty when the models and the migrations agree."""
    await _command(config)
    current = get_models_describe(APP)
    last = Migrate._last_version_content or {}
    # The same comparison `aerich migrate` makes, without writing a file.
    Migrate.upgrade_operators, Migrate.downgrade_operators = [], []
    Migrate.diff_models(last, current, no_input=True)
    Migrate.diff_models(current, last, False, no_input=True)
    Migrate._merge_operators()
    changes = list(Migrate.upgrade_operators)
    Migrate.upgrade_operators, Migrate.downgrade_operators = [], []
    return changes


async def _command(config: dict[str, Any]) -> Command:
    command = Command(tortoise_config=config, app=APP, location=str(MIGRATIONS))
    await command.init()  # uses the Tortoise context the app already opened
    return command
