"""Figure 6, search: p50 and p95 of typical searches at 1,000 to 1,000,000 posts, on a database grown by `python
main.py seed`, with PostgreSQL's plan of each (EXPLAIN ANALYZE).

Searches go through core (`blog.search_posts`, what the search page and the API call), as a visitor and as a member
(whose own drafts are searched too), each REPEATS times after a warm-up: a word in nine posts of ten, a tag on one
post in a hundred, two such tags together, a phrase of two common words that stand together in a few posts, and
the start of a word as it is typed.
"""

from __future__ import annotations

import asyncio
import re
import time
from pathlib import Path
from typing import Any

from . import common, database
from .stats import percentile, table

DATA = common.RESULTS / "search-db"
REPEATS = 100
TARGET_P95_MS = 50.0
SEARCHES = {  # what each kind of search looks for in seeded posts (bench/seeding.py's words, titles and tags)
    "common word": "database",  # in nine posts of ten
    "rare word": "gaming",  # a tag on one post in a hundred
    "two rare words": "gaming electronics",  # two such tags: one post in ten thousand
    "phrase": '"garbage collection"',  # two common words, together in about one post in seventy
    "prefix": "postg",  # a tag's start, as it is typed
}
SCAN = re.compile(r"((?:Index Only Scan|Index Scan|Bitmap Index Scan|Seq Scan)(?: Backward)?)(?: using| on) (\w+)")


async def measure(posts: int) -> list[dict[str, Any]]:
    """Every search at the database's current size (core's runtime is started by the caller)."""
    from core import ANONYMOUS, Actor, Role, blog  # noqa: PLC0415
    from core.db.sql import fetch_one  # noqa: PLC0415

    writer = await fetch_one(  # a seeded member with drafts: their search reads those too
        "SELECT u.id, u.username FROM posts p JOIN users u ON u.id = p.author_id WHERE p.status = 'draft'"
        " GROUP BY u.id ORDER BY count(*) DESC, u.id LIMIT 1"
    )
    assert writer is not None, "the seed made no drafts"
    member = Actor(id=writer["id"], username=writer["username"], role=Role.MEMBER)
    rows = []
    for kind, text in SEARCHES.items():
        for who, actor in (("visitor", ANONYMOUS), ("member", member)):
            for _ in range(3):  # warm: the first search of a word reads its pages from disk
                page = await blog.search_posts(actor, text)
            durations = []
            for _ in range(REPEATS):
                started = time.perf_counter()
                page = await blog.search_posts(actor, text)
                durations.append((time.perf_counter() - started) * 1000)
            plan = await explain(actor, text)
            rows.append(
                {
                    "kind": kind,
                    "search": text,
                    "who": who,
                    "posts": posts,
                    "results": page.total,
                    "p50": percentile(durations, 0.5),
                    "p95": percentile(durations, 0.95),
                    "scans": scans(plan),
                    "plan": plan,
                }
            )
    return rows


async def explain(actor: Any, text: str) -> list[str]:
    """PostgreSQL's plan of the search's first page, as it ran (EXPLAIN ANALYZE, planned for these values)."""
    from core.blog import rows, search  # noqa: PLC0415
    from core.db.sql import fetch_planned  # noqa: PLC0415
    from core.textsearch import terms, tsquery  # noqa: PLC0415

    query = await tsquery("english", terms(text))
    sql = search.page_sql(rows.hidden(actor))
    found = await fetch_planned(f"EXPLAIN (ANALYZE, BUFFERS) {sql}", actor.id, query, search.CANDIDATES, 20, 0)
    return [row["QUERY PLAN"] for row in found]


def scans(plan: list[str]) -> list[str]:
    """How a plan finds the posts that match: each scan of the posts table and its index, in the order the plan
    shows them, once each (not the page's own rows, read by their key)."""
    found: list[str] = []
    for line in plan:
        for how, what in SCAN.findall(line):
            if "posts" in what and what != "posts_pkey" and (step := f"{how} {what}") not in found:
                found.append(step)
    return found


