"""A virtual screen (Xvfb) and what a desktop user does on it: find a window, click in it, close it.

The page inside the window is read through QtWebEngine's own DevTools endpoint (QTWEBENGINE_REMOTE_DEBUGGING),
so tests see the text the window renders, not what the server meant to send.
"""

from __future__ import annotations

import itertools
import json
import os
import shutil
import subprocess
import time
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import websocket
from Xlib import X, Xatom, display, protocol
from Xlib.ext import xtest
from Xlib.xobject.drawable import Window

T = TypeVar("T")


def wait_until(check: Callable[[], T | None], what: str, timeout: float = 60) -> T:
    """Poll `check` until it returns something truthy; fail with `what` after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        if result := check():
            return result
        if time.monotonic() > deadline:
            raise TimeoutError(f"waited {timeout} s for {what}")
        time.sleep(0.2)


class VirtualScreen:
    """An Xvfb server on a display number of its own choosing; missing Xvfb is a failure, never a skip."""

    def __init__(self, width: int = 1600, height: int = 1000) -> None:
        if not shutil.which("Xvfb"):
            raise RuntimeError("Xvfb is needed for the desktop tests: apt-get install xvfb (see .ci/run)")
        read, write = os.pipe()
        self.process = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write), "-screen", "0", f"{width}x{height}x24", "-nolisten", "tcp"],
            pass_fds=(write,),
            stderr=subprocess.DEVNULL,
        )
        os.close(write)
        with os.fdopen(read) as announced:  # Xvfb writes the display number once it accepts clients
            self.name = f":{announced.readline().strip()}"
        self.x = display.Display(self.name)

    def close(self) -> None:
        self.x.close()
        self.process.terminate()
        self.process.wait(10)

    def window(self, title: str) -> Window | None:
        """The top-level window showing `title`, if one is mapped."""
        for child in self.x.screen().root.query_tree().children:
            attributes = child.get_attributes()
            if attributes.map_state == X.IsViewable and self.title(child) == title:
                return child
        return None

    def title(self, window: Window) -> str:
        name = window.get_full_property(self.x.intern_atom("_NET_WM_NAME"), self.x.intern_atom("UTF8_STRING"))
        if name is None:
            name = window.get_full_property(Xatom.WM_NAME, X.AnyPropertyType)
        value = name.value if name is not None else b""
        return value.decode() if isinstance(value, bytes) else str(value)

    def geometry(self, window: Window) -> tuple[int, int, int, int]:
        """x, y (on the screen), width and height."""
        size = window.get_geometry()
        origin = window.translate_coords(self.x.screen().root, 0, 0)
        return -origin.x, -origin.y, size.width, size.height

    def color_at(self, x: int, y: int) -> str:
        """The colour of one pixel of the screen as #rrggbb (24-bit screens keep pixels as B, G, R, pad)."""
        blue, green, red = self.x.screen().root.get_image(x, y, 1, 1, X.ZPixmap, 0xFFFFFFFF).data[:3]
        return f"#{red:02x}{green:02x}{blue:02x}"

    def pixels(self, window: Window) -> bytes:
        """What the screen shows where the window is."""
        x, y, width, height = self.geometry(window)
        return bytes(self.x.screen().root.get_image(x, y, width, height, X.ZPixmap, 0xFFFFFFFF).data)

    def settled(self, window: Window) -> bytes:
        """What the window shows once it stops changing (two looks a moment apart agree)."""

        def still() -> bytes | None:
            first = self.pixels(window)
            time.sleep(0.5)
            return first if self.pixels(window) == first else None

        return wait_until(still, "a still window")

    def point(self, x: int, y: int) -> None:
        """Move the pointer to (x, y) on the screen."""
        xtest.fake_input(self.x, X.MotionNotify, x=x, y=y)
        self.x.sync()

    def click(self, x: int, y: int) -> None:
        """Press and release the left button at (x, y), as a hand on a mouse would."""
        self.point(x, y)
        xtest.fake_input(self.x, X.ButtonPress, 1)
        xtest.fake_input(self.x, X.ButtonRelease, 1)
        self.x.sync()

    def close_window(self, window: Window) -> None:
        """Ask the window to close, as its title bar's close button does (WM_DELETE_WINDOW)."""
        protocols, delete = self.x.intern_atom("WM_PROTOCOLS"), self.x.intern_atom("WM_DELETE_WINDOW")
        message = protocol.event.ClientMessage(
            window=window, client_type=protocols, data=(32, [delete, X.CurrentTime, 0, 0, 0])
        )
        window.send_event(message, event_mask=X.NoEventMask)
        self.x.sync()

    def screenshot(self, path: Path) -> None:
        """The whole screen as a PNG (ImageMagick's `import`), kept for the record."""
        path.parent.mkdir(exist_ok=True)
        subprocess.run(
            ["import", "-display", self.name, "-window", "root", str(path)], check=True, timeout=30, capture_output=True
        )


@dataclass
class Box:
    """Where an element of the page is, in the page's own coordinates."""

    x: float
    y: float
    width: float
    height: float


class DevTools:
    """The page shown in a QtWebEngine window, read through its DevTools protocol endpoint."""

    def __init__(self, port: int) -> None:
        self.port = port
        self._ids = itertools.count(1)
        self._socket: websocket.WebSocket | None = None

    def connect(self) -> bool:
        """Attach to the window's page once it exists; False while it does not."""
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/json", timeout=5) as response:
                targets = json.load(response)
        except OSError:
            return False
        pages = [target for target in targets if target.get("type") == "page"]
        if not pages:
            return False
        self._socket = websocket.create_connection(pages[0]["webSocketDebuggerUrl"], timeout=15)
        return True

    def close(self) -> None:
        if self._socket is not None:
            self._socket.close()

    def text(self) -> str:
        """The text the page shows, as a reader sees it."""
        return str(self.evaluate("document.body ? document.body.innerText : ''"))

    def path(self) -> str:
        return str(self.evaluate("location.pathname"))

    def box(self, link_text: str) -> Box | None:
        """Where the link showing `link_text` is, if the page shows one."""
        found = self.evaluate(
            "(() => { const link = [...document.querySelectorAll('a')]"
            f".find(a => a.innerText.trim() === {json.dumps(link_text)});"
            " if (!link) return null; const r = link.getBoundingClientRect();"
            " return {x: r.x, y: r.y, width: r.width, height: r.height}; })()"
        )
        return Box(**found) if found else None

    def evaluate(self, expression: str) -> Any:
        assert self._socket is not None, "connect() first"
        number = next(self._ids)
        params = {"expression": expression, "returnByValue": True}
        self._socket.send(json.dumps({"id": number, "method": "Runtime.evaluate", "params": params}))
        while True:  # events arrive on the same socket; skip them
            answer = json.loads(self._socket.recv())
            if answer.get("id") == number:
                return answer["result"]["result"].get("value")
