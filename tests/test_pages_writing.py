"""Writing without surprises, through simulated users: refusals said once and in place, bans said on the page,
saves that don't imagine another window, reasons asked without losing what was typed, and the way back."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

import pytest
from nicegui import ui
from nicegui.testing import User

from core import Actor, Role, accounts, blog, policy

from .factories import draft, member, published, with_role
from .pages import LIVE, browser_storage, sign_in

EDITOR_QUIET = 3.0  # seconds: six autosave ticks, twice the pause after which a draft saves itself


async def test_a_banned_member_gets_no_write_button_and_no_editor(user: User) -> None:
    await member("bob")
    await accounts.ban_user(await with_role(Role.MODERATOR, "mod"), username="bob", reason="Spam")
    await sign_in(user, "bob")  # a banned member may sign in again, to read
    await user.should_not_see("Write")
    refused = await user.http_client.get("/write")
    assert refused.status_code == 403
    assert "Your account is banned" in refused.text
    assert '"label":"Title"' not in refused.text.replace(" ", "")


async def test_a_refused_save_is_said_once_in_place_and_never_tried_again_by_itself(
    user: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    bob = await member("bob")
    await sign_in(user, "bob")
    browser_storage(user)
    tries: list[str] = []
    authorize = policy.authorize

    def counted(actor: Actor, action: str, record: object = None) -> None:
        tries.append(action)
        authorize(actor, action, record)

    monkeypatch.setattr(policy, "authorize", counted)  # every attempt of every action asks it
    client = await user.open("/")
    from ui.components.editor.editor import Editor

    with client:  # an editor whose viewer was banned meanwhile: every save of theirs is refused
        editor = Editor(Actor(id=bob.id, username="bob", role=bob.role, banned=True), None)
        editor.fields.form.fields["title"].value = "Written while banned"
    await asyncio.sleep(EDITOR_QUIET)
    assert tries == ["post.create"]  # one refusal, never retried
    assert editor.refusal.visible
    assert "Your account is banned" in editor.refusal.text
    assert not [message for message in user.notify.messages if "banned" in message]


async def test_a_ban_says_on_the_banned_users_open_page_who_banned_them_and_why(user: User) -> None:
    post = await published(await member("ann"))
    await member("bob")
    moderator = await with_role(Role.MODERATOR, "mod")
    await sign_in(user, "bob")
    await user.open(f"/post/{post.slug}")
    await user.should_see(kind=ui.textarea)
    await accounts.ban_user(moderator, username="bob", reason="Posting the same link everywhere")
    await user.should_see("mod banned your account: “Posting the same link everywhere”.", retries=LIVE)
    await user.should_see("Sign up")  # now a visitor's page, and it says why


async def test_saving_a_draft_with_nothing_changed_says_all_is_saved_and_writes_nothing(user: User) -> None:
    ann = await member("ann")
    post = await draft(ann, title="Untouched")
    await sign_in(user, "ann")
    browser_storage(user)
    await user.open(f"/edit/{post.id}")
    await user.should_see("All changes saved")
    for _ in range(3):
        user.find(marker="save").click()
        await asyncio.sleep(0.3)
    await user.should_see("All changes saved")
    await user.should_not_see("Updated from another window")
    assert (await blog.get_post_by_id(ann, post.id)).version == post.version


async def test_a_save_never_takes_its_own_event_for_another_windows_change(user: User) -> None:
    ann = await member("ann")
    post = await draft(ann, title="Mine alone")
    await sign_in(user, "ann")
    browser_storage(user)
    await user.open(f"/edit/{post.id}")
    for word in ("one", "two", "three"):
        user.find(marker="body").type(f" {word}")
        user.find(marker="save").click()
        await user.should_see("All changes saved", retries=LIVE)
        await asyncio.sleep(0.3)  # time for the save's own event to come back
        await user.should_not_see("Updated from another window")
        await user.should_not_see("This post was changed in another window")


async def test_a_reason_too_short_stays_in_the_dialog_under_its_field(user: User) -> None:
    post = await published(await member("ann"), title="Off topic")
    await with_role(Role.MODERATOR, "mod")
    await sign_in(user, "mod")
    await user.open(f"/post/{post.slug}")
    user.find(marker="archive").click()  # in the post's menu of more actions
    await user.should_see(marker="reason", retries=LIVE)
    user.find(marker="reason").type("No")
    user.find(marker="confirm").click()
    await user.should_see("Use at least", retries=LIVE)  # under the field, in the dialog still open
    await user.should_see(marker="reason")
    assert (await blog.get_post_by_id(await with_role(Role.ADMIN, "root"), post.id)).archived is False
    user.find(marker="reason").type(": it is about something else")
    user.find(marker="confirm").click()
    await user.should_not_see(marker="reason", retries=LIVE)
    assert (await blog.get_post_by_id(await with_role(Role.ADMIN, "root2"), post.id)).archived is True


@pytest.mark.parametrize("control", ["favorite", "follow", "comment"])
async def test_a_visitor_sent_to_sign_in_comes_back_to_the_post(user: User, control: str) -> None:
    post = await published(await member("ann"), title="Worth a favourite")
    await member("bob")
    browser_storage(user)
    await user.open(f"/post/{post.slug}")
    if control == "comment":  # a link in the line that says why a visitor can't comment
        why = user.find(marker="why-not-comment.add").elements.pop()
        assert isinstance(why, ui.html)
        assert f'href="/sign-in?next=/post/{post.slug}"' in why.content
        await user.open(f"/sign-in?next=/post/{post.slug}")
    else:
        user.find(marker=control).click()
    await user.should_see(marker="login", retries=LIVE)
    user.find(marker="login").type("bob")
    user.find(marker="password").type("correct horse battery")
    user.find(marker="submit").click()
    await user.should_see(marker="account", retries=LIVE)
    await user.should_see("Worth a favourite")
    await user.should_see(kind=ui.textarea)  # the comment box: bob may comment now


@pytest.mark.parametrize("elsewhere", ["https://evil.example/", "//evil.example/x", "/\\evil.example"])
async def test_signing_in_never_leads_off_the_site(user: User, elsewhere: str) -> None:
    await member("bob")
    browser_storage(user)
    await user.open(f"/sign-in?next={elsewhere}")
    user.find(marker="login").type("bob")
    user.find(marker="password").type("correct horse battery")
    user.find(marker="submit").click()
    await user.should_see("Popular tags", retries=LIVE)  # home


async def test_the_editors_heading_follows_the_post_from_new_to_draft(
    user: User, create_user: Callable[[], User]
) -> None:
    await member("ann")
    await sign_in(user, "ann")
    browser_storage(user)
    await user.open("/write")
    await user.should_see("New post")
    user.find(marker="title").type("Heading check")
    await user.should_see("All changes saved", retries=LIVE)
    await user.should_see("Edit draft")
    await user.should_not_see("New post")
