"""A real browser reads a post once with JavaScript, and reads it all without."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from .browsers import Browser, chromium, publish, sign_up
from .servers import AppProcess

pytestmark = pytest.mark.audit_elsewhere  # the app process under test writes the audit entries


@pytest.fixture(scope="module")
def server(database_url: str) -> Iterator[AppProcess]:
    """`python main.py` sharing the test database."""
    process = AppProcess().start()
    yield process
    process.stop()


def test_a_browser_shows_the_post_once_and_one_without_javascript_reads_it_whole(
    server: AppProcess, browser: Callable[[str], Browser]
) -> None:
    ann = browser(server.url)
    sign_up(ann, "ann")
    path = publish(ann, "Shown exactly once", "A paragraph only *readers* see.")
    reader = browser(server.url)
    reader.open(path)
    reader.should_see("No comments yet")  # the live page is up
    text = str(reader.driver.execute_script("return document.body.innerText"))
    assert text.count("Shown exactly once") == 1
    assert text.count("A paragraph only readers see.") == 1

    crawler = Browser(chromium(javascript=False), server.url)
    try:
        crawler.open(path, live=False)
        page = crawler.driver.find_element("tag name", "body").text
    finally:
        crawler.driver.quit()
    assert "Shown exactly once" in page
    assert "By ann" in page
    assert "A paragraph only readers see." in page
