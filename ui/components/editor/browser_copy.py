"""The browser's copy of what is typed in the editor: one per post, released once the post has it for good."""

from __future__ import annotations

from typing import Any

from nicegui import ui

from core import blog

from .. import drafts

NEW_POST = "tidings-draft:new"


class BrowserCopy:
    """Keeps every keystroke of `fields` in the browser, under the post's own key (a new post's, until it has one)."""

    def __init__(self, fields: dict[str, ui.element]) -> None:
        self.fields = fields
        self.key = NEW_POST

    async def kept(self, post: blog.PostView | None) -> dict[str, Any] | None:
        """What the browser kept of this post, and from now on keep what is typed."""
        self.key = _key(post)
        kept = await drafts.kept(self.key)
        drafts.keep(self.key, self.fields)
        return kept

    def became(self, post: blog.PostView, *, unsaved: bool) -> None:
        """A new post was first saved: its copy moves to its own key (the new post's is dropped for good)."""
        drafts.release(NEW_POST)
        self.key = _key(post)
        drafts.keep(self.key, self.fields, now=unsaved)

    def saved(self) -> None:
        """The server has all of it: drop the copy, keep watching for more."""
        drafts.forget(self.key)

    def release(self) -> None:
        """The post is saved as shown and left: nothing to keep any more."""
        drafts.release(self.key)


def _key(post: blog.PostView | None) -> str:
    return f"tidings-draft:{post.id}" if post else NEW_POST
