"""The benchmarks' pure parts (no timing is asserted anywhere: benchmarks are not tests), and the seed command."""

from __future__ import annotations

import math

import pytest

from bench import search, seeding
from bench.api import parse_wrk
from bench.events import first_arrivals
from bench.stats import percentile, summary_ms, table
from core import ANONYMOUS, accounts, blog
from core.db.sql import fetch_one

from .servers import run_main

WRK = """Running 10s test @ http://127.0.0.1:8080/api/tags
  1 threads and 50 connections
  Latency Distribution
     50%  213.52ms
     75%  300.10ms
     90%  362.00ms
     99%    1.20s
  1930 requests in 10.01s, 1.20MB read
  Socket errors: connect 0, read 2, write 0, timeout 1
Requests/sec:    192.80
"""


def test_percentiles_use_the_nearest_rank() -> None:
    values = [float(n) for n in range(1, 101)]
    assert (percentile(values, 0.5), percentile(values, 0.95), percentile(values, 1.0)) == (50.0, 95.0, 100.0)
    assert percentile([3.0], 0.99) == 3.0
    assert math.isnan(percentile([], 0.5))
    assert summary_ms([0.010, 0.020])["max"] == pytest.approx(20.0)


def test_tables_align_numbers_and_render_markdown() -> None:
    text = table(["name", "ms"], [["a", 1.5], ["bb", 1234.0]])
    assert text.splitlines()[2:] == ["a       1.5", "bb    1,234"]
    markdown = table(["name", "ms"], [["a", None]], markdown=True)
    assert markdown.splitlines() == ["| name | ms |", "|---|---:|", "| a | – |"]


def test_wrk_output_is_read() -> None:
    assert parse_wrk(WRK) == {"rps": 192.8, "p50": 213.52, "p75": 300.1, "p90": 362.0, "p99": 1200.0, "errors": 3.0}


def test_a_commit_is_dated_by_the_first_process_its_event_reached() -> None:
    same, second, bare = {1: 5.0, 2: 9.0}, {1: 4.0, 2: 9.5, 3: 1.0}, {1: 4.5, 2: 8.0}
    assert first_arrivals(same, second, bare) == {1: 4.0, 2: 8.0, 3: 1.0}


def test_a_search_plan_is_summed_up_by_its_scans_and_judged_at_the_largest_size() -> None:
    plan = [
        "Limit  (cost=1.0..2.0 rows=20 width=8) (actual time=0.1..9.7 rows=20.00 loops=1)",
        "  ->  Index Scan Backward using idx_posts_publish_1 on posts p_1  (cost=0.42..1887.56 rows=1000 width=740)",
        "        Filter: (search @@ 'databas'::tsquery)",
        "  ->  Bitmap Index Scan on posts_search_idx  (cost=0.00..1.00 rows=10 width=0)",
        "  ->  Index Scan using posts_pkey on posts p  (cost=0.42..8.44 rows=1 width=769)",
        "  ->  Index Only Scan using uid_post_tags_post_id_a55919 on post_tags pt  (cost=0.42..8.44 rows=1 width=4)",
        "  ->  Seq Scan on posts p_2  (cost=0.00..40.00 rows=10 width=740)",
        "  ->  Index Scan using posts_pkey on posts p  (cost=0.42..8.44 rows=1 width=769)",
    ]
    assert search.scans(plan) == [
        "Index Scan Backward idx_posts_publish_1",
        "Bitmap Index Scan posts_search_idx",
        "Seq Scan posts",
    ]
    rows = [
        {"kind": "phrase", "who": "visitor", "posts": 1_000, "p95": 80.0},
        {"kind": "phrase", "who": "visitor", "posts": 100_000, "p95": 12.5},
        {"kind": "prefix", "who": "member", "posts": 100_000, "p95": 50.5},
    ]
    assert search.verdicts({"rows": rows}) == [
        ("search p95 ≤ 50 ms at 100,000 posts: phrase, as a visitor", "12.5 ms", True),
        ("search p95 ≤ 50 ms at 100,000 posts: prefix, as a member", "50.5 ms", False),
    ]


async def test_the_seed_command_adds_rows_the_app_can_use(database_url: str) -> None:
    done = run_main("seed", "--posts", "400", "--users", "40", DATABASE_URL=database_url)
    assert done.returncode == 0, done.stderr
    assert "added 40 users, 400 posts" in done.stdout
    page = await blog.list_posts(ANONYMOUS)
    assert len(page.items) == blog.PAGE_SIZE
    slug = page.items[0].slug
    assert slug is not None
    post = await blog.get_post(ANONYMOUS, slug)  # a slug that leads to its post
    assert all(blog.normalize_tag(tag) == tag for tag in post.tags)
    user = await fetch_one("SELECT username FROM users ORDER BY id LIMIT 1")
    assert user is not None
    signed_in = await accounts.sign_in(ANONYMOUS, login=user["username"], password=seeding.SEEDED_PASSWORD)
    reader = await accounts.actor_for_session(signed_in.token)
    assert (await blog.list_posts(reader, blog.Feed(following=True))).items, "seeded users follow authors who wrote"
    wrong = await fetch_one(
        "SELECT (SELECT count(*) FROM follows WHERE follower_id = followed_id) AS self_follows,"
        " (SELECT count(*) FROM posts WHERE (status = 'published') <> (published_at IS NOT NULL)) AS bad_dates,"
        " (SELECT count(*) FROM comments c JOIN posts p ON p.id = c.post_id WHERE p.status <> 'published') AS hidden"
    )
    assert wrong == {"self_follows": 0, "bad_dates": 0, "hidden": 0}
