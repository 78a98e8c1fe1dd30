"""Contention: many writers at once through the real actions, each transaction really overlapping the others.

Every storm below first queues its writers behind a row lock held from outside, until every connection of
the pool waits on it: the transactions are proven to overlap, not merely interleaved by the event loop.
"""

from __future__ import annotations

import asyncio
import random
import typing
from collections import Counter
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from contextlib import asynccontextmanager
from functools import partial
from typing import Any

import asyncpg

from core import ANONYMOUS, Actor, Conflict, Invalid, accounts, blog, runtime
from core.accounts.models import Follow, User
from core.audit.models import AuditEntry
from core.blog.models import Favorite, Post
from core.db.config import POOL_SIZE

from .api_client import api_client, errors
from .events import EventLog
from .factories import PASSWORD, member, published, signed_in_as

EDITORS = 20
TOGGLERS = 30


@asynccontextmanager
async def writers_queued_on(table: str, row_id: int) -> AsyncIterator[None]:
    """Hold a lock on one row until every pooled connection waits for it; the writers all go on release."""
    admin = await asyncpg.connect(runtime.database_url())
    try:
        async with admin.transaction():
            await admin.execute(f"SELECT 1 FROM {table} WHERE id = $1 FOR UPDATE", row_id)
            yield
            async with asyncio.timeout(60):
                while await _waiting_on_locks(admin) < POOL_SIZE:
                    await asyncio.sleep(0.05)
    finally:
        await admin.close()


async def _waiting_on_locks(admin: asyncpg.Connection) -> int:
    await admin.execute("SELECT pg_stat_clear_snapshot()")  # else a transaction sees its first snapshot forever
    count: int = await admin.fetchval(
        "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'"
    )
    return count


async def storm(table: str, row_id: int, calls: Sequence[Callable[[], Awaitable[object]]]) -> list[object]:
    """Start every call at once behind a lock on the row they fight over; their outcomes, in order."""
    tasks: list[asyncio.Task[object]] = []
    async with writers_queued_on(table, row_id):
        tasks = [asyncio.ensure_future(call()) for call in calls]
    return list(await asyncio.gather(*tasks, return_exceptions=True))


async def test_twenty_editors_of_one_version_one_saves_and_nineteen_get_conflict() -> None:
    await member("ann")
    editors = [await signed_in_as("ann") for _ in range(EDITORS)]
    post = await published(editors[0], body="The original.")

    def edit(number: int, editor: Actor) -> Callable[[], Awaitable[blog.PostView]]:
        return lambda: blog.update_post(editor, post_id=post.id, version=post.version, body=f"Text of editor {number}.")

    outcomes = await storm("posts", post.id, [edit(number, editor) for number, editor in enumerate(editors)])

    saved = [outcome for outcome in outcomes if isinstance(outcome, blog.PostView)]
    conflicts = [outcome for outcome in outcomes if isinstance(outcome, Conflict)]
    assert (len(saved), len(conflicts)) == (1, EDITORS - 1), outcomes
    final = await Post.get(id=post.id)
    assert final.body == saved[0].body
    assert final.version == post.version + len(saved)
    assert await AuditEntry.filter(action="post.update").count() == len(saved)
    print(f"\n{EDITORS} editors of version {post.version}: {len(saved)} saved, {len(conflicts)} Conflict, 0 lost")


async def test_twenty_editors_retrying_on_conflict_lose_no_update() -> None:
    await member("ann")
    editors = [await signed_in_as("ann") for _ in range(EDITORS)]
    post = await published(editors[0], body="Lines:")
    conflicts = Counter[int]()

    async def append_line(number: int, editor: Actor) -> blog.PostView:
        seen = await blog.get_post_by_id(editor, post.id)
        while True:
            try:
                return await blog.update_post(
                    editor, post_id=post.id, version=seen.version, body=f"{seen.body}\nline {number}"
                )
            except Conflict as conflict:  # what a person does: take the newer text and add the line again
                conflicts[number] += 1
                seen = typing.cast(blog.PostView, conflict.current)

    outcomes = await storm("posts", post.id, [partial(append_line, n, editor) for n, editor in enumerate(editors)])

    assert all(isinstance(outcome, blog.PostView) for outcome in outcomes), outcomes
    final = await Post.get(id=post.id)
    assert sorted(final.body.splitlines()[1:], key=lambda line: int(line.split()[1])) == [
        f"line {number}" for number in range(EDITORS)
    ]
    assert final.version == post.version + EDITORS
    assert final.body in {outcome.body for outcome in outcomes if isinstance(outcome, blog.PostView)}
    assert await AuditEntry.filter(action="post.update").count() == EDITORS
    assert conflicts.total() >= POOL_SIZE - 1  # the first wave read one version: all but one of it had to retry
    print(f"\n{EDITORS} editors retrying: {EDITORS} saved after {conflicts.total()} Conflicts, 0 lost")


