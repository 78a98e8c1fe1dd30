"""Simulated browser tabs, as `python -m bench.tabs`: a process of its own, so its CPU is not the server's.

A NiceGUI tab does what a browser does (STACK_NOTES): GET the page with `Accept: text/html`, read the client id
and the element tree from the HTML, open its own WebSocket (Engine.IO 4 / Socket.IO 5), answer pings, and
acknowledge messages every 3 seconds. A socket.io tab (the floor) only connects and listens. Each anonymous tab is
a browser of its own (its own cookies); signed-in tabs share one browser per user, signed in through the real
sign-in page. The process reads the server's memory and CPU time itself (psutil) at the edges of each phase,
and prints one JSON object: what `bench fanout` tabulates.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import re
import signal
import sys
import time
import uuid
from dataclasses import dataclass, field
from typing import Any

import aiohttp
import psutil

ELEMENTS = re.compile(r"parseElements\(String\.raw`(.*?)`\)", re.S)
QUERY = re.compile(r"query: (\{.*?\}),\n")
UNESCAPE = (("&lt;", "<"), ("&gt;", ">"), ("&#96;", "`"), ("&#36;", "$"), ("&amp;", "&"))
OPEN_TIMEOUT = 60.0
ACK_SECONDS = 3.0


class Dropped(Exception):
    """A tab lost its connection or never got one."""


@dataclass
class Browser:
    """Cookies shared by the tabs of one browser."""

    session: aiohttp.ClientSession

    @classmethod
    def new(cls, connector: aiohttp.BaseConnector) -> Browser:
        jar = aiohttp.CookieJar(unsafe=True)  # the server is an IP address: keep its cookies anyway
        timeout = aiohttp.ClientTimeout(total=OPEN_TIMEOUT)
        browser = cls(
            aiohttp.ClientSession(connector=connector, connector_owner=False, cookie_jar=jar, timeout=timeout)
        )
        OPEN_BROWSERS.append(browser)
        return browser


OPEN_BROWSERS: list[Browser] = []


@dataclass
class Tab:
    """One page over its own WebSocket."""

    browser: Browser
    base: str
    path: str
    kind: str  # "nicegui" or "socketio"
    elements: dict[str, Any] = field(default_factory=dict)
    client_id: str = ""
    ws: aiohttp.ClientWebSocketResponse | None = None
    connected: asyncio.Event = field(default_factory=asyncio.Event)
    closed: bool = False
    watch: str | None = None  # text whose arrival is timed
    seen: asyncio.Event = field(default_factory=asyncio.Event)
    seen_at: float = 0.0
    messages: list[str] = field(default_factory=list)
    keep_messages: bool = False
    next_id: int = 0
    acked: int = 0
    _tasks: list[asyncio.Task[None]] = field(default_factory=list)

    async def open(self) -> None:
        """Load the page and connect its socket; returns once the server accepted the connection."""
        session = self.browser.session
        if self.kind == "nicegui":
            async with session.get(self.base + self.path, headers={"Accept": "text/html"}) as response:
                if response.status != 200:
                    raise Dropped(f"GET {self.path}: {response.status}")
                page = await response.text()
            raw = ELEMENTS.search(page)
            query = QUERY.search(page)
            if raw is None or query is None:
                raise Dropped(f"GET {self.path}: no NiceGUI page")
            text = raw.group(1)
            for escaped, plain in UNESCAPE:
                text = text.replace(escaped, plain)
            self.elements = json.loads(text)
            self.client_id = re.search(r"'client_id': '([^']+)'", query.group(1)).group(1)  # type: ignore[union-attr]
            url = (
                f"{self.base}/_nicegui_ws/socket.io/?EIO=4&transport=websocket&client_id={self.client_id}"
                f"&next_message_id=0&implicit_handshake=true&document_id={uuid.uuid4()}&tab_id={uuid.uuid4()}"
            )
        else:
            async with session.get(self.base + self.path, headers={"Accept": "text/html"}) as response:
                await response.read()
            url = f"{self.base}/socket.io/?EIO=4&transport=websocket"
        self.ws = await session.ws_connect(url, autoping=True, max_msg_size=0)
        self._tasks.append(asyncio.ensure_future(self._read()))
        try:
            await asyncio.wait_for(self.connected.wait(), OPEN_TIMEOUT)
        except TimeoutError:
            raise Dropped("no Socket.IO connection") from None
        if self.kind == "nicegui":
            self._tasks.append(asyncio.ensure_future(self._ack()))

    async def _read(self) -> None:
        assert self.ws is not None
        try:
            async for message in self.ws:
                if message.type != aiohttp.WSMsgType.TEXT:
                    continue
                data: str = message.data
                if data == "2":
                    await self.ws.send_str("3")
                elif data.startswith("0{"):
                    await self.ws.send_str("40")
                elif data.startswith("40"):
                    self.connected.set()
                elif data.startswith("42"):
                    self._received(data)
        finally:
            self.closed = True

    def _received(self, data: str) -> None:
        if self.watch is not None and not self.seen.is_set() and self.watch in data:
            self.seen_at = time.perf_counter()
            self.seen.set()
        if self.keep_messages:
            self.messages.append(data)
        if self.kind == "nicegui" and (found := re.search(r'"_id":\s*(\d+)', data)):
            self.next_id = max(self.next_id, int(found.group(1)) + 1)

    async def _ack(self) -> None:
        while not self.closed:
            await asyncio.sleep(ACK_SECONDS)
            if self.next_id > self.acked and self.ws is not None and not self.ws.closed:
                payload = {"client_id": self.client_id, "next_message_id": self.next_id}
                with contextlib.suppress(ConnectionError, RuntimeError):
                    await self.ws.send_str("42" + json.dumps(["ack", payload]))
                self.acked = self.next_id

    def find(self, tag_suffix: str, label: str | None = None, kind: str | None = None) -> str:
        """The id of the last element whose tag ends with `tag_suffix` (and whose label or text is `label`, whose
        `type` is `kind`)."""
        found = [
            key
            for key, element in self.elements.items()
            if element["tag"].endswith(tag_suffix)
            and (label is None or label in (element.get("props", {}).get("label"), element.get("text")))
            and (kind is None or element.get("props", {}).get("type") == kind)
        ]
        if not found:
            raise LookupError(f"no {tag_suffix} {label or ''} on {self.path}")
        return found[-1]

    async def fire(self, element_id: str, event_type: str, *args: object) -> None:
        """Send a browser event of one of the element's listeners, with its arguments."""
        listener = next(e for e in self.elements[element_id].get("events", []) if e["type"] == event_type)
        message = {
            "id": int(element_id),
            "client_id": self.client_id,
            "listener_id": listener["listener_id"],
            "args": [json.dumps(arg) for arg in args],
        }
        assert self.ws is not None
        await self.ws.send_str("42" + json.dumps(["event", message]))

    async def type_into(self, element_id: str, text: str) -> None:
        """Type `text` into an input or textarea."""
        await self.fire(element_id, "update:value", text)

    async def emit(self, name: str, data: object) -> None:
        """A Socket.IO event of the page's own (the floor's comment)."""
        assert self.ws is not None
        await self.ws.send_str("42" + json.dumps([name, data]))

    async def close(self) -> None:
        """Close the socket."""
        for task in self._tasks:
            task.cancel()
        if self.ws is not None:
            with contextlib.suppress(Exception):
                await self.ws.close()
        self.closed = True


