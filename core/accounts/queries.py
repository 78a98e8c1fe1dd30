"""Account queries."""

from __future__ import annotations

from ..actor import ANONYMOUS, Actor, Role
from .actions import token_hash
from .models import Session


async def actor_for_session(token: str | None) -> Actor:
    """The actor a session token signs in, or the anonymous actor for a missing or ended session."""
    if not token:
        return ANONYMOUS
    session = await Session.filter(token_hash=token_hash(token)).select_related("user").first()
    if session is None:
        return ANONYMOUS
    user = session.user
    return Actor(id=user.id, username=user.username, role=Role(user.role), session_id=session.id)
