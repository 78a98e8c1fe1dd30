"""Realistic data in bulk, for benchmarks and demonstrations: `python main.py seed --posts N --users M`.

Rows go in with COPY (a million posts in minutes, where actions one at a time would take hours), and they are the
rows the actions would have written: unique slugs and e-mail addresses, normalised tags, no one following or
favouriting twice, no one following themselves, comments by members on published posts, published posts with a
publication time and drafts without one. Seeding adds to what is there, so it can run again to grow a database.
Seeded users sign in with the password SEEDED_PASSWORD. No audit entries are written: no one acted.
"""

from __future__ import annotations

import random
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import asyncpg

from ..accounts.passwords import STANDARD
from ..blog.slugs import slugify

SEEDED_PASSWORD = "seeded password"
CHUNK = 5_000  # posts per COPY round
YEARS = 3  # publication times spread over the last YEARS years

FIRST = (
    "ada alan anna ben carla dan eva finn grace hugo iris jan kim leo maya nina omar paula quinn rosa sam tara "
    "uma victor wen xavier yara zoe"
).split()
LAST = "lovelace turing hopper knuth liskov ritchie hamilton dijkstra torvalds van-rossum goldberg kay".split()
TAGS = (
    "python postgres databases javascript css web design ux performance testing devops docker kubernetes linux "
    "security privacy open-source career writing productivity remote-work startups product data machine-learning "
    "ai statistics rust go elixir functional-programming architecture microservices apis graphql realtime "
    "websockets accessibility typography photography travel cooking music books science climate history "
    "education parenting health running cycling gardening diy hardware electronics gaming"
).split()
WORDS = (
    "the a of to and in that is for it with as on was be by this are from at or an have not but which one all "
    "their we can more will about when there some what time people would into make like just how should change "
    "live page query index feed comment post write read favourite follow server process event database table row "
    "column cache memory latency throughput request response browser socket update release version team "
    "design test deploy measure profile garbage collection keyset cursor tag author reader viewer moment"
).split()
TOPICS = (
    "Notes on", "Why I stopped", "A guide to", "What I learned about", "The case for", "Against", "Ten years of",
    "Getting started with", "Understanding", "Rethinking", "A week with", "Lessons from",
)  # fmt: skip


@dataclass
class Seeded:
    """What one seeding added, and how long it took."""

    users: int
    posts: int
    follows: int
    favorites: int
    comments: int
    post_tags: int
    seconds: float


class Progress:
    """A one-line progress bar on stderr (no library: main.py runs without the bench extra)."""

    def __init__(self, total: int, label: str, stream: Any = None, width: int = 30) -> None:
        self.total, self.label, self.width = max(1, total), label, width
        self.stream = stream or sys.stderr
        self.started = time.monotonic()
        self.done = 0

    def advance(self, count: int) -> None:
        self.done = min(self.total, self.done + count)
        filled = self.width * self.done // self.total
        elapsed = time.monotonic() - self.started
        rate = self.done / elapsed if elapsed else 0.0
        eta = (self.total - self.done) / rate if rate else 0.0
        self.stream.write(
            f"\r{self.label} [{'#' * filled}{'.' * (self.width - filled)}] {self.done:,}/{self.total:,}"
            f" {elapsed:5.0f} s, {eta:4.0f} s left "
        )
        self.stream.flush()

    def finish(self) -> None:
        self.stream.write("\n")
        self.stream.flush()


def _sentence(rng: random.Random) -> str:
    words = rng.choices(WORDS, k=rng.randint(6, 18))
    return " ".join(words).capitalize() + rng.choice(".....?!")


def _paragraphs(rng: random.Random, count: int) -> list[str]:
    """A pool of paragraphs, some with Markdown (emphasis, code, links, lists)."""
    pool = []
    for n in range(count):
        text = " ".join(_sentence(rng) for _ in range(rng.randint(2, 5)))
        if n % 7 == 0:
            text = f"## {_sentence(rng).rstrip('.?!')}\n\n{text}"
        elif n % 7 == 3:
            text += f" See *{rng.choice(WORDS)}* and `{rng.choice(WORDS)}()`."
        elif n % 7 == 5:
            text = "\n".join(f"- {_sentence(rng)}" for _ in range(rng.randint(2, 4)))
        pool.append(text)
    return pool


