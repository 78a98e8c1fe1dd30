"""Two account actions as one: signing up (register and sign in) and updating profile and password together."""

from __future__ import annotations

import pytest

from core import ANONYMOUS, Invalid, accounts

from .events import EventLog
from .factories import PASSWORD, member

NEW_PASSWORD = "a much longer passphrase"


async def test_signing_up_registers_the_member_and_opens_a_session(events: EventLog) -> None:
    signed_in = await accounts.sign_up(ANONYMOUS, username="ann", email="Ann@Example.com", password=PASSWORD)
    actor = await accounts.actor_for_session(signed_in.token)
    assert (actor.username, signed_in.user.email) == ("ann", "ann@example.com")
    assert [type(e).__name__ for e in await events.settled()] == ["UserRegistered"]


async def test_a_refused_sign_up_creates_no_account(events: EventLog) -> None:
    with pytest.raises(Invalid) as raised:
        await accounts.sign_up(ANONYMOUS, username="ann", email="not-an-address", password=PASSWORD)
    assert set(raised.value.errors) == {"email"}
    assert await events.settled() == []
    signed_in = await accounts.sign_up(ANONYMOUS, username="ann", email="ann@example.com", password=PASSWORD)
    assert signed_in.user.username == "ann"


async def test_profile_and_password_change_together_and_other_sessions_end(events: EventLog) -> None:
    ann = await member("ann")
    other = await accounts.sign_in(ANONYMOUS, login="ann", password=PASSWORD)
    await events.settled()
    await events.forget()
    user = await accounts.update_account(ann, bio="New bio", current_password=PASSWORD, new_password=NEW_PASSWORD)
    assert user.bio == "New bio"
    assert (await accounts.actor_for_session(other.token)).is_anonymous
    assert await accounts.sign_in(ANONYMOUS, login="ann", password=NEW_PASSWORD)
    assert sorted(type(e).__name__ for e in await events.settled()) == ["ProfileUpdated", "SessionEnded"]


async def test_a_wrong_current_password_changes_nothing_at_all(events: EventLog) -> None:
    ann = await member("ann")
    await events.settled()
    await events.forget()
    with pytest.raises(Invalid) as raised:
        await accounts.update_account(ann, bio="New bio", current_password="not it", new_password=NEW_PASSWORD)
    assert list(raised.value.errors) == ["current_password"]
    assert (await accounts.get_user(ann, "ann")).bio is None
    assert await accounts.sign_in(ANONYMOUS, login="ann", password=PASSWORD)
    assert await events.settled() == []


@pytest.mark.audit_elsewhere  # change_password succeeds, then rolls back with the refused profile change
async def test_a_refused_profile_change_keeps_the_old_password_too(events: EventLog) -> None:
    ann = await member("ann")
    await member("bob")
    await events.settled()
    await events.forget()
    with pytest.raises(Invalid) as raised:
        await accounts.update_account(ann, username="bob", current_password=PASSWORD, new_password=NEW_PASSWORD)
    assert raised.value.errors == {"username": [accounts.USERNAME_TAKEN]}
    assert await accounts.sign_in(ANONYMOUS, login="ann", password=PASSWORD)
    assert await events.settled() == []


async def test_a_new_password_without_the_current_one_is_refused() -> None:
    ann = await member("ann")
    with pytest.raises(Invalid) as raised:
        await accounts.update_account(ann, new_password=NEW_PASSWORD)
    assert raised.value.errors == {"current_password": ["This field is required."]}


async def test_a_password_alone_leaves_the_profile_as_it_was(events: EventLog) -> None:
    ann = await member("ann")
    await accounts.update_profile(ann, bio="Kept")
    await events.settled()
    await events.forget()
    user = await accounts.update_account(ann, current_password=PASSWORD, new_password=NEW_PASSWORD)
    assert (user.username, user.bio, user.email) == ("ann", "Kept", "ann@example.com")
    assert await events.settled() == []  # no other session to end, no profile change to announce
