"""`python -m bench report`: docs/BENCHMARKS.md and its plots (docs/bench/*.png), from bench/results/*.json."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from . import api, common, events, fanout, feeds, search, throughput
from .stats import table

DOC = common.ROOT / "docs" / "BENCHMARKS.md"
PLOTS = common.ROOT / "docs" / "bench"
FIGURES = ("fanout", "throughput", "events", "feeds", "api", "search")


def image(path: Path) -> str:
    return f"![{path.stem}]({path.relative_to(DOC.parent).as_posix()})"


def write() -> Path:
    """Redraw the document from the latest results of every figure."""
    PLOTS.mkdir(parents=True, exist_ok=True)
    results = {name: common.load(name) for name in FIGURES}
    verdicts: list[tuple[str, str, bool]] = []
    sections: list[str] = []

    if found := results["fanout"]:
        verdicts += fanout.verdicts(found["runs"])
        plots = " ".join(image(p) for p in fanout.plot(found["runs"], PLOTS))
        profile = fanout.render_profile(found["profile"], markdown=True) if found.get("profile") else ""
        sections.append(
            FANOUT.format(
                profile=profile,
                table=fanout.render(found["runs"], markdown=True),
                plots=plots,
                rounds=found.get("rounds", "?"),
                when=_when(found),
            )
        )
    if found := results["throughput"]:
        verdicts += throughput.verdicts(found)
        plots = " ".join(image(p) for p in throughput.plot(found, PLOTS))
        sections.append(
            THROUGHPUT.format(
                table=throughput.render(found, markdown=True),
                plots=plots,
                seconds=found["seconds"],
                slice=found["seconds"] / throughput.SLICES,
                when=_when(found),
            )
        )
    if found := results["events"]:
        plots = " ".join(image(p) for p in events.plot(found, PLOTS))
        sections.append(
            EVENTS.format(
                table=events.render(found, markdown=True), plots=plots, seconds=found["seconds"], when=_when(found)
            )
        )
    if found := results["feeds"]:
        verdicts += feeds.verdicts(found)
        plots = " ".join(image(p) for p in feeds.plot(found, PLOTS))
        sections.append(
            FEEDS.format(
                table=feeds.render(found, markdown=True), plots=plots, repeats=found["repeats"], when=_when(found)
            )
        )
    if found := results["api"]:
        plots = " ".join(image(p) for p in api.plot(found, PLOTS))
        sections.append(
            API.format(
                table=api.render(found, markdown=True),
                plots=plots,
                posts=found.get("posts", 0),
                seconds=found.get("seconds", 0),
                when=_when(found),
            )
        )
    if found := results["search"]:
        verdicts += search.verdicts(found)
        plots = " ".join(image(p) for p in search.plot(found, PLOTS))
        sections.append(section(found, plots))

    summary = table(
        ["target", "measured", "met"], [[t, m, "yes" if ok else "**no**"] for t, m, ok in verdicts], markdown=True
    )
    scale = (
        "in a quick run at small scales (a smoke check, not the figures of record)"
        if _quick(results)
        else "in one full run"
    )
    DOC.write_text(
        HEAD.format(scale=scale, summary=summary) + "\n\n" + "\n\n".join(sections) + "\n\n" + findings(results) + "\n"
    )
    return DOC


def section(found: dict[str, Any], plots: str) -> str:
    """The search figure's section of the document."""
    return SEARCH.format(
        table=search.render(found, markdown=True),
        plots=plots,
        repeats=found["repeats"],
        candidates=found.get("candidates", "?"),
        when=_when(found),
    )


def _when(found: dict[str, Any]) -> str:
    machine = found.get("machine", {})
    load = machine.get("load_at_end", "?")
    return f"{machine.get('when', '?')}, {machine.get('cpus', '?')} CPUs, load average {load} at the end"


def _quick(results: dict[str, dict[str, Any] | None]) -> bool:
    return any(found and found.get("quick") for found in results.values())


