"""Account actions about signing in: register, sign in (throttled), sign out (everywhere), change the password."""

from __future__ import annotations

import hashlib
import math
import secrets
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from tortoise.exceptions import IntegrityError
from tortoise.expressions import Q
from tortoise.queryset import QuerySet

from ..actions import Context, action, nothing
from ..actor import Actor
from ..errors import Invalid, NotFound, Throttled
from ..limits import EMAIL_MAX, USERNAME_MAX
from . import throttle
from .events import SessionEnded, UserRegistered
from .inputs import ChangePassword, RegisterUser, SignIn, SignOut, SignOutEverywhere
from .models import Session, User
from .passwords import hash_password, verify_password
from .uniqueness import ensure_unused, own_account, taken
from .views import SignedIn, UserView

WRONG_CREDENTIALS = "Wrong username, e-mail or password."
SIGNED_OUT_EVERYWHERE = "You signed out everywhere: sign in again to go on."
PASSWORD_CHANGED = "Your password was changed in another browser: sign in again with the new one."


@action("user.register", RegisterUser, loads=nothing, emits=[UserRegistered])
async def register(ctx: Context[RegisterUser, None]) -> UserView:
    """Create a member account; emits UserRegistered."""
    data = ctx.input
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


async def sign_in(actor: Actor, /, **data: Any) -> SignedIn:
    """Open a new session, ending the one `actor` came through; emits SessionEnded for that one.

    Raises Invalid for wrong credentials (alike for an unknown login) and Throttled after too many failures.
    """
    outcome = await attempt_sign_in(actor, **data)
    if isinstance(outcome, Refusal):
        if outcome.wait:
            raise Throttled("password", throttle.wait_message(outcome.wait), outcome.wait)
        raise Invalid.field("password", WRONG_CREDENTIALS)
    return outcome


@dataclass(frozen=True, slots=True)
class Refusal:
    """A sign-in refused: with a `wait` when throttled, else for wrong credentials."""

    wait: timedelta | None = None


@action("user.sign_in", SignIn, loads=nothing, emits=[SessionEnded])
async def attempt_sign_in(ctx: Context[SignIn, None]) -> SignedIn | Refusal:
    """Check the credentials unless throttled, and open a session or count the failure; emits SessionEnded.

    A refusal commits too (its count and its audit entry): `sign_in` turns it into the error.
    """
    data = ctx.input
    user = await _account(data.login)
    counters = throttle.counters(data.login, user.id if user else None, data.address)
    await throttle.hold(ctx.connection, counters[0])
    if wait := await throttle.remaining_wait(ctx.connection, counters):
        _audit_refusal(ctx, user, f"throttled for {math.ceil(wait.total_seconds())} s")
        return Refusal(wait)
    # An unknown login is checked against a stand-in hash: it takes as long as a wrong password.
    if not await verify_password(user.password_hash if user else None, data.password) or user is None:
        await throttle.count_failure(ctx.connection, counters)
        _audit_refusal(ctx, user, "wrong credentials")
        return Refusal()
    await throttle.clear(ctx.connection, counters[0])
    # A new identifier at every sign-in: whatever this browser held before stops signing anyone in.
    await end_sessions(ctx, Session.filter(id=ctx.actor.session_id or 0))
    token = secrets.token_urlsafe(32)
    session = await Session.create(token_hash=token_hash(token), user=user)
    # Who signed in: the actor of a sign-in is the visitor they were until now.
    ctx.audit("session", session.id, {"username": [None, user.username], "address": [None, data.address]})
    return SignedIn(token=token, user=UserView.of(user))


async def token_session(actor: Actor, command: SignOut) -> Session:
    """The session the command's token stands for, locked."""
    session = await Session.filter(token_hash=token_hash(command.token)).select_for_update().first()
    if session is None:
        raise NotFound("session")
    return session


@action("user.sign_out", SignOut, loads=token_session, emits=[SessionEnded])
async def sign_out(ctx: Context[SignOut, Session]) -> None:
    """End the session of the given token; emits SessionEnded."""
    session = ctx.row
    await session.delete()
    ctx.audit("session", session.id)
    ctx.emit(SessionEnded(session_id=session.id, user_id=session.user_id))


@action("user.sign_out_everywhere", SignOutEverywhere, loads=own_account, emits=[SessionEnded])
async def sign_out_everywhere(ctx: Context[SignOutEverywhere, User | None]) -> int:
    """End every session of the actor's account, this one included (return how many); emits SessionEnded for each."""
    user = ctx.row
    assert user is not None  # the policy refuses the anonymous visitor
    ended = await end_sessions(ctx, Session.filter(user_id=user.id), why=SIGNED_OUT_EVERYWHERE)
    ctx.audit("user", user.id, {"sessions_ended": [None, ended]})
    return ended


@action("user.change_password", ChangePassword, loads=own_account, emits=[SessionEnded])
async def change_password(ctx: Context[ChangePassword, User | None]) -> int:
    """Replace the actor's password and end their other sessions (return how many); emits SessionEnded for each."""
    user = ctx.row
    assert user is not None  # the policy refuses the anonymous visitor
    if not await verify_password(user.password_hash, ctx.input.current_password):
        raise Invalid.field("current_password", "This is not your current password.")
    user.password_hash = await hash_password(ctx.input.new_password)
    await user.save(update_fields=["password_hash", "updated_at"])
    others = Session.filter(user_id=user.id).exclude(id=ctx.actor.session_id or 0)
    ended = await end_sessions(ctx, others, why=PASSWORD_CHANGED)
    ctx.audit("user", user.id, {"password": ["(old)", "(new)"], "sessions_ended": [None, ended]})
    return ended


async def end_sessions(ctx: Context[Any, Any], sessions: QuerySet[Session], why: str = "") -> int:
    """End these sessions (inside an action that may), return how many; emits SessionEnded for each.

    Every tab signed in through an ended session hears of it on the session's topic and turns anonymous,
    telling its user `why` (when they did not end it themselves).
    """
    ended = await sessions.select_for_update().only("id", "user_id")
    await Session.filter(id__in=[session.id for session in ended]).delete()
    ctx.emit(*(SessionEnded(session_id=session.id, user_id=session.user_id, why=why) for session in ended))
    return len(ended)


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


def _audit_refusal(ctx: Context[SignIn, None], user: User | None, why: str) -> None:
    changes = {"refused": [None, why], "login": [None, ctx.input.login], "address": [None, ctx.input.address]}
    ctx.audit("user", user.id if user else None, changes)
