"""`python -m bench COMMAND`: one command per figure (fanout, throughput, events, feeds, api, search), `all` for every
figure and docs/BENCHMARKS.md, `report` to redraw that page from the last results."""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import dataclass

from . import api, common, events, fanout, feeds, report, search, throughput


@dataclass(frozen=True)
class Scale:
    """How big `all` measures."""

    viewers: list[int]
    rounds: int
    actors: list[int]
    throughput_s: float
    events_s: float
    posts: list[int]
    api_posts: int
    api_s: float
    settle: float
    profile_at: int  # viewers of the profiled fan-out run


FULL = Scale(
    [10, 100, 500, 1000], 3, [1, 8, 32], 20.0, 10.0, [1_000, 10_000, 100_000, 1_000_000], 10_000, 10.0, 3.0, 300
)
QUICK = Scale([10, 30], 1, [1, 8, 32], 2.0, 2.0, [1_000, 5_000], 1_000, 2.0, 1.0, 30)


def counts(text: str) -> list[int]:
    """'1_000/10,000' → [1000, 10000]."""
    return [int(part.replace("_", "").replace(",", "")) for part in text.split("/") if part]


def run_all(*, quick: bool) -> None:
    """Every figure in turn, each writing its results, then the document."""
    common.QUICK = quick
    scale = QUICK if quick else FULL
    started = time.monotonic()
    fanout.run(scale.viewers, fanout.SERVERS, scale.rounds, settle=scale.settle, profile_at=scale.profile_at)
    throughput.run(scale.actors, scale.throughput_s)
    events.run(scale.events_s)
    feeds.run(scale.posts)
    api.run(scale.api_posts, scale.api_s)
    search.run(scale.posts)
    print(f"wrote {report.write().relative_to(common.ROOT)} after {time.monotonic() - started:.0f} s")


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench", description=(__doc__ or "").strip())
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    command = commands.add_parser("fanout", help="figure 1: live fan-out, memory and CPU per viewer")
    command.add_argument("--viewers", type=counts, default=FULL.viewers, help="e.g. 10/100 (default 10/100/500/1000)")
    command.add_argument("--servers", default=",".join(fanout.SERVERS), help="tidings,nicegui,socketio")
    command.add_argument("--rounds", type=int, default=FULL.rounds, help="comments added per run")
    command.add_argument("--profile-at", type=int, help="then profile Tidings' server at this many viewers")
    command.add_argument(
        "--gc-default", action="store_true", help="Tidings with Python's default garbage collection, for comparing"
    )
    command = commands.add_parser("throughput", help="figure 2: add_comment through core against raw asyncpg")
    command.add_argument("--actors", type=counts, default=FULL.actors, help="e.g. 1/8/32")
    command.add_argument("--seconds", type=float, default=FULL.throughput_s, help="per load and concurrency")
    command = commands.add_parser("events", help="figure 3: commit to subscriber, same and second process")
    command.add_argument("--seconds", type=float, default=FULL.events_s, help="per load")
    command = commands.add_parser("feeds", help="figure 4: feed pages at growing sizes (seeds the database)")
    command.add_argument("--posts", type=counts, default=FULL.posts, help="e.g. 1000/10000")
    command = commands.add_parser("api", help="figure 5: GET /api/articles and /api/tags under wrk, beside a floor")
    command.add_argument("--posts", type=int, default=FULL.api_posts, help="posts seeded first")
    command.add_argument("--seconds", type=float, default=FULL.api_s, help="per path and server")
    command = commands.add_parser("search", help="figure 6: search p50/p95 at growing sizes (seeds the database)")
    command.add_argument("--posts", type=counts, default=FULL.posts, help="e.g. 1000/10000")
    command = commands.add_parser("all", help="every figure, then docs/BENCHMARKS.md")
    command.add_argument("--quick", action="store_true", help="small scales: a smoke run of about two minutes")
    commands.add_parser("report", help="redraw docs/BENCHMARKS.md from bench/results")
    args = parser.parse_args(argv)
    common.raise_file_limit()
    if args.command == "fanout":
        servers = tuple(args.servers.split(","))
        fanout.run(args.viewers, servers, args.rounds, profile_at=args.profile_at, gc_default=args.gc_default)
    elif args.command == "throughput":
        throughput.run(args.actors, args.seconds)
    elif args.command == "events":
        events.run(args.seconds)
    elif args.command == "feeds":
        feeds.run(args.posts)
    elif args.command == "api":
        api.run(args.posts, args.seconds)
    elif args.command == "search":
        search.run(args.posts)
    elif args.command == "all":
        run_all(quick=args.quick)
    else:
        print(f"wrote {report.write().relative_to(common.ROOT)}")


if __name__ == "__main__":
    main(sys.argv[1:])
