"""Removing the pictures nothing shows any more: no profile, no post (drafts and archived ones included), no comment.

A picture is referenced wherever its address is written: a user's picture or bio, a post's text, a comment. One
uploaded a moment ago and not yet saved into a draft or a profile is kept for GRACE after its last upload. Every
process prunes now and then (a deployment has nothing else to run); one at a time, by an advisory lock.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import timedelta
from typing import Any

from ..db.transactions import transactionally
from ..errors import Unavailable
from .addresses import IN_TEXT_SQL

log = logging.getLogger(__name__)

GRACE = timedelta(hours=24)
EVERY = timedelta(hours=1)
_LOCK = "tidings: pruning pictures"

# Every text where a picture address may be written; each row gives the hashes it references.
REFERENCES = f"""
    SELECT (regexp_matches(image, '{IN_TEXT_SQL}', 'g'))[1] FROM users WHERE image LIKE '%/pictures/%'
    UNION SELECT (regexp_matches(bio, '{IN_TEXT_SQL}', 'g'))[1] FROM users WHERE bio LIKE '%/pictures/%'
    UNION SELECT (regexp_matches(body, '{IN_TEXT_SQL}', 'g'))[1] FROM posts WHERE body LIKE '%/pictures/%'
    UNION SELECT (regexp_matches(body, '{IN_TEXT_SQL}', 'g'))[1] FROM comments WHERE body LIKE '%/pictures/%'
"""


async def prune_pictures(grace: timedelta = GRACE) -> int:
    """Delete the pictures nothing references whose last upload is older than `grace`; how many went.

    The tables that reference pictures are held in SHARE mode for the moment of the check: a post saved with a
    picture's address while it runs waits, then finds the picture still there. Readers never wait.
    """

    async def prune(connection: Any) -> int:
        locked = await connection.execute_query_dict(
            "SELECT pg_try_advisory_xact_lock(hashtextextended($1, 0)) AS mine", [_LOCK]
        )
        if not locked[0]["mine"]:
            return 0  # another process is at it
        await connection.execute_script("LOCK TABLE users, posts, comments IN SHARE MODE")
        deleted = await connection.execute_query_dict(
            f"""
            DELETE FROM pictures WHERE uploaded_at < clock_timestamp() - $1::interval
                AND hash NOT IN (SELECT * FROM ({REFERENCES}) AS referenced(hash) WHERE hash IS NOT NULL)
            RETURNING hash
            """,
            [grace],
        )
        return len(deleted)

    return await transactionally(prune)


class Pruner:
    """Prunes every EVERY in the background of this process, from start to stop."""

    def __init__(self) -> None:
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        """Begin pruning now and then."""
        if self._task is None:
            self._task = asyncio.create_task(self._run(), name="picture pruner")

    async def stop(self) -> None:
        """Stop pruning (a prune under way is rolled back)."""
        if self._task is not None:
            self._task.cancel()
            await asyncio.gather(self._task, return_exceptions=True)
            self._task = None

    async def _run(self) -> None:
        while True:
            await asyncio.sleep(EVERY.total_seconds())
            try:
                if removed := await prune_pictures():
                    log.info("pruned %d pictures nothing shows any more", removed)
            except Unavailable:
                log.warning("pictures were not pruned: the database is out of reach")
            except Exception:
                log.exception("pictures were not pruned")
