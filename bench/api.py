"""Figure 5, the JSON API under load: requests/s and latency percentiles of GET /api/articles and GET /api/tags at
50 concurrent connections (wrk, from Debian), on a database seeded with `python main.py seed`, beside the floor
measured in the same run: a bare FastAPI app on uvicorn answering the same bytes from memory.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import urllib.request
from pathlib import Path
from typing import Any

from . import common
from .stats import table

DATA = common.RESULTS / "api-db"
PATHS = ("/api/articles", "/api/tags")
CONNECTIONS = 50
WRK_MISSING = "wrk is not installed (apt-get install wrk): the API figure was not measured."
UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def parse_wrk(output: str) -> dict[str, float]:
    """Requests/s, p50/p90/p99 (ms) and errors from `wrk --latency` output."""
    result: dict[str, float] = {}
    if found := re.search(r"Requests/sec:\s*([\d.]+)", output):
        result["rps"] = float(found.group(1))
    for percent, value, unit in re.findall(r"^\s*(50|75|90|99)%\s+([\d.]+)(us|ms|s)\s*$", output, re.M):
        result[f"p{percent}"] = float(value) * UNITS[unit]
    errors = re.search(r"Non-2xx or 3xx responses:\s*(\d+)", output)
    socket_errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    result["errors"] = float(errors.group(1) if errors else 0) + sum(
        float(n) for n in (socket_errors.groups() if socket_errors else ())
    )
    return result


def wrk(url: str, seconds: float) -> dict[str, float]:
    """One wrk run at CONNECTIONS connections (one thread: the client takes as little CPU as it can)."""
    command = ["wrk", "-t1", f"-c{CONNECTIONS}", f"-d{seconds:.0f}s", "--latency", url]
    done = subprocess.run(command, capture_output=True, text=True, timeout=seconds + 60, check=True)
    return parse_wrk(done.stdout)


def run(posts: int, seconds: float) -> dict[str, Any]:
    """Seed, serve, load each path on Tidings and on the floor; print the table, write bench/results/api.json."""
    if shutil.which("wrk") is None:
        print(WRK_MISSING)
        result: dict[str, Any] = {"missing": WRK_MISSING, "runs": []}
        common.save("api", result)
        return result
    common.fresh_dir(DATA)
    common.progress(f"api: seeding {posts:,} posts with python main.py seed")
    subprocess.run(
        [sys.executable, "main.py", "--data-dir", str(DATA), "--log-level", "warning", "seed", "--posts", str(posts)],
        cwd=common.ROOT,
        check=True,
        stderr=subprocess.DEVNULL,
    )
    runs = []
    bodies: dict[str, bytes] = {}
    args = ["main.py", "--data-dir", str(DATA), "--port", "{port}", "--log-level", "warning"]
    with common.ServerProcess(args, env={"NICEGUI_STORAGE_PATH": str(DATA / ".nicegui")}) as server:
        for path in PATHS:
            with urllib.request.urlopen(server.url + path, timeout=30) as response:
                bodies[path] = response.read()
            wrk(server.url + path, 1)  # warm up
            common.progress(f"api: Tidings {path}, {CONNECTIONS} connections, {seconds:.0f} s")
            runs.append(
                {"server": "tidings", "path": path, "bytes": len(bodies[path]), **wrk(server.url + path, seconds)}
            )
    floor = ["-m", "bench.baselines.json_floor", "{port}", *(str(common.RESULTS / f"body{n}.json") for n in range(2))]
    for n, path in enumerate(PATHS):
        (common.RESULTS / f"body{n}.json").write_bytes(bodies[path])
    with common.ServerProcess(floor, ready_path=PATHS[1]) as server:
        for path in PATHS:
            wrk(server.url + path, 1)
            common.progress(f"api: bare FastAPI {path}, {CONNECTIONS} connections, {seconds:.0f} s")
            runs.append(
                {"server": "floor", "path": path, "bytes": len(bodies[path]), **wrk(server.url + path, seconds)}
            )
    result = {"runs": runs, "posts": posts, "connections": CONNECTIONS, "seconds": seconds}
    common.save("api", result)
    print(render(result))
    return result


LABELS = {"tidings": "Tidings (core, PostgreSQL)", "floor": "bare FastAPI, same bytes from memory"}
HEADERS = ["server", "path", "requests/s", "p50 ms", "p90 ms", "p99 ms", "errors", "bytes"]


def render(result: dict[str, Any], *, markdown: bool = False) -> str:
    """The figure's table (or why it is missing)."""
    if result.get("missing"):
        return str(result["missing"])
    rows = [
        [
            LABELS[r["server"]],
            r["path"],
            r.get("rps"),
            r.get("p50"),
            r.get("p90"),
            r.get("p99"),
            int(r["errors"]),
            r["bytes"],
        ]
        for r in result["runs"]
    ]
    return table(HEADERS, rows, markdown=markdown)


def plot(result: dict[str, Any], folder: Path) -> list[Path]:
    """Requests/s per path, Tidings beside the floor."""
    if result.get("missing"):
        return []
    import matplotlib  # noqa: PLC0415

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt  # noqa: PLC0415

    figure, axes = plt.subplots(figsize=(6, 3.6))
    for offset, server in ((-0.2, "tidings"), (0.2, "floor")):
        mine = [r for r in result["runs"] if r["server"] == server]
        axes.bar(
            [n + offset for n in range(len(mine))], [r.get("rps", 0) for r in mine], width=0.4, label=LABELS[server]
        )
    axes.set_xticks(list(range(len(PATHS))), [f"GET {p}" for p in PATHS])
    axes.set_ylabel(f"requests/s at {CONNECTIONS} connections")
    axes.grid(alpha=0.3, axis="y")
    axes.legend(fontsize=8)
    figure.tight_layout()
    path = folder / "api.png"
    figure.savefig(path, dpi=110)
    plt.close(figure)
    return [path]
