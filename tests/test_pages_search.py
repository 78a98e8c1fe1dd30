"""The search page through simulated users: results as they type, empty states, paging, and live results."""

from __future__ import annotations

import html
import re
from collections.abc import Callable

import pytest
from nicegui import ui
from nicegui.testing import User

from core import accounts, blog
from core.blog import search

from .factories import draft, member, published
from .pages import LIVE, addresses, sign_in, until


def html_of(user: User, marker: str) -> str:
    """The markup of the one element of markup with this marker."""
    element = next(iter(user.find(marker=marker).elements))
    assert isinstance(element, ui.html)
    return str(element.content)


def cards(user: User) -> list[str]:
    """The markup of the results shown, top first (each result is one element)."""
    column = next(iter(user.find(marker="results").elements))
    return [child.content for child in column.default_slot.children if isinstance(child, ui.html)]


def titles(user: User) -> list[str]:
    """The titles of the results shown, top first, as the reader reads them (marks and all)."""
    found = (re.search(r'text-primary break-words" href="[^"]*">(.*?)</a>', card) for card in cards(user))
    return [html.unescape(re.sub("<[^>]+>", "", title.group(1))) for title in found if title]


async def shows(user: User, *wanted: str) -> None:
    """Wait until the results shown are these titles, top first."""

    async def shown() -> bool:
        return titles(user) == list(wanted)

    try:
        await until(shown, within=LIVE * 0.1)
    except TimeoutError:
        raise AssertionError(f"shown: {titles(user)}, wanted: {list(wanted)}") from None


async def test_every_page_has_a_search_box_that_opens_the_results(user: User) -> None:
    for path in ("/", "/sign-in", "/search"):
        await user.open(path)
        box = next(element for element in user.find(ui.html).elements if element.props.get("role") == "search")
        assert box.content.startswith('<input name="q" type="search"')  # Enter opens /search?q= (static/search.js)


async def test_the_results_show_posts_and_people_with_the_matched_words_marked(user: User) -> None:
    ann = await member("lantern_keeper")
    await accounts.update_profile(ann, bio="Keeper of <b>lanterns</b>.")
    await published(ann, title="Lanterns <script>at</script> dusk", body="We lit the lantern at dusk.", tags=["light"])
    await user.open("/search?q=lantern")
    await user.should_see("Lanterns", retries=LIVE)
    [card] = cards(user)
    assert "<mark>Lanterns</mark> &lt;script&gt;at&lt;/script&gt; dusk" in card
    assert "We lit the <mark>lantern</mark> at dusk" in card
    assert all(part in card for part in ('href="/post/', "lantern_keeper", "#light"))
    people = html_of(user, "people")
    assert "<mark>lantern</mark>_keeper" in people
    assert "<mark>lanterns</mark>" in people
    assert "<b>" not in people


