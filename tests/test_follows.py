"""Following: idempotent, never oneself, counted, flagged for the viewer, and told to the followed."""

from __future__ import annotations

import pytest

from core import ANONYMOUS, Forbidden, NotFound, accounts, blog, notifications

from .events import EventLog
from .factories import member, published


async def test_following_shows_in_the_profile_and_the_following_feed(events: EventLog) -> None:
    ann, bob = await member("ann"), await member("bob")
    post = await published(bob, title="By Bob")
    await events.forget()
    assert await accounts.follow(ann, username="bob") is True
    profile = await accounts.get_profile(ann, "bob")
    assert (profile.following, profile.followers, profile.posts) == (True, 1, 1)
    assert (await accounts.get_profile(ANONYMOUS, "ann")).follows == 1
    assert [p.id for p in (await blog.list_posts(ann, blog.Feed(following=True))).items] == [post.id]
    assert (await blog.get_post_by_id(ann, post.id)).author.following is True
    assert (await blog.get_post_by_id(ANONYMOUS, post.id)).author.following is False
    changed = accounts.FollowChanged(follower_id=ann.id or 0, followed_id=bob.id or 0, following=True, followers=1)
    assert changed in await events.settled()


async def test_following_twice_or_unfollowing_twice_changes_nothing(events: EventLog) -> None:
    ann, bob = await member("ann"), await member("bob")
    await accounts.follow(ann, username="bob")
    await events.settled()
    await events.forget()
    assert await accounts.follow(ann, username="bob") is False
    assert await accounts.unfollow(ann, username="bob") is True
    assert await accounts.unfollow(ann, username="bob") is False
    assert (await accounts.get_profile(ann, "bob")).followers == 0
    assert [e.following for e in await events.settled() if isinstance(e, accounts.FollowChanged)] == [False]
    assert (await blog.list_posts(ann, blog.Feed(following=True))).items == []
    assert (await accounts.get_profile(bob, "bob")).followers == 0


async def test_the_followed_user_is_told_of_each_new_follow() -> None:
    ann, bob = await member("ann"), await member("bob")
    await accounts.follow(ann, username="bob")
    await accounts.unfollow(ann, username="bob")
    await accounts.follow(ann, username="bob")
    assert [n.text for n in await notifications.list_notifications(bob)] == [
        "ann started following you",
        "ann started following you",
    ]


async def test_nobody_follows_themselves_and_the_anonymous_visitor_follows_nobody() -> None:
    ann = await member("ann")
    await member("bob")
    with pytest.raises(Forbidden):
        await accounts.follow(ann, username="ann")
    with pytest.raises(Forbidden):
        await accounts.follow(ANONYMOUS, username="bob")
    with pytest.raises(NotFound):
        await accounts.follow(ann, username="nobody")
    assert (await blog.list_posts(ANONYMOUS, blog.Feed(following=True))).items == []
