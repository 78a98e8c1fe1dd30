"""Faults: the database goes away under a hundred open pages, and comes back.

The pages are NiceGUI's simulated users in this process, which is the server: the same page code, the same
connection pool and event listener a real server process has.
"""

from __future__ import annotations

import asyncio
import gc
import time
import uuid
from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import asynccontextmanager

import asyncpg
import psutil
import pytest
from nicegui import ui
from nicegui.testing import User
from tortoise.transactions import in_transaction

from core import ANONYMOUS, Actor, Event, Reconnected, Unavailable, accounts, blog, hub, presence, runtime

from .api_client import api_client, auth, errors, register
from .database import SessionDatabase, stop_now
from .events import EventLog, Marker
from .factories import member, published
from .pages import LIVE, sign_in, value_of

PAGES = 100
NOT_SAVED = str(Unavailable())


@pytest.mark.long
async def test_a_hundred_open_pages_live_through_a_database_restart(
    user: User, create_user: Callable[[], User], session_database: SessionDatabase, events: EventLog
) -> None:
    ann, _ = await member("ann"), await member("bob")
    post = await published(ann, title="Through the storm", body="Still here?")
    await sign_in(user, "bob")  # bob keeps acting; the other 99 pages are guests reading along
    pages = [user, *[create_user() for _ in range(PAGES - 1)]]
    for page in pages:
        await page.open(f"/post/{post.slug}")

    # Every connection of the app is cut, as a failover or an administrator's pg_terminate_backend does.
    await cut_every_connection()
    await comment(user, "Said just after every connection was cut.")
    await user.should_see("1 comment", retries=LIVE)  # the pool reconnected by itself
    await reconnections(events, 1)
    await everyone_sees(pages, "Said just after every connection was cut.")

    server = session_database.server
    assert server is not None, "this test restarts the embedded test database (TEST_DATABASE_URL is not ours)"
    async with api_client() as http:
        token = await register(http, "cat")
        await asyncio.to_thread(stop_now, server)
        await comment(user, "Written while the database is down.")
        await user.should_see(NOT_SAVED, retries=LIVE)  # a clear failure, under the box...
        assert value_of(user, "body") == "Written while the database is down."  # ...which keeps the text
        await user.should_see("1 comment")
        answer = await http.post(
            f"/articles/{post.slug}/comments", json={"comment": {"body": "Through the API."}}, headers=auth(token)
        )
        assert (answer.status_code, errors(answer), answer.headers["Retry-After"]) == (503, [NOT_SAVED], "5")

    await asyncio.to_thread(server.start)
    await reconnections(events, 2)
    user.find(marker="submit").click()  # the same text, sent again: no reload anywhere
    await everyone_sees(pages, "Written while the database is down.")
    await blog.add_comment(ann, post_id=post.id, body="The author answers from elsewhere.")
    await everyone_sees(pages, "The author answers from elsewhere.")
    await everyone_sees(pages, "3 comments")

    stored = [comment.body for comment in await blog.list_comments(ANONYMOUS, post.id)]
    assert stored == [
        "Said just after every connection was cut.",
        "Written while the database is down.",
        "The author answers from elsewhere.",
    ]


async def test_open_pages_catch_up_on_what_the_listener_missed_when_it_reconnects(
    user: User, create_user: Callable[[], User], monkeypatch: pytest.MonkeyPatch
) -> None:
    ann, bob, cat = await member("ann"), await member("bob"), await member("cat")
    post = await published(ann, title="Missed", body="What happened while we were away?")
    early = await blog.add_comment(bob, post_id=post.id, body="An early comment, deleted while away.")
    await sign_in(user, "ann")  # her post page, with her bell
    await user.open(f"/post/{post.slug}")
    profile = create_user()
    await profile.open("/profile/ann")
    await user.should_see("An early comment")
    await user.should_see(kind=ui.badge, content="1")  # bob's early comment
    await profile.should_see("0 followers")

    async with deaf_listener(monkeypatch):  # committed, notified, and never heard: a listener away
        await blog.add_comment(bob, post_id=post.id, body="Said while nobody listened.")
        await blog.delete_comment(bob, comment_id=early.id)
        await accounts.follow(cat, username="ann")
    await user.should_not_see("Said while nobody listened.")
    await profile.should_see("0 followers")

    hub.dispatch(Reconnected(at=time.time()))  # what the listener says once it is back
    await user.should_see("Said while nobody listened.", retries=LIVE)
    await user.should_not_see("An early comment", retries=LIVE)
    await user.should_see(kind=ui.badge, content="3", retries=LIVE)  # and the missed comment and follow
    await profile.should_see("1 follower", retries=LIVE)


