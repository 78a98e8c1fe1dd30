"""Search in a real browser: the header's box opens the results, typing updates them after a pause and the address
follows without a reload, and the header keeps within a phone's width."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from urllib.parse import urlsplit

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from .browsers import Browser
from .factories import member, published
from .servers import AppProcess

pytestmark = [pytest.mark.long, pytest.mark.audit_elsewhere]  # the app process under test writes its audit entries
PHONE = (390, 844)


@pytest.fixture(scope="module")
def server(database_url: str) -> Iterator[AppProcess]:
    """`python main.py` on the test database."""
    app = AppProcess().start()
    yield app
    app.stop()


async def test_typing_a_search_updates_the_results_and_the_address_without_a_reload(
    server: AppProcess, browser: Callable[[str], Browser]
) -> None:
    ann = await member("ann")
    await published(ann, title="Lanterns at dusk", body="Text.")
    await published(ann, title="Otters at play", body="Text.")
    reader = browser(server.url)
    reader.open("/")
    header_box = reader.wait_for(By.CSS_SELECTOR, "[role=search] input[name=q]")
    header_box.send_keys("lantern", Keys.ENTER)
    reader.should_see("Lanterns at dusk")
    assert urlsplit(reader.driver.current_url)[2:4] == ("/search", "q=lantern")
    reader.until_connected()
    reader.mark_document()
    box = reader.wait_for(By.CSS_SELECTOR, "input[type=search][placeholder='Search posts and people']")
    box.send_keys(Keys.CONTROL, "a")
    box.send_keys("ott")  # the start of a word, as it is typed
    reader.should_see("Otters at play")
    reader.should_not_see("Lanterns at dusk")
    reader.wait_until(lambda: reader.driver.current_url.endswith("/search?q=ott"), "the address did not follow")
    assert reader.same_document()
    reader.until_title("ott · Search · Tidings")


async def test_the_header_with_its_search_box_fits_a_phone(
    server: AppProcess, browser: Callable[[str], Browser]
) -> None:
    await member("ann")
    reader = browser(server.url)
    reader.driver.set_window_size(*PHONE)
    for path in ("/", "/search?q=lantern"):
        reader.open(path)
        box = reader.wait_for(By.CSS_SELECTOR, "[role=search] input[name=q]")
        assert _overflow(reader) == 0, path
        box.click()  # the magnifier widens over the header
        assert reader.driver.execute_script("return arguments[0].getBoundingClientRect().width", box) > 300
        assert _overflow(reader) == 0, path


def _overflow(reader: Browser) -> int:
    """How far the page or its header is wider than the window (0: nothing sticks out)."""
    found = reader.driver.execute_script(
        "const header = document.querySelector('header');"
        "return Math.max(document.documentElement.scrollWidth - window.innerWidth,"
        " header.scrollWidth - header.clientWidth, 0);"
    )
    return int(found)
