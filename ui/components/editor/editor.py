"""The editor: the post's fields and preview, saved by itself while a draft, kept current with the post's events."""

from __future__ import annotations

import time
from dataclasses import replace
from typing import Any

from nicegui import ui

from core import Actor, Conflict, DomainError, Event, Forbidden, Invalid, NotFound, Unavailable, blog

from ... import live
from ..frame import page_title
from ..posts import edit_path, post_path
from .browser_copy import BrowserCopy
from .conflict import ask_which
from .fields import NAMES, PostFields
from .saving import Saving

GONE = "Not saved: this post was archived or withdrawn, or you may no longer edit it."
ELSEWHERE = "This post was changed in another window: saving will ask which to keep."


class Editor:
    """The fields, the preview, and the saving: automatic for drafts, on demand for published posts.

    No refused save is tried again by itself: a refusal (not allowed, a field to fix, a conflict) waits for the
    author; only a database out of reach is tried again, a few seconds later.
    """

    def __init__(self, viewer: Actor, post: blog.PostView | None) -> None:
        self.viewer, self.post = viewer, post
        # Where later drawing goes: by the time a save or a publication is done, the post's own event may have
        # redrawn the button that was clicked, and the context of its click went with it.
        self.slot = ui.context.slot
        self.saving = Saving()
        self.missed: Event | None = None  # the post's event that came during our own save
        with ui.row().classes("w-full items-center justify-between"):
            self.heading = ui.label().classes("text-2xl font-bold").mark("heading")
            self.status = ui.label().classes("text-sm text-gray-500").mark("save-status")
        self.refusal = ui.label().classes("w-full p-2 rounded bg-red-100 dark:bg-red-900").mark("refusal")
        self.changed_elsewhere = ui.label(ELSEWHERE).classes("w-full p-2 rounded bg-amber-100 dark:bg-amber-900")
        for notice in (self.refusal, self.changed_elsewhere):
            notice.set_visibility(False)
        self.fields = PostFields(viewer, post, self.edited)
        self.copy = BrowserCopy(self.fields.elements)
        self.buttons()
        ui.timer(0.5, self.autosave)
        ui.timer(0.1, self.restore_from_browser, once=True)
        if post is not None:
            live.subscribe(blog.post_topic(post.id), self.on_event)
        self.show_heading()
        self.show_status()

    @ui.refreshable_method
    def buttons(self) -> None:
        """Publish and save for drafts; update for published posts."""
        with ui.row().classes("items-center gap-2"):
            if self.is_draft:
                ui.button("Publish", icon="send", on_click=self.publish).props("unelevated").mark("publish")
                ui.button("Save draft", icon="save", on_click=self.save).props("flat").mark("save")
            else:
                ui.button("Update", icon="save", on_click=self.update).props("unelevated").mark("save")
            if self.post is not None and self.post.slug is not None:
                ui.link("View post", post_path(self.post))

    @property
    def is_draft(self) -> bool:
        """Whether this is a new post or a draft (saved as the author types)."""
        return self.post is None or self.post.is_draft

    def edited(self) -> None:
        """Something was typed: count it, preview it, and remember to save it."""
        self.saving.typed(time.monotonic())
        self.fields.show_preview()
        self.show_heading()
        self.show_status()

    def show_heading(self) -> None:
        """What is being edited, in the page and in the browser's tab."""
        self.heading.text = "New post" if self.post is None else "Edit draft" if self.is_draft else "Edit post"
        ui.page_title(page_title(self.fields.text("title").strip() or self.heading.text))

    def show_status(self, message: str | None = None) -> None:
        """Say whether what is on screen is saved."""
        if message is None:
            unsaved = self.saving.unsaved
            message = "Unsaved changes (kept in this browser)" if unsaved else "All changes saved"
            if self.post is None and not unsaved:
                message = "Start typing: your draft saves itself"
        self.status.text = message

    async def autosave(self) -> None:
        """Save a draft shortly after the author stops typing (never a save that was refused as it is)."""
        if self.is_draft and self.saving.due(time.monotonic()):
            await self.save()

    async def save(self) -> bool:
        """Save what is on screen (a new post becomes a draft); True when all of it is saved."""
        if self.saving.busy:
            return False
        if self.post is not None and not self.saving.unsaved:
            self.show_status()  # nothing changed: nothing to write
            return True
        self.saving.busy, edits = True, self.saving.edits
        self.show_status("Saving…")
        try:
            saved = await self._write(self.fields.values(), edits)
        finally:
            self.saving.busy = False
        if saved is not None:
            self.saved(saved, edits)
        await self._catch_up()
        return saved is not None

    async def update(self) -> None:
        """Save a published post's changes and go back to it."""
        if await self.save() and self.post is not None:
            self._leave(post_path(self.post))

    async def publish(self) -> None:
        """Save, publish, and show the post."""
        if not await self.save() or self.post is None:
            return
        try:
            post = await blog.publish_post(self.viewer, post_id=self.post.id)
        except DomainError as error:
            self.refused(error, self.saving.edits)
            return
        self._leave(post_path(post))

    def _leave(self, path: str) -> None:
        """The post is saved as shown: this browser's copy is no longer needed."""
        with self.slot:
            self.copy.release()
            ui.navigate.to(path)

    async def _write(self, values: dict[str, Any], edits: int) -> blog.PostView | None:
        try:
            if self.post is None:
                return await blog.create_post(self.viewer, **values)
            return await blog.update_post(self.viewer, post_id=self.post.id, version=self.post.version, **values)
        except DomainError as error:
            self.refused(error, edits)
        return None

    def refused(self, error: DomainError, edits: int) -> None:
        """Say why a save did not go through, once and in place; only a database out of reach is retried."""
        with self.slot:
            self._refused(error, edits)

    def _refused(self, error: DomainError, edits: int) -> None:
        self.show_status()
        if isinstance(error, Unavailable):
            self.saving.unreachable(time.monotonic())
            self.show_status(f"{error} Trying again in a few seconds; what you typed is kept in this browser.")
            return
        self.saving.refuse(edits, for_good=isinstance(error, Forbidden | NotFound))
        if isinstance(error, Invalid):
            self.fields.form.show(error)
        elif isinstance(error, Conflict) and isinstance(error.current, blog.PostView):
            ask_which(error.current, self.take, self.keep_mine)
        else:
            self.refusal.text = GONE if isinstance(error, NotFound) else f"Not saved: {error}"
            self.refusal.set_visibility(True)

    def saved(self, post: blog.PostView, edits: int) -> None:
        """A save went through: it holds the edits made up to when it started."""
        with self.slot:
            self._saved(post, edits)

    def _saved(self, post: blog.PostView, edits: int) -> None:
        first = self.post is None
        self.post = post
        self.saving.done(edits)
        self.fields.form.clear()
        self.changed_elsewhere.set_visibility(False)
        self.refusal.set_visibility(False)
        if first:
            self.copy.became(post, unsaved=self.saving.unsaved)
            ui.navigate.history.replace(edit_path(post))
            live.subscribe(blog.post_topic(post.id), self.on_event)
        elif not self.saving.unsaved:
            self.copy.saved()
        self.show_heading()
        self.show_status()

    async def keep_mine(self, theirs: blog.PostView) -> None:
        """Save what is on screen over the other version (and, for a published post, go back to it)."""
        self.post, self.saving.refused = theirs, None
        await (self.save() if self.is_draft else self.update())

    def take(self, theirs: blog.PostView) -> None:
        """Replace what is on screen with the other version."""
        self.fields.fill(theirs)
        self.saved(theirs, self.saving.edits)

    async def on_event(self, event: Event) -> None:
        """A change made elsewhere: take it quietly if nothing here is unsaved, else warn before the next save."""
        if self.saving.busy:  # maybe our own save's: judged once it is done and the version is known
            self.missed = event
            return
        post = self.post
        if post is None or not isinstance(event, blog.PostEvent) or isinstance(event, blog.FavoriteChanged):
            return
        if isinstance(event, blog.PostUpdated) and event.version <= post.version:
            return  # a version this page has (its own save)
        try:
            newer = await blog.get_post_by_id(self.viewer, post.id)
        except NotFound:
            self.refused(NotFound("post"), self.saving.edits)
            return
        if newer.version == post.version:  # published, unpublished, archived...: only what can be done changed
            self.post = newer
        elif self.saving.unsaved:  # keep the version edited from, so that saving asks which to keep
            self.post = replace(newer, version=post.version)
            self.changed_elsewhere.set_visibility(True)
        else:
            self.take(newer)
            self.show_status("Updated from another window")
        if not isinstance(event, blog.PostUpdated):  # what can be done with the post may have changed
            self.buttons.refresh()
            self.show_heading()

    async def _catch_up(self) -> None:
        if (event := self.missed) is not None:
            self.missed = None
            await self.on_event(event)

    async def restore_from_browser(self) -> None:
        """Bring back what was typed in this browser but never reached the server."""
        kept = await self.copy.kept(self.post)
        if kept is not None and any(kept.get(name) != self.fields.text(name) for name in NAMES):
            self.fields.put(kept)
            self.show_status("Restored what you typed in this browser")
