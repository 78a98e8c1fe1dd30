"""Administration of users: roles, bans."""

from __future__ import annotations

from typing import Any

from ..actions import Context, action
from ..actor import Role
from ..errors import Invalid, NotFound
from ..notifications.actions import notify
from ..notifications.models import NotificationKind
from .auth import end_sessions
from .events import StandingChanged
from .inputs import BanUser, ChangeRole, UnbanUser
from .models import Session, User
from .views import UserView

LAST_ADMIN = "This is the last admin: make someone else an admin first."
SIGN_IN_TO_READ = "You can sign in again to read, but no longer to write."


@action("user.change_role", ChangeRole)
async def change_role(ctx: Context[ChangeRole]) -> UserView:
    """Give a user another role (never leaving Tidings without an admin); emits StandingChanged."""
    user = await _locked(ctx.input.username)
    ctx.authorize(user)
    role = ctx.input.role
    if user.role == Role.ADMIN and role != Role.ADMIN:
        others = await User.filter(role=Role.ADMIN, banned=False).exclude(id=user.id).select_for_update().count()
        if not others:
            raise Invalid.field("role", LAST_ADMIN)
    ctx.audit("user", user.id, {"role": [user.role, role]})
    user.role = role
    await user.save(update_fields=["role", "updated_at"])
    ctx.emit(StandingChanged(user_id=user.id, role=role, banned=user.banned))
    return UserView.of(user)


@action("user.ban", BanUser)
async def ban_user(ctx: Context[BanUser]) -> UserView:
    """Ban a user (they keep reading, stop writing) and tell them why; emits StandingChanged."""
    user = await _locked(ctx.input.username)
    ctx.authorize(user)
    return await _set_ban(ctx, user, banned=True, reason=ctx.input.reason)


@action("user.unban", UnbanUser)
async def unban_user(ctx: Context[UnbanUser]) -> UserView:
    """Lift a user's ban; emits StandingChanged."""
    user = await _locked(ctx.input.username)
    ctx.authorize(user)
    return await _set_ban(ctx, user, banned=False, reason=None)


async def _locked(username: str) -> User:
    user = await User.filter(username=username).select_for_update().first()
    if user is None:
        raise NotFound("user")
    return user


async def _set_ban(ctx: Context[Any], user: User, *, banned: bool, reason: str | None) -> UserView:
    ctx.audit("user", user.id, {"banned": [user.banned, banned], "banned_reason": [user.banned_reason, reason]})
    user.banned, user.banned_reason = banned, reason
    await user.save(update_fields=["banned", "banned_reason", "updated_at"])
    if banned:  # a ban is often the answer to a stolen or abused account: every session (and API token) ends now
        why = f"{ctx.actor.username} banned your account: “{reason}”. {SIGN_IN_TO_READ}"
        await end_sessions(ctx, Session.filter(user_id=user.id), why=why)
    detail = f"banned you: {reason}" if banned else "lifted your ban"
    await notify(ctx, user.id, NotificationKind.MODERATED, detail=detail)
    ctx.emit(StandingChanged(user_id=user.id, role=user.role, banned=banned))
    return UserView.of(user)
