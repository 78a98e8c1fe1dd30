"""Realistic data in bulk, for benchmarks and demonstrations: `python main.py seed --posts N --users M` in a clone.

Rows go in with COPY (a million posts in minutes, where actions one at a time would take hours), and they are the
rows the actions would have written: unique slugs and e-mail addresses, normalised tags, no one following or
favouriting twice, no one following themselves, comments by members on published posts, published posts with a
publication time and drafts without one. Seeding adds to what is there, so it can run again to grow a database.

Seeding writes only into accounts it created: theirs are the e-mail addresses at SEEDED_DOMAIN (`seed.invalid`,
which registration refuses to anyone else). Every post, follow, favourite and comment it adds is by and between
those accounts. A database holding other accounts is refused (`Refused`, nothing written) unless the caller says
`alongside_real_accounts`, and even then those accounts get nothing: no post, follower, favourite or comment.
Seeded users sign in with the password SEEDED_PASSWORD. No audit entries are written: no one acted.
"""

from __future__ import annotations

import bisect
import random
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import asyncpg

# Rule internals on purpose: seeded rows must be the ones the actions would write (core exports none of these).
from core.accounts.inputs import SEEDED_DOMAIN
from core.accounts.passwords import STANDARD
from core.blog.slugs import slugify

SEEDED_PASSWORD = "seeded password"
SEEDED = f"email LIKE '%@{SEEDED_DOMAIN}'"  # SQL: an account seeding created (addresses are stored lower-cased)


def _words(text: str) -> list[str]:
    return text.split()


CHUNK = 5_000  # posts per COPY round
YEARS = 3  # publication times spread over the last YEARS years

FIRST = _words(
    "ada alan anna ben carla dan eva finn grace hugo iris jan kim leo maya nina omar paula quinn rosa sam tara uma "
    "victor wen xavier yara zoe"
)
LAST = _words("lovelace turing hopper knuth liskov ritchie hamilton dijkstra torvalds van-rossum goldberg kay")
TAGS = _words(
    "python postgres databases javascript css web design ux performance testing devops docker kubernetes linux "
    "security privacy open-source career writing productivity remote-work startups product data machine-learning "
    "ai statistics rust go elixir functional-programming architecture microservices apis graphql realtime "
    "websockets accessibility typography photography travel cooking music books science climate history "
    "education parenting health running cycling gardening diy hardware electronics gaming"
)
WORDS = _words(
    "the a of to and in that is for it with as on was be by this are from at or an have not but which one all "
    "their we can more will about when there some what time people would into make like just how should change "
    "live page query index feed comment post write read favourite follow server process event database table row "
    "column cache memory latency throughput request response browser socket update release version team "
    "design test deploy measure profile garbage collection keyset cursor tag author reader viewer moment"
)
TOPICS = (
    "Notes on", "Why I stopped", "A guide to", "What I learned about", "The case for", "Against", "Ten years of",
    "Getting started with", "Understanding", "Rethinking", "A week with", "Lessons from",
)  # fmt: skip


USER_COLUMNS = [
    "id", "username", "email", "password_hash", "role", "bio", "image", "banned", "banned_reason", "created_at",
    "updated_at",
]  # fmt: skip
COLUMNS = {
    "posts": ["id", "slug", "title", "description", "body", "author_id", "status", "archived", "version",
              "published_at", "created_at", "updated_at"],
    "post_tags": ["post_id", "tag_id"],
    "favorites": ["user_id", "post_id", "created_at"],
    "comments": ["post_id", "author_id", "body", "created_at", "updated_at"],
}  # fmt: skip


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


class Refused(Exception):
    """Seeding would not run on this database; the message says why, in one line."""


async def seed(
    url: str,
    posts: int,
    users: int,
    *,
    alongside_real_accounts: bool = False,
    rng_seed: int | None = None,
    progress: bool = True,
) -> Seeded:
    """Add `users` seeded users and `posts` posts by them (tags, follows, favourites, comments among them) at `url`.

    Raises `Refused`, having written nothing, when the database holds accounts seeding did not create (unless
    `alongside_real_accounts`), or when no seeded user would be there to write the posts.
    """
    started = time.monotonic()
    connection = await asyncpg.connect(url)
    try:
        existing = await _check(connection, posts, users, alongside_real_accounts=alongside_real_accounts)
        seeder = _Seeder(connection, random.Random(rng_seed if rng_seed is not None else existing * 1_000_003 + posts))
        seeder.show = progress
        added_users = await seeder.users(users)
        follows = await seeder.follows(added_users)
        counts = await seeder.posts(posts)
        await connection.execute("VACUUM ANALYZE")  # as autovacuum would: statistics, and visibility for index scans
    finally:
        await connection.close()
    return Seeded(users=len(added_users), posts=posts, follows=follows, seconds=time.monotonic() - started, **counts)


