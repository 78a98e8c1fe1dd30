"""A browser tab that loses its connection keeps everything typed: within the reconnect window nothing even
reloads; after a longer loss the page reloads at the same place with the text given back."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from urllib.parse import urlsplit

import pytest

from .browsers import Browser, publish, sign_up
from .servers import AppProcess

# The app process under test writes the audit entries; each test waits out a lost connection.
pytestmark = [pytest.mark.audit_elsewhere, pytest.mark.long]

WINDOW = 5.0  # the server's reconnect window in these tests (TIDINGS_RECONNECT_TIMEOUT)


@pytest.fixture(scope="module")
def server(database_url: str) -> Iterator[AppProcess]:
    """One `python main.py` with a known reconnect window."""
    app = AppProcess(env={"TIDINGS_RECONNECT_TIMEOUT": str(WINDOW)}).start()
    yield app
    app.stop()


def test_a_short_loss_keeps_the_page_and_what_was_typed_before_and_during_it(
    server: AppProcess, browser: Callable[[str], Browser]
) -> None:
    ann = browser(server.url)
    sign_up(ann, "ann")
    publish(ann, "A shaky connection", "Does it hold?")
    ann.type_in_textarea("Typed before the loss")
    ann.mark_document()

    ann.lose_connection(for_seconds=2)  # well inside the window
    ann.type_in_textarea(", and during it.")
    ann.wait_until(ann.connected, "the page did not reconnect")

    assert ann.same_document(), "the page was reloaded"
    ann.click("Comment")
    ann.should_see("Typed before the loss, and during it.")  # the server had every keystroke
    ann.should_see("1 comment")
    assert ann.same_document()


def test_a_loss_longer_than_the_window_reloads_the_same_page_with_the_typed_text(
    server: AppProcess, browser: Callable[[str], Browser]
) -> None:
    ann = browser(server.url)
    sign_up(ann, "bea")
    path = publish(ann, "A long silence", "Still here after it?")
    ann.type_in_textarea("Nothing of this may be lost.")
    ann.mark_document()

    ann.lose_connection(for_seconds=WINDOW + 7)  # the server forgets the page meanwhile
    ann.wait_until(lambda: not ann.same_document(), "the page was not reloaded", timeout=WINDOW + 30)

    ann.should_see("Still here after it?")
    assert urlsplit(ann.driver.current_url).path == path
    ann.wait_until(lambda: ann.textarea_value() == "Nothing of this may be lost.", "the comment was not given back")
    ann.click("Comment")
    ann.should_see("1 comment")
    kept = "return Object.keys(localStorage).filter(key => key.startsWith('tidings-comment:'))"
    ann.wait_until(lambda: ann.driver.execute_script(kept) == [], "the sent comment is still kept in the browser")
