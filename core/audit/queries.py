"""Reading the audit trail: for moderators and admins, and a post's history for its author."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from ..access import ADMIN_AREA, AUDIT_TRAIL, POST_HISTORY, can_read_history
from ..actor import Actor
from ..db.sql import fetch, fetch_one
from ..errors import NotFound
from .models import AuditEntry
from .sentences import label, subject_name, subject_of
from .views import AuditView, DayActivity

PAGE = 50


@dataclass(frozen=True, slots=True)
class _PostFacts:
    """What the policy's audit.read_post row looks at (read here without importing the blog)."""

    author_id: int


async def list_entries(
    actor: Actor,
    *,
    actor_name: str | None = None,
    action: str | None = None,
    record_type: str | None = None,
    record_id: int | None = None,
    before: int | None = None,
    limit: int = PAGE,
) -> list[AuditView]:
    """The newest audit entries matching every filter given (moderators and admins)."""
    AUDIT_TRAIL.require(actor)
    query = AuditEntry.all()
    filters = {"actor_name": actor_name, "action": action, "record_type": record_type, "record_id": record_id}
    query = query.filter(**{name: value for name, value in filters.items() if value not in (None, "")})
    if before is not None:
        query = query.filter(id__lt=before)
    return await _views(await query.order_by("-id").limit(max(1, min(limit, 200))))


async def get_entry(actor: Actor, entry_id: int) -> AuditView:
    """One audit entry (moderators and admins)."""
    AUDIT_TRAIL.require(actor)
    entry = await AuditEntry.filter(id=entry_id).first()
    if entry is None:
        raise NotFound("audit entry")
    [view] = await _views([entry])
    return view


async def post_history(actor: Actor, post_id: int) -> list[AuditView]:
    """What changed a post, oldest first (favourites are their own records): for its author, moderators, admins."""
    row = await fetch_one("SELECT author_id FROM posts WHERE id = $1", post_id)
    if row is None:
        raise NotFound("post")
    post = _PostFacts(author_id=row["author_id"])
    if not can_read_history(actor, post):
        POST_HISTORY.require(actor, post)  # refused: says why
    return await _views(await AuditEntry.filter(record_type="post", record_id=post_id).order_by("id"))


async def activity(actor: Actor, days: int = 30) -> list[DayActivity]:
    """Posts published, comments and sign-ups per day over the last `days` days, oldest first."""
    ADMIN_AREA.require(actor)
    since = datetime.now(UTC).date() - timedelta(days=max(1, min(days, 365)) - 1)
    rows = await fetch(
        """
        SELECT d::date AS day,
               (SELECT count(*) FROM posts p WHERE p.published_at >= d AND p.published_at < d + interval '1 day')
                   AS posts,
               (SELECT count(*) FROM comments c WHERE c.created_at >= d AND c.created_at < d + interval '1 day')
                   AS comments,
               (SELECT count(*) FROM users u WHERE u.created_at >= d AND u.created_at < d + interval '1 day')
                   AS signups
        FROM generate_series($1::date, (now() AT TIME ZONE 'UTC')::date, interval '1 day') AS d
        ORDER BY d
        """,
        since,
    )
    return [
        DayActivity(day=row["day"], posts=row["posts"], comments=row["comments"], signups=row["signups"])
        for row in rows
    ]


async def _views(entries: list[AuditEntry]) -> list[AuditView]:
    """The entries as read models, each with its record's name (one query for them all)."""
    about = {entry.id: subject_of(entry.record_type, entry.record_id, entry.changes) for entry in entries}
    wanted = {subject for subject in about.values() if subject is not None}
    names: dict[tuple[str, int], str] = {}
    if wanted:
        rows = await fetch(
            "SELECT 'post' AS kind, id, title AS name FROM posts WHERE id = ANY($1::bigint[])"
            " UNION ALL SELECT 'user', id, username FROM users WHERE id = ANY($2::bigint[])",
            [number for kind, number in wanted if kind == "post"],
            [number for kind, number in wanted if kind == "user"],
        )
        names = {(row["kind"], row["id"]): row["name"] for row in rows}
    return [
        AuditView.of(entry, subject_name(*subject, names.get(subject)) if (subject := about[entry.id]) else None)
        for entry in entries
    ]


def action_names() -> list[str]:
    """Every action's name, for filtering the trail."""
    from ..actions import ACTIONS  # noqa: PLC0415 - the registry fills as the contexts import

    return sorted(ACTIONS)


def action_labels() -> dict[str, str]:
    """Every action's name with what it does in words ("post.publish": "published …"), in the order of the words."""
    return dict(sorted(((name, label(name)) for name in action_names()), key=lambda pair: pair[1]))
