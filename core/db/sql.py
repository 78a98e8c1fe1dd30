"""Plain SQL for the queries the ORM cannot express well (feeds with counts, flags and keyset pages)."""

from __future__ import annotations

from typing import Any

from tortoise import connections


async def fetch(sql: str, *params: object) -> list[dict[str, Any]]:
    """Every row of a query, as dicts."""
    rows: list[dict[str, Any]] = await connections.get("default").execute_query_dict(sql, list(params))
    return rows


async def fetch_one(sql: str, *params: object) -> dict[str, Any] | None:
    """The first row of a query, or None."""
    rows = await fetch(sql, *params)
    return rows[0] if rows else None
