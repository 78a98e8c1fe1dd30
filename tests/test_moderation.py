"""Roles, bans and moderation: who may do them, what they change, and who is told."""

from __future__ import annotations

import pytest

from core import ANONYMOUS, Forbidden, Invalid, NotFound, Role, accounts, blog, notifications
from core.policy import BANNED

from .events import EventLog
from .factories import PASSWORD, member, published, signed_in_as, with_role


async def test_an_admin_changes_roles_and_the_user_hears_of_it_live(events: EventLog) -> None:
    admin = await with_role(Role.ADMIN, "root")
    ann = await member("ann")
    await events.forget()
    user = await accounts.change_role(admin, username="ann", role=Role.MODERATOR)
    assert user.role == Role.MODERATOR
    assert (await signed_in_as("ann")).role == Role.MODERATOR
    assert accounts.StandingChanged(user_id=ann.id or 0, role="moderator", banned=False) in await events.settled()


async def test_only_admins_change_roles() -> None:
    moderator = await with_role(Role.MODERATOR, "mod")
    await member("ann")
    for refused in (moderator, await signed_in_as("ann"), ANONYMOUS):
        with pytest.raises(Forbidden):
            await accounts.change_role(refused, username="ann", role=Role.ADMIN)
    with pytest.raises(Invalid) as raised:
        await accounts.change_role(await with_role(Role.ADMIN, "root"), username="ann", role=Role.ANONYMOUS)
    assert set(raised.value.errors) == {"role"}


async def test_the_last_admin_cannot_step_down_but_one_of_two_can() -> None:
    first = await with_role(Role.ADMIN, "first")
    with pytest.raises(Invalid) as raised:
        await accounts.change_role(first, username="first", role=Role.MEMBER)
    assert raised.value.errors == {"role": [accounts.LAST_ADMIN]}
    await with_role(Role.ADMIN, "second")
    assert (await accounts.change_role(first, username="first", role=Role.MEMBER)).role == Role.MEMBER
    with pytest.raises(Invalid):
        await accounts.change_role(await signed_in_as("second"), username="second", role=Role.MODERATOR)


async def test_a_banned_user_reads_but_cannot_write_and_is_told_why(events: EventLog) -> None:
    moderator = await with_role(Role.MODERATOR, "mod")
    ann = await member("ann")
    post = await published(await member("bob"))
    await events.forget()
    await accounts.ban_user(moderator, username="ann", reason="Repeated spam")
    banned = await signed_in_as("ann")
    assert banned.banned
    assert (await blog.get_post_by_id(banned, post.id)).id == post.id
    with pytest.raises(Forbidden) as raised:
        await blog.add_comment(banned, post_id=post.id, body="Still here")
    assert str(raised.value) == BANNED
    with pytest.raises(Forbidden):
        await blog.create_post(banned, title="New")
    [notice] = await notifications.list_notifications(banned)
    assert notice.text == "mod banned you: Repeated spam"
    assert accounts.StandingChanged(user_id=ann.id or 0, role="member", banned=True) in await events.settled()
    await accounts.unban_user(moderator, username="ann")
    assert await blog.add_comment(await signed_in_as("ann"), post_id=post.id, body="Back")


async def test_a_moderator_cannot_ban_an_admin_or_themselves_and_members_cannot_ban() -> None:
    moderator, admin = await with_role(Role.MODERATOR, "mod"), await with_role(Role.ADMIN, "root")
    await member("ann")
    with pytest.raises(Forbidden):
        await accounts.ban_user(moderator, username="root", reason="Nope")
    with pytest.raises(Forbidden):
        await accounts.ban_user(moderator, username="mod", reason="Nope")
    with pytest.raises(Forbidden):
        await accounts.ban_user(await signed_in_as("ann"), username="mod", reason="Nope")
    assert (await accounts.ban_user(admin, username="mod", reason="Abuse of power")).banned
    with pytest.raises(Invalid) as raised:
        await accounts.ban_user(admin, username="ann", reason="")
    assert set(raised.value.errors) == {"reason"}
    with pytest.raises(NotFound):
        await accounts.ban_user(admin, username="nobody", reason="Who?")


@pytest.mark.parametrize("act", ["unpublish", "archive"])
async def test_a_moderator_withdraws_any_post_with_a_reason_the_author_is_told(act: str) -> None:
    ann = await member("ann")
    post = await published(ann, title="Dubious")
    moderator = await with_role(Role.MODERATOR, "mod")
    action = blog.unpublish_post if act == "unpublish" else blog.archive_post
    with pytest.raises(Invalid) as raised:
        await action(moderator, post_id=post.id)
    assert raised.value.errors == {"reason": ["Say why: the author will be told."]}
    with pytest.raises(Forbidden):
        await action(await member("bob"), post_id=post.id, reason="I dislike it")
    await action(moderator, post_id=post.id, reason="Misleading title")
    assert (await blog.list_posts(ANONYMOUS)).items == []
    [notice] = await notifications.list_notifications(ann)
    assert notice.text == f"mod {act.removesuffix('e')}ed “Dubious”: Misleading title"


async def test_the_moderation_queue_lists_the_newest_comments_for_moderators_only() -> None:
    ann = await member("ann")
    post = await published(ann, title="Busy")
    first = await blog.add_comment(ann, post_id=post.id, body="One")
    second = await blog.add_comment(ann, post_id=post.id, body="Two")
    queue = await blog.list_recent_comments(await with_role(Role.MODERATOR, "mod"))
    assert [(q.comment.id, q.post_title) for q in queue] == [(second.id, "Busy"), (first.id, "Busy")]
    with pytest.raises(Forbidden):
        await blog.list_recent_comments(ann)


async def test_a_ban_ends_every_session_of_the_banned_user_and_a_new_one_is_still_banned(events: EventLog) -> None:
    ann = await member("ann")
    phone = await accounts.sign_in(ANONYMOUS, login="ann", password=PASSWORD)
    admin = await with_role(Role.ADMIN, "root")
    await events.forget()
    await accounts.ban_user(admin, username="ann", reason="Stolen account")
    assert (await accounts.actor_for_session(phone.token)).is_anonymous
    ended = [e for e in await events.settled() if isinstance(e, accounts.SessionEnded)]
    assert [e.user_id for e in ended] == [ann.id, ann.id]
    assert (await signed_in_as("ann")).banned  # signing in again is allowed: a banned user reads
    await accounts.unban_user(admin, username="ann")
    assert (await accounts.actor_for_session(phone.token)).is_anonymous  # lifting the ban revives nothing
