"""Accounts: register, sign in, sign out, and the actor a session stands for."""

from __future__ import annotations

from typing import Literal

import pytest
from argon2 import PasswordHasher, extract_parameters

from core import ANONYMOUS, Forbidden, Invalid, NotFound, Role, accounts
from core.accounts.passwords import STANDARD

from .events import EventLog
from .factories import PASSWORD, member


async def test_registering_creates_a_member_and_emits_user_registered(events: EventLog) -> None:
    user = await accounts.register(ANONYMOUS, username="ann", email="Ann@Example.com", password=PASSWORD)
    assert (user.username, user.role) == ("ann", Role.MEMBER)
    assert [type(e).__name__ for e in await events.settled()] == ["UserRegistered"]


async def test_registering_reports_every_broken_rule_at_once(events: EventLog) -> None:
    with pytest.raises(Invalid) as raised:
        await accounts.register(ANONYMOUS, username="a b", email="not-an-address", password="short")
    assert set(raised.value.errors) == {"username", "email", "password"}
    assert raised.value.errors["password"] == ["Use at least 8 characters."]
    assert await events.settled() == []


async def test_a_missing_or_unexpected_field_is_a_field_error() -> None:
    with pytest.raises(Invalid) as raised:
        await accounts.register(ANONYMOUS, username="ann", password=PASSWORD, admin=True)  # type: ignore[call-arg]
    assert raised.value.errors == {"email": ["This field is required."], "admin": ["This field is not expected."]}


async def test_a_taken_username_or_email_is_refused_and_nothing_is_emitted(events: EventLog) -> None:
    await accounts.register(ANONYMOUS, username="ann", email="ann@example.com", password=PASSWORD)
    await events.settled()
    await events.forget()
    with pytest.raises(Invalid) as raised:
        await accounts.register(ANONYMOUS, username="ANN", email="ANN@example.com", password=PASSWORD)
    assert raised.value.errors == {
        "username": ["This username is taken."],
        "email": ["An account with this e-mail address exists."],
    }
    assert await events.settled() == []


async def test_signing_in_by_username_or_email_gives_a_session_for_that_user() -> None:
    await accounts.register(ANONYMOUS, username="ann", email="ann@example.com", password=PASSWORD)
    for login in ("ann", "ANN@example.com"):
        signed_in = await accounts.sign_in(ANONYMOUS, login=login, password=PASSWORD)
        actor = await accounts.actor_for_session(signed_in.token)
        assert (actor.username, actor.role) == ("ann", Role.MEMBER)


@pytest.mark.parametrize(("login", "password"), [("ann", "wrong password"), ("nobody", PASSWORD)])
async def test_wrong_credentials_say_so_without_telling_which_part_was_wrong(login: str, password: str) -> None:
    await accounts.register(ANONYMOUS, username="ann", email="ann@example.com", password=PASSWORD)
    with pytest.raises(Invalid) as raised:
        await accounts.sign_in(ANONYMOUS, login=login, password=password)
    assert raised.value.errors == {"password": [accounts.auth.WRONG_CREDENTIALS]}


