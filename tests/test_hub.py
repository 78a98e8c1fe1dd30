"""The event hub: one LISTEN connection per process, reconnecting, and subscribers that cannot hurt each other."""

from __future__ import annotations

import asyncio

import asyncpg
import pytest

from core import Event, Reconnected, blog, hub, runtime
from core.events import EVERYTHING

from .events import EventLog
from .factories import member, published


async def test_a_subscriber_gets_only_its_topic_until_it_unsubscribes(events: EventLog) -> None:
    ann = await member("ann")
    first, second = await published(ann, title="One"), await published(ann, title="Two")
    seen: list[Event] = []
    unsubscribe = hub.subscribe(blog.post_topic(first.id), seen.append)
    await blog.add_comment(ann, post_id=second.id, body="elsewhere")
    await blog.add_comment(ann, post_id=first.id, body="here")
    await events.settled()
    unsubscribe()
    await blog.add_comment(ann, post_id=first.id, body="after unsubscribing")
    await events.settled()
    assert [e.post_id for e in seen if isinstance(e, blog.CommentAdded)] == [first.id]


async def test_a_failing_subscriber_is_logged_and_the_others_still_get_the_event(
    events: EventLog, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(_event: Event) -> None:
        raise ValueError("subscriber bug")

    async def broken_later(_event: Event) -> None:
        raise ValueError("async subscriber bug")

    unsubscribe = [hub.subscribe(EVERYTHING, broken), hub.subscribe(EVERYTHING, broken_later)]
    try:
        post = await published(await member("ann"))
        received = await events.settled()
    finally:
        for stop in unsubscribe:
            stop()
    assert blog.PostPublished(post_id=post.id, author_id=post.author_id) in received
    assert "subscriber bug" in caplog.text
    caplog.clear()  # the errors were the point of this test


async def test_the_listener_reconnects_after_its_connection_is_killed_and_says_so(events: EventLog) -> None:
    admin = await asyncpg.connect(runtime.database_url())
    try:
        killed = await admin.fetchval(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = $1",
            hub.LISTENER_NAME,
        )
    finally:
        await admin.close()
    assert killed == 1
    async with asyncio.timeout(10):
        while not any(isinstance(e, Reconnected) for e in events.received):
            await asyncio.sleep(0.05)
    post = await published(await member("ann"))
    assert blog.PostPublished(post_id=post.id, author_id=post.author_id) in await events.settled()
