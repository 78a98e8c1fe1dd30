"""Notifications: each user sees their own, newest first, and can mark them read."""

from __future__ import annotations

import pytest

from core import ANONYMOUS, Forbidden, accounts, blog, notifications

from .events import EventLog
from .factories import member, published


async def test_notifications_arrive_newest_first_and_are_marked_read_together(events: EventLog) -> None:
    ann, bob = await member("ann"), await member("bob")
    post = await published(ann, title="Dragons")
    await accounts.follow(bob, username="ann")
    await blog.favorite_post(bob, post_id=post.id)
    await blog.add_comment(bob, post_id=post.id, body="Hi")
    assert [n.text for n in await notifications.list_notifications(ann)] == [
        "bob commented on “Dragons”",
        "bob favourited “Dragons”",
        "bob started following you",
    ]
    assert await notifications.unread_count(ann) == 3
    changed = [e for e in await events.settled() if isinstance(e, notifications.NotificationsChanged)]
    assert changed == [notifications.NotificationsChanged(user_id=ann.id or 0)] * 3
    await events.forget()
    assert await notifications.mark_all_read(ann) == 3
    assert await notifications.unread_count(ann) == 0
    assert all(n.read for n in await notifications.list_notifications(ann))
    assert await events.settled() == [notifications.NotificationsChanged(user_id=ann.id or 0)]
    assert await notifications.mark_all_read(ann) == 0


async def test_the_anonymous_visitor_has_no_notifications() -> None:
    assert await notifications.list_notifications(ANONYMOUS) == []
    assert await notifications.unread_count(ANONYMOUS) == 0
    with pytest.raises(Forbidden):
        await notifications.mark_all_read(ANONYMOUS)


async def test_older_notifications_are_read_page_after_page() -> None:
    ann, bob = await member("ann"), await member("bob")
    post = await published(ann, title="Dragons")
    for number in range(5):
        await blog.add_comment(bob, post_id=post.id, body=f"Comment {number}")
    first = await notifications.list_notifications(ann, limit=3)
    rest = await notifications.list_notifications(ann, limit=3, before=first[-1].id)
    everything = await notifications.list_notifications(ann)
    assert [n.id for n in first + rest] == [n.id for n in everything]
    assert (len(first), len(rest)) == (3, 2)
