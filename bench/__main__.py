"""`python -m bench COMMAND`: one command per figure, and `all`."""

from __future__ import annotations

import argparse
import sys


def counts(text: str) -> list[int]:
    return [int(part.replace("_", "").replace(",", "")) for part in text.split("/") if part]


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


if __name__ == "__main__":
    main(sys.argv[1:])