HEAD = """# Benchmarks

Tidings exists to show changes live to many people at once: how fast and how cheaply it does that is its headline.
Everything here was measured by `python -m bench all`, {scale}, on one of the project's 2-core machines, which
other work shares: every figure is a ratio or a side-by-side comparison taken in the same run. Nothing in the test
suite asserts a timing. Run it yourself with `python -m pip install -e '.[bench]' && python -m bench all` (about
20–30 minutes, most of it growing a database to a million posts; `--quick` for a smoke run of about two minutes).
Each figure also has its own command (`python -m bench fanout`, `throughput`, `events`, `feeds`, `api`, `search`), which
prints its table and writes `bench/results/<figure>.json`; `python -m bench report` redraws this page from those
files.

## Targets

{summary}"""

FANOUT = """## 1. Live fan-out and memory

N simulated viewers open the real post page (`/post/<slug>`: the post, its author, tags, favourites, 20
comments, the comment box), half of them anonymous (a browser each) and half signed in through the real sign-in
page (one browser per reader, several tabs each). Each tab is what a browser does without the rendering: `GET`
the page with `Accept: text/html`, its own WebSocket (Engine.IO 4 / Socket.IO 5), pings answered, messages
acknowledged every 3 seconds; the tabs live in a client process of their own so that their CPU is not the server's.
Then a signed-in user types a comment into the page's box and clicks Comment, {rounds} times; for every viewer the
time from the click to the moment its socket receives the new comment is recorded. A fresh server process serves
each row. Memory per viewer is the growth of the server's resident memory (after a warm-up) divided by the
viewers; CPU per open is the server's CPU time while the pages open, divided by them (and the same for its
database's processes). The two baselines are in `bench/baselines/`: a bare NiceGUI page with 20 labels that
appends one label per comment (what NiceGUI alone costs), and a plain python-socketio server that broadcasts each
comment (the floor). "missed" counts viewers that never received a comment or lost their socket.

{table}

{plots}

Where the server's CPU goes while a comment reaches the pages (a separate run with the server under pyinstrument,
so its timings are not comparable; the whole profile is in `bench/results/fanout-profile.txt`):

{profile}

Measured {when}."""

THROUGHPUT = """## 2. Action throughput

`blog.add_comment` through the whole of core (validation, policy, transaction, the post loaded, the comment
inserted, the author notified, the audit entry, the events sent with `pg_notify`, the comment read back) by 1, 8
and 32 concurrent actors, each adding comments as fast as it can, against the limit measured in the same run: a
raw asyncpg `INSERT` of the same row in its own transaction, on the same database, with as many pooled connections
as core has (10). The two loads alternate, {seconds:.0f} s each in four slices of {slice:.1f} s, so that whatever
else the machine does hits both alike. CPU per action is this process's and the database's CPU time divided by the
actions.

{table}

{plots}

Measured {when}. The whole profile of the 8-actor load is written to `bench/results/throughput-profile.txt`."""

EVENTS = """## 3. Event latency

From the moment an action's commit became visible to the moment its `CommentAdded` reaches a subscriber of the event
hub: in the same process, and in a second process (its own runtime and `LISTEN` connection, as every app process
has). The commit is seen from outside: PostgreSQL delivers a `NOTIFY` only once its transaction has committed, so its
moment is the first arrival of the event in any process, a third one included that only listens with bare asyncpg
(no busy event loop holds it up). The figure is what Tidings adds to PostgreSQL's delivery; the commit's own
round trip is not in it. Every process reads the machine's monotonic clock. Each load runs {seconds:.0f} s.

{table}

{plots}

Measured {when}."""

FEEDS = """## 4. Feed scaling

The database grows from scale to scale with `python main.py seed --posts N --users M` (bulk `COPY`: realistic
Markdown, 1–4 tags drawn with 1/rank weights, authors with 1/rank^0.8 weights, follows, favourites, comments, one
draft in twenty, one archived post in a hundred), then the first page and page 50 of each feed are read through
core (`blog.list_posts`, what the pages and the API call) {repeats} times each; the median is shown. Page 50 is
read after walking the keyset cursors of pages 1–49, as scrolling the home page does, and by `OFFSET`, as the
JSON API does. The viewer is the seeded user whose followed authors wrote the most. "–" means the feed has fewer
than 50 pages at that size. The second table is how long the seeding took.

{table}

{plots}

Measured {when}."""

