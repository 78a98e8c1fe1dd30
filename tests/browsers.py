"""Real Chromium windows (headless) driven by Selenium. Missing Chromium is a failure, never a skip."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from urllib.parse import urlsplit

from selenium import webdriver
from selenium.common.exceptions import StaleElementReferenceException, TimeoutException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.wait import WebDriverWait

from .factories import PASSWORD

WAIT = 15.0


def chromium(*, javascript: bool = True) -> webdriver.Chrome:
    """A fresh headless Chromium with its own profile (without JavaScript, as some crawlers read, if asked)."""
    driver_path, browser_path = shutil.which("chromedriver"), shutil.which("chromium")
    if not driver_path or not browser_path:
        raise RuntimeError(
            "Chromium and ChromeDriver are needed for the browser tests: apt-get install chromium chromium-driver"
        )
    options = webdriver.ChromeOptions()
    options.binary_location = browser_path
    for argument in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--window-size=1200,900",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        f"--user-data-dir={tempfile.mkdtemp(prefix='tidings-chromium-')}",
    ):
        options.add_argument(argument)
    if not javascript:
        options.add_argument("--blink-settings=scriptEnabled=false")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})  # the console, for policy violations
    driver = webdriver.Chrome(service=Service(executable_path=driver_path), options=options)
    driver.set_page_load_timeout(WAIT)
    return driver


class Browser:
    """A user at a browser: reads text, types into labelled fields, clicks buttons by their text."""

    def __init__(self, driver: webdriver.Chrome, base_url: str) -> None:
        self.driver = driver
        self.base_url = base_url

    def open(self, path: str, *, live: bool = True) -> None:
        """Load a page and, for a `live` one, wait until it is connected: keys typed while a page starts are
        overwritten by its first state, as a person's would be."""
        self.driver.get(self.base_url + path)
        if live:
            self.until_connected()

    def type(self, label: str, text: str) -> None:
        field = self.wait_for(By.XPATH, f"//*[(self::input or self::textarea) and @aria-label='{label}']")
        field.send_keys(text)

    def value_of(self, label: str) -> str:
        """What a labelled field holds."""
        field = self.wait_for(By.XPATH, f"//*[(self::input or self::textarea) and @aria-label='{label}']")
        return str(field.get_attribute("value"))

    def type_in_textarea(self, text: str) -> None:
        self.wait_for(By.TAG_NAME, "textarea").send_keys(text)

    def textarea_value(self) -> str:
        """What the page's text area holds."""
        return str(self.wait_for(By.TAG_NAME, "textarea").get_attribute("value"))

    def lose_connection(self, for_seconds: float) -> None:
        """Cut the page's WebSocket; socket.io tries again `for_seconds` later (the page itself stays)."""
        still_connected = self.driver.execute_script(
            "const io = window.socket.io; const ms = arguments[0];"
            "io.reconnectionDelay(ms); io.reconnectionDelayMax(ms); io.randomizationFactor(0); io.engine.close();"
            "return window.socket.connected;",
            int(for_seconds * 1000),
        )
        assert still_connected is False, "the connection did not drop"

    def until_connected(self) -> None:
        """Wait until the page's WebSocket is up (what is typed before may be overwritten as the page starts)."""
        self._wait(WAIT).until(lambda _: self.connected(), "the page never connected")

    def connected(self) -> bool:
        """Whether the page's WebSocket is up."""
        return bool(self.driver.execute_script("return Boolean(window.socket && window.socket.connected)"))

    def mark_document(self) -> None:
        """Tag the loaded document, to tell later whether it was reloaded."""
        self.driver.execute_script("window.tidingsSameDocument = true")

    def same_document(self) -> bool:
        """Whether the document tagged by `mark_document` is still the one shown (no reload)."""
        return bool(self.driver.execute_script("return window.tidingsSameDocument === true"))

    def wait_until(self, check: Callable[[], bool], message: str, timeout: float = WAIT) -> None:
        """Wait until `check` holds."""
        self._wait(timeout).until(lambda _: check(), message)

    def click(self, text: str) -> None:
        """Click the last button showing this text (the page's own, after the header's; icons add their names)."""
        xpath = f"//button[contains(normalize-space(), '{text}')]"

        def click_last(driver: webdriver.Chrome) -> bool:
            buttons = driver.find_elements(By.XPATH, xpath)
            if not buttons or not buttons[-1].is_enabled():
                return False
            buttons[-1].click()
            return True

        # A button can be redrawn between finding and clicking it (a page part refreshed): find it again.
        self._wait(WAIT).until(click_last, f"no button {text!r} to click")

    def until_title(self, title: str, timeout: float = WAIT) -> None:
        """Wait until the browser's tab says `title`."""
        try:
            self._wait(timeout).until(lambda driver: driver.title == title)
        except TimeoutException:
            raise AssertionError(f"expected the tab to say {title!r}, not {self.driver.title!r}") from None

    def should_see(self, text: str, timeout: float = WAIT) -> None:
        """Wait until `text` shows (case-insensitively: buttons are styled in capitals)."""
        try:
            self._wait(timeout).until(lambda _: self.shows(text))
        except TimeoutException:
            shown = f"{self.driver.current_url} shows:\n{self.text()}"
            raise AssertionError(f"expected to see {text!r}; {shown}") from None

    def should_not_see(self, text: str, timeout: float = WAIT) -> None:
        self._wait(timeout).until_not(lambda _: self.shows(text), f"expected {text!r} to go away")

    def shows(self, text: str) -> bool:
        return text.lower() in self.text().lower()

    def text(self) -> str:
        """All the text the page shows."""
        # Read in one script: an element found first could be replaced by a navigation before its text is read.
        return str(self.driver.execute_script("return document.body ? document.body.innerText : ''"))

    def _wait(self, timeout: float) -> WebDriverWait[webdriver.Chrome]:
        # The page redraws parts of itself live: an element found a moment ago may be gone; look again.
        return WebDriverWait(self.driver, timeout, ignored_exceptions=[StaleElementReferenceException])

    def wait_for(self, by: str, selector: str) -> WebElement:
        return self._wait(WAIT).until(expected_conditions.element_to_be_clickable((by, selector)))

    def avatars(self) -> list[str]:
        """What each avatar on the page shows: its letter, or "picture" while it holds an image."""
        shown = self.driver.execute_script(
            "return [...document.querySelectorAll('.q-avatar')]"
            ".map((avatar) => avatar.querySelector('img') ? 'picture' : avatar.innerText.trim())"
        )
        return [str(item) for item in shown]

    def console(self) -> list[str]:
        """What the pages logged to the browser's console since the last call (errors, policy violations)."""
        entries = self.driver.get_log("browser")  # type: ignore[no-untyped-call]
        return [str(entry["message"]) for entry in entries]

    def prefer_dark(self, dark: bool) -> None:
        """Set the colour scheme the system prefers (what a first visit follows)."""
        scheme = {"name": "prefers-color-scheme", "value": "dark" if dark else "light"}
        self.driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [scheme]})

    def screenshot(self, path: str) -> None:
        self.driver.save_screenshot(path)


