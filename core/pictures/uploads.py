"""Uploading a picture: refused with a reason and nothing stored, or cleaned and stored once by its content."""

from __future__ import annotations

import math
from datetime import timedelta
from typing import Any

from ..actions import Context, action, nothing
from ..errors import Throttled
from ..limits import UPLOADS_PER_HOUR
from .cleaning import Cleaned, clean_off_the_loop
from .inputs import UploadPicture
from .views import PictureView

WINDOW = timedelta(hours=1)


@action("picture.upload", UploadPicture, loads=nothing)
async def upload_picture(ctx: Context[UploadPicture, None]) -> PictureView:
    """Take a picture from the actor: checked, cleaned and stored (the same picture again: the same address).

    Refused (`Invalid` on `data`, `Throttled` past the hourly count) with nothing stored. Emits nothing: a picture
    shows nowhere until a profile or a post that shows it is saved, and that action tells the pages.
    """
    uploader = ctx.actor.id
    assert uploader is not None  # the policy lets only members upload
    await _within_hourly_count(ctx.connection, uploader)
    cleaned = await clean_off_the_loop(ctx.input.data)
    await _store(ctx.connection, cleaned, uploader)
    ctx.audit("picture", None, {"picture": [None, cleaned.hash], "file": [None, ctx.input.filename or None]})
    return PictureView(cleaned.hash, cleaned.width, cleaned.height)


async def _within_hourly_count(connection: Any, uploader: int) -> None:
    """Refuse the upload if the actor made UPLOADS_PER_HOUR in the last hour.

    The audit trail is what counts: it holds every upload that went through (a refused one is not, it did not
    happen), with who and when. One uploader's uploads are serialised until their transaction ends, so uploads
    sent at once cannot overrun the count.
    """
    await connection.execute_query(
        "SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", [f"picture uploads of {uploader}"]
    )
    rows = await connection.execute_query_dict(
        """
        SELECT count(*) AS uploads, min(created_at) + $3::interval - clock_timestamp() AS wait
        FROM audit_entries
        WHERE action = $1 AND actor_id = $2 AND created_at > clock_timestamp() - $3::interval
        """,
        [upload_picture.name, uploader, WINDOW],
    )
    if rows[0]["uploads"] >= UPLOADS_PER_HOUR:
        wait: timedelta = max(rows[0]["wait"], timedelta(seconds=1))
        raise Throttled("data", _wait_message(wait), wait)


def _wait_message(wait: timedelta) -> str:
    minutes = math.ceil(wait.total_seconds() / 60)
    return (
        f"You uploaded {UPLOADS_PER_HOUR} pictures in the last hour, the most Tidings takes: "
        f"wait {minutes} minute{'s' if minutes != 1 else ''}, then try again."
    )


async def _store(connection: Any, cleaned: Cleaned, uploader: int) -> None:
    """Keep the picture; if it is kept already, only its grace before pruning starts again."""
    await connection.execute_query(
        """
        INSERT INTO pictures (hash, uploader_id, display, avatar, content_type, width, height, created_at, uploaded_at)
        VALUES ($1, $2, $3, $4, $5, $6, $7, clock_timestamp(), clock_timestamp())
        ON CONFLICT (hash) DO UPDATE SET uploaded_at = clock_timestamp()
        """,
        [
            cleaned.hash,
            uploader,
            cleaned.display,
            cleaned.avatar,
            cleaned.content_type,
            cleaned.width,
            cleaned.height,
        ],
    )
