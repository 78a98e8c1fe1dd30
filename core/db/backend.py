"""Tortoise's asyncpg backend, whose reads outside a transaction survive a lost connection.

A read is safe to run twice: one that meets a connection the server dropped (a restart, a failover) runs
again on a fresh one, and a database still out of reach is `Unavailable` rather than a crash. Writes run in
actions, inside transactions, which core/db/transactions.py makes as safe.
"""

from __future__ import annotations

from typing import Any

from tortoise.backends.asyncpg.client import AsyncpgDBClient

from .transactions import reading


class ResilientClient(AsyncpgDBClient):
    """The pool's client for statements outside transactions."""

    async def execute_query(self, query: str, values: list[Any] | None = None) -> tuple[int, list[dict[str, Any]]]:
        run = super().execute_query
        return await reading(lambda: run(query, values))

    async def execute_query_dict(self, query: str, values: list[Any] | None = None) -> list[dict[str, Any]]:
        run = super().execute_query_dict
        return await reading(lambda: run(query, values))


client_class = ResilientClient  # what Tortoise looks for in an engine module
