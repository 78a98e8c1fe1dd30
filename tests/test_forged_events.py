"""Page events that no visible control could send are refused by core, never by the page alone.

Each test builds, in a real page's client, a control the viewer was never given (as a forged WebSocket
event would reach its handler) and calls its handler: core refuses, nothing changes, the viewer is told why.
The page modules are imported inside the tests: NiceGUI's test fixture re-imports them for every test.
"""

from __future__ import annotations

from typing import Any

from nicegui.testing import User

from core import ANONYMOUS, Role, accounts, blog

from .factories import draft, member, published, signed_in_as, with_role
from .pages import browser_storage, sign_in


async def test_forged_post_controls_are_refused(user: User) -> None:
    ann, bob = await member("ann"), await member("bob")
    secret, archived = await draft(ann, title="Ann's draft"), await published(ann, title="Archived")
    await blog.archive_post(ann, post_id=archived.id)
    await sign_in(user, "bob")
    client = await user.open("/")
    from ui.pages.post import PostPage

    with client:
        draft_page = PostPage(bob, await blog.get_post_by_id(ann, secret.id), [])
        await draft_page.publish()
        await draft_page.toggle_favorite()
        await PostPage(bob, await blog.get_post_by_id(ann, archived.id), []).restore()
    assert (await blog.get_post_by_id(ann, secret.id)).status == blog.PostStatus.DRAFT
    assert (await blog.get_post_by_id(ann, secret.id)).favorites_count == 0
    assert (await blog.get_post_by_id(ann, archived.id)).archived
    assert user.notify.contains("Not allowed here: only its author publishes a post.")
    assert user.notify.contains("Not allowed here: its author restores an archived post")


async def test_a_forged_edit_of_someone_elses_post_is_refused(user: User) -> None:
    ann = await member("ann")
    bob = await member("bob")
    post = await published(ann, title="Ann's words")
    await sign_in(user, "bob")
    browser_storage(user)
    client = await user.open("/")
    from ui.components.editor.editor import Editor

    with client:
        editor = Editor(bob, post)
        editor.fields.form.fields["title"].value = "Bob's words now"
        assert not await editor.save()
    assert (await blog.get_post_by_id(ANONYMOUS, post.id)).title == "Ann's words"
    await user.should_see("only its author edits a post")


async def test_a_forged_comment_from_a_banned_user_is_refused(user: User) -> None:
    post = await published(await member("ann"))
    await member("bob")
    await accounts.ban_user(await with_role(Role.MODERATOR, "mod"), username="bob", reason="Spam")
    banned = await signed_in_as("bob")
    await sign_in(user, "bob")
    client = await user.open("/")
    from ui.components.comments import Comments

    with client:
        comments = Comments(banned, post, [])
        form = _comment_form(comments)
        form.fields["body"].value = "I am still here"
        await comments.send(form)
    assert await blog.list_comments(ANONYMOUS, post.id) == []
    assert user.notify.contains("Your account is banned: you can read, but not write.")


async def test_a_forged_unban_from_a_member_is_refused(user: User) -> None:
    await member("bob")
    admin = await with_role(Role.ADMIN, "root")
    await accounts.ban_user(admin, username="bob", reason="Spam")
    ann = await member("ann")
    await sign_in(user, "ann")
    client = await user.open("/")
    from ui.components.admin.users import UsersPanel

    with client:
        await UsersPanel(ann).unban("bob")
    assert (await signed_in_as("bob")).banned
    assert user.notify.contains("Not with your role: moderators lift bans.")


def _comment_form(comments: Any) -> Any:
    """The comment box's form, built as if the viewer had been given it."""
    from nicegui import ui

    from ui.components.form import Form

    with comments.list:
        form = Form(blog.AddComment)
        form.add("body", ui.textarea())
    return form