async def seed(
    url: str, posts: int, users: int, *, rng_seed: int | None = None, progress: bool = True
) -> Seeded:
    """Add `users` users and `posts` posts (with tags, follows, favourites and comments) to the database at `url`."""
    started = time.monotonic()
    connection = await asyncpg.connect(url)
    try:
        return await _seed(connection, posts, users, rng_seed, progress, started)
    finally:
        await connection.close()


async def _seed(
    connection: asyncpg.Connection, posts: int, users: int, rng_seed: int | None, show: bool, started: float
) -> Seeded:
    existing_users = await connection.fetchval("SELECT count(*) FROM users")
    rng = random.Random(rng_seed if rng_seed is not None else existing_users * 1_000_003 + posts)
    now = datetime.now(UTC)
    pool = _paragraphs(rng, 400)
    bar: Callable[[int, str], Progress] = lambda total, label: Progress(total, label) if show else _Quiet()  # noqa: E731

    # Users: one real argon2 hash, shared, so every seeded user can sign in.
    password_hash = STANDARD.hash(SEEDED_PASSWORD)
    user_ids = await _ids(connection, "users", users)
    user_rows = []
    for uid in user_ids:
        name = f"{rng.choice(FIRST)}_{rng.choice(LAST)}_{uid}"[:32]
        bio = _sentence(rng) if rng.random() < 0.6 else None
        joined = now - timedelta(days=rng.uniform(0, 365 * YEARS))
        user_rows.append((uid, name, f"{name}@example.com", password_hash, "member", bio, None, False, None,
                          joined, joined))  # fmt: skip
    progress = bar(len(user_rows), "users    ")
    for start in range(0, len(user_rows), CHUNK * 4):
        batch = user_rows[start : start + CHUNK * 4]
        await connection.copy_records_to_table(
            "users", records=batch,
            columns=["id", "username", "email", "password_hash", "role", "bio", "image", "banned", "banned_reason",
                     "created_at", "updated_at"],
        )  # fmt: skip
        progress.advance(len(batch))
    progress.finish()

    all_users: list[int] = [row["id"] for row in await connection.fetch("SELECT id FROM users ORDER BY id")]
    # Some write a lot, most a little: authors drawn with weights falling as 1/rank.
    authors = all_users[:]
    rng.shuffle(authors)
    weights = [1.0 / (rank + 1) ** 0.8 for rank in range(len(authors))]
    cumulative = _cumulative(weights)

    follows = await _follows(connection, rng, user_ids, all_users, authors, cumulative, bar)
    tag_ids = await _tags(connection)
    tag_weights = _cumulative([1.0 / (rank + 1) for rank in range(len(TAGS))])

    counts = {"favorites": 0, "comments": 0, "post_tags": 0}
    progress = bar(posts, "posts    ")
    for start in range(0, posts, CHUNK):
        size = min(CHUNK, posts - start)
        ids = await _ids(connection, "posts", size)
        post_rows, tag_rows, favorite_rows, comment_rows = [], [], [], []
        for pid in ids:
            title = f"{rng.choice(TOPICS)} {' '.join(rng.choices(WORDS, k=rng.randint(1, 4)))}".strip()
            body = "\n\n".join(rng.choices(pool, k=rng.randint(3, 7)))
            author = authors[_pick(rng, cumulative)]
            published = rng.random() >= 0.05  # one post in twenty is a draft
            archived = published and rng.random() < 0.01
            created = now - timedelta(seconds=rng.uniform(0, 365 * YEARS * 86400))
            published_at = created + timedelta(minutes=rng.uniform(1, 600)) if published else None
            moment = min(published_at or created, now)
            post_rows.append((pid, f"{slugify(title)}-{pid}", title[:200], _sentence(rng)[:300], body, author,
                              "published" if published else "draft", archived, 1, published_at and moment,
                              created, moment))  # fmt: skip
            chosen = {tag_ids[TAGS[_pick(rng, tag_weights)]] for _ in range(rng.randint(1, 4))}
            tag_rows += [(pid, tag) for tag in chosen]
            if published and not archived:
                fans = {all_users[rng.randrange(len(all_users))] for _ in range(int(rng.expovariate(0.5)))}
                favorite_rows += [(uid, pid, moment) for uid in fans]
                for _ in range(int(rng.expovariate(1.0))):
                    written = moment + timedelta(minutes=rng.uniform(1, 3000))
                    comment_rows.append((pid, all_users[rng.randrange(len(all_users))],
                                         " ".join(_sentence(rng) for _ in range(rng.randint(1, 3))),
                                         written, written))  # fmt: skip
        await connection.copy_records_to_table(
            "posts", records=post_rows,
            columns=["id", "slug", "title", "description", "body", "author_id", "status", "archived", "version",
                     "published_at", "created_at", "updated_at"],
        )  # fmt: skip
        await connection.copy_records_to_table("post_tags", records=tag_rows, columns=["post_id", "tag_id"])
        await connection.copy_records_to_table(
            "favorites", records=favorite_rows, columns=["user_id", "post_id", "created_at"]
        )
        await connection.copy_records_to_table(
            "comments", records=comment_rows, columns=["post_id", "author_id", "body", "created_at", "updated_at"]
        )
        counts["favorites"] += len(favorite_rows)
        counts["comments"] += len(comment_rows)
        counts["post_tags"] += len(tag_rows)
        progress.advance(size)
    progress.finish()
    await connection.execute("ANALYZE")
    return Seeded(users=len(user_ids), posts=posts, follows=follows, seconds=time.monotonic() - started, **counts)


