"""A post's card in every feed, and its page: how long it takes to read, and how many favourites and comments it
has (as icons whose numbers are read out in words), kept current live."""

from __future__ import annotations

from nicegui import ui
from nicegui.testing import User

from core import blog

from .factories import member, published
from .pages import LIVE, until

LONG_READ = "word " * 1000  # 1,000 words: four minutes


def counts(user: User) -> str:
    """The counts the cards show, as a screen reader reads them."""
    return " ".join(
        element.content for element in user.find(kind=ui.html).elements if "material-icons" in element.content
    )


async def test_a_card_says_how_long_the_post_takes_to_read_and_counts_its_comments_live(user: User) -> None:
    ann, bob = await member("ann"), await member("bob")
    post = await published(ann, title="A long read", body=LONG_READ)
    await blog.favorite_post(bob, post_id=post.id)
    await blog.add_comment(bob, post_id=post.id, body="Worth it")
    await user.open("/")
    await user.should_see("A long read", retries=LIVE)
    await user.should_see("4 min read")
    assert '<span class="sr-only">1 favourite</span>' in counts(user)
    assert '<span class="sr-only">1 comment</span>' in counts(user)
    assert "♥" not in counts(user)
    await blog.add_comment(ann, post_id=post.id, body="Thank you")

    async def counted_again() -> bool:
        return "2 comments" in counts(user)

    await until(counted_again, within=15)
    assert '<span class="sr-only">2 comments</span>' in counts(user)


async def test_a_post_with_neither_favourites_nor_comments_shows_no_zeros(user: User) -> None:
    await published(await member("ann"), title="Quiet")
    await user.open("/")
    await user.should_see("Quiet", retries=LIVE)
    await user.should_see("1 min read")
    assert counts(user) == ""


async def test_the_post_page_and_a_search_say_how_long_the_post_takes_to_read(user: User) -> None:
    post = await published(await member("ann"), title="Lengthy lanterns", body=LONG_READ)
    await user.open(f"/post/{post.slug}")
    await user.should_see("4 min read")
    await user.open("/search?q=lanterns")
    await user.should_see("Lengthy", retries=LIVE)  # (the word found is marked)
    await user.should_see("4 min read")
