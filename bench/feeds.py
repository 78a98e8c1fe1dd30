"""Figure 4, feed scaling: the first page and page 50 of the global, following and tag feeds at 1,000, 10,000,
100,000 and 1,000,000 posts, on a database grown by `python main.py seed` (timed too).

Pages are read through core (`blog.list_posts`, what the pages and the API call), page 50 by walking the keyset
cursors as the home page does, and by offset as the JSON API does. Each is read REPEATS times; the median counts.
The viewer is the seeded user whose followed authors wrote the most, so that their page 50 exists when it can.
"""

from __future__ import annotations

import asyncio
import statistics
import time
from pathlib import Path
from typing import Any

from . import common, database

DATA = common.RESULTS / "feeds-db"
REPEATS = 15
PAGE = 50
TARGET_RATIO = 2.0
# A tag on one post in a hundred has fewer than 20 posts in a small database: its page 1 then reads them all, and
# from about 2,000 posts on reads ~2,000 index entries (20 ÷ 1%) whatever the size. Shown, not judged against 1,000.
INFORMATIONAL = {"tag, rare"}


async def timed(call: Any) -> tuple[float, Any]:
    """The median duration (ms) of REPEATS calls, and the last result."""
    durations, result = [], None
    for _ in range(REPEATS):
        started = time.perf_counter()
        result = await call()
        durations.append((time.perf_counter() - started) * 1000)
    return statistics.median(durations), result


async def measure(posts: int) -> dict[str, Any]:
    """Every feed at the database's current size (core's runtime is started by the caller)."""
    from core import Actor, Role, blog  # noqa: PLC0415
    from core.blog.feeds import feed_query  # noqa: PLC0415
    from core.db.sql import fetch, fetch_one  # noqa: PLC0415

    from . import seeding  # noqa: PLC0415

    reader = await fetch_one(
        "WITH written AS (SELECT author_id, count(*) AS n FROM posts WHERE status = 'published' AND NOT archived"
        " GROUP BY author_id) SELECT f.follower_id AS id, u.username, sum(w.n)::int AS n FROM follows f"
        " JOIN written w ON w.author_id = f.followed_id JOIN users u ON u.id = f.follower_id"
        " GROUP BY 1, 2 ORDER BY 3 DESC, 1 LIMIT 1"
    )
    assert reader is not None, "the seed made no follows"
    viewer = Actor(id=reader["id"], username=reader["username"], role=Role.MEMBER)
    popular, rare = seeding.TAGS[0], seeding.TAGS[39]  # drawn for one post in 4 and one in 100 (1/rank weights)
    feeds = {
        ("global", "global"): blog.Feed(),
        ("following", "following"): blog.Feed(following=True),
        ("tag, popular", f"tag {popular} (1 post in 4)"): blog.Feed(tag=popular),
        ("tag, rare", f"tag {rare} (1 post in 100)"): blog.Feed(tag=rare),
    }
    rows = []
    for (name, label), feed in feeds.items():
        first_ms, page = await timed(lambda feed=feed: blog.list_posts(viewer, feed))
        reached, cursor = 1, page.next
        while reached < PAGE - 1 and cursor is not None:  # walk to the cursor of page 50, as scrolling does
            cursor = (await blog.list_posts(viewer, feed, before=cursor)).next
            reached += 1
        deep_ms = offset_ms = None
        if cursor is not None:
            deep_ms, _ = await timed(lambda feed=feed, cursor=cursor: blog.list_posts(viewer, feed, before=cursor))
            reached += 1
            offset_ms, _ = await timed(
                lambda feed=feed: blog.list_posts(viewer, feed, offset=(PAGE - 1) * blog.PAGE_SIZE)
            )
        sql, params = feed_query(viewer, feed, cursor, 0, blog.PAGE_SIZE)
        plan = [row["QUERY PLAN"] for row in await fetch(f"EXPLAIN {sql}", *params)]
        rows.append(
            {
                "feed": name,
                "label": label,
                "posts": posts,
                "first_ms": first_ms,
                "page50_ms": deep_ms,
                "offset50_ms": offset_ms,
                "pages": reached,
                "seq_scan": any("Seq Scan on posts" in line for line in plan),
                "plan": plan,
            }
        )
    return {"rows": rows, "viewer_follows_posts": reader["n"]}


