"""Plain SQL for the queries the ORM cannot express well (feeds with counts, flags and keyset pages)."""

from __future__ import annotations

from typing import Any

from tortoise import connections

from .transactions import transactionally


async def fetch(sql: str, *params: object) -> list[dict[str, Any]]:
    """Every row of a query, as dicts."""
    rows: list[dict[str, Any]] = await connections.get("default").execute_query_dict(sql, list(params))
    return rows


async def fetch_one(sql: str, *params: object) -> dict[str, Any] | None:
    """The first row of a query, or None."""
    rows = await fetch(sql, *params)
    return rows[0] if rows else None


async def fetch_planned(sql: str, *params: object) -> list[dict[str, Any]]:
    """Every row of a query whose best plan depends on its values: planned anew for them each time.

    asyncpg prepares a statement once per connection, and after five runs PostgreSQL may settle on one generic plan
    for every value. A search must not: a common word is found by walking the newest posts until enough match, a
    rare one through the index of words, and only a plan made for the word knows which it is.
    """

    async def planned(connection: Any) -> list[dict[str, Any]]:
        await connection.execute_query("SET LOCAL plan_cache_mode = force_custom_plan")
        rows: list[dict[str, Any]] = await connection.execute_query_dict(sql, list(params))
        return rows

    return await transactionally(planned)


def storable(text: str) -> bool:
    """Whether PostgreSQL can hold `text` (no NUL, no lone surrogate): no row holds anything else, and PostgreSQL
    refuses it even as a parameter, so a lookup of such text finds nothing without asking."""
    return "\x00" not in text and not any("\ud800" <= char <= "\udfff" for char in text)
