"""Figure 1, live fan-out and memory: N viewers on Tidings' real post page, beside a bare NiceGUI page and a
plain python-socketio broadcast server, each measured the same way in the same run.

For each server and each N a fresh server process is started; a client process (`bench.tabs`) opens N tabs (half
anonymous, half signed in through the sign-in page, on Tidings), reads the server's memory and CPU time, then a
signed-in user adds comments through the page and every tab's time to receive it is recorded.
"""

from __future__ import annotations

import asyncio
import json
import os
from pathlib import Path
from typing import Any

from . import common
from .stats import summary_ms, table

SERVERS = ("tidings", "nicegui", "socketio")
LABELS = {"tidings": "Tidings post page", "nicegui": "bare NiceGUI page", "socketio": "python-socketio broadcast"}
TARGET_KB = 250
TARGET_P95 = {100: 40.0, 1000: 300.0}
DATA = common.RESULTS / "fanout-data"
POST_BODY = """Tidings shows every change live to everyone reading. This post is what the benchmark's readers open.

## Why live pages

A page that changes while you read it must never move under your eyes: new things arrive where you expect them.

## How it works

Each action commits, **then** PostgreSQL notifies every process, and every open page updates itself.

## What it costs

- one query per process per event
- one small update per open page
- nothing per viewer that all viewers share

## A table

| viewers | what each receives |
|---|---|
| 1 | one comment |
| 1,000 | the same comment |

## Code

```python
await blog.add_comment(actor, post_id=post.id, body="Hello")
```

## The end

That is all: *thank you for reading*, and [the source](https://example.com) is open.
"""


def comment_text(n: int) -> str:
    """The n-th of the 20 comments every benchmark post starts with."""
    return f"Comment number {n}: a few words about the post, with *some* emphasis and a [link](https://example.com)."


async def prepare_tidings(counts: list[int], readers: int) -> dict[str, Any]:
    """A database with one post per viewer count (20 comments each), readers to sign in, and the commenter."""
    from core import ANONYMOUS, Settings, accounts, blog, runtime  # noqa: PLC0415  (only this figure needs core)

    common.fresh_dir(DATA)
    await runtime.start(Settings(data_dir=DATA, database_url=None))
    try:

        async def member(name: str) -> Any:
            await accounts.register(ANONYMOUS, username=name, email=f"{name}@example.com", password=common.PASSWORD)
            signed = await accounts.sign_in(ANONYMOUS, login=name, password=common.PASSWORD)
            return await accounts.actor_for_session(signed.token)

        author = await member("ann")
        talkers = [await member(f"talker{n}") for n in range(1, 6)]
        await member("carol")
        names = [f"reader{n}" for n in range(1, readers + 1)]
        for name in names:
            await accounts.register(ANONYMOUS, username=name, email=f"{name}@example.com", password=common.PASSWORD)
        slugs = {}
        for count in counts:
            post = await blog.create_post(
                author,
                title=f"Live for {count} readers",
                description="The post every simulated viewer opens",
                body=POST_BODY,
                tags=["benchmarks", "live", "postgres"],
                publish=True,
            )
            for n in range(1, 21):
                await blog.add_comment(talkers[n % len(talkers)], post_id=post.id, body=comment_text(n))
            slugs[count] = post.slug
    finally:
        await runtime.stop()
    return {"slugs": slugs, "readers": names, "commenter": "carol"}


def server_for(kind: str, *, gc_default: bool = False) -> common.ServerProcess:
    """A fresh server process of one kind (Tidings with Python's default garbage collection if `gc_default`)."""
    if kind == "tidings":
        env = {"NICEGUI_STORAGE_PATH": str(DATA / ".nicegui")}
        if gc_default:
            env["TIDINGS_GC_DEFAULT"] = "1"  # read by the server's Settings, like any deployment's configuration
        args = ["main.py", "--data-dir", str(DATA), "--port", "{port}", "--log-level", "warning"]
        if os.environ.get("BENCH_PROFILE"):  # the server under pyinstrument: its figures are not comparable
            args = ["-m", "bench.profiled", str(common.RESULTS / "fanout-profile.txt"), *args]
        return common.ServerProcess(args, ready_path="/", env=env)
    module = {"nicegui": "bench.baselines.bare_nicegui", "socketio": "bench.baselines.socketio_floor"}[kind]
    return common.ServerProcess(["-m", module, "{port}"], ready_path="/health" if kind == "nicegui" else "/post")