async def sign_in(browser: Browser, base: str, login: str, password: str) -> None:
    """Sign a browser in through the real sign-in page."""
    tab = Tab(browser, base, "/sign-in", "nicegui", keep_messages=True)
    await tab.open()
    await tab.type_into(tab.find("input", "Username or e-mail"), login)
    await tab.type_into(tab.find("input", "Password"), password)
    await asyncio.sleep(0.05)
    await tab.fire(tab.find("q-btn", "Sign in"), "click")
    deadline = time.monotonic() + 60
    while not any(m.startswith('42["open"') for m in tab.messages):  # the page navigates away: signed in
        if time.monotonic() > deadline:
            raise Dropped(f"signing in as {login} failed: {tab.messages[-3:]}")
        await asyncio.sleep(0.05)
    await tab.close()


class Server:
    """Memory and CPU time of the server process under test (and of its database, if it has one)."""

    def __init__(self, pid: int, db_dir: str) -> None:
        self.process = psutil.Process(pid)
        self.db_dir = db_dir

    def rss(self) -> int:
        """Resident memory, bytes."""
        return int(self.process.memory_info().rss)

    def cpu(self) -> float:
        """CPU seconds used so far (user + system)."""
        times = self.process.cpu_times()
        return float(times.user + times.system)

    def db_cpu(self) -> float:
        """CPU seconds used so far by the database's processes."""
        return database_cpu(self.db_dir)