async def test_a_favourite_storm_keeps_the_count_exact(events: EventLog) -> None:
    post = await published(await member("ann"))
    readers = [await member() for _ in range(TOGGLERS)]
    rapid = await member("rapid")
    plans = {reader.id: _toggles(random.Random(number)) for number, reader in enumerate(readers)}

    async def toggle(reader: Actor) -> None:
        for favorite in plans[reader.id]:
            await (blog.favorite_post if favorite else blog.unfavorite_post)(reader, post_id=post.id)

    rapid_calls = [_favorite_call(rapid, post.id, favorite=n % 2 == 0) for n in range(EDITORS)]
    outcomes = await storm("posts", post.id, [*(partial(toggle, r) for r in readers), *rapid_calls])

    assert not [outcome for outcome in outcomes if isinstance(outcome, BaseException)]
    truth = await Favorite.filter(post_id=post.id).count()
    expected = sum(plan[-1] for plan in plans.values()) + await Favorite.filter(user_id=rapid.id).count()
    assert truth == expected
    assert await Favorite.filter(user_id=rapid.id).count() <= 1
    assert (await blog.get_post_by_id(ANONYMOUS, post.id)).favorites_count == truth
    async with api_client() as http:
        assert (await http.get(f"/articles/{post.slug}")).json()["article"]["favoritesCount"] == truth
    counts = [e.count for e in await events.settled() if isinstance(e, blog.FavoriteChanged)]
    assert counts[-1] == truth  # what every open page shows last
    print(f"\nfavourite storm: {len(counts)} changes by {TOGGLERS + 1} members, count {truth} = favourites stored")


async def test_a_follow_storm_keeps_the_follower_count_exact(events: EventLog) -> None:
    await member("ann")
    followers = [await member() for _ in range(TOGGLERS)]
    rapid = await member("rapid")
    ann_id = (await accounts.get_user(ANONYMOUS, "ann")).id
    plans = {follower.id: _toggles(random.Random(number)) for number, follower in enumerate(followers)}

    async def toggle(follower: Actor) -> None:
        for following in plans[follower.id]:
            await (accounts.follow if following else accounts.unfollow)(follower, username="ann")

    rapid_calls = [_follow_call(rapid, following=n % 2 == 0) for n in range(EDITORS)]
    outcomes = await storm("users", ann_id, [*(partial(toggle, f) for f in followers), *rapid_calls])

    assert not [outcome for outcome in outcomes if isinstance(outcome, BaseException)]
    truth = await Follow.filter(followed_id=ann_id).count()
    assert truth == sum(plan[-1] for plan in plans.values()) + await Follow.filter(follower_id=rapid.id).count()
    assert (await accounts.get_profile(ANONYMOUS, "ann")).followers == truth
    counts = [e.followers for e in await events.settled() if isinstance(e, accounts.FollowChanged)]
    assert counts[-1] == truth
    print(f"\nfollow storm: {len(counts)} changes by {TOGGLERS + 1} members, count {truth} = follows stored")


async def test_twenty_sign_ups_with_one_username_one_wins_the_others_are_told_it_is_taken() -> None:
    # Differently capitalised: usernames are one account whatever their case.
    names = [("zoe", "Zoe", "ZOE", "zOe")[n % 4] for n in range(EDITORS)]
    outcomes = await asyncio.gather(
        *(_sign_up(name, f"zoe{n}@example.com") for n, name in enumerate(names)), return_exceptions=True
    )
    assert _won_and_refused(outcomes) == (1, {"username": [accounts.USERNAME_TAKEN]})
    assert await User.filter(username__iexact="zoe").count() == 1


async def test_twenty_sign_ups_with_one_email_one_wins_the_others_are_told_it_is_taken() -> None:
    emails = [("zoe@example.com", "ZOE@example.com")[n % 2] for n in range(EDITORS)]
    outcomes = await asyncio.gather(
        *(_sign_up(f"zoe{n}", email) for n, email in enumerate(emails)), return_exceptions=True
    )
    assert _won_and_refused(outcomes) == (1, {"email": [accounts.EMAIL_TAKEN]})
    assert await User.filter(email="zoe@example.com").count() == 1


async def test_twenty_api_registrations_with_one_username_get_one_201_and_422s_naming_the_field() -> None:
    async with api_client() as http:
        user = {"username": "zoe", "password": PASSWORD}
        responses = await asyncio.gather(
            *(http.post("/users", json={"user": {**user, "email": f"zoe{n}@example.com"}}) for n in range(EDITORS))
        )
    statuses = Counter(response.status_code for response in responses)
    assert statuses == {201: 1, 422: EDITORS - 1}
    refusals = {tuple(errors(response)) for response in responses if response.status_code == 422}
    assert refusals == {(f"username: {accounts.USERNAME_TAKEN}",)}


def _toggles(rng: random.Random) -> list[bool]:
    """A member's clicks: favourite, unfavourite, favourite... stopping after one to six."""
    return [n % 2 == 0 for n in range(rng.randint(1, 6))]


def _favorite_call(actor: Actor, post_id: int, *, favorite: bool) -> Callable[[], Awaitable[object]]:
    change = blog.favorite_post if favorite else blog.unfavorite_post
    return lambda: change(actor, post_id=post_id)


def _follow_call(actor: Actor, *, following: bool) -> Callable[[], Awaitable[object]]:
    change = accounts.follow if following else accounts.unfollow
    return lambda: change(actor, username="ann")


async def _sign_up(username: str, email: str) -> accounts.SignedIn:
    return await accounts.sign_up(ANONYMOUS, username=username, email=email, password=PASSWORD)


def _won_and_refused(outcomes: list[Any]) -> tuple[int, dict[str, list[str]]]:
    """How many sign-ups succeeded, and the one set of field errors all the others got."""
    won = [outcome for outcome in outcomes if isinstance(outcome, accounts.SignedIn)]
    refused = [outcome for outcome in outcomes if isinstance(outcome, Invalid)]
    assert len(won) + len(refused) == len(outcomes), [o for o in outcomes if not isinstance(o, Invalid)]
    kinds = {str(error.errors) for error in refused}
    assert len(kinds) == 1, kinds
    return len(won), refused[0].errors
