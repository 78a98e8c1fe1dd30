"""Searching posts and people: ranking, the search syntax, marks, who finds what, and paging."""

from __future__ import annotations

import pytest

from core import ANONYMOUS, Actor, Role, accounts, blog
from core.textsearch import Terms, terms

from .factories import draft, member, published, with_role
from .hostile import SEARCHES


async def titles(actor: Actor, text: str) -> list[str]:
    """The titles a search finds, best first."""
    return [match.post.title for match in (await blog.search_posts(actor, text)).matches]


async def test_a_title_match_ranks_above_a_description_or_tag_match_above_a_text_match() -> None:
    ann = await member("ann")
    await published(ann, title="In the text", body="A long walk with a lantern.")
    await blog.create_post(ann, title="In the tags", body="Nothing here.", tags=["lantern"], publish=True)
    await blog.create_post(ann, title="In the description", description="Lantern light", body="Dark.", publish=True)
    await published(ann, title="The lantern itself", body="Nothing here.")
    ranked = await titles(ANONYMOUS, "lantern")
    assert ranked[0] == "The lantern itself"
    assert set(ranked[1:3]) == {"In the tags", "In the description"}
    assert ranked[3] == "In the text"


async def test_words_are_found_by_their_stem_and_common_words_are_not_needed() -> None:
    ann = await member("ann")
    await published(ann, title="Running databases", body="How we did it.")
    assert await titles(ANONYMOUS, "the database we run ") == ["Running databases"]


async def test_quoted_words_must_stand_together_and_in_that_order() -> None:
    ann = await member("ann")
    await published(ann, title="Garbage collection explained", body="Text.")
    await published(ann, title="Collection of garbage", body="Text.")
    assert await titles(ANONYMOUS, '"garbage collection"') == ["Garbage collection explained"]


async def test_or_finds_either_word_and_a_minus_leaves_a_word_out() -> None:
    ann = await member("ann")
    for title in ("Cats at home", "Dogs at home", "Cats and dogs"):
        await published(ann, title=title, body="Text.")
    assert set(await titles(ANONYMOUS, "cats or dogs ")) == {"Cats at home", "Dogs at home", "Cats and dogs"}
    assert await titles(ANONYMOUS, "cats -dogs") == ["Cats at home"]
    assert set(await titles(ANONYMOUS, "-cats")) == {"Dogs at home"}


async def test_the_last_word_matches_the_words_it_begins_until_a_space_ends_it() -> None:
    ann = await member("ann")
    await published(ann, title="PostgreSQL for everyone", body="Text.")
    await published(ann, title="Theory of everything", body="Text.")
    assert await titles(ANONYMOUS, "postg") == ["PostgreSQL for everyone"]
    assert await titles(ANONYMOUS, "postg ") == []
    assert await titles(ANONYMOUS, "everyone postg") == ["PostgreSQL for everyone"]
    assert await titles(ANONYMOUS, "the") == ["Theory of everything"]  # a word too common to index, as a beginning
    assert len(await titles(ANONYMOUS, "-postg")) == 2  # a word left out is a whole word, never a beginning


def test_what_is_typed_is_cut_and_cleaned_and_its_last_word_kept_for_a_prefix() -> None:
    assert terms("  dogs or cats") == Terms("dogs or cats", "cats")
    assert terms("dogs cats ") == Terms("dogs cats", "")
    assert terms('"garbage coll') == Terms('"garbage coll', "coll")
    assert terms('"garbage collection"') == Terms('"garbage collection"', "")
    assert terms("cats -dog") == Terms("cats -dog", "")
    assert terms("real-ti") == Terms("real-ti", "ti")
    assert terms("cats or") == Terms("cats or", "")
    assert terms("PostG") == Terms("PostG", "postg")
    assert terms("post\x00gres\ud800") == Terms("post gres", "")
    assert terms("a" * 10_000) == Terms("a" * 200, "a" * 200)