async def test_an_unknown_login_costs_the_same_password_check_as_a_wrong_password(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    await accounts.register(ANONYMOUS, username="ann", email="ann@example.com", password=PASSWORD)
    checked: list[str] = []
    verify = PasswordHasher.verify

    def counted(hasher: PasswordHasher, hash: str | bytes, password: str | bytes) -> Literal[True]:
        checked.append(str(hash))
        return verify(hasher, hash, password)

    monkeypatch.setattr(PasswordHasher, "verify", counted)
    messages = []
    for login in ("ann", "nobody"):
        with pytest.raises(Invalid) as raised:
            await accounts.sign_in(ANONYMOUS, login=login, password="not the password")
        messages.append(raised.value.errors)
    assert messages[0] == messages[1] == {"password": [accounts.WRONG_CREDENTIALS]}
    known, unknown = checked  # one argon2id check each: the unknown login's against a stand-in hash
    assert extract_parameters(unknown) == extract_parameters(known)


async def test_a_password_keeps_its_surrounding_spaces() -> None:
    await accounts.register(ANONYMOUS, username="ann", email="ann@example.com", password=f" {PASSWORD} ")
    with pytest.raises(Invalid):
        await accounts.sign_in(ANONYMOUS, login="ann", password=PASSWORD)
    assert await accounts.sign_in(ANONYMOUS, login="ann", password=f" {PASSWORD} ")


async def test_signing_out_ends_the_session_and_emits_session_ended(events: EventLog) -> None:
    await accounts.register(ANONYMOUS, username="ann", email="ann@example.com", password=PASSWORD)
    signed_in = await accounts.sign_in(ANONYMOUS, login="ann", password=PASSWORD)
    ann = await accounts.actor_for_session(signed_in.token)
    await accounts.sign_out(ann, token=signed_in.token)
    assert (await accounts.actor_for_session(signed_in.token)).is_anonymous
    ended = [e for e in await events.settled() if isinstance(e, accounts.SessionEnded)]
    assert ended == [accounts.SessionEnded(session_id=ann.session_id, user_id=ann.id)]  # type: ignore[arg-type]


async def test_signing_in_again_gives_a_new_token_and_ends_the_browsers_old_session(events: EventLog) -> None:
    ann = await member("ann")
    old = ann.session_id
    await events.forget()
    renewed = await accounts.sign_in(ann, login="ann", password=PASSWORD)  # the browser still signed in as ann
    assert (await accounts.actor_for_session(renewed.token)).session_id not in {None, old}
    ended = [e for e in await events.settled() if isinstance(e, accounts.SessionEnded)]
    assert ended == [accounts.SessionEnded(session_id=old or 0, user_id=ann.id or 0)]


async def test_signing_out_everywhere_ends_every_session_of_the_user_and_only_theirs(events: EventLog) -> None:
    ann, bob = await member("ann"), await member("bob")
    others = [await accounts.sign_in(ANONYMOUS, login="ann", password=PASSWORD) for _ in range(2)]
    bobs = await accounts.sign_in(ANONYMOUS, login="bob", password=PASSWORD)
    await events.forget()
    assert await accounts.sign_out_everywhere(ann) == 3
    for token in [signed_in.token for signed_in in others]:
        assert (await accounts.actor_for_session(token)).is_anonymous
    ended = {e.user_id for e in await events.settled() if isinstance(e, accounts.SessionEnded)}
    assert ended == {ann.id}
    assert len([e for e in events.received if isinstance(e, accounts.SessionEnded)]) == 3
    assert (await accounts.actor_for_session(bobs.token)).id == bob.id
    with pytest.raises(Forbidden):
        await accounts.sign_out_everywhere(ANONYMOUS)


async def test_nobody_can_sign_out_someone_elses_session() -> None:
    ann, bob = await member("ann"), await member("bob")
    bobs = await accounts.sign_in(ANONYMOUS, login="bob", password=PASSWORD)
    with pytest.raises(Forbidden):
        await accounts.sign_out(ann, token=bobs.token)
    with pytest.raises(Forbidden):
        await accounts.sign_out(ANONYMOUS, token=bobs.token)
    assert (await accounts.actor_for_session(bobs.token)).id == bob.id


async def test_signing_out_an_unknown_session_is_not_found() -> None:
    ann = await member("ann")
    with pytest.raises(NotFound):
        await accounts.sign_out(ann, token="no-such-token")


async def test_an_unknown_or_missing_token_is_the_anonymous_actor() -> None:
    assert (await accounts.actor_for_session("made-up")).is_anonymous
    assert (await accounts.actor_for_session(None)).is_anonymous


def test_production_hashes_use_at_least_owasps_argon2id_parameters() -> None:
    assert STANDARD.type.name == "ID"
    assert STANDARD.memory_cost >= 19 * 1024
    assert STANDARD.time_cost >= 2
