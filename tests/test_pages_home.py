"""The home page through simulated users: tabs, the "N new posts" bar, older pages, popular tags."""

from __future__ import annotations

import pytest
from nicegui.testing import User

from core import accounts, blog

from .factories import PASSWORD, member, published, signed_in_as
from .pages import LIVE, addresses, browser_storage, fill_in, sign_in, switch_tabs


async def test_the_first_post_fills_an_empty_feed_at_once(user: User) -> None:
    await user.open("/")
    await user.should_see("Nothing is published yet", retries=LIVE)
    await published(await member("ann"), title="Fresh off the press")
    await user.should_see("Fresh off the press", retries=LIVE)
    await user.should_not_see("Nothing is published yet")
    await user.should_not_see("new post")


async def test_a_new_post_waits_in_the_bar_until_the_reader_asks_for_it(user: User) -> None:
    ann = await member("ann")
    await published(ann, title="Old news")
    await user.open("/")
    await user.should_see("Old news", retries=LIVE)
    await published(ann, title="Fresh off the press")
    await user.should_see("1 new post", retries=LIVE)
    await user.should_not_see("Fresh off the press")
    user.find("1 new post").click()
    await user.should_see("Fresh off the press")


async def test_older_posts_load_page_after_page_until_the_reader_is_all_caught_up(user: User) -> None:
    ann = await member("ann")
    for number in range(blog.PAGE_SIZE + 2):
        await published(ann, title=f"Post number {number}")
    await user.open("/")
    await user.should_see("Post number 21", retries=LIVE)
    await user.should_not_see("Post number 0")
    await user.should_not_see("You're all caught up.")  # there is more
    user.find("Older posts").click()
    await user.should_see("Post number 0", retries=LIVE)
    await user.should_see("You're all caught up.")


async def test_the_following_tab_shows_followed_authors_and_their_new_posts(user: User) -> None:
    viewer, bob = await member("viewer"), await member("bob")
    await member("cat")
    await published(bob, title="Bob was here")
    await accounts.follow(viewer, username="bob")
    await sign_in(user, "viewer")
    await user.open("/")
    user.find("Following").click()
    await user.should_see("Bob was here", retries=LIVE)
    await published(await member("dan"), title="Dan is not followed")
    await published(bob, title="Bob again")
    await user.should_see("1 new post", retries=LIVE)  # on the Following tab: Dan's post is not counted there


async def test_the_chosen_feed_is_in_the_address_so_a_reload_or_a_link_opens_it(
    user: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    viewer, bob = await member("viewer"), await member("bob")
    await published(bob, title="Bob was here")
    await published(await member("cat"), title="Cat is not followed")
    await accounts.follow(viewer, username="bob")
    await sign_in(user, "viewer")
    shown = addresses(monkeypatch)
    await user.open("/")
    await switch_tabs(user, shown, ("Following", "/?feed=following"), ("Global", "/"))
    await user.open("/?feed=following")
    await user.should_see("Bob was here", retries=LIVE)
    await user.should_not_see("Cat is not followed")  # the Global tab is not even loaded
    await user.open("/?feed=nonsense")
    await user.should_see("Cat is not followed", retries=LIVE)


async def test_beside_a_tag_the_address_keeps_the_tag_and_the_chosen_feed(
    user: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    ann = await member("ann")
    await published(ann, title="On dragons", tags=["dragons"])
    await published(ann, title="On cats", tags=["cats"])
    shown = addresses(monkeypatch)
    await user.open("/?tag=dragons")
    await switch_tabs(user, shown, ("Global", "/?tag=dragons&feed=global"), ("#dragons", "/?tag=dragons"))
    await user.open("/?tag=dragons&feed=global")
    await user.should_see("On cats", retries=LIVE)
    await user.open("/?feed=following")  # a visitor has no Following tab: the default one
    await user.should_see("On cats", retries=LIVE)


async def test_a_tag_tab_and_popular_tags(user: User) -> None:
    ann = await member("ann")
    await published(ann, title="On dragons", tags=["dragons"])
    await published(ann, title="On cats", tags=["cats", "dragons"])
    await user.open("/?tag=Dragons")
    await user.should_see("#dragons")
    await user.should_see("On dragons", retries=LIVE)
    await user.should_see("On cats")
    await user.open("/?tag=cats")
    await user.should_not_see("On dragons")


async def test_popular_tags_follow_new_posts_live(user: User) -> None:
    await user.open("/")
    await user.should_see("No tags yet.")
    await published(await member("ann"), tags=["brand-new"])
    await user.should_see("#brand-new", retries=LIVE)


async def test_a_favourite_updates_the_count_on_every_home_page(user: User) -> None:
    ann, bob = await member("ann"), await member("bob")
    post = await published(ann, title="Loved")
    await user.open("/")
    await user.should_see("Loved", retries=LIVE)
    await blog.favorite_post(bob, post_id=post.id)
    await user.should_see("1 favourite", retries=LIVE)
    await blog.archive_post(ann, post_id=post.id)
    await user.should_not_see("Loved", retries=LIVE)


async def test_a_new_member_is_invited_to_write_their_first_post_until_they_have_one(user: User) -> None:
    browser_storage(user)
    await fill_in(user, "/sign-up", username="newcomer", email="newcomer@example.com", password=PASSWORD)
    await user.should_see("Write your first post", retries=LIVE)  # where signing up leads: home
    user.find("Start writing").click()
    await user.should_see(marker="title", retries=LIVE)  # the editor
    await published(await signed_in_as("newcomer"), title="Hello, Tidings")
    await user.open("/")
    await user.should_see("Hello, Tidings", retries=LIVE)
    await user.should_not_see("Write your first post")


async def test_visitors_are_not_invited_to_write(user: User) -> None:
    await user.open("/")
    await user.should_see("Nothing is published yet", retries=LIVE)
    await user.should_not_see("Write your first post")
