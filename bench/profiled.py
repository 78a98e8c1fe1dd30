"""Run a server under pyinstrument: `python -m bench.profiled OUTPUT.txt SCRIPT ARGS...`, for finding where a
figure's time goes. SIGUSR1 starts recording, SIGUSR2 stops it and writes the profile (the fan-out client sends
them around the comments it times when run with BENCH_PROFILE=1); figures taken so are not comparable."""

from __future__ import annotations

import json
import runpy
import signal
import sys
from pathlib import Path

from pyinstrument import Profiler

from .stats import breakdown

FANOUT_BUCKETS = (
    ("nicegui/outbox", "NiceGUI: each page's outbox (collect and serialise its updates)"),
    ("nicegui/", "NiceGUI: elements, bindings, clients"),
    ("socketio/", "python-socketio and Engine.IO: packets, queues, one writer task per socket"),
    ("engineio/", "python-socketio and Engine.IO: packets, queues, one writer task per socket"),
    ("uvicorn/", "uvicorn and wsproto: WebSocket frames in pure Python"),
    ("wsproto/", "uvicorn and wsproto: WebSocket frames in pure Python"),
    ("h11/", "uvicorn and wsproto: WebSocket frames in pure Python"),
    ("/ui/", "Tidings' pages (ui/)"),
    ("/core/", "Tidings' core (events, the comment's one query)"),
    ("asyncpg", "the database driver and ORM"),
    ("tortoise", "the database driver and ORM"),
    ("casbin", "Tidings' core (events, the comment's one query)"),
    ("asyncio", "event loop: scheduling tasks and callbacks"),
)


def main() -> None:
    output, script, *args = sys.argv[1:]
    profiler = Profiler(interval=0.0005, async_mode="disabled")

    def start(*_: object) -> None:
        if not profiler.is_running:
            profiler.start()

    def stop(*_: object) -> None:
        if profiler.is_running:
            session = profiler.stop()
            Path(output).write_text(profiler.output_text(unicode=True, color=False, show_all=False))
            root = session.root_frame()
            shares = breakdown(root, FANOUT_BUCKETS, "other Python") if root else {}
            Path(output).with_suffix(".json").write_text(json.dumps({"breakdown": shares, "cpu_s": session.cpu_time}))

    signal.signal(signal.SIGUSR1, start)
    signal.signal(signal.SIGUSR2, stop)
    sys.argv = [script, *args]
    runpy.run_path(script, run_name="__main__")


if __name__ == "__main__":
    main()
