"""Profiles and passwords: what others see of a user, and who may change it."""

from __future__ import annotations

import pytest

from core import ANONYMOUS, Forbidden, Invalid, NotFound, Role, accounts

from .events import EventLog
from .factories import PASSWORD, draft, member, published, with_role


async def test_a_member_updates_their_bio_and_picture_and_everyone_sees_it(events: EventLog) -> None:
    ann = await member("ann")
    await events.forget()
    user = await accounts.update_profile(ann, bio="I write about dragons.", image="https://example.com/ann.png")
    assert (user.bio, user.image) == ("I write about dragons.", "https://example.com/ann.png")
    seen = await accounts.get_profile(ANONYMOUS, "ann")
    assert (seen.user.bio, seen.user.image) == ("I write about dragons.", "https://example.com/ann.png")
    assert await events.settled() == [accounts.ProfileUpdated(user_id=ann.id or 0)]
    assert (await accounts.update_profile(ann, image="")).image is None


async def test_a_picture_at_an_http_address_is_refused_with_the_reason() -> None:
    ann = await member("ann")
    with pytest.raises(Invalid) as raised:
        await accounts.update_profile(ann, image="http://example.com/ann.png")
    assert raised.value.errors == {"image": [accounts.PICTURE_NOT_HTTPS]}
    assert (await accounts.get_user(ann, "ann")).image is None


async def test_the_email_address_is_shown_to_its_owner_and_admins_only() -> None:
    ann, bob = await member("ann"), await member("bob")
    assert (await accounts.get_user(ann, "ann")).email == "ann@example.com"
    assert (await accounts.get_user(await with_role(Role.ADMIN), "ann")).email == "ann@example.com"
    for other in (bob, ANONYMOUS, await with_role(Role.MODERATOR)):
        assert (await accounts.get_user(other, "ann")).email is None


async def test_a_new_username_or_email_must_be_free_and_well_formed() -> None:
    ann = await member("ann")
    await member("bob")
    with pytest.raises(Invalid) as raised:
        await accounts.update_profile(ann, username="BOB", email="bob@example.com")
    assert raised.value.errors == {"username": [accounts.USERNAME_TAKEN], "email": [accounts.EMAIL_TAKEN]}
    with pytest.raises(Invalid) as raised:
        await accounts.update_profile(ann, image="javascript:alert(1)", bio="b" * (accounts.BIO_MAX + 1))
    assert set(raised.value.errors) == {"image", "bio"}
    renamed = await accounts.update_profile(ann, username="annie", email="ANNIE@example.com")
    assert (renamed.username, renamed.email) == ("annie", "annie@example.com")
    assert (await accounts.update_profile(ann, username="annie")).username == "annie"  # one's own name is free
    with pytest.raises(NotFound):
        await accounts.get_profile(ANONYMOUS, "ann")


async def test_only_a_signed_in_user_updates_a_profile_and_only_their_own() -> None:
    with pytest.raises(Forbidden) as raised:
        await accounts.update_profile(ANONYMOUS, bio="Who am I?")
    assert str(raised.value) == "Sign in first: only you can change your profile."


async def test_changing_the_password_ends_the_other_sessions_but_not_this_one(events: EventLog) -> None:
    ann = await member("ann")
    other = await accounts.sign_in(ANONYMOUS, login="ann", password=PASSWORD)
    other_actor = await accounts.actor_for_session(other.token)
    await events.forget()
    await accounts.change_password(ann, current_password=PASSWORD, new_password="a brand new secret")
    assert (await accounts.actor_for_session(other.token)).is_anonymous
    assert await events.settled() == [
        accounts.SessionEnded(
            session_id=other_actor.session_id or 0, user_id=ann.id or 0, why=accounts.PASSWORD_CHANGED
        )
    ]
    with pytest.raises(Invalid):
        await accounts.sign_in(ANONYMOUS, login="ann", password=PASSWORD)
    assert await accounts.sign_in(ANONYMOUS, login="ann", password="a brand new secret")


async def test_changing_the_password_needs_the_current_one_and_a_good_new_one() -> None:
    ann = await member("ann")
    with pytest.raises(Invalid) as raised:
        await accounts.change_password(ann, current_password="guess", new_password="another secret")
    assert raised.value.errors == {"current_password": ["This is not your current password."]}
    with pytest.raises(Invalid) as raised:
        await accounts.change_password(ann, current_password=PASSWORD, new_password="short")
    assert raised.value.errors == {"new_password": ["Use at least 8 characters."]}
    with pytest.raises(Forbidden):
        await accounts.change_password(ANONYMOUS, current_password="x", new_password="another secret")


async def test_a_profile_counts_published_posts_only() -> None:
    ann = await member("ann")
    await published(ann)
    await draft(ann)
    assert (await accounts.get_profile(ANONYMOUS, "ann")).posts == 1