def sign_up(user: Browser, username: str) -> None:
    """Register `username` through the sign-up page; the browser is signed in afterwards."""
    user.open("/sign-up")
    user.type("Username", username)
    user.type("E-mail", f"{username}@example.com")
    user.type("Password", PASSWORD)
    user.click("Sign up")
    user.should_see("Write")


def sign_in(user: Browser, username: str) -> None:
    """Sign in as `username`, registered before with the test password."""
    user.open("/sign-in")
    user.type("Username or e-mail", username)
    user.type("Password", PASSWORD)
    user.click("Sign in")
    user.should_see("Write")


def write_draft(user: Browser, title: str, body: str) -> str:
    """Write and save a draft through the editor; return the editor's path (/edit/<id>), where the browser stays."""
    user.open("/write")
    user.type("Title", title)
    user.type("Text (Markdown)", body)
    user.click("Save draft")
    user.should_see("All changes saved")  # the editor stays open, now at /edit/<id>
    user.should_see("Edit draft")
    return urlsplit(user.driver.current_url).path


def publish(user: Browser, title: str, body: str) -> str:
    """Write a post and publish it straight from the editor; return the path of its page, where the browser is now."""
    user.open("/write")
    user.type("Title", title)
    user.type("Text (Markdown)", body)
    user.click("Publish")
    user.should_see("No comments yet")
    return urlsplit(user.driver.current_url).path
