"""Keyboard alone: sign in, write and publish, comment and favourite, always seeing where the focus is."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys

from .browsers import Browser
from .factories import member
from .servers import AppProcess

pytestmark = [pytest.mark.long, pytest.mark.audit_elsewhere]  # the app process under test writes the audit entries

MOST_TABS = 60  # further than any control of these pages is from the one before it

# What the focused element is called (its label, its name, or its text) and whether the focus can be seen: an outline,
# or the highlighted frame Quasar draws around a focused field.
FOCUSED = """
const element = document.activeElement;
if (!element || element === document.body) return ["", false];
const style = getComputedStyle(element);
const outlined = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
const field = element.closest(".q-field--focused") !== null;
const name = element.getAttribute("aria-label") || element.labels?.[0]?.innerText || element.placeholder
  || element.innerText || "";
return [name.trim(), outlined || field];
"""


@pytest.fixture(scope="module")
def server(database_url: str) -> Iterator[AppProcess]:
    process = AppProcess().start()
    yield process
    process.stop()


class Keyboard:
    """A person with a keyboard and no mouse."""

    def __init__(self, user: Browser) -> None:
        self.user = user

    def tab_to(self, name: str) -> None:
        """Press Tab until the control called `name` has the focus, which must be visible at every stop."""
        passed = []
        for _ in range(MOST_TABS):
            ActionChains(self.user.driver).send_keys(Keys.TAB).perform()
            focused, visible = self.user.driver.execute_script(FOCUSED)
            if focused:
                assert visible, f"the focus on {focused!r} cannot be seen"
            if name.lower() in str(focused).lower():
                return
            passed.append(str(focused))
        raise AssertionError(f"Tab never reached {name!r}, only {passed}")

    def type(self, text: str) -> None:
        ActionChains(self.user.driver).send_keys(text).perform()

    def press(self, key: str) -> None:
        ActionChains(self.user.driver).send_keys(key).perform()


async def test_keyboard_alone_signs_in_writes_publishes_comments_and_favourites(
    server: AppProcess, browser: Callable[[str], Browser]
) -> None:
    await member("ann")
    user = browser(server.url)
    keys = Keyboard(user)
    user.open("/sign-in")
    keys.tab_to("Username or e-mail")
    keys.type("ann")
    keys.tab_to("Password")
    keys.type("correct horse battery" + Keys.ENTER)
    user.should_see("Write")

    keys.tab_to("Write a post")
    keys.press(Keys.ENTER)
    user.should_see("New post")
    user.until_connected()
    keys.tab_to("Title")
    keys.type("Written without a mouse")
    keys.tab_to("Text (Markdown)")
    keys.type("Every key counted.")
    keys.tab_to("Publish")
    keys.press(Keys.ENTER)
    user.should_see("No comments yet")

    user.until_connected()
    keys.tab_to("Add to favourites")
    keys.press(Keys.ENTER)
    user.wait_until(lambda: "Remove from favourites: 1" in user.driver.page_source, "the favourite did not count")
    keys.tab_to("Your comment")
    keys.type("Said with the keyboard.")
    keys.tab_to("Comment")
    keys.press(Keys.ENTER)
    user.should_see("Said with the keyboard.")
    user.should_not_see("No comments yet")