def database_cpu(data_dir: str) -> float:
    """CPU seconds used so far by the PostgreSQL server of `data_dir`: the postmaster, its live backends, and the
    backends that have ended (counted in the postmaster's children times)."""
    if not data_dir:
        return 0.0
    total = 0.0
    for process in psutil.process_iter(["name", "cmdline"]):
        cmdline = " ".join(process.info["cmdline"] or [])
        if process.info["name"] == "postgres" and "-D" in cmdline and data_dir in cmdline:
            with contextlib.suppress(psutil.Error):
                times = process.cpu_times()
                total += times.user + times.system + times.children_user + times.children_system
                for child in process.children():
                    with contextlib.suppress(psutil.Error):
                        child_times = child.cpu_times()
                        total += child_times.user + child_times.system
    return total


async def open_all(tabs: list[Tab], concurrency: int) -> list[float]:
    """Open every tab, `concurrency` at a time; the time each took (tabs that failed are marked closed)."""
    gate = asyncio.Semaphore(concurrency)
    times: list[float] = []

    async def one(tab: Tab) -> None:
        async with gate:
            started = time.perf_counter()
            try:
                await tab.open()
                times.append(time.perf_counter() - started)
            except (Dropped, aiohttp.ClientError, TimeoutError, OSError) as error:
                print(f"tab failed to open: {error!r}", file=sys.stderr)
                tab.closed = True

    await asyncio.gather(*(one(tab) for tab in tabs))
    return times


async def run(args: argparse.Namespace) -> dict[str, Any]:
    """Open the viewers, measure the server, add comments through the page and time their arrival."""
    connector = aiohttp.TCPConnector(limit=0, force_close=True)
    server = Server(args.server_pid, args.db_dir)
    try:
        tabs, opened = await open_viewers(args, connector, server)
        timed = await comment_rounds(args, connector, server, [tab for tab in tabs if not tab.closed])
        for tab in tabs:
            await tab.close()
    finally:
        for browser in OPEN_BROWSERS:
            await browser.session.close()
        await connector.close()
    return {"viewers": args.viewers, **opened, **timed, "dropped": len(tabs) - timed["still_open"]}


