"""`python -m bench report`: docs/BENCHMARKS.md and its plots (docs/bench/*.png), from bench/results/*.json."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from . import api, common, events, fanout, feeds, throughput
from .stats import table

DOC = common.ROOT / "docs" / "BENCHMARKS.md"
PLOTS = common.ROOT / "docs" / "bench"
FIGURES = ("fanout", "throughput", "events", "feeds", "api")


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
        sections.append(
            FANOUT.format(
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
                table=throughput.render(found, markdown=True), plots=plots, seconds=found["seconds"], when=_when(found)
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

    summary = table(
        ["target", "measured", "met"], [[t, m, "yes" if ok else "**no**"] for t, m, ok in verdicts], markdown=True
    )
    scale = "a quick run (small scales, a smoke check: not the figures of record)" if _quick(results) else "a full run"
    DOC.write_text(
        HEAD.format(scale=scale, summary=summary) + "\n\n" + "\n\n".join(sections) + "\n\n" + FINDINGS + "\n"
    )
    return DOC


def _when(found: dict[str, Any]) -> str:
    machine = found.get("machine", {})
    load = machine.get("load_at_end", "?")
    return f"{machine.get('when', '?')}, {machine.get('cpus', '?')} CPUs, load average {load} at the end"


def _quick(results: dict[str, dict[str, Any] | None]) -> bool:
    return any(found and found.get("quick") for found in results.values())


HEAD = """# Benchmarks

Tidings exists to show changes live to many people at once: how fast and how cheaply it does that is its headline.
Everything here was measured by `python -m bench all` ({scale}) on one of the project's 2-core machines, which
other work shares: every figure is a ratio or a side-by-side comparison taken in the same run. Nothing in the test
suite asserts a timing. Run it yourself with `python -m pip install -e '.[bench]' && python -m bench all`
(`--quick` for a smoke run of a minute or two); each figure also has its own command (`python -m bench fanout`,
`throughput`, `events`, `feeds`, `api`), which prints its table and writes `bench/results/<figure>.json`, and
`python -m bench report` redraws this page from those files.

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

Measured {when}."""

THROUGHPUT = """## 2. Action throughput

`blog.add_comment` through the whole of core (validation, policy, transaction, the post loaded, the comment
inserted, the author notified, the audit entry, the events sent with `pg_notify`, the comment read back) by 1, 8
and 32 concurrent actors, each adding comments as fast as it can, against the limit measured in the same run: a
raw asyncpg `INSERT` of the same row in its own transaction, on the same database, with as many pooled connections
as core has (10). The two loads alternate in four slices of {seconds:.0f} s ÷ 4 each, so that whatever else the
machine does hits both alike. CPU per action is this process's and the database's CPU time divided by the actions.

{table}

{plots}

Measured {when}. The whole profile of the 8-actor load is written to `bench/results/throughput-profile.txt`."""

EVENTS = """## 3. Event latency

From the moment an action's `COMMIT` is sent (the benchmark wraps core's transaction to note it) to the moment its
`CommentAdded` reaches a subscriber of the event hub: in the same process, and in a second process (its own
runtime and `LISTEN` connection, as every app process has). Both read the machine's monotonic clock. Each load
runs {seconds:.0f} s.

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

FINDINGS = """## Findings

What the profiles showed, what was changed in this round, and what remains.

- **Policy checks were the largest single cost of an action and of a page.** Casbin evaluates its matcher once
  for every row of the policy table (35 rows): 0.4–0.6 ms for one `allowed()`, called once per action and 25 to
  30 times per post page (each comment's Delete, the header's controls). `core/policy` now keeps one enforcer per
  action holding only that action's rows (the matcher's `r.act == p.act` made every other row false anyway):
  about 25 µs a check, the same decisions (`tests/test_policy.py`, `tests/test_permission_matrix.py`).
- **The Following feed read every post of every followed author, then sorted them** (about 10,000 rows for a
  heavy reader at 100,000 posts). It now takes, for each followed author, only their newest posts that could be on
  the page (a `LATERAL` over their partial index), and every feed computes counts, flags and tags only for the
  20 rows of the page, not for the rows an `OFFSET` skips.
"""
