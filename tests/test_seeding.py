"""Seeding (`python main.py seed`) writes only into the accounts it created, and asks before going beside others."""

from __future__ import annotations

import pytest

from bench import seeding
from core import ANONYMOUS, Invalid, accounts
from core.db.sql import fetch_one

from .factories import PASSWORD, member, published
from .servers import run_main

COUNTS = (
    "SELECT (SELECT count(*) FROM users) AS users, (SELECT count(*) FROM posts) AS posts,"
    " (SELECT count(*) FROM follows) AS follows, (SELECT count(*) FROM favorites) AS favorites,"
    " (SELECT count(*) FROM comments) AS comments, (SELECT count(*) FROM post_tags) AS post_tags,"
    " (SELECT count(*) FROM tags) AS tags"
)
TOUCHING = (
    "SELECT (SELECT count(*) FROM posts WHERE author_id = $1) AS posts,"
    " (SELECT count(*) FROM follows WHERE $1 IN (follower_id, followed_id)) AS follows,"
    " (SELECT count(*) FROM favorites f JOIN posts p ON p.id = f.post_id WHERE $1 IN (f.user_id, p.author_id))"
    " AS favorites,"
    " (SELECT count(*) FROM comments c JOIN posts p ON p.id = c.post_id WHERE $1 IN (c.author_id, p.author_id))"
    " AS comments"
)


async def counts() -> dict[str, int]:
    row = await fetch_one(COUNTS)
    assert row is not None
    return dict(row)


async def test_seeding_refuses_a_database_holding_real_accounts_and_writes_nothing(database_url: str) -> None:
    await published(await member("ann"))
    before = await counts()
    refused = run_main("seed", "--posts", "50", "--users", "10", DATABASE_URL=database_url)
    assert refused.returncode == 1
    assert refused.stderr.strip().splitlines()[-1] == (
        "This database holds 1 account that seeding did not create: seeding adds only to an empty or seeded"
        " database, unless given --alongside-real-accounts (even then it never writes into those accounts)."
    )
    assert await counts() == before


async def test_seeding_alongside_real_accounts_never_writes_into_them(database_url: str) -> None:
    ann = await member("ann")
    await published(ann, title="Ann's own")
    done = run_main("seed", "--posts", "300", "--users", "30", "--alongside-real-accounts", DATABASE_URL=database_url)
    assert done.returncode == 0, done.stderr
    assert "added 30 users, 300 posts" in done.stdout
    assert await fetch_one(TOUCHING, ann.id) == {"posts": 1, "follows": 0, "favorites": 0, "comments": 0}
    others = await fetch_one("SELECT count(*) AS n FROM users WHERE email NOT LIKE '%@seed.invalid'")
    assert others == {"n": 1}  # ann alone


async def test_seeding_twice_grows_a_seeded_database(database_url: str) -> None:
    first = await seeding.seed(database_url, 60, 12, progress=False)
    second = await seeding.seed(database_url, 120, 8, progress=False)
    assert (first.users, second.users, second.posts) == (12, 8, 120)
    grown = await counts()
    assert (grown["users"], grown["posts"]) == (20, 180)
    seeded = await fetch_one("SELECT count(*) AS n FROM users WHERE email LIKE '%@seed.invalid'")
    assert seeded == {"n": 20}


async def test_seeding_posts_without_any_seeded_user_is_refused(database_url: str) -> None:
    with pytest.raises(seeding.Refused, match="No seeded user would be there to write the posts"):
        await seeding.seed(database_url, 10, 0, progress=False)
    assert await counts() == {name: 0 for name in await counts()}


async def test_no_one_takes_an_address_kept_for_seeded_accounts() -> None:
    kept = "Addresses at seed.invalid are kept for seeded demonstration accounts."
    with pytest.raises(Invalid) as refused:
        await accounts.register(ANONYMOUS, username="eve", email="eve@Seed.Invalid", password=PASSWORD)
    assert refused.value.errors == {"email": [kept]}
    ann = await member("ann")
    with pytest.raises(Invalid) as changed:
        await accounts.update_profile(ann, email="ann@seed.invalid")
    assert changed.value.errors == {"email": [kept]}
