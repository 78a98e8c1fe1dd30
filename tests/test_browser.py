"""Real browsers against real server processes: sign up, write, publish, comment, and see it live elsewhere."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from urllib.parse import urlsplit

import pytest

from .browsers import Browser, chromium
from .servers import ROOT, AppProcess

SCREENSHOTS = ROOT / "screenshots"


@pytest.fixture(scope="module")
def two_processes(database_url: str) -> Iterator[tuple[AppProcess, AppProcess]]:
    """Two `python main.py` processes on different ports sharing the test database."""
    first, second = AppProcess().start(), AppProcess().start()
    yield first, second
    first.stop()
    second.stop()


@pytest.fixture
def browser(request: pytest.FixtureRequest) -> Iterator[Callable[[str], Browser]]:
    """Open a new browser on a server; each is closed after the test, with a screenshot kept for the record."""
    drivers = []

    def open_browser(base_url: str) -> Browser:
        drivers.append(driver := chromium())
        return Browser(driver, base_url)

    yield open_browser
    SCREENSHOTS.mkdir(exist_ok=True)
    for number, driver in enumerate(drivers, 1):
        driver.save_screenshot(str(SCREENSHOTS / f"{request.node.name}-{number}.png"))
        driver.quit()


def test_a_comment_made_in_one_browser_appears_live_in_another_served_by_another_process(
    two_processes: tuple[AppProcess, AppProcess], browser: Callable[[str], Browser]
) -> None:
    ann, reader = browser(two_processes[0].url), browser(two_processes[1].url)

    ann.open("/sign-up")
    ann.type("Username", "ann")
    ann.type("E-mail", "ann@example.com")
    ann.type("Password", "correct horse battery")
    ann.click("Sign up")
    ann.should_see("Sign out")

    ann.open("/write")
    ann.type("Title", "Hello from a real browser")
    ann.type("Text (Markdown)", "It *works*.")
    ann.click("Save draft")
    ann.should_see("Draft")
    ann.click("Publish")
    ann.should_not_see("not yet published")
    path = urlsplit(ann.driver.current_url).path

    reader.open("/")
    reader.should_see("Hello from a real browser")
    reader.open(path)
    reader.should_see("No comments yet")

    ann.type_in_textarea("Seen from the other side?")
    ann.click("Comment")
    reader.should_see("Seen from the other side?")
    reader.should_see("1 comment")