def measure(
    kind: str, viewers: int, setup: dict[str, Any], rounds: int, settle: float = 3.0, *, gc_default: bool = False
) -> dict[str, Any]:
    """One server, one viewer count: a fresh server and a client process of simulated tabs."""
    with server_for(kind, gc_default=gc_default) as server:
        args = [
            "-m",
            "bench.tabs",
            "--url",
            server.url,
            "--viewers",
            str(viewers),
            "--server-pid",
            str(server.pid),
            "--rounds",
            str(rounds),
            "--kind",
            "socketio" if kind == "socketio" else "nicegui",
            "--settle",
            str(settle),
        ]
        if kind == "tidings":
            readers = setup["readers"][: max(1, min(len(setup["readers"]), viewers // 2))]
            args += [
                "--path",
                f"/post/{setup['slugs'][viewers]}",
                "--db-dir",
                str(DATA / "postgres"),
                "--signed-in",
                ",".join(readers),
                "--commenter",
                setup["commenter"],
                "--password",
                common.PASSWORD,
            ]
        else:
            args += ["--path", "/post"]
        result = common.run_json(args, timeout=1800)
    latencies = result.pop("latencies_s")
    result.pop("still_open", None)
    gc = {"gc_default": True} if gc_default and kind == "tidings" else {}
    return {"server": kind, **gc, **result, **summary_ms(latencies), "received": len(latencies)}


def run(
    counts: list[int],
    servers: tuple[str, ...] = SERVERS,
    rounds: int = 3,
    settle: float = 3.0,
    profile_at: int | None = None,
    *,
    gc_default: bool = False,
) -> dict[str, Any]:
    """Every server at every viewer count, then (if `profile_at`) Tidings profiled while its comments fan out to that
    many viewers; prints the table and writes bench/results/fanout.json. `gc_default`: Tidings with Python's default
    garbage collection, for comparing with its calmer one."""
    setup: dict[str, Any] = {}
    profile: dict[str, Any] | None = None
    if "tidings" in servers:
        common.progress("fanout: preparing Tidings' database (a post per viewer count, 20 comments each)")
        every = sorted({*counts, *([profile_at] if profile_at else [])})
        setup = asyncio.run(prepare_tidings(every, readers=min(25, max(every) // 2)))
    runs = []
    for viewers in counts:
        for kind in servers:
            common.progress(f"fanout: {LABELS[kind]}, {viewers} viewers")
            runs.append(measure(kind, viewers, setup, rounds, settle, gc_default=gc_default))
            common.save("fanout", {"runs": runs, "counts": counts, "rounds": rounds})
    if profile_at and "tidings" in servers:
        common.progress(f"fanout: Tidings under pyinstrument, {profile_at} viewers (where the CPU goes; not timed)")
        profile = profiled(profile_at, setup, rounds, settle)
        common.save("fanout", {"runs": runs, "counts": counts, "rounds": rounds, "profile": profile})
    print(render(runs))
    if profile:
        print("\n" + render_profile(profile))
    return {"runs": runs, "profile": profile}


def profiled(viewers: int, setup: dict[str, Any], rounds: int, settle: float) -> dict[str, Any]:
    """Tidings with its server under pyinstrument while the comments fan out: the share of each library."""
    output = common.RESULTS / "fanout-profile.txt"
    output.with_suffix(".json").unlink(missing_ok=True)
    os.environ["BENCH_PROFILE"] = "1"  # the server starts under bench.profiled; the tabs signal it around the comments
    try:
        measure("tidings", viewers, setup, rounds, settle)
    finally:
        del os.environ["BENCH_PROFILE"]
    found = json.loads(output.with_suffix(".json").read_text()) if output.with_suffix(".json").exists() else {}
    return {"viewers": viewers, "file": "bench/results/fanout-profile.txt", **found}


def render_profile(profile: dict[str, Any], *, markdown: bool = False) -> str:
    """Where the server's CPU went while the comments reached `viewers` pages."""
    rows = [[name, f"{100 * share:.0f}%"] for name, share in profile.get("breakdown", {}).items() if share >= 0.005]
    title = f"server CPU while comments reach {profile['viewers']:,} pages (pyinstrument, idle time left out)"
    return table([title, "share"], rows, markdown=markdown)


def rows(runs: list[dict[str, Any]]) -> list[list[object]]:
    """One table row per measured run."""
    return [
        [
            LABELS[r["server"]] + (" (Python's default GC)" if r.get("gc_default") else ""),
            r["viewers"],
            r["p50"],
            r["p95"],
            r["max"],
            r["missed"] + r["dropped"],
            r["memory_per_viewer"] / 1024,
            r["cpu_per_open_ms"],
            r["db_cpu_per_open_ms"],
            r["cpu_per_update_per_viewer_ms"],
        ]
        for r in runs
    ]


HEADERS = [
    "server",
    "viewers",
    "p50 ms",
    "p95 ms",
    "max ms",
    "missed",
    "KB/viewer",
    "CPU ms/open",
    "DB CPU ms/open",
    "CPU ms/update/viewer",
]


def render(runs: list[dict[str, Any]], *, markdown: bool = False) -> str:
    """The figure's table."""
    return table(HEADERS, rows(runs), markdown=markdown)


def verdicts(runs: list[dict[str, Any]]) -> list[tuple[str, str, bool]]:
    """Each target of the issue, with the measured figure and whether it is met."""
    found = []
    tidings = [r for r in runs if r["server"] == "tidings"]
    if tidings:
        # Judged where fixed costs (caches, prepared statements) no longer weigh on the per-viewer share.
        largest = max(tidings, key=lambda r: r["viewers"])
        kb = largest["memory_per_viewer"] / 1024
        found.append(
            (f"memory per viewer ≤ 250 KB (at {largest['viewers']:,} viewers)", f"{kb:.0f} KB", kb <= TARGET_KB)
        )
        for viewers, limit in TARGET_P95.items():
            for r in tidings:
                if r["viewers"] == viewers:
                    found.append(
                        (
                            f"fan-out p95 ≤ {limit:.0f} ms at {viewers:,} viewers",
                            f"{r['p95']:.0f} ms",
                            r["p95"] <= limit,
                        )
                    )
        lost = sum(r["missed"] + r["dropped"] for r in tidings)
        found.append(("no viewer dropped", f"{lost} missed or dropped", lost == 0))
    return found


def plot(runs: list[dict[str, Any]], folder: Path) -> list[Path]:
    """p95 and memory per viewer against viewers, one line per server."""
    import matplotlib  # noqa: PLC0415

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt  # noqa: PLC0415

    paths = []
    for key, label, name, scale in (
        ("p95", "fan-out p95 (ms)", "fanout_p95.png", 1.0),
        ("memory_per_viewer", "server memory per viewer (KB)", "fanout_memory.png", 1 / 1024),
    ):
        figure, axes = plt.subplots(figsize=(6, 3.6))
        for kind in SERVERS:
            mine = sorted((r for r in runs if r["server"] == kind), key=lambda r: r["viewers"])
            if mine:
                axes.plot([r["viewers"] for r in mine], [r[key] * scale for r in mine], marker="o", label=LABELS[kind])
        if key == "p95":
            for viewers, limit in TARGET_P95.items():
                axes.plot([viewers], [limit], marker="_", markersize=20, color="red", linestyle="none")
        else:
            axes.axhline(TARGET_KB, color="red", linestyle=":", label="target")
        axes.set_xscale("log")
        axes.set_xlabel("connected viewers")
        axes.set_ylabel(label)
        axes.grid(alpha=0.3)
        axes.legend(fontsize=8)
        figure.tight_layout()
        path = folder / name
        figure.savefig(path, dpi=110)
        plt.close(figure)
        paths.append(path)
    return paths