@asynccontextmanager
async def deaf_listener(monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[None]:
    """Drop every event this process hears until the block's writes have all been heard (and dropped)."""
    dropped: list[Event] = []
    with monkeypatch.context() as deaf:
        deaf.setattr(hub._hub, "dispatch", dropped.append)
        yield
        token = uuid.uuid4().hex
        async with in_transaction() as connection:
            await hub.send(connection, [Marker(token)])
        async with asyncio.timeout(15):  # NOTIFY keeps commit order: everything before the marker was dropped
            while Marker(token) not in dropped:
                await asyncio.sleep(0.05)


async def cut_every_connection() -> None:
    """Terminate every connection to the test database but this one."""
    admin = await asyncpg.connect(runtime.database_url())
    try:
        cut = await admin.fetchval(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
            " WHERE pid <> pg_backend_pid() AND datname = current_database() AND backend_type = 'client backend'"
        )
    finally:
        await admin.close()
    assert cut >= 2  # at least the pool's connection and the event listener


async def comment(page: User, text: str) -> None:
    """Type a comment into the box and press Comment."""
    page.find(marker="body").type(text)
    page.find(marker="submit").click()


async def reconnections(events: EventLog, count: int, within: float = 60) -> None:
    """Wait until the event listener has come back `count` times."""
    async with asyncio.timeout(within):
        while sum(isinstance(event, Reconnected) for event in events.received) < count:
            await asyncio.sleep(0.1)


async def everyone_sees(pages: Sequence[User], text: str) -> None:
    """Every page shows `text` (live: none of them is reloaded)."""
    for page in pages:
        await page.should_see(text, retries=LIVE)


CYCLES = 1_000
WARM_UP = 50


@pytest.mark.long
async def test_a_thousand_pages_opened_and_closed_leave_no_memory_subscription_or_reader_behind(user: User) -> None:
    post = await published(await member("ann"), title="Open me", body="And close me again.")
    await comment_as(await member("bob"), post.id)
    subscribed, this_process = hub.subscriber_count(), psutil.Process()

    async def cycle(number: int) -> None:
        client = await user.open(f"/post/{post.slug}" if number % 2 == 0 else "/")
        if number == 0:  # the measured page really subscribes and counts its reader
            assert hub.subscriber_count() > subscribed
            await until_true(lambda: presence.tracked() > 0)
        client.delete()

    for number in range(WARM_UP):
        await cycle(number)
    await until_true(lambda: presence.tracked() == 0 and hub.subscriber_count() == subscribed)
    start = resident(this_process)
    for number in range(CYCLES):
        await cycle(number)
    await until_true(lambda: presence.tracked() == 0 and hub.subscriber_count() == subscribed)
    end = resident(this_process)

    print(f"\n{CYCLES} page open/close cycles: RSS {start / 2**20:.1f} MB → {end / 2**20:.1f} MB")
    assert end <= start * 1.10
    assert user.back_history  # the pages were really served


def resident(process: psutil.Process) -> int:
    """This server's resident memory, after a full collection."""
    gc.collect()
    return int(process.memory_info().rss)


async def until_true(check: Callable[[], bool], within: float = 30) -> None:
    async with asyncio.timeout(within):
        while not check():
            await asyncio.sleep(0.05)


async def comment_as(author: Actor, post_id: int) -> None:
    await blog.add_comment(author, post_id=post_id, body="A comment, so the page shows one.")
