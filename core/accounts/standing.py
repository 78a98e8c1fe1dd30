"""Administration of users: roles, bans."""

from __future__ import annotations

from typing import Any

from ..actions import Context, Requirement, action
from ..actor import Actor, Role
from ..errors import Invalid, NotFound
from ..notifications.actions import notify
from ..notifications.events import NotificationsChanged
from ..notifications.models import NotificationKind
from .auth import end_sessions
from .events import SessionEnded, StandingChanged
from .inputs import BanUser, ChangeRole, UnbanUser
from .models import Session, User
from .views import UserView

LAST_ADMIN = "This is the last admin: make someone else an admin first."
SIGN_IN_TO_READ = "You can sign in again to read, but no longer to write."


async def locked_user(actor: Actor, command: ChangeRole | BanUser | UnbanUser) -> User:
    """The user whose standing changes, locked."""
    user = await User.filter(username=command.username).select_for_update().first()
    if user is None:
        raise NotFound("user")
    return user


@action("user.change_role", ChangeRole, loads=locked_user, emits=[StandingChanged])
async def change_role(ctx: Context[ChangeRole, User]) -> UserView:
    """Give a user another role (never leaving Tidings without an admin); emits StandingChanged."""
    user = ctx.row
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


NOT_BANNED = Requirement(lambda user: not user.banned, "This user is banned already.", "username")
BANNED = Requirement(lambda user: user.banned, "This user is not banned.", "username")


@action(
    "user.ban",
    BanUser,
    loads=locked_user,
    requires=[NOT_BANNED],
    reason_unless=lambda _user: (),  # a ban is always explained to the banned
    emits=[StandingChanged, SessionEnded, NotificationsChanged],
)
async def ban_user(ctx: Context[BanUser, User]) -> UserView:
    """Ban a user (they keep reading, stop writing) and tell them why; emits StandingChanged."""
    return await _set_ban(ctx, ctx.row, banned=True, reason=ctx.input.reason)


@action("user.unban", UnbanUser, loads=locked_user, requires=[BANNED], emits=[StandingChanged, NotificationsChanged])
async def unban_user(ctx: Context[UnbanUser, User]) -> UserView:
    """Lift a user's ban; emits StandingChanged."""
    return await _set_ban(ctx, ctx.row, banned=False, reason=None)


async def _set_ban(ctx: Context[Any, User], user: User, *, banned: bool, reason: str | None) -> UserView:
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