async def grow_and_measure(scales: list[int]) -> dict[str, Any]:
    from core import Settings, runtime  # noqa: PLC0415

    common.fresh_dir(DATA)
    await runtime.start(Settings(data_dir=DATA, database_url=None))
    results, seeds, total = [], [], 0
    try:
        for scale in scales:
            added = scale - total
            common.progress(f"feeds: seeding {added:,} more posts (to {scale:,}) with python main.py seed")
            seeds.append({"posts": scale, "added": added, "seconds": await database.seed(DATA, added)})
            total = scale
            common.progress(f"feeds: reading pages at {scale:,} posts")
            measured = await measure(scale)
            results += measured["rows"]
            common.save("feeds", {"rows": results, "seeds": seeds, "repeats": REPEATS})
    finally:
        await runtime.stop()
    return {"rows": results, "seeds": seeds, "repeats": REPEATS}


def run(scales: list[int]) -> dict[str, Any]:
    """Grow the database scale by scale, measure each, print the table, write bench/results/feeds.json."""
    result = asyncio.run(grow_and_measure(scales))
    common.save("feeds", result)
    print(render(result))
    return result


HEADERS = [
    "feed",
    "posts",
    "page 1 ms",
    "page 50 ms (keyset)",
    "page 50 ms (offset, API)",
    "pages read",
    "seq scan on posts",
]


def render(result: dict[str, Any], *, markdown: bool = False) -> str:
    """The figure's tables: the pages, then how long the seeding took."""
    from .stats import table  # noqa: PLC0415

    rows = [
        [r["label"], r["posts"], r["first_ms"], r["page50_ms"], r["offset50_ms"], r["pages"], r["seq_scan"]]
        for r in sorted(result["rows"], key=lambda r: (r["feed"], r["posts"]))
    ]
    seeds = [[s["posts"], s["added"], s["seconds"], s["added"] / s["seconds"]] for s in result["seeds"]]
    return (
        table(HEADERS, rows, markdown=markdown)
        + "\n\n"
        + table(["posts after", "posts added", "seed seconds", "posts/s"], seeds, markdown=markdown)
    )


def verdicts(result: dict[str, Any]) -> list[tuple[str, str, bool]]:
    """Flat within 2x from the smallest to the largest size, per feed and page."""
    found = []
    by_feed: dict[str, list[dict[str, Any]]] = {}
    for r in result["rows"]:
        by_feed.setdefault(r["feed"], []).append(r)
    for feed, rows in by_feed.items():
        rows.sort(key=lambda r: r["posts"])
        small, large = rows[0], rows[-1]
        if small is large or feed in INFORMATIONAL:
            continue
        for key, what in (("first_ms", "page 1"), ("page50_ms", "page 50")):
            base = next((r[key] for r in rows if r[key] is not None), None)
            if base is None or large[key] is None:
                continue
            ratio = large[key] / base
            found.append(
                (
                    f"{feed} {what} flat within 2× from {small['posts']:,} to {large['posts']:,} posts",
                    f"{ratio:.1f}× ({base:.1f} → {large[key]:.1f} ms)",
                    ratio <= TARGET_RATIO,
                )
            )
    return found


def plot(result: dict[str, Any], folder: Path) -> list[Path]:
    """Page 1 and page 50 time against posts, one line per feed."""
    import matplotlib  # noqa: PLC0415

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt  # noqa: PLC0415

    figure, axes = plt.subplots(figsize=(6, 3.6))
    by_feed: dict[str, list[dict[str, Any]]] = {}
    for r in result["rows"]:
        by_feed.setdefault(r["feed"], []).append(r)
    for feed, rows in by_feed.items():
        rows.sort(key=lambda r: r["posts"])
        line = axes.plot([r["posts"] for r in rows], [r["first_ms"] for r in rows], marker="o", label=f"{feed}, page 1")
        deep = [r for r in rows if r["page50_ms"] is not None]
        axes.plot(
            [r["posts"] for r in deep],
            [r["page50_ms"] for r in deep],
            marker="s",
            linestyle="--",
            color=line[0].get_color(),
            label=f"{feed}, page 50",
        )
    axes.set_xscale("log")
    axes.set_xlabel("posts in the database")
    axes.set_ylabel("time of one page (ms, median)")
    axes.set_ylim(bottom=0)
    axes.grid(alpha=0.3)
    axes.legend(fontsize=7, ncol=2)
    figure.tight_layout()
    path = folder / "feeds.png"
    figure.savefig(path, dpi=110)
    plt.close(figure)
    return [path]
