"""Real browsers against real server processes: sign up, write, publish, comment, and see it live elsewhere."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from .browsers import Browser, sign_up, write_draft
from .servers import AppProcess


@pytest.fixture(scope="module")
def two_processes(database_url: str) -> Iterator[tuple[AppProcess, AppProcess]]:
    """Two `python main.py` processes on different ports sharing the test database."""
    first, second = AppProcess().start(), AppProcess().start()
    yield first, second
    first.stop()
    second.stop()


def test_a_comment_made_in_one_browser_appears_live_in_another_served_by_another_process(
    two_processes: tuple[AppProcess, AppProcess], browser: Callable[[str], Browser]
) -> None:
    ann, reader = browser(two_processes[0].url), browser(two_processes[1].url)

    sign_up(ann, "ann")
    path = write_draft(ann, "Hello from a real browser", "It *works*.")
    ann.click("Publish")
    ann.should_not_see("not yet published")

    reader.open("/")
    reader.should_see("Hello from a real browser")
    reader.open(path)
    reader.should_see("No comments yet")

    ann.type_in_textarea("Seen from the other side?")
    ann.click("Comment")
    reader.should_see("Seen from the other side?")
    reader.should_see("1 comment")
