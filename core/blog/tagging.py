"""Attaching normalised tags to a post (tags are created the first time someone uses them)."""

from __future__ import annotations

from typing import Any


async def set_tags(connection: Any, post_id: int, names: list[str]) -> None:
    """Make `names` the post's tags, in three statements whatever their number.

    Only the tags that change are written: each change makes PostgreSQL read the post again for its search document
    (migration 7), which for a long text is the most of what saving it costs.
    """
    await connection.execute_query(
        "DELETE FROM post_tags pt USING tags t"
        " WHERE pt.post_id = $1 AND t.id = pt.tag_id AND t.name <> ALL($2::text[])",
        [post_id, names],
    )
    if not names:
        return
    # Two statements, not one: the second needs a fresh snapshot to see a tag that a concurrent
    # transaction created (our INSERT waited for it and skipped the name).
    await connection.execute_query(
        "INSERT INTO tags (name) SELECT unnest($1::text[]) ON CONFLICT (name) DO NOTHING", [names]
    )
    await connection.execute_query(
        "INSERT INTO post_tags (post_id, tag_id) SELECT $1, id FROM tags WHERE name = ANY($2::text[])"
        " ON CONFLICT (post_id, tag_id) DO NOTHING",
        [post_id, names],
    )


async def tags_of(connection: Any, post_id: int) -> list[str]:
    """The post's tags, by name."""
    rows = await connection.execute_query_dict(
        "SELECT t.name FROM post_tags pt JOIN tags t ON t.id = pt.tag_id WHERE pt.post_id = $1",
        [post_id],
    )
    return sorted(row["name"] for row in rows)
