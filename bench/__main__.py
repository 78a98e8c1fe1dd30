"""`python -m bench COMMAND`: one command per figure, and `all`."""

from __future__ import annotations

import argparse
import sys
import time

from . import common


def counts(text: str) -> list[int]:
    return [int(part.replace("_", "").replace(",", "")) for part in text.split("/") if part]


FULL = {
    "viewers": [10, 100, 500, 1000], "rounds": 3, "actors": [1, 8, 32], "throughput_s": 20.0, "events_s": 10.0,
    "posts": [1_000, 10_000, 100_000, 1_000_000], "api_posts": 10_000, "api_s": 10.0,
}  # fmt: skip
QUICK = {
    "viewers": [10, 30], "rounds": 1, "actors": [1, 8, 32], "throughput_s": 2.0, "events_s": 2.0,
    "posts": [1_000, 5_000], "api_posts": 1_000, "api_s": 2.0,
}  # fmt: skip


def run_all(*, quick: bool) -> None:
    """Every figure in turn, each writing its results, then the document."""
    from . import api, events, fanout, feeds, report, throughput  # noqa: PLC0415

    common.QUICK = quick
    scale = QUICK if quick else FULL
    started = time.monotonic()
    fanout.run(scale["viewers"], fanout.SERVERS, scale["rounds"], settle=1.0 if quick else 3.0)
    throughput.run(scale["actors"], scale["throughput_s"])
    events.run(scale["events_s"])
    feeds.run(scale["posts"])
    api.run(scale["api_posts"], scale["api_s"])
    print(f"wrote {report.write().relative_to(common.ROOT)} after {time.monotonic() - started:.0f} s")


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench", description=(__doc__ or "").strip())
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    fanout = commands.add_parser("fanout", help="figure 1: live fan-out, memory and CPU per viewer")
    fanout.add_argument("--viewers", type=counts, default=[10, 100, 500, 1000], help="e.g. 10/100 (default 10/100/500/1000)")
    fanout.add_argument("--servers", default="tidings,nicegui,socketio")
    fanout.add_argument("--rounds", type=int, default=3, help="comments added per run")
    throughput = commands.add_parser("throughput", help="figure 2: add_comment through core against raw asyncpg")
    throughput.add_argument("--actors", type=counts, default=[1, 8, 32])
    throughput.add_argument("--seconds", type=float, default=10.0, help="per load and concurrency")
    events = commands.add_parser("events", help="figure 3: commit to subscriber, same and second process")
    events.add_argument("--seconds", type=float, default=10.0, help="per load")
    feeds = commands.add_parser("feeds", help="figure 4: feed pages at growing database sizes (seeds the database)")
    feeds.add_argument("--posts", type=counts, default=[1_000, 10_000, 100_000, 1_000_000])
    api = commands.add_parser("api", help="figure 5: GET /api/articles and /api/tags under wrk, beside a bare floor")
    api.add_argument("--posts", type=int, default=10_000, help="posts seeded first")
    api.add_argument("--seconds", type=float, default=10.0, help="per path and server")
    every = commands.add_parser("all", help="every figure, then docs/BENCHMARKS.md")
    every.add_argument("--quick", action="store_true", help="small scales: a smoke run of a minute or two")
    commands.add_parser("report", help="redraw docs/BENCHMARKS.md from bench/results")
    args = parser.parse_args(argv)
    if args.command == "fanout":
        from . import fanout as figure  # noqa: PLC0415

        figure.run(args.viewers, tuple(args.servers.split(",")), args.rounds)
    elif args.command == "throughput":
        from . import throughput  # noqa: PLC0415

        throughput.run(args.actors, args.seconds)
    elif args.command == "events":
        from . import events  # noqa: PLC0415

        events.run(args.seconds)
    elif args.command == "feeds":
        from . import feeds  # noqa: PLC0415

        feeds.run(args.posts)
    elif args.command == "all":
        run_all(quick=args.quick)
    elif args.command == "report":
        from . import report  # noqa: PLC0415

        print(f"wrote {report.write().relative_to(common.ROOT)}")
    elif args.command == "api":
        from . import api  # noqa: PLC0415

        api.run(args.posts, args.seconds)


if __name__ == "__main__":
    main(sys.argv[1:])