async def grow_and_measure(scales: list[int]) -> dict[str, Any]:
    from core import Settings, blog, runtime  # noqa: PLC0415

    common.fresh_dir(DATA)
    await runtime.start(Settings(data_dir=DATA, database_url=None))
    results: list[dict[str, Any]] = []
    seeds: list[dict[str, Any]] = []
    total = 0
    try:
        for scale in scales:
            common.progress(f"search: seeding {scale - total:,} more posts (to {scale:,}) with python main.py seed")
            seeds.append({"posts": scale, "added": scale - total, "seconds": await database.seed(DATA, scale - total)})
            total = scale
            common.progress(f"search: searching {scale:,} posts")
            results += await measure(scale)
            common.save("search", {"rows": results, "seeds": seeds, "repeats": REPEATS})
    finally:
        await runtime.stop()
    return {"rows": results, "seeds": seeds, "repeats": REPEATS, "candidates": blog.SEARCH_RESULTS_MAX}


def run(scales: list[int]) -> dict[str, Any]:
    """Grow the database scale by scale, search each, print the tables, write bench/results/search.json and the
    plans at the largest size to bench/results/search-plans.txt."""
    result = asyncio.run(grow_and_measure(scales))
    common.save("search", result)
    (common.RESULTS / "search-plans.txt").write_text(plans(result))
    print(render(result))
    return result


HEADERS = ["search", "as", "posts", "results", "p50 ms", "p95 ms", "how PostgreSQL reads the posts"]


def render(result: dict[str, Any], *, markdown: bool = False) -> str:
    """The figure's tables: the searches, then how long the seeding took."""
    rows = [
        [f"{r['kind']}: {r['search']}", r["who"], r["posts"], r["results"], r["p50"], r["p95"], "; ".join(r["scans"])]
        for r in sorted(result["rows"], key=lambda r: (list(SEARCHES).index(r["kind"]), r["who"], r["posts"]))
    ]
    seeds = [[s["posts"], s["added"], s["seconds"], s["added"] / s["seconds"]] for s in result["seeds"]]
    return (
        table(HEADERS, rows, markdown=markdown)
        + "\n\n"
        + table(["posts after", "posts added", "seed seconds", "posts/s"], seeds, markdown=markdown)
    )


def plans(result: dict[str, Any]) -> str:
    """Every plan at the largest size, under its search."""
    largest = max(r["posts"] for r in result["rows"])
    return "\n\n".join(
        f"{r['kind']} ({r['search']}) as a {r['who']}, {r['posts']:,} posts:\n" + "\n".join(r["plan"])
        for r in result["rows"]
        if r["posts"] == largest
    )


def verdicts(result: dict[str, Any]) -> list[tuple[str, str, bool]]:
    """p95 within the target at the largest size, per search and searcher."""
    largest = max(r["posts"] for r in result["rows"])
    return [
        (
            f"search p95 ≤ {TARGET_P95_MS:.0f} ms at {largest:,} posts: {r['kind']}, as a {r['who']}",
            f"{r['p95']:.1f} ms",
            r["p95"] <= TARGET_P95_MS,
        )
        for r in result["rows"]
        if r["posts"] == largest
    ]


def plot(result: dict[str, Any], folder: Path) -> list[Path]:
    """p95 against posts, one line per search (as a visitor)."""
    import matplotlib  # noqa: PLC0415

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt  # noqa: PLC0415

    figure, axes = plt.subplots(figsize=(6, 3.6))
    for kind in SEARCHES:
        rows = sorted(
            (r for r in result["rows"] if r["kind"] == kind and r["who"] == "visitor"), key=lambda r: r["posts"]
        )
        axes.plot([r["posts"] for r in rows], [r["p95"] for r in rows], marker="o", label=kind)
    axes.axhline(TARGET_P95_MS, color="grey", linestyle=":", label="target")
    axes.set_xscale("log")
    axes.set_xlabel("posts in the database")
    axes.set_ylabel("search p95 (ms)")
    axes.set_ylim(bottom=0)
    axes.grid(alpha=0.3)
    axes.legend(fontsize=7)
    figure.tight_layout()
    path = folder / "search.png"
    figure.savefig(path, dpi=110)
    plt.close(figure)
    return [path]
