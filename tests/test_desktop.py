"""`python main.py --native`: Tidings in its own window on a virtual screen, as a desktop user sees and closes it.

Missing Xvfb, Qt or pywebview fails these tests; a window that fails can still exit 0, so they check what it shows.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from .desktop import DevTools, VirtualScreen, wait_until
from .servers import ROOT, SCREENSHOTS, free_port, postgres_servers

TITLE, BODY = "Hello from the desktop", "Written in a *window*, read in a window."
HEADER_COLOUR = "#2f6f4f"  # the frame's primary colour (ui/components/frame.py)
WITHOUT_SERVER = ("DATABASE_URL", "TIDINGS_SESSION_SECRET", "PYTEST_CURRENT_TEST")


def environment(**changes: str) -> dict[str, str]:
    """This environment on the embedded database, with `changes`."""
    return {**{k: v for k, v in os.environ.items() if k not in WITHOUT_SERVER}, **changes}


@pytest.fixture
def screen() -> Iterator[VirtualScreen]:
    screen = VirtualScreen()
    yield screen
    screen.close()


@pytest.fixture
def data_dir() -> Iterator[Path]:
    """A data folder outside pytest's own temporary folders, which any new pytest run makes private to root again
    (the embedded server runs as its own user and must reach its folder until it stops)."""
    folder = Path(tempfile.mkdtemp(prefix="tidings-desktop-"))
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def test_the_desktop_window_shows_the_posts_opens_one_and_closes_with_its_database(
    screen: VirtualScreen, data_dir: Path
) -> None:
    seeded = subprocess.run(
        [sys.executable, "-m", "tests.seed", str(data_dir), TITLE, BODY],
        cwd=ROOT,
        env=environment(),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert seeded.returncode == 0, seeded.stderr
    devtools = DevTools(free_port())
    app = subprocess.Popen(
        [sys.executable, "main.py", "--native", "--data-dir", str(data_dir), "--log-level", "warning"],
        cwd=ROOT,
        env=environment(DISPLAY=screen.name, QTWEBENGINE_REMOTE_DEBUGGING=f"127.0.0.1:{devtools.port}"),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        wait_until(lambda: app.poll() is not None or devtools.connect(), "the window's page")
        assert app.poll() is None, f"the app ended with {app.returncode}:\n{app.communicate()[0]}"
        window = wait_until(lambda: screen.window("Tidings"), "a window titled Tidings on the screen")
        assert screen.geometry(window)[2:] == (1200, 800)

        wait_until(lambda: "Popular tags" in devtools.text(), "the home page in the window")
        assert TITLE in devtools.text()
        left, top, _, _ = screen.geometry(window)
        wait_until(lambda: screen.color_at(left + 5, top + 5) == HEADER_COLOUR, "the header painted on the screen")
        screen.screenshot(SCREENSHOTS / "desktop-home.png")

        link = wait_until(lambda: devtools.box(TITLE), "the post's link")
        x, y = left + int(link.x + link.width / 2), top + int(link.y + link.height / 2)
        screen.point(x, y)
        home = screen.settled(window)  # with the link under the pointer, so that only the click changes the screen
        screen.click(x, y)
        wait_until(lambda: devtools.path().startswith("/post/"), "the post's page after the click")
        wait_until(lambda: "No comments yet" in devtools.text(), "the post's discussion in the window")
        assert "Written in a window, read in a window." in devtools.text()
        wait_until(lambda: screen.window(f"{TITLE} · Tidings"), "the window titled after the post")
        wait_until(lambda: screen.pixels(window) != home, "the post painted on the screen")
        screen.screenshot(SCREENSHOTS / "desktop-post.png")
        assert postgres_servers(data_dir), "the window runs on its embedded database"

        devtools.close()
        screen.close_window(window)
        output = app.communicate(timeout=60)[0]
    finally:
        devtools.close()
        if app.poll() is None:
            app.kill()
            app.wait()
    assert app.returncode == 0, output
    assert "Traceback" not in output, output
    assert postgres_servers(data_dir) == []


@pytest.mark.parametrize(
    ("shadowed", "message"),
    [
        (False, "Desktop window error: Qt cannot open a window here (qt.qpa.xcb: could not connect to display)"),
        (True, "Desktop window error: the 'native' extra is not installed (No module named 'webview')"),
    ],
    ids=["no-display", "no-native-extra"],
)
def test_a_window_that_cannot_open_is_explained_in_one_sentence(tmp_path: Path, shadowed: bool, message: str) -> None:
    hidden = {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"}
    env = {key: value for key, value in environment().items() if key not in hidden}
    if shadowed:  # a module that fails to import, as it does where the extra was never installed
        (tmp_path / "webview.py").write_text(
            "raise ModuleNotFoundError(\"No module named 'webview'\", name='webview')\n"
        )
        env["PYTHONPATH"] = str(tmp_path)
    result = subprocess.run(
        [sys.executable, "main.py", "--native", "--data-dir", str(tmp_path / "data")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 1
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "data" / "postgres").exists(), "nothing starts before the window can open"
