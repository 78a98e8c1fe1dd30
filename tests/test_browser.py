"""Real browsers against real server processes: sign up, write, publish, comment, and see it live elsewhere."""

from __future__ import annotations

import asyncio
import signal
import time
from collections.abc import Callable
from urllib.parse import urlsplit

import asyncpg
import pytest

from core import accounts, blog

from .browsers import Browser, publish, sign_in, sign_up
from .factories import member, published, with_stored_picture
from .servers import AppProcess

pytestmark = pytest.mark.audit_elsewhere  # the app processes under test write the audit entries
AUTOSAVE_WATCH = 3.0  # seconds: twice the editor's pause before it saves by itself


def test_a_comment_made_in_one_browser_appears_live_in_another_served_by_another_process(
    two_processes: tuple[AppProcess, AppProcess], browser: Callable[[str], Browser]
) -> None:
    ann, reader = browser(two_processes[0].url), browser(two_processes[1].url)
    sign_up(ann, "ann")
    path = publish(ann, "Hello from a real browser", "It *works*.")

    reader.open("/")
    reader.should_see("Hello from a real browser")
    reader.open(path)
    reader.should_see("No comments yet")

    ann.type_in_textarea("Seen from the other side?")
    ann.click("Comment")
    reader.should_see("Seen from the other side?")
    reader.should_see("1 comment")


def test_what_was_typed_survives_a_reload_before_any_save(
    two_processes: tuple[AppProcess, AppProcess], browser: Callable[[str], Browser]
) -> None:
    ann = browser(two_processes[0].url)
    sign_up(ann, "ann")
    ann.open("/write")
    ann.type("Title", "Typed just before the reload")
    ann.type("Text (Markdown)", "Every word of this must come back.")
    ann.driver.refresh()  # at once: the draft has not reached the server yet
    ann.should_see("Restored what you typed in this browser")
    assert ann.value_of("Title") == "Typed just before the reload"
    assert ann.value_of("Text (Markdown)") == "Every word of this must come back."
    ann.should_see("All changes saved")  # and then the restored text saves itself as a draft
    ann.driver.refresh()
    ann.should_see("Edit draft")
    assert ann.value_of("Text (Markdown)") == "Every word of this must come back."


def test_a_conflicting_edit_shows_the_other_version_and_the_author_keeps_theirs(
    two_processes: tuple[AppProcess, AppProcess], browser: Callable[[str], Browser]
) -> None:
    first, second = browser(two_processes[0].url), browser(two_processes[1].url)
    sign_up(first, "ann")
    sign_in(second, "ann")
    first.open("/write")
    first.type("Title", "A post edited twice")
    first.type("Text (Markdown)", "The original text.")
    first.click("Publish")
    first.should_see("No comments yet")
    edit = urlsplit(first.driver.current_url).path.replace("/post/", "/edit/")
    first.open(edit)
    second.open(edit)
    second.type("Text (Markdown)", " Added in the second window.")
    second.should_see("Unsaved changes")  # what was typed reached the server, as a person's typing would by now
    first.type("Title", " (first window)")
    first.click("Update")
    first.should_see("No comments yet")
    second.should_see("This post was changed in another window")
    second.click("Update")
    second.should_see("This post was changed elsewhere since you opened it.")
    second.should_see("A post edited twice (first window)")
    second.click("Keep mine")
    second.should_see("No comments yet")
    second.should_see("The original text. Added in the second window.")
    second.should_see("A post edited twice")


def test_readers_are_counted_across_processes_and_a_dead_process_leaves_no_ghosts(
    database_url: str, browser: Callable[[str], Browser]
) -> None:
    first, second = AppProcess().start(), AppProcess().start()
    try:
        author = browser(first.url)
        sign_up(author, "ann")
        path = publish(author, "Who is reading?", "Count us.")
        author.should_see("1 reading: ann")
        guest = browser(second.url)
        guest.open(path)
        author.should_see("2 reading: ann and 1 guest")
        guest.should_see("2 reading: ann and 1 guest")
        second.stop(signal.SIGKILL)  # no goodbye: the others must notice the silence
        author.should_see("1 reading: ann", timeout=30)
    finally:
        first.stop()
        second.stop()


def test_write_starts_empty_after_a_post_is_published_and_leaves_no_copy_in_drafts(
    two_processes: tuple[AppProcess, AppProcess], browser: Callable[[str], Browser], database_url: str
) -> None:
    ann = browser(two_processes[0].url)
    sign_up(ann, "ann")
    ann.open("/write")
    ann.type("Title", "Published from the editor")
    ann.should_see("All changes saved")  # saved by itself after the pause: a draft now
    ann.type("Text (Markdown)", "Its text, typed after the first save.")
    ann.click("Publish")
    ann.should_see("No comments yet")
    ann.click("Write")
    ann.should_see("Start typing: your draft saves itself")
    time.sleep(AUTOSAVE_WATCH)  # a copy brought back would have filled the form and saved itself by now
    assert ann.value_of("Title") == ""
    assert ann.value_of("Text (Markdown)") == ""
    assert urlsplit(ann.driver.current_url).path == "/write"
    ann.should_see("Start typing: your draft saves itself")
    assert asyncio.run(_posts_of(database_url, "ann")) == [("Published from the editor", "published")]


async def _posts_of(database_url: str, username: str) -> list[tuple[str, str]]:
    """(title, status) of every post by `username`, read straight from the database."""
    connection = await asyncpg.connect(database_url)
    try:
        rows = await connection.fetch(
            "SELECT p.title, p.status FROM posts p JOIN users u ON u.id = p.author_id WHERE u.username = $1", username
        )
    finally:
        await connection.close()
    return [(row["title"], row["status"]) for row in rows]


def test_the_tab_title_follows_the_title_as_it_is_typed_and_changed_live(
    two_processes: tuple[AppProcess, AppProcess], browser: Callable[[str], Browser]
) -> None:
    ann, reader = browser(two_processes[0].url), browser(two_processes[1].url)
    sign_up(ann, "ann")
    path = publish(ann, "An old title", "Its text.")
    reader.open(path)
    reader.until_title("An old title · Tidings")
    ann.click("Edit")
    ann.should_see("Edit post")
    ann.until_connected()
    ann.type("Title", ", renamed")
    ann.until_title("An old title, renamed · Tidings")
    ann.click("Update")
    reader.until_title("An old title, renamed · Tidings")


async def test_a_picture_that_does_not_load_gives_way_to_the_initial_letter(
    two_processes: tuple[AppProcess, AppProcess], browser: Callable[[str], Browser]
) -> None:
    ann = await member("ann")
    await accounts.update_profile(ann, image="https://127.0.0.1:1/ann.png")  # nothing answers there
    bob = await member("bob")
    await with_stored_picture("bob", "http://127.0.0.1:1/bob.png")  # the pages' policy refuses to load it
    await published(ann, title="Ann's post")
    post = await published(bob, title="Bob's post")
    await blog.add_comment(ann, post_id=post.id, body="A comment by Ann.")
    reader = browser(two_processes[0].url)
    sign_in(reader, "ann")  # the header's account button shows her picture too
    for path in ("/", f"/post/{post.slug}", "/profile/bob"):
        reader.open(path)
        reader.wait_until(lambda: set(reader.avatars()) == {"A", "B"}, f"{path}: letters, no broken picture")
    reader.open("/profile/ann")
    reader.wait_until(lambda: set(reader.avatars()) == {"A"}, "her own profile: letters, no broken picture")