API = """## 5. The JSON API

`wrk -t1 -c50 --latency` for {seconds:.0f} s on `GET /api/articles` (the newest 20 articles, with their authors,
tags, favourite counts) and `GET /api/tags` of a Tidings process serving a database seeded with {posts:,} posts,
beside the floor measured in the same run: a bare FastAPI app on uvicorn answering the very same bytes from
memory. wrk runs on the same 2 cores.

{table}

{plots}

Measured {when}."""

SEARCH = """## 6. Search

The database grows as for the feeds (`python main.py seed`), then five searches are made through core
(`blog.search_posts`, what the search page and the JSON API call) {repeats} times each after a warm-up, as a visitor
and as the seeded member with the most drafts (their search reads their drafts too): a word in nine posts of ten, a
tag on one post in a hundred, two such tags, a phrase of two common words that stand together in a few posts, and
the start of a word as it is typed. Each search ranks the newest {candidates} posts that match. The last column is
how PostgreSQL found them in the first page's plan (EXPLAIN ANALYZE; every plan of the largest size is in
`bench/results/search-plans.txt`): through the GIN index of words (`posts_search_idx`) when few posts match, by
walking the newest published posts (`idx_posts_publish_…`) until enough match when many do, and a member's own
drafts through the index of unlisted posts (`posts_unlisted_idx`). The second table is how long the seeding took:
the database makes each post's search document as its rows arrive (twice: once for the post, once more when its
tags follow), which makes seeding about five times slower than without search.

{table}

{plots}

Measured {when}."""


def findings(results: dict[str, dict[str, Any] | None]) -> str:
    """What the profiles showed, with this run's figures where they say it."""
    parts: list[str] = []
    if (found := results["fanout"]) and (rows := _largest(found["runs"])):
        tidings, bare = rows.get("tidings"), rows.get("nicegui")
        misses = [v for v in fanout.verdicts(found["runs"]) if v[0].startswith("fan-out") and not v[2]]
        memory_missed = any(v[0].startswith("memory") and not v[2] for v in fanout.verdicts(found["runs"]))
        if tidings and memory_missed:
            parts.append(MEMORY_LEFT.format(viewers=tidings["viewers"], kb=tidings["memory_per_viewer"] / 1024))
        if tidings and bare and misses:
            bare_at = {r["viewers"]: r["p95"] for r in found["runs"] if r["server"] == "nicegui"}
            missed = [f"{p95:.0f} ms at {n:,}" for n, p95 in sorted(bare_at.items()) if n in fanout.TARGET_P95
                      and p95 > fanout.TARGET_P95[n]]  # fmt: skip
            bare_clause = f" (the bare NiceGUI page, which does less per viewer, misses them too: {', '.join(missed)})"
            parts.append(
                FANOUT_LEFT.format(
                    bare_clause=bare_clause if missed else "",
                    viewers=tidings["viewers"],
                    p95=tidings["p95"],
                    bare_p95=bare["p95"],
                    floor_p95=rows["socketio"]["p95"] if "socketio" in rows else float("nan"),
                    kb=tidings["memory_per_viewer"] / 1024,
                    bare_kb=bare["memory_per_viewer"] / 1024,
                    cpu=tidings["cpu_per_update_per_viewer_ms"],
                    bare_cpu=bare["cpu_per_update_per_viewer_ms"],
                    open=tidings["cpu_per_open_ms"],
                    bare_open=bare["cpu_per_open_ms"],
                )
            )
    if (found := results["throughput"]) and (eight := next((r for r in found["runs"] if r["actors"] == 8), None)):
        parts.append(
            THROUGHPUT_LEFT.format(
                share=100 * eight["share"],
                core_py=eight["core_python_cpu_ms"],
                raw_py=eight["raw_python_cpu_ms"],
                core_db=eight["core_db_cpu_ms"],
                raw_db=eight["raw_db_cpu_ms"],
                ceiling=100
                * (eight["raw_python_cpu_ms"] + eight["raw_db_cpu_ms"])
                / max(1e-9, eight["core_python_cpu_ms"] + eight["core_db_cpu_ms"]),
                statements=found.get("statements_core", "?"),
                orm=100 * found.get("breakdown", {}).get("Tortoise ORM (models, queries, transactions)", 0.0),
            )
        )
    parts.append(FEEDS_LEFT)
    if (found := results["api"]) and not found.get("missing"):
        parts.append(API_LEFT)
    return FINDINGS_DONE.strip() + "\n\n" + "\n".join(part.strip("\n") for part in parts)


