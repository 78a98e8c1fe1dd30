"""The admin area's directory of users: searchable, paged, with each user's standing and activity."""

from __future__ import annotations

from ..access import ADMIN_AREA
from ..actor import Actor
from ..db.sql import fetch, fetch_one, storable
from .views import UserRow, UserView

PAGE = 25


async def list_users(actor: Actor, search: str = "", *, offset: int = 0, limit: int = PAGE) -> list[UserRow]:
    """Users whose name or e-mail contains `search`, newest first (moderators and admins only)."""
    ADMIN_AREA.require(actor)
    if not storable(search):  # no name holds it
        return []
    found = await fetch(
        """
        SELECT u.*,
               (SELECT count(*) FROM posts p WHERE p.author_id = u.id AND NOT p.archived) AS post_count,
               (SELECT count(*) FROM comments c WHERE c.author_id = u.id) AS comment_count
        FROM users u
        WHERE u.username ILIKE $1 OR u.email ILIKE $1
        ORDER BY u.id DESC LIMIT $2 OFFSET $3
        """,
        f"%{_escape_like(search.strip())}%",
        max(1, min(limit, 100)),
        max(0, offset),
    )
    return [
        UserRow(
            user=UserView.from_row(row).for_viewer(actor),
            banned_reason=row["banned_reason"],
            posts=row["post_count"],
            comments=row["comment_count"],
        )
        for row in found
    ]


async def count_users(actor: Actor, search: str = "") -> int:
    """How many users `list_users` would page through."""
    ADMIN_AREA.require(actor)
    if not storable(search):
        return 0
    row = await fetch_one(
        "SELECT count(*) AS n FROM users u WHERE u.username ILIKE $1 OR u.email ILIKE $1",
        f"%{_escape_like(search.strip())}%",
    )
    return int(row["n"]) if row else 0


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
