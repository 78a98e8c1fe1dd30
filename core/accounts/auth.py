"""Account actions about signing in: register, sign in, sign out, change the password."""

from __future__ import annotations

import hashlib
import secrets

from tortoise.exceptions import IntegrityError
from tortoise.expressions import Q

from ..actions import Context, action
from ..errors import Invalid, NotFound
from ..limits import EMAIL_MAX, USERNAME_MAX
from .events import SessionEnded, UserRegistered
from .inputs import ChangePassword, RegisterUser, SignIn, SignOut
from .models import Session, User
from .passwords import hash_password, verify_password
from .uniqueness import ensure_unused, own_account, taken
from .views import SignedIn, UserView

WRONG_CREDENTIALS = "Wrong username, e-mail or password."


@action("user.register", RegisterUser)
async def register(ctx: Context[RegisterUser]) -> UserView:
    """Create a member account; emits UserRegistered."""
    data = ctx.input
    ctx.authorize()
    await ensure_unused(username=data.username, email=data.email)
    try:
        user = await User.create(
            username=data.username, email=data.email, password_hash=await hash_password(data.password)
        )
    except IntegrityError as error:  # a concurrent sign-up took the name between the check and the insert
        raise taken(str(error)) from None
    ctx.audit("user", user.id, {"username": [None, user.username]})
    ctx.emit(UserRegistered(user_id=user.id, username=user.username))
    return UserView.of(user)


@action("user.sign_in", SignIn)
async def sign_in(ctx: Context[SignIn]) -> SignedIn:
    """Check the credentials and open a session; emits nothing."""
    ctx.authorize()
    user = await _account(ctx.input.login)
    if not await verify_password(user.password_hash if user else None, ctx.input.password) or user is None:
        raise Invalid.field("password", WRONG_CREDENTIALS)
    token = secrets.token_urlsafe(32)
    session = await Session.create(token_hash=token_hash(token), user=user)
    ctx.audit("session", session.id)
    return SignedIn(token=token, user=UserView.of(user))


@action("user.sign_out", SignOut)
async def sign_out(ctx: Context[SignOut]) -> None:
    """End the session of the given token; emits SessionEnded."""
    session = await Session.filter(token_hash=token_hash(ctx.input.token)).select_for_update().first()
    if session is None:
        raise NotFound("session")
    ctx.authorize(session)
    await session.delete()
    ctx.audit("session", session.id)
    ctx.emit(SessionEnded(session_id=session.id, user_id=session.user_id))


@action("user.change_password", ChangePassword)
async def change_password(ctx: Context[ChangePassword]) -> int:
    """Replace the actor's password and end their other sessions (return how many); emits SessionEnded for each."""
    user = await own_account(ctx)
    ctx.authorize(user)
    if not await verify_password(user.password_hash, ctx.input.current_password):
        raise Invalid.field("current_password", "This is not your current password.")
    user.password_hash = await hash_password(ctx.input.new_password)
    await user.save(update_fields=["password_hash", "updated_at"])
    others = await Session.filter(user_id=user.id).exclude(id=ctx.actor.session_id or 0)
    await Session.filter(id__in=[session.id for session in others]).delete()
    ctx.audit("user", user.id, {"password": ["(old)", "(new)"], "sessions_ended": [None, len(others)]})
    ctx.emit(*(SessionEnded(session_id=session.id, user_id=user.id) for session in others))
    return len(others)


async def _account(login: str) -> User | None:
    """The account whose username or e-mail address `login` is."""
    # The ORM refuses to compare a value longer than the column: such a login can't be in that column.
    lowered = login.lower()
    candidates = [Q(username=login)] if len(login) <= USERNAME_MAX else []
    candidates += [Q(email=lowered)] if len(lowered) <= EMAIL_MAX else []
    return await User.filter(Q(*candidates, join_type="OR")).first() if candidates else None


def token_hash(token: str) -> str:
    """What is stored of a session token: a leaked table signs nobody in."""
    return hashlib.sha256(token.encode()).hexdigest()