def _largest(runs: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Each server's run at the largest viewer count measured for all of them."""
    counts = [r["viewers"] for r in runs if r["server"] == "tidings"]
    if not counts:
        return {}
    largest = max(counts)
    return {r["server"]: r for r in runs if r["viewers"] == largest}


FINDINGS_DONE = """## Findings

What the profiles (pyinstrument: `BENCH_PROFILE=1 python -m bench fanout ...` records the server while the comments
are timed; tracemalloc for memory) showed, what this round changed, and what remains.

Changed in this round:

- **Every element costs memory and CPU on every open page.** The post page had about 220 elements per reader:
  each comment was eight (column, row, avatar, initial, link, date, text, and Delete where allowed). Now a comment is
  one element whose markup is built once and shared by every page showing it (`comment_html`), and for a reader who
  may delete none of them the comments present when the page opened are a single shared element; the byline and
  the tags are one element each; tooltips became `title` attributes; the colours are set once for the app; the
  account button is one element and its menu, like the bell's list, is made when first opened. An anonymous
  reader's page went from about 220 elements to 26, a signed-in reader's to 35. Measured at 100 viewers on this
  machine (at different moments, so only roughly comparable): 982 KB per viewer before, 234 KB after; CPU per page
  open 96 ms before, 22 ms after; p95 596 ms before (3 viewers of 100 missed a comment), 93 ms after.
- **Rendering.** Markdown is rendered once per text (`core/blog/markdown.py`, a cache of 4,096 texts), and equal
  read models are shared between pages (`ui.live.shared`): a thousand readers of one post keep one copy of it.
- **Policy checks were the largest single cost of an action and a large one of a page.** Casbin evaluates its
  matcher for every row of the policy table (35 rows): 0.4–0.6 ms for one `allowed()`. `core/policy` keeps one
  enforcer per action holding only that action's rows (the matcher's `r.act == p.act` made every other row false
  anyway): about 25 µs a check, the same decisions (`tests/test_policy.py`, `tests/test_permission_matrix.py`).
- **Garbage-collection stalls.** A thousand open pages are millions of objects, and a full collection scans them all
  with the event loop stopped, so every page waits. The app now freezes what exists after start-up and collects less
  often (`ui/app.py`, `calm_collector`). Same run, same 300 viewers: p95 2,260 ms with Python's defaults, 586 ms
  with the calmer collector (`TIDINGS_GC_DEFAULT=1` restores the defaults, for comparing).
- **No task per page for a comment.** The new comment is read once per process (as the anonymous visitor: public
  data, no query per viewer), then added to each page by a callback on that one load (`ui.live.when_loaded`), not
  by a task per page; the post header ignores comment events without a task either.
- **Presence woke every page every 5 seconds.** Each heartbeat re-announced every post's readers and every page of
  the post recomputed "N reading" (quadratic in the readers). Announcements that change nothing now wake no page,
  and the readers are counted once per change for all pages (`core/presence.py`).
- **The Following feed read every post of every followed author, then sorted them** (about 10,000 rows for a heavy
  reader at 100,000 posts: 107 ms, growing with the database). It now takes, for each followed author, only their
  newest posts that could be on the page (a `LATERAL` over their partial index), and every feed computes counts,
  flags and tags only for the 20 rows of the page, never for the rows an `OFFSET` skips (`core/blog/feeds.py`). The
  seed ends with `VACUUM ANALYZE`, as autovacuum would, so that index-only scans need not visit the table.

What remains:"""

FANOUT_LEFT = """
- **Fan-out at {viewers:,} viewers: p95 {p95:.0f} ms (the bare NiceGUI page: {bare_p95:.0f} ms, the python-socketio
  floor: {floor_p95:.0f} ms).** The page costs {kb:.0f} KB per viewer (bare page: {bare_kb:.0f} KB), {cpu:.2f} ms of
  server CPU per viewer per comment (bare page: {bare_cpu:.2f} ms) and {open:.0f} ms to open (bare: {bare_open:.0f}
  ms). The profile of the timed comments (`BENCH_PROFILE=1`) shows no query and no rendering per viewer any more:
  what each page costs is NiceGUI's own work for one update, the same the bare page pays: creating the comment's
  element (about 0.1 ms: observable props, classes and style, a slot, bindings), waking the client's outbox task,
  serialising the update, and writing it through `wsproto` (NiceGUI runs uvicorn with `ws='wsproto'`, the pure-Python
  WebSocket implementation, with no option to choose another), plus the comment count beside it. That work is done
  one page after another on one core, so the latency grows with the viewers: reaching 40 ms at 100 viewers and 300
  ms at 1,000 would need a fraction of NiceGUI's per-page cost of an update{bare_clause}. The remaining levers lie
  in NiceGUI (a faster WebSocket implementation, one serialisation for identical updates) or in more processes
  behind nginx, each serving its share of the viewers (README, "Several processes behind nginx"); every figure above was
  taken with one process on a shared 2-core machine, where the server, the simulated browsers and PostgreSQL compete.
"""

MEMORY_LEFT = """
- **Memory at {viewers:,} viewers: {kb:.0f} KB per viewer.** The growth of the server's resident memory divided by
  the viewers also carries what the first pages fill once (asyncpg's prepared statements and the caches of rendered
  markup, which every later page shares) and what Python's allocator keeps after a burst of page openings; with few
  viewers those fixed costs weigh on each. The rest is NiceGUI's client (its outbox, message history and tab storage)
  and about 2 KB for each of the page's 26 (anonymous) or 35 (signed-in) elements.
"""

THROUGHPUT_LEFT = """
- **Action throughput: {share:.0f}% of the raw INSERT rate at 8 actors.** Per action core spends {core_py:.2f} ms of
  Python CPU and {core_db:.2f} ms of PostgreSQL CPU, the raw INSERT {raw_py:.2f} ms and {raw_db:.2f} ms: with both on
  the same 2 cores the ratio of total CPU alone caps core at about {ceiling:.0f}% of the raw rate. The difference
  is the work the action does and the INSERT does not: {statements} statements instead of 3 (BEGIN, the post loaded
  for the policy, the comment, the author's notification, the audit entry, the `pg_notify`, the comment read back
  with its author and rendered, COMMIT), each through Tortoise ORM ({orm:.0f}% of the Python time in the profile:
  model instances, query building, result conversion). Reaching 40% needs fewer round trips per action (the insert
  and the read-back in one statement, the notification and the audit entry in one), a change to the action
  runner's shape that this issue leaves for its own.
"""

FEEDS_LEFT = """
- **Tags.** A tag's page is now planned knowing which tag it is: `list_posts` looks the tag's id up first and writes
  it into the page's query, so the planner's statistics tell a common tag (walk the newest posts until 20 carry it)
  from a rare one (take the tag's posts and sort them). Before, it planned every tag as an average one, and an
  `OFFSET` page of a common tag (the JSON API's) sorted all of the tag's posts: 143 ms at 100,000 posts, now about
  12 ms. A tag on one post in a hundred still reads about 2,000 index entries for its first page (20 ÷ 1%), the
  same at 100,000 posts as at 1,000,000, but more than at 1,000 posts, where the tag has only ten posts; the table
  shows it, the targets do not judge it. Making every tag page cost the same whatever its share would need the
  publication time beside each tag link (an index on `(tag_id, published_at)`), kept in step by every action that
  publishes, unpublishes, archives or restores a post.
"""

API_LEFT = """
- **The JSON API** serves each request through the same core as the pages (token check, the page query, the count,
  serialisation); against a floor that answers the same bytes from memory, what remains is that work, on a process
  sharing the 2 cores with PostgreSQL and wrk. `GET /api/tags` counts every published post's tags on each request;
  it grows with the database and is the first candidate for a cache kept current by the post events.
"""