async def _check(connection: asyncpg.Connection, posts: int, users: int, *, alongside_real_accounts: bool) -> int:
    """How many seeded users the database holds already; `Refused` if seeding must not go on."""
    row = await connection.fetchrow(f"SELECT count(*) FILTER (WHERE {SEEDED}) AS seeded, count(*) AS every FROM users")
    others = row["every"] - row["seeded"]
    if others and not alongside_real_accounts:
        raise Refused(
            f"This database holds {others:,} account{'s' if others != 1 else ''} that seeding did not create:"
            " seeding adds only to an empty or seeded database, unless given --alongside-real-accounts"
            " (even then it never writes into those accounts)."
        )
    if posts > 0 and row["seeded"] + max(0, users) == 0:
        raise Refused("No seeded user would be there to write the posts: add some with --users.")
    return int(row["seeded"])


class _Seeder:
    """One seeding: the connection, the random source, and the seeded users known so far (no one else is used)."""

    def __init__(self, connection: asyncpg.Connection, rng: random.Random) -> None:
        self.connection, self.rng = connection, rng
        self.now = datetime.now(UTC)
        self.show = True
        self.members: list[int] = []
        self.authors: list[int] = []
        self.author_weights: list[float] = []

    def bar(self, total: int, label: str) -> Progress:
        return Progress(total, label) if self.show else _Quiet()

    async def users(self, count: int) -> list[int]:
        """New seeded members (one real argon2 hash, shared, so that every seeded user can sign in)."""
        rng, password_hash = self.rng, STANDARD.hash(SEEDED_PASSWORD)
        user_ids = await _ids(self.connection, "users", count)
        rows = []
        for uid in user_ids:
            name = f"{rng.choice(FIRST)}_{rng.choice(LAST)}_{uid}"[:32]
            bio = _sentence(rng) if rng.random() < 0.6 else None
            joined = self.now - timedelta(days=rng.uniform(0, 365 * YEARS))
            email = f"{name}@{SEEDED_DOMAIN}"  # the names are lower case already
            rows.append((uid, name, email, password_hash, "member", bio, None, False, None, joined, joined))
        progress = self.bar(len(rows), "users    ")
        for start in range(0, len(rows), CHUNK * 4):
            batch = rows[start : start + CHUNK * 4]
            await self.connection.copy_records_to_table("users", records=batch, columns=USER_COLUMNS)
            progress.advance(len(batch))
        progress.finish()
        # Seeded users only: a real person (seeding alongside real accounts) never gets a post, follow or comment.
        self.members = [
            row["id"] for row in await self.connection.fetch(f"SELECT id FROM users WHERE {SEEDED} ORDER BY id")
        ]
        # Some write a lot, most a little: authors drawn with weights falling as 1/rank^0.8.
        self.authors = self.members[:]
        rng.shuffle(self.authors)
        self.author_weights = _cumulative([1.0 / (rank + 1) ** 0.8 for rank in range(len(self.authors))])
        return user_ids

    async def follows(self, new_users: Sequence[int]) -> int:
        """Each new user follows a few to a few dozen others, prolific authors more often."""
        rng, members = self.rng, self.members
        taken = {
            (row["follower_id"], row["followed_id"])
            for row in await self.connection.fetch(
                "SELECT follower_id, followed_id FROM follows WHERE follower_id = ANY($1::int[])", list(new_users)
            )
        }
        rows = []
        for follower in new_users:
            for _ in range(min(len(members) - 1, rng.randint(3, 40))):
                prolific = rng.random() < 0.7
                followed = self.authors[_pick(rng, self.author_weights)] if prolific else rng.choice(members)
                if followed != follower and (follower, followed) not in taken:
                    taken.add((follower, followed))
                    rows.append((follower, followed, self.now - timedelta(days=rng.uniform(0, 365))))
        progress = self.bar(len(rows), "follows  ")
        for start in range(0, len(rows), CHUNK * 10):
            batch = rows[start : start + CHUNK * 10]
            await self.connection.copy_records_to_table(
                "follows", records=batch, columns=["follower_id", "followed_id", "created_at"]
            )
            progress.advance(len(batch))
        progress.finish()
        return len(rows)

    async def posts(self, count: int) -> dict[str, int]:
        """Posts with their tags, favourites and comments, CHUNK at a time."""
        tag_ids = await _tags(self.connection)
        counts = {"favorites": 0, "comments": 0, "post_tags": 0}
        pool = _paragraphs(self.rng, 400)
        progress = self.bar(count, "posts    ")
        for start in range(0, count, CHUNK):
            size = min(CHUNK, count - start)
            rows: dict[str, list[tuple[Any, ...]]] = {"posts": [], "post_tags": [], "favorites": [], "comments": []}
            for pid in await _ids(self.connection, "posts", size):
                self._post(pid, pool, tag_ids, rows)
            for table, records in rows.items():
                await self.connection.copy_records_to_table(table, records=records, columns=COLUMNS[table])
            for name in counts:
                counts[name] += len(rows[name])
            progress.advance(size)
        progress.finish()
        return counts

    def _post(self, pid: int, pool: list[str], tag_ids: dict[str, int], rows: dict[str, list[tuple[Any, ...]]]) -> None:
        rng, members = self.rng, self.members
        title = f"{rng.choice(TOPICS)} {' '.join(rng.choices(WORDS, k=rng.randint(1, 4)))}".strip()
        body = "\n\n".join(rng.choices(pool, k=rng.randint(3, 7)))
        author = self.authors[_pick(rng, self.author_weights)]
        published = rng.random() >= 0.05  # one post in twenty is a draft
        archived = published and rng.random() < 0.01
        created = self.now - timedelta(seconds=rng.uniform(0, 365 * YEARS * 86400))
        moment = min(created + timedelta(minutes=rng.uniform(1, 600)), self.now) if published else created
        status = "published" if published else "draft"
        rows["posts"].append(
            (pid, f"{slugify(title)}-{pid}", title[:200], _sentence(rng)[:300], body, author, status, archived, 1,
             moment if published else None, created, moment)
        )  # fmt: skip
        chosen = {tag_ids[TAGS[_pick(rng, TAG_WEIGHTS)]] for _ in range(rng.randint(1, 4))}
        rows["post_tags"] += [(pid, tag) for tag in chosen]
        if published and not archived:
            fans = {members[rng.randrange(len(members))] for _ in range(int(rng.expovariate(0.5)))}
            rows["favorites"] += [(uid, pid, moment) for uid in fans]
            for _ in range(int(rng.expovariate(1.0))):
                written = moment + timedelta(minutes=rng.uniform(1, 3000))
                text = " ".join(_sentence(rng) for _ in range(rng.randint(1, 3)))
                rows["comments"].append((pid, members[rng.randrange(len(members))], text, written, written))