async def test_the_results_follow_the_typing_and_the_address_follows_them(
    user: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    ann = await member("ann")
    await published(ann, title="PostgreSQL tuning", body="Text.")
    await published(ann, title="Python typing", body="Text.")
    shown = addresses(monkeypatch)
    await user.open("/search")
    await user.should_see("Type a few words to search posts and people.")
    user.find(marker="search").type("post")
    await shows(user, "PostgreSQL tuning")
    user.find(marker="search").clear().type("pyth")
    await shows(user, "Python typing")
    assert shown[-1] == "/search?q=pyth"
    user.find(marker="search").clear()
    await user.should_see("Type a few words to search posts and people.", retries=LIVE)
    assert shown[-1] == "/search"


async def test_a_search_without_matches_or_without_words_says_what_to_try(user: User) -> None:
    await published(await member("ann"), title="Lanterns", body="Text.")
    await user.open("/search?q=otters")
    nothing = "No posts or people match “otters”. Try fewer or different words."
    await user.should_see(nothing, retries=LIVE)
    await user.open("/search?q=%26%7C%21%3A%2A%28%29%3C%3E")
    await user.should_see("“&|!:*()<>” has no words to search for: try letters or numbers.", retries=LIVE)


async def test_more_results_load_page_after_page(user: User) -> None:
    ann = await member("ann")
    for number in range(blog.PAGE_SIZE + 2):
        await published(ann, title=f"Lantern number {number}", body="Text.")
    await user.open("/search?q=lantern")
    await user.should_see("More results", retries=LIVE)
    assert len(cards(user)) == blog.PAGE_SIZE
    user.find("More results").click()

    async def all_shown() -> bool:
        return len(cards(user)) == blog.PAGE_SIZE + 2

    await until(all_shown)
    await user.should_not_see("More results")


async def test_the_last_page_of_a_search_that_matched_more_than_it_ranks_says_how_to_find_older_posts(
    user: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(search, "CANDIDATES", 2)  # ranked: the newest two matches
    monkeypatch.setattr(blog, "SEARCH_RESULTS_MAX", 2)
    ann = await member("ann")
    for title in ("Oldest lantern", "Older lantern", "Newest lantern"):
        await published(ann, title=title, body="Text.")
    await user.open("/search?q=lantern")
    await shows(user, "Newest lantern", "Older lantern")
    await user.should_see("add a word to find older ones")


async def test_a_new_match_is_announced_to_the_searches_it_matches_and_a_withdrawn_one_leaves(
    user: User, create_user: Callable[[], User]
) -> None:
    ann = await member("ann")
    await published(ann, title="Lanterns for reading", body="Text.")
    other = create_user()
    await user.open("/search?q=lantern")
    await other.open("/search?q=otters")
    await shows(user, "Lanterns for reading")
    fresh = await published(ann, title="A new lantern", body="Text.")
    await user.should_see("1 new result", retries=LIVE)
    assert titles(user) == ["Lanterns for reading"]  # what the reader reads stays where it is
    await other.should_not_see("new result")
    user.find("1 new result").click()
    await shows(user, "A new lantern", "Lanterns for reading")
    assert "A new <mark>lantern</mark>" in cards(user)[0]
    await blog.archive_post(ann, post_id=fresh.id)
    await shows(user, "Lanterns for reading")
    otter = await published(ann, title="Otter notes", body="Text.")  # the other search was empty: shown at once
    await shows(other, "Otter notes")
    await blog.unpublish_post(ann, post_id=otter.id)
    await other.should_see("No posts or people match “otters”", retries=LIVE)


async def test_an_edit_that_no_longer_matches_takes_a_post_away_and_one_that_still_does_updates_it(
    user: User,
) -> None:
    ann = await member("ann")
    kept = await published(ann, title="Lanterns kept", body="Text.")
    lost = await published(ann, title="Lanterns lost", body="Text.")
    await user.open("/search?q=lantern")
    await shows(user, "Lanterns lost", "Lanterns kept")
    await blog.update_post(ann, post_id=lost.id, title="Candles instead")
    await blog.update_post(ann, post_id=kept.id, title="Lanterns kept and polished")
    await shows(user, "Lanterns kept and polished")
    await blog.unpublish_post(ann, post_id=kept.id)
    await user.should_see("No posts or people match “lantern”", retries=LIVE)


async def test_drafts_are_found_by_their_author_only_and_say_so(user: User, create_user: Callable[[], User]) -> None:
    await draft(await member("ann"), title="Lantern draft", body="Text.")
    await sign_in(user, "ann")
    await user.open("/search?q=lantern")
    await shows(user, "Lantern draft")
    assert "This is a draft: only you can see it." in cards(user)[0]
    visitor = create_user()
    await visitor.open("/search?q=lantern")
    await visitor.should_see("No posts or people match", retries=LIVE)


async def test_a_search_that_finds_people_but_no_posts_says_so(user: User) -> None:
    await member("otterly")
    await user.open("/search?q=otterly")
    await user.should_see("No posts match “otterly”. Try fewer or different words.", retries=LIVE)
    await user.should_see("otterly")
