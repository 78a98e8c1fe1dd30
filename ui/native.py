"""The desktop window: NiceGUI's native mode with pywebview's Qt backend (the `native` extra).

A window that cannot open does not fail loudly on its own: pywebview's window process just ends, and
NiceGUI then exits with status 0. So before serving, a short-lived Qt probe checks what the window will
need, and a missing extra or display is reported in one sentence instead.
"""

from __future__ import annotations

import os
import subprocess
import sys

from nicegui import app

WINDOW_SIZE = (1200, 800)
MISSING_EXTRA = 3  # the probe's exit status when the Qt or pywebview modules are missing

# Imports first (exit MISSING_EXTRA without them), then a QApplication, which aborts without a display.
_PROBE = f"""
import sys
try:
    import webview
    from PyQt6 import QtWebEngineWidgets
except ImportError as error:
    print(error, file=sys.stderr)
    sys.exit({MISSING_EXTRA})
from PyQt6.QtWidgets import QApplication
QApplication(sys.argv[:1])
"""


def problem() -> str | None:
    """Why the desktop window cannot open here (a sentence for the user), or None when it can."""
    try:
        probe = subprocess.run([sys.executable, "-c", _PROBE], capture_output=True, text=True, timeout=60, check=False)
    except subprocess.TimeoutExpired:
        return "Desktop window error: Qt did not start within 60 s (is the display responding?)"
    if probe.returncode == MISSING_EXTRA:
        return (
            f"Desktop window error: the 'native' extra is not installed ({_telling_line(probe.stderr, 'module')}); "
            "install it with: python -m pip install -e '.[native]'"
        )
    if probe.returncode != 0:
        return (
            f"Desktop window error: Qt cannot open a window here ({_telling_line(probe.stderr, 'display', 'needed')}); "
            "run it in a desktop session, or under a virtual screen such as xvfb-run"
        )
    return None


def prepare() -> None:
    """Choose Qt for the window and close the window when the server stops for another reason (Ctrl-C, SIGTERM)."""
    app.native.start_args["gui"] = "qt"  # the `native` extra brings Qt; without this pywebview tries GTK first
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        # Chromium (inside QtWebEngine) refuses to start its sandbox as root and the window stays empty.
        flags = os.environ.get("QTWEBENGINE_CHROMIUM_FLAGS", "")
        if "--no-sandbox" not in flags.split():
            os.environ["QTWEBENGINE_CHROMIUM_FLAGS"] = f"{flags} --no-sandbox".strip()
    app.on_shutdown(_close_window)


def _close_window() -> None:
    # Without this a SIGTERM ends the server but leaves the window (a separate process) open and dead.
    if app.native.main_window is not None:
        app.native.main_window.destroy()


def _telling_line(text: str, *words: str) -> str:
    """The first line of Qt's or Python's complaint that mentions one of `words` (in order), else its last line."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    for word in words:
        for line in lines:
            if word in line.lower():
                return line
    return lines[-1] if lines else "no details"