async def _ids(connection: asyncpg.Connection, table: str, count: int) -> list[int]:
    """`count` new ids from the table's own sequence, so later inserts by the app never collide."""
    if count <= 0:
        return []
    rows = await connection.fetch(
        f"SELECT nextval(pg_get_serial_sequence('{table}', 'id')) AS id FROM generate_series(1, $1)", count
    )
    return [row["id"] for row in rows]


async def _tags(connection: asyncpg.Connection) -> dict[str, int]:
    await connection.execute(
        "INSERT INTO tags (name) SELECT unnest($1::text[]) ON CONFLICT (name) DO NOTHING", list(TAGS)
    )
    return {row["name"]: row["id"] for row in await connection.fetch("SELECT id, name FROM tags")}


async def _follows(
    connection: asyncpg.Connection,
    rng: random.Random,
    new_users: Sequence[int],
    all_users: Sequence[int],
    authors: Sequence[int],
    cumulative: Sequence[float],
    bar: Callable[[int, str], Progress],
) -> int:
    """Each new user follows a few to a few dozen others, prolific authors more often."""
    taken = {(row["follower_id"], row["followed_id"]) for row in await connection.fetch(
        "SELECT follower_id, followed_id FROM follows WHERE follower_id = ANY($1::int[])", list(new_users)
    )}  # fmt: skip
    rows = []
    now = datetime.now(UTC)
    for follower in new_users:
        for _ in range(min(len(all_users) - 1, rng.randint(3, 40))):
            followed = authors[_pick(rng, cumulative)] if rng.random() < 0.7 else rng.choice(all_users)
            if followed != follower and (follower, followed) not in taken:
                taken.add((follower, followed))
                rows.append((follower, followed, now - timedelta(days=rng.uniform(0, 365))))
    progress = bar(len(rows), "follows  ")
    for start in range(0, len(rows), CHUNK * 10):
        batch = rows[start : start + CHUNK * 10]
        await connection.copy_records_to_table(
            "follows", records=batch, columns=["follower_id", "followed_id", "created_at"]
        )
        progress.advance(len(batch))
    progress.finish()
    return len(rows)


def _cumulative(weights: Sequence[float]) -> list[float]:
    total, sums = 0.0, []
    for weight in weights:
        total += weight
        sums.append(total)
    return sums


def _pick(rng: random.Random, cumulative: Sequence[float]) -> int:
    """An index drawn with the weights whose running sums are `cumulative`."""
    import bisect  # noqa: PLC0415

    return min(len(cumulative) - 1, bisect.bisect_left(cumulative, rng.random() * cumulative[-1]))


class _Quiet(Progress):
    def __init__(self) -> None:
        super().__init__(1, "")

    def advance(self, count: int) -> None:
        pass

    def finish(self) -> None:
        pass
