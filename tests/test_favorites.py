"""Favourites: idempotent, counted by PostgreSQL, flagged for the viewer, and told to the author."""

from __future__ import annotations

import pytest

from core import ANONYMOUS, Forbidden, NotFound, blog, notifications

from .events import EventLog
from .factories import draft, member, published


async def test_favouriting_counts_flags_and_emits_the_new_count(events: EventLog) -> None:
    ann, bob, cat = await member("ann"), await member("bob"), await member("cat")
    post = await published(ann)
    await events.forget()
    seen_by_bob = await blog.favorite_post(bob, post_id=post.id)
    await blog.favorite_post(cat, post_id=post.id)
    assert (seen_by_bob.favorites_count, seen_by_bob.favorited) == (1, True)
    seen_by_ann = await blog.get_post_by_id(ann, post.id)
    assert (seen_by_ann.favorites_count, seen_by_ann.favorited) == (
        2,
        False,
    )
    counts = [e.count for e in await events.settled() if isinstance(e, blog.FavoriteChanged)]
    assert counts == [1, 2]


async def test_favouriting_twice_changes_nothing_and_unfavouriting_is_idempotent_too(events: EventLog) -> None:
    ann, bob = await member("ann"), await member("bob")
    post = await published(ann)
    await blog.favorite_post(bob, post_id=post.id)
    await events.settled()
    await events.forget()
    assert (await blog.favorite_post(bob, post_id=post.id)).favorites_count == 1
    assert await events.settled() == []
    assert (await blog.unfavorite_post(bob, post_id=post.id)).favorites_count == 0
    assert (await blog.unfavorite_post(bob, post_id=post.id)).favorited is False
    assert [e.count for e in await events.settled() if isinstance(e, blog.FavoriteChanged)] == [0]


async def test_the_author_hears_of_a_favourite_once() -> None:
    ann, bob = await member("ann"), await member("bob")
    post = await published(ann, title="Dragons")
    for _ in range(2):
        await blog.favorite_post(bob, post_id=post.id)
    await blog.favorite_post(ann, post_id=post.id)
    assert [n.text for n in await notifications.list_notifications(ann)] == ["bob favourited “Dragons”"]


async def test_only_members_favourite_and_only_published_posts() -> None:
    ann, bob = await member("ann"), await member("bob")
    with pytest.raises(Forbidden):
        await blog.favorite_post(ANONYMOUS, post_id=(await published(ann)).id)
    with pytest.raises(Forbidden):
        await blog.favorite_post(bob, post_id=(await draft(ann)).id)
    with pytest.raises(NotFound):
        await blog.favorite_post(bob, post_id=987_654)


async def test_a_users_favourites_are_a_feed() -> None:
    ann, bob = await member("ann"), await member("bob")
    liked, other = await published(ann, title="Liked"), await published(ann, title="Other")
    await blog.favorite_post(bob, post_id=liked.id)
    page = await blog.list_posts(ANONYMOUS, blog.Feed(favorited_by="bob"))
    assert [p.title for p in page.items] == ["Liked"]
    assert other.id not in [p.id for p in page.items]
