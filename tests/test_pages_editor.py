"""The editor through simulated users: checks while typing, autosave, restoring, and conflicts."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest
from nicegui.testing import User

from core import ANONYMOUS, blog

from .factories import draft, member, published
from .pages import LIVE, browser_storage, sign_in, value_of


async def test_field_errors_show_while_typing(user: User) -> None:
    await member("ann")
    await sign_in(user, "ann")
    await user.open("/write")
    user.find(marker="title").type("x" * (blog.TITLE_MAX + 1))
    await user.should_see(f"Use at most {blog.TITLE_MAX} characters.")
    user.find(marker="tags").type(", ".join(f"t{n}" for n in range(blog.TAGS_MAX + 1)))
    await user.should_see(f"Use at most {blog.TAGS_MAX} tags.")


async def test_a_new_draft_saves_itself_shortly_after_typing_stops(user: User) -> None:
    ann = await member("ann")
    await sign_in(user, "ann")
    await user.open("/write")
    user.find(marker="title").type("Saved by itself")
    user.find(marker="body").type("Typed, never clicked.")
    await user.should_see("All changes saved", retries=LIVE)
    [saved] = await blog.list_drafts(ann)
    assert (saved.title, saved.status) == ("Saved by itself", blog.PostStatus.DRAFT)
    user.find(marker="body").type(" More.")
    await user.should_see("All changes saved", retries=LIVE)
    assert (await blog.get_post_by_id(ann, saved.id)).body == "Typed, never clicked. More."


async def test_what_the_browser_kept_is_restored_into_the_fields(user: User) -> None:
    await member("ann")
    await sign_in(user, "ann")
    kept = {"title": "Typed offline", "description": "", "tags": "offline", "body": "Never reached the server"}
    browser_storage(user, json.dumps(kept))
    await user.open("/write")
    await user.should_see("Restored what you typed in this browser", retries=LIVE)
    assert value_of(user, "title") == "Typed offline"
    assert value_of(user, "body") == "Never reached the server"


async def test_a_conflicting_save_shows_the_other_version_and_keeping_mine_wins(user: User) -> None:
    ann = await member("ann")
    post = await draft(ann, title="Original", body="Original text")
    await sign_in(user, "ann")
    browser_storage(user)
    await user.open(f"/edit/{post.id}")
    user.find(marker="title").clear().type("Mine")
    await blog.update_post(ann, post_id=post.id, version=1, title="Theirs", body="Their text")
    await user.should_see("This post was changed in another window", retries=LIVE)
    user.find(marker="save").click()
    await user.should_see("This post was changed elsewhere since you opened it.", retries=LIVE)
    await user.should_see("Their text")
    user.find(marker="keep-mine").click()
    await user.should_see("All changes saved", retries=LIVE)
    saved = await blog.get_post_by_id(ann, post.id)
    assert (saved.title, saved.version) == ("Mine", 3)


async def test_taking_the_other_version_puts_it_in_the_fields(user: User) -> None:
    ann = await member("ann")
    post = await draft(ann, title="Original")
    await sign_in(user, "ann")
    browser_storage(user)
    await user.open(f"/edit/{post.id}")
    user.find(marker="title").clear().type("Mine")
    await blog.update_post(ann, post_id=post.id, version=1, title="Theirs")
    user.find(marker="save").click()
    await user.should_see(marker="take-theirs", retries=LIVE)
    user.find(marker="take-theirs").click()
    await user.should_see("All changes saved", retries=LIVE)
    assert value_of(user, "title") == "Theirs"
    assert (await blog.get_post_by_id(ann, post.id)).title == "Theirs"


async def test_a_published_post_is_updated_on_demand(user: User) -> None:
    ann = await member("ann")
    post = await published(ann, title="Published")
    await sign_in(user, "ann")
    browser_storage(user)
    await user.open(f"/edit/{post.id}")
    user.find(marker="title").clear().type("Published, then edited")
    await user.should_see("Unsaved changes")
    assert (await blog.get_post_by_id(ANONYMOUS, post.id)).title == "Published"  # no autosave of a public post
    user.find(marker="save").click()
    await user.should_see("No comments yet", retries=LIVE)  # back on the post's page
    await user.should_see("Published, then edited")
    assert (await blog.get_post_by_id(ANONYMOUS, post.id)).title == "Published, then edited"


async def test_nobody_else_can_open_the_editor_of_a_post(user: User) -> None:
    post = await published(await member("ann"))
    await member("bob")
    await sign_in(user, "bob")
    refused = await user.http_client.get(f"/edit/{post.id}")
    assert refused.status_code == 403
    assert "only its author edits a post" in refused.text
    await user.open("/write")
    await user.should_see(marker="title")


class _AnsweredLate:
    """An action whose answer reaches the page only after the action's own event did."""

    def __init__(self, action: Any) -> None:
        self.action = action

    async def __call__(self, *args: Any, **data: Any) -> Any:
        result = await self.action(*args, **data)
        await asyncio.sleep(0.5)  # meanwhile the post's event arrives and redraws the editor's buttons
        return result

    def __getattr__(self, name: str) -> Any:
        return getattr(self.action, name)


async def test_publishing_opens_the_post_even_when_its_event_redraws_the_editor_first(
    user: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    await member("ann")
    await sign_in(user, "ann")
    monkeypatch.setattr(blog, "publish_post", _AnsweredLate(blog.publish_post))
    await user.open("/write")
    user.find(marker="title").type("Published while redrawn")
    user.find(marker="body").type("The button clicked is gone by the time the answer comes.")
    user.find(marker="publish").click()
    await user.should_see("No comments yet", retries=LIVE)