async def _ids(connection: asyncpg.Connection, table: str, count: int) -> list[int]:
    """`count` new ids from the table's own sequence, so later inserts by the app never collide."""
    if count <= 0:
        return []
    rows = await connection.fetch(
        f"SELECT nextval(pg_get_serial_sequence('{table}', 'id')) AS id FROM generate_series(1, $1)", count
    )
    return [row["id"] for row in rows]


async def _tags(connection: asyncpg.Connection) -> dict[str, int]:
    await connection.execute("INSERT INTO tags (name) SELECT unnest($1::text[]) ON CONFLICT (name) DO NOTHING", TAGS)
    return {row["name"]: row["id"] for row in await connection.fetch("SELECT id, name FROM tags")}


def _cumulative(weights: Sequence[float]) -> list[float]:
    total, sums = 0.0, []
    for weight in weights:
        total += weight
        sums.append(total)
    return sums


def _pick(rng: random.Random, cumulative: Sequence[float]) -> int:
    """An index drawn with the weights whose running sums are `cumulative`."""
    return min(len(cumulative) - 1, bisect.bisect_left(cumulative, rng.random() * cumulative[-1]))


TAG_WEIGHTS = _cumulative([1.0 / (rank + 1) for rank in range(len(TAGS))])  # python in 1 post of 4, rank 40 in 1 of 100


class _Quiet(Progress):
    def __init__(self) -> None:
        super().__init__(1, "")

    def advance(self, count: int) -> None:
        pass

    def finish(self) -> None:
        pass