async def test_matched_words_are_marked_in_the_title_and_in_an_excerpt_of_the_text() -> None:
    ann = await member("ann")
    body = "Words before. " * 30 + "The lanterns were lit at dusk. " + "Words after. " * 30
    await published(ann, title="A lantern\x02 at \x03dusk", body=body)
    match = (await blog.search_posts(ANONYMOUS, "lantern dusk")).matches[0]
    assert match.title.matches == ("lantern", "dusk")
    assert match.title.text == "A lantern at dusk"  # what the marks are made of never comes from the text
    assert "The lanterns were lit at dusk" in match.excerpt.text
    assert set(match.excerpt.matches) == {"lanterns", "dusk"}
    assert "Words before. Words before. Words before. Words before." not in match.excerpt.text


async def test_markdown_is_taken_out_of_excerpts() -> None:
    ann = await member("ann")
    body = "## Heading\n\nSee **the [lantern](https://example.com/x) guide** and `code`."
    await published(ann, title="Links", body=body)
    excerpt = (await blog.search_posts(ANONYMOUS, "lantern")).matches[0].excerpt.text
    assert "lantern" in excerpt
    assert not any(mark in excerpt for mark in ("#", "*", "[", "](", "example.com", "`"))


async def test_a_tag_added_later_is_found_and_a_removed_one_no_longer() -> None:
    ann = await member("ann")
    post = await published(ann, title="Untagged", body="Text.")
    assert await titles(ANONYMOUS, "marmots") == []
    await blog.update_post(ann, post_id=post.id, tags=["marmots"])
    assert await titles(ANONYMOUS, "marmots") == ["Untagged"]
    await blog.update_post(ann, post_id=post.id, tags=["otters"], title="Retitled")
    assert await titles(ANONYMOUS, "marmots") == []
    assert await titles(ANONYMOUS, "otters retitled") == ["Retitled"]


async def test_an_edited_text_or_description_is_found_by_its_new_words_only() -> None:
    ann = await member("ann")
    post = await published(ann, title="Notes", body="About marmots.", tags=["animals"])
    await blog.update_post(ann, post_id=post.id, body="About otters.")
    await blog.update_post(ann, post_id=post.id, description="Seen by the river")
    assert await titles(ANONYMOUS, "marmots") == []
    assert await titles(ANONYMOUS, "otters river animals") == ["Notes"]


async def test_drafts_and_archived_posts_are_found_only_by_those_who_may_read_them() -> None:
    ann, bob, admin = await member("ann"), await member("bob"), await with_role(Role.ADMIN)
    await published(ann, title="Lantern published", body="Text.")
    await draft(ann, title="Lantern draft", body="Text.")
    archived = await published(ann, title="Lantern archived", body="Text.")
    await blog.archive_post(ann, post_id=archived.id)
    everyone = ["Lantern published"]
    assert sorted(await titles(ANONYMOUS, "lantern")) == everyone
    assert sorted(await titles(bob, "lantern")) == everyone
    assert sorted(await titles(ann, "lantern")) == ["Lantern archived", "Lantern draft", "Lantern published"]
    assert sorted(await titles(admin, "lantern")) == ["Lantern archived", "Lantern published"]
    articles = await blog.search_articles(ann, "lantern")  # the JSON API's articles: published posts only
    assert [match.post.title for match in articles.matches] == everyone


async def test_a_banned_authors_posts_are_found_exactly_as_the_feeds_show_them() -> None:
    ann, moderator = await member("ann"), await with_role(Role.MODERATOR)
    await published(ann, title="Lantern kept", body="Text.")
    gone = await published(ann, title="Lantern archived", body="Text.")
    await draft(ann, title="Lantern draft", body="Text.")
    await blog.archive_post(ann, post_id=gone.id)
    await accounts.ban_user(moderator, username="ann", reason="spam")
    banned_ann = Actor(id=ann.id, username="ann", role=Role.MEMBER, banned=True)
    feed = {post.title for post in (await blog.list_posts(ANONYMOUS)).items}
    for viewer in (ANONYMOUS, banned_ann, moderator):
        assert set(await titles(viewer, "lantern")) == feed == {"Lantern kept"}


