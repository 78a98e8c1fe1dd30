"""The pages, driven by NiceGUI's simulated users: forms, the write-publish-comment flow, live updates."""

from __future__ import annotations

from collections.abc import Callable

from nicegui import ui
from nicegui.testing import User

from core import ANONYMOUS, blog

from .factories import PASSWORD, member, published

LIVE = 30  # retries of 0.1 s: an event crosses PostgreSQL before the other page shows it


async def fill_in(user: User, path: str, **fields: str) -> None:
    """Open a form, type into its fields (by name) and submit it."""
    await user.open(path)
    for name, text in fields.items():
        user.find(marker=name).type(text)
    user.find(marker="submit").click()


async def sign_in(user: User, login: str) -> None:
    await fill_in(user, "/sign-in", login=login, password=PASSWORD)
    await user.should_see("Sign out", retries=LIVE)


async def test_sign_up_shows_each_error_under_its_field_and_keeps_what_was_typed(user: User) -> None:
    await fill_in(user, "/sign-up", username="a b", email="not-an-address", password="short")
    await user.should_see("Use only letters, digits, '-' and '_'.")
    await user.should_see("Enter an e-mail address like name@example.com.")
    await user.should_see("Use at least 8 characters.")
    username = user.find(marker="username").elements.pop()
    assert isinstance(username, ui.input)
    assert username.value == "a b"


async def test_a_field_is_checked_by_the_actions_own_rules_when_left(user: User) -> None:
    await user.open("/sign-up")
    user.find(marker="username").type("x").trigger("blur")
    await user.should_see("Use at least 3 characters.")
    user.find(marker="username").type("yz")
    await user.should_not_see("Use at least 3 characters.")


async def test_signing_up_signs_in_and_a_taken_name_is_explained(user: User) -> None:
    await member("taken")
    await fill_in(user, "/sign-up", username="taken", email="new@example.com", password=PASSWORD)
    await user.should_see("This username is taken.")
    user.find(marker="username").clear().type("fresh")
    user.find(marker="submit").click()
    await user.should_see("Sign out")
    await user.should_see("fresh")


async def test_wrong_credentials_are_shown_under_the_password(user: User) -> None:
    await member("ann")
    await fill_in(user, "/sign-in", login="ann", password="not the password")
    await user.should_see("Wrong username, e-mail or password.")


async def test_write_publish_and_comment_through_the_pages(user: User) -> None:
    await member("ann")
    await sign_in(user, "ann")
    await user.open("/write")
    user.find(marker="title").type("Live from the pages")
    user.find(marker="body").type("Some **bold** words.")
    user.find(marker="submit").click()
    await user.should_see("Draft")
    user.find("Publish").click()
    await user.should_not_see("Draft")
    user.find(marker="body").type("First!")
    user.find(marker="submit").click()
    await user.should_see("1 comment")
    posts = (await blog.list_posts(ANONYMOUS)).items
    assert [p.title for p in posts] == ["Live from the pages"]


async def test_an_empty_comment_is_refused_under_the_box(user: User) -> None:
    ann = await member("ann")
    post = await published(ann)
    await sign_in(user, "ann")
    await user.open(f"/post/{post.slug}")
    user.find(marker="submit").click()
    await user.should_see("This field can't be empty.")


async def test_two_users_see_each_others_comments_live(user: User, create_user: Callable[[], User]) -> None:
    ann = await member("ann")
    await member("bob")
    post = await published(ann, title="Discuss this")
    bob_user = create_user()
    await sign_in(user, "ann")
    await sign_in(bob_user, "bob")
    await user.open(f"/post/{post.slug}")
    await bob_user.open(f"/post/{post.slug}")
    bob_user.find(marker="body").type("Hello from Bob")
    bob_user.find(marker="submit").click()
    await user.should_see("Hello from Bob", retries=LIVE)
    user.find(marker="body").type("Hi Bob, Ann here")
    user.find(marker="submit").click()
    await bob_user.should_see("Hi Bob, Ann here", retries=LIVE)
    await bob_user.should_see("2 comments")


async def test_a_newly_published_post_appears_on_an_open_home_page(user: User) -> None:
    await user.open("/")
    await user.should_see("Nothing is published yet", retries=1)
    await published(await member("ann"), title="Fresh off the press")
    await user.should_see("Fresh off the press", retries=LIVE)
    await user.should_not_see("Nothing is published yet")


async def test_anonymous_visitors_are_invited_to_sign_in_instead_of_a_comment_box(user: User) -> None:
    post = await published(await member("ann"))
    await user.open(f"/post/{post.slug}")
    await user.should_see("to join the discussion.")
    await user.should_not_see(kind=ui.textarea)


async def test_a_draft_or_a_nonsense_address_shows_a_not_found_page(user: User) -> None:
    ann = await member("ann")
    post = await blog.create_post(ann, title="Secret draft")
    for path in (f"/post/{post.slug}", "/post/abc", "/post/99999999999999"):
        await user.open(path)
        await user.should_see("This post does not exist, or is not visible to you.")
