"""Every limit on what people type is shown beside its field before they reach it, taken from core's own limits."""

from __future__ import annotations

from nicegui import ui
from nicegui.testing import User

from core import ANONYMOUS, accounts, blog

from .factories import member, published
from .pages import counted_up_to, hint_of, sign_in


async def test_the_editor_counts_towards_each_limit_and_says_how_many_tags(user: User) -> None:
    await member("ann")
    await sign_in(user, "ann")
    await user.open("/write")
    assert counted_up_to(user, "title") == blog.TITLE_MAX
    assert counted_up_to(user, "description") == blog.DESCRIPTION_MAX
    assert counted_up_to(user, "body") == blog.BODY_MAX
    assert hint_of(user, "tags") == f"Up to {blog.TAGS_MAX} tags of up to {blog.TAG_MAX} letters each"


async def test_the_comment_box_counts_towards_its_limit(user: User) -> None:
    post = await published(await member("ann"))
    await member("bob")
    await sign_in(user, "bob")
    await user.open(f"/post/{post.slug}")
    assert counted_up_to(user, "body") == blog.COMMENT_MAX


async def test_a_comment_forged_past_the_counter_is_refused_by_core_under_the_box(user: User) -> None:
    post = await published(await member("ann"))
    await member("bob")
    await sign_in(user, "bob")
    await user.open(f"/post/{post.slug}")
    # The browser stops typing at maxlength; a forged event sets the value anyway.
    box = user.find(marker="body").elements.pop()
    assert isinstance(box, ui.textarea)
    box.value = "x" * (blog.COMMENT_MAX + 1)
    user.find(marker="submit").click()
    await user.should_see(f"Use at most {blog.COMMENT_MAX} characters.")
    assert await blog.list_comments(ANONYMOUS, post.id) == []


async def test_sign_up_counts_the_username_and_states_the_password_minimum(user: User) -> None:
    await user.open("/sign-up")
    assert counted_up_to(user, "username") == accounts.USERNAME_MAX
    assert user.find(marker="email").elements.pop().props["maxlength"] == str(accounts.EMAIL_MAX)
    await user.should_see(f"At least {accounts.PASSWORD_MIN} characters.")


async def test_settings_count_the_username_and_the_bio(user: User) -> None:
    await member("ann")
    await sign_in(user, "ann")
    await user.open("/settings")
    assert counted_up_to(user, "username") == accounts.USERNAME_MAX
    assert counted_up_to(user, "bio") == accounts.BIO_MAX
    await user.should_see(f"At least {accounts.PASSWORD_MIN} characters.")