async def test_results_are_paged_and_counted() -> None:
    ann = await member("ann")
    for number in range(blog.PAGE_SIZE + 3):
        await published(ann, title=f"Lantern {number}", body="Text.")
    first = await blog.search_posts(ANONYMOUS, "lantern")
    assert (len(first.matches), first.total, first.next_offset) == (blog.PAGE_SIZE, blog.PAGE_SIZE + 3, blog.PAGE_SIZE)
    second = await blog.search_posts(ANONYMOUS, "lantern", offset=first.next_offset or 0)
    assert (len(second.matches), second.total, second.next_offset) == (3, blog.PAGE_SIZE + 3, None)
    assert {m.post.id for m in first.matches}.isdisjoint({m.post.id for m in second.matches})
    past = await blog.search_posts(ANONYMOUS, "lantern", offset=500)
    assert (past.matches, past.total) == ((), blog.PAGE_SIZE + 3)


async def test_the_newest_hundred_matches_are_ranked_and_paged_through() -> None:
    ann = await member("ann")
    for number in range(blog.SEARCH_RESULTS_MAX + 1):
        await published(ann, title=f"Lantern {number}" if number else "The lantern of Alexandria", body="Text.")
    every = await blog.search_posts(ANONYMOUS, "lantern", limit=blog.PAGE_MAX)
    assert every.total == len(every.matches) == blog.SEARCH_RESULTS_MAX == 100
    assert "The lantern of Alexandria" not in {match.post.title for match in every.matches}  # the oldest: not ranked
    assert await titles(ANONYMOUS, "lantern alexandria") == ["The lantern of Alexandria"]  # a word more finds it


async def test_people_are_found_by_name_and_bio_names_first() -> None:
    ann, lantern_fan = await member("ann"), await member("lantern_fan")
    await accounts.update_profile(ann, bio="I collect **lanterns** and maps.")
    await member("bob")
    people = await accounts.search_people(ANONYMOUS, "lantern")
    assert [person.username for person in people] == ["lantern_fan", "ann"]
    assert people[0].name.matches == ("lantern",)
    assert people[1].bio.text == "I collect lanterns and maps."
    assert people[1].bio.matches == ("lanterns",)
    assert [p.username for p in await accounts.search_people(lantern_fan, "an")] == ["ann"]  # a name as it is typed


async def test_a_post_is_checked_against_every_open_search_at_once() -> None:
    ann = await member("ann")
    post = await published(ann, title="Lanterns at dusk", body="Text.", tags=["light"])
    found = await blog.find_matches(ANONYMOUS, post.id, ["lantern", "dusk light", "otters", "&&", ""])
    assert set(found) == {"lantern", "dusk light"}
    assert found["lantern"].title.matches == ("Lanterns",)
    hidden = await draft(ann, title="Lantern draft", body="Text.")
    assert await blog.find_matches(ANONYMOUS, hidden.id, ["lantern"]) == {}
    assert set(await blog.find_matches(ann, hidden.id, ["lantern"])) == {"lantern"}


@pytest.mark.parametrize("text", SEARCHES, ids=range(len(SEARCHES)))
async def test_a_hostile_search_gets_an_answer(text: str) -> None:
    ann = await member("ann")
    post = await published(ann, title="Lantern", body="Text.")
    page = await blog.search_posts(ann, text)
    assert page.total == len(page.matches) <= 1
    assert len(page.searched) <= 200
    assert "\x00" not in page.searched
    assert (await blog.search_articles(ANONYMOUS, text)).total <= 1
    assert len(await accounts.search_people(ANONYMOUS, text)) <= 1
    assert set(await blog.find_matches(ANONYMOUS, post.id, [text, "lantern"])) <= {text, "lantern"}