async def open_viewers(
    args: argparse.Namespace, connector: aiohttp.BaseConnector, server: Server
) -> tuple[list[Tab], dict[str, Any]]:
    """Sign the readers in, warm the server up, open every viewer's tab, and measure memory and CPU."""
    logins = [login for login in args.signed_in.split(",") if login]
    browsers = {login: Browser.new(connector) for login in logins}
    for login, browser in browsers.items():
        await sign_in(browser, args.url, login, args.password)
    # Warm up: a few pages opened and closed, so that first-use costs are not counted per viewer.
    warm = [Tab(Browser.new(connector), args.url, args.path, args.kind) for _ in range(3)]
    await open_all(warm, 3)
    for tab in warm:
        await tab.close()
    await asyncio.sleep(args.settle)
    tabs = []
    for n in range(args.viewers):
        # Alternate: even viewers anonymous (a browser each), odd ones signed in (one browser per user).
        signed = bool(logins) and n % 2 == 1
        browser = browsers[logins[(n // 2) % len(logins)]] if signed else Browser.new(connector)
        tabs.append(Tab(browser, args.url, args.path, args.kind))
    rss_before, cpu_before, db_before = server.rss(), server.cpu(), server.db_cpu()
    started = time.perf_counter()
    open_times = await open_all(tabs, args.concurrency)
    open_wall = time.perf_counter() - started
    cpu_open, db_open = server.cpu() - cpu_before, server.db_cpu() - db_before
    await asyncio.sleep(args.settle)
    rss_after = server.rss()
    opened = max(1, len(open_times))
    return tabs, {
        "signed_in_share": (args.viewers // 2 / args.viewers) if logins and args.viewers else 0.0,
        "opened": len(open_times),
        "open_wall_s": open_wall,
        "open_s": sorted(open_times),
        "rss_before": rss_before,
        "rss_after": rss_after,
        "memory_per_viewer": (rss_after - rss_before) / opened,
        "cpu_per_open_ms": 1000 * cpu_open / opened,
        "db_cpu_per_open_ms": 1000 * db_open / opened,
    }


async def comment_rounds(
    args: argparse.Namespace, connector: aiohttp.BaseConnector, server: Server, live: list[Tab]
) -> dict[str, Any]:
    """Comment through the page `rounds` times; each viewer's time from the click to the comment's arrival."""
    commenter = Browser.new(connector)
    if args.commenter:
        await sign_in(commenter, args.url, args.commenter, args.password)
    writer = Tab(commenter, args.url, args.path, args.kind)
    await writer.open()
    await asyncio.sleep(max(1.0, args.pause))  # its arrival among the readers ("N reading") reaches every page first
    latencies: list[float] = []
    missed = 0
    cpu_before, db_before = server.cpu(), server.db_cpu()
    profiling = bool(os.environ.get("BENCH_PROFILE"))  # the server runs under bench.profiled: record this part
    if profiling:
        os.kill(args.server_pid, signal.SIGUSR1)
    for round_ in range(args.rounds):
        marker = f"bench-{uuid.uuid4().hex[:12]}"
        for tab in live:
            tab.watch, tab.seen_at = marker, 0.0
            tab.seen.clear()
        sent = await comment(writer, args.kind, f"A comment from the benchmark, {marker}.")
        waiting = [tab.seen.wait() for tab in live if not tab.closed]
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(asyncio.gather(*waiting), args.timeout)
        latencies += [tab.seen_at - sent for tab in live if tab.seen.is_set()]
        missed += sum(not tab.seen.is_set() for tab in live)
        if round_ < args.rounds - 1:
            await asyncio.sleep(args.pause)
    cpu_updates, db_updates = server.cpu() - cpu_before, server.db_cpu() - db_before
    if profiling:
        os.kill(args.server_pid, signal.SIGUSR2)
        await asyncio.sleep(2)
    await writer.close()
    return {
        "rounds": args.rounds,
        "latencies_s": sorted(latencies),
        "missed": missed,
        "still_open": sum(not tab.closed for tab in live),
        "cpu_per_update_per_viewer_ms": 1000 * cpu_updates / max(1, args.rounds * len(live)),
        "db_cpu_updates_ms": 1000 * db_updates / max(1, args.rounds),
    }


async def comment(writer: Tab, kind: str, text: str) -> float:
    """Add a comment through the writer's page (type, then click, as a browser does); when the click left."""
    if kind == "socketio":
        sent = time.perf_counter()
        await writer.emit("comment", {"text": text})
        return sent
    await writer.type_into(writer.find("input", kind="textarea"), text)
    await asyncio.sleep(0.2)  # the value reaches the server before the click, as in a browser
    sent = time.perf_counter()
    await writer.fire(writer.find("q-btn", "Comment"), "click")
    return sent


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.tabs", description=__doc__)
    parser.add_argument("--url", required=True)
    parser.add_argument("--path", required=True)
    parser.add_argument("--kind", choices=["nicegui", "socketio"], required=True)
    parser.add_argument("--viewers", type=int, required=True)
    parser.add_argument("--server-pid", type=int, required=True)
    parser.add_argument("--db-dir", default="")
    parser.add_argument("--signed-in", default="", help="comma-separated logins for the signed-in viewers")
    parser.add_argument("--commenter", default="", help="login of the user who comments (none: anonymous)")
    parser.add_argument("--password", default="")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--concurrency", type=int, default=10)
    parser.add_argument("--settle", type=float, default=3.0)
    parser.add_argument("--pause", type=float, default=1.0)
    parser.add_argument("--timeout", type=float, default=30.0)
    result = asyncio.run(run(parser.parse_args()))
    print(json.dumps(result))


if __name__ == "__main__":
    main()
