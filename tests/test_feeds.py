"""Feeds: everyone's, followed authors', a tag's, an author's, a user's favourites; paged by keyset."""

from __future__ import annotations

import pytest

from core import ANONYMOUS, NotFound, blog

from .factories import draft, member, published


async def test_the_global_feed_is_published_posts_newest_first_with_tags_and_counts() -> None:
    ann, bob = await member("ann"), await member("bob")
    first = await published(ann, title="First", tags=["b", "a"])
    await draft(ann, title="Draft")
    second = await published(bob, title="Second", body="Some **text**")
    await blog.favorite_post(bob, post_id=first.id)
    page = await blog.list_posts(bob)
    assert [p.title for p in page.items] == ["Second", "First"]
    assert (page.items[1].tags, page.items[1].favorites_count, page.items[1].favorited) == (("a", "b"), 1, True)
    assert page.items[0].excerpt == "Some text"
    assert page.next is None
    assert await blog.count_posts(ANONYMOUS) == 2
    assert second.id == page.items[0].id


async def test_pages_follow_each_other_without_gaps_or_repeats() -> None:
    ann = await member("ann")
    ids = [(await published(ann, title=f"Post {n}")).id for n in range(7)]
    seen: list[int] = []
    cursor = None
    while True:
        page = await blog.list_posts(ANONYMOUS, before=cursor, limit=3)
        seen += [p.id for p in page.items]
        if page.next is None:
            break
        cursor = page.next
    assert seen == ids[::-1]
    assert [p.id for p in (await blog.list_posts(ANONYMOUS, offset=5, limit=3)).items] == ids[::-1][5:]


async def test_page_sizes_and_offsets_are_kept_within_bounds() -> None:
    ann = await member("ann")
    for n in range(3):
        await published(ann, title=f"Post {n}")
    assert len((await blog.list_posts(ANONYMOUS, limit=0)).items) == 1
    assert len((await blog.list_posts(ANONYMOUS, limit=10_000)).items) == 3
    assert len((await blog.list_posts(ANONYMOUS, offset=-5)).items) == 3


async def test_a_tag_feed_and_an_author_feed_hold_only_their_posts() -> None:
    ann, bob = await member("ann"), await member("bob")
    await published(ann, title="Ann on dragons", tags=["dragons"])
    await published(bob, title="Bob on dragons", tags=["dragons", "Training"])
    await published(bob, title="Bob elsewhere")
    assert [p.title for p in (await blog.list_posts(ANONYMOUS, blog.Feed(tag="dragons"))).items] == [
        "Bob on dragons",
        "Ann on dragons",
    ]
    assert [p.title for p in (await blog.list_posts(ANONYMOUS, blog.Feed(tag="training"))).items] == ["Bob on dragons"]
    assert [p.title for p in (await blog.list_posts(ANONYMOUS, blog.Feed(author="ann"))).items] == ["Ann on dragons"]
    assert (await blog.list_posts(ANONYMOUS, blog.Feed(author="nobody"))).items == []
    assert await blog.count_posts(ANONYMOUS, blog.Feed(tag="dragons", author="bob")) == 1


async def test_popular_tags_count_published_posts_most_used_first() -> None:
    ann = await member("ann")
    await published(ann, tags=["python", "web"])
    await published(ann, tags=["python"])
    await draft(ann, tags=["secret"])
    assert [(t.name, t.posts) for t in await blog.popular_tags(ANONYMOUS)] == [("python", 2), ("web", 1)]


async def test_a_post_in_a_feed_says_how_long_it_takes_to_read_and_how_many_comments_it_has() -> None:
    ann, bob = await member("ann"), await member("bob")
    long = await published(ann, title="Long", body="# A heading\n\n" + "word " * 1000)
    short = await published(ann, title="Short", body="Three words only.")
    for _ in range(2):
        await blog.add_comment(bob, post_id=long.id, body="Read it all")
    page = await blog.list_posts(ANONYMOUS)
    assert [(p.title, p.reading_minutes, p.comments_count) for p in page.items] == [("Short", 1, 0), ("Long", 4, 2)]
    assert (await blog.get_post(ANONYMOUS, long.slug or "")).reading_minutes == 4  # 1,003 words at 230 a minute
    await blog.update_post(ann, post_id=short.id, body="word " * 700)
    assert (await blog.get_post_by_id(ANONYMOUS, short.id)).reading_minutes == 3  # counted again as it is written
    assert await blog.count_comments(ANONYMOUS, long.id) == 2
    hidden = await draft(ann)
    with pytest.raises(NotFound):
        await blog.count_comments(ANONYMOUS, hidden.id)  # as for the post itself: not revealed
