"""Account queries: who a session signs in, users and their profiles as the viewer may see them."""

from __future__ import annotations

from ..actor import ANONYMOUS, Actor, Role
from ..db.sql import fetch_one, storable
from ..errors import NotFound
from .auth import token_hash
from .models import Follow, Session
from .views import Profile, UserView


async def actor_for_session(token: str | None) -> Actor:
    """The actor a session token signs in, or the anonymous actor for a missing or ended session."""
    if not token:
        return ANONYMOUS
    session = await Session.filter(token_hash=token_hash(token)).select_related("user").first()
    if session is None:
        return ANONYMOUS
    user = session.user
    return Actor(id=user.id, username=user.username, role=Role(user.role), session_id=session.id, banned=user.banned)


async def get_user(actor: Actor, username: str) -> UserView:
    """A user by name; the e-mail address only when the policy lets the actor see it."""
    return (await get_profile(actor, username)).user


async def get_profile(actor: Actor, username: str) -> Profile:
    """A user's profile with their counts and whether the actor follows them, in one query."""
    if not storable(username):
        raise NotFound("user")
    row = await fetch_one(
        """
        SELECT u.*,
               (SELECT count(*) FROM posts p WHERE p.author_id = u.id AND p.status = 'published' AND NOT p.archived)
                   AS post_count,
               (SELECT count(*) FROM follows f WHERE f.followed_id = u.id) AS follower_count,
               (SELECT count(*) FROM follows f WHERE f.follower_id = u.id) AS follow_count,
               EXISTS (SELECT 1 FROM follows f WHERE f.followed_id = u.id AND f.follower_id = $2) AS following
        FROM users u WHERE u.username = $1
        """,
        username,
        actor.id,
    )
    if row is None:
        raise NotFound("user")
    return Profile(
        user=UserView.from_row(row).for_viewer(actor),
        following=row["following"],
        posts=row["post_count"],
        followers=row["follower_count"],
        follows=row["follow_count"],
        viewers_own=row["id"] == actor.id,
    )


async def followed_ids(actor: Actor) -> frozenset[int]:
    """The ids of the users `actor` follows (for telling which new posts belong in their Following feed)."""
    if actor.id is None:
        return frozenset()
    return frozenset(follow.followed_id for follow in await Follow.filter(follower_id=actor.id).only("followed_id"))
