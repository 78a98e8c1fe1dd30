"""The editor: write or edit a post with a live preview; drafts save themselves, nothing typed is lost.

A post is edited at /edit/<its id>: an address that does not depend on its title, which the author is still
changing (the post's own address, /post/<slug>, is made from the title when it is first published).
"""

from __future__ import annotations

import time
from dataclasses import replace
from typing import Any

from fastapi.responses import RedirectResponse
from nicegui import context, ui

from core import Actor, Conflict, DomainError, Event, Forbidden, Invalid, NotFound, Unavailable, blog

from .. import live, session
from ..components import drafts
from ..components.conflict import ask_which
from ..components.frame import frame, page_title
from ..components.missing import not_found
from ..components.post_fields import NAMES, PostFields
from ..components.posts import edit_path, post_path
from ..components.returning import sign_in_path
from ..components.why import why_not

AUTOSAVE_AFTER = 1.5  # seconds of quiet after the last keystroke
RETRY_AFTER = 5.0  # seconds before saving again once the database was out of reach
NEW_POST_KEY = "tidings-draft:new"
ID_MAX = 2**31 - 1
GONE = "Not saved: this post was archived or withdrawn, or you may no longer edit it."


@ui.page("/write")
async def new_post_page() -> RedirectResponse | None:
    """The editor for a new post."""
    viewer = await session.viewer()
    if viewer.is_anonymous:
        return RedirectResponse(sign_in_path("/write"))
    async with frame(viewer, "Write"):
        if not blog.create_post.can(viewer):
            context.client.status_code = 403
            why_not(viewer, blog.create_post)
            return None
        Editor(viewer, None)
    return None


@ui.page("/edit/{key}")
async def edit_post_page(key: str) -> RedirectResponse | None:
    """The editor for an existing post (`key`: its id; an old /edit/<slug> link leads there too)."""
    viewer = await session.viewer()
    try:
        post = await _post_to_edit(viewer, key)
    except NotFound:
        async with frame(viewer, "Edit"):
            not_found("This post does not exist, or is not visible to you.")
        return None
    if key != str(post.id):
        return RedirectResponse(edit_path(post))
    async with frame(viewer, "Edit"):
        if not blog.update_post.can(viewer, post):
            context.client.status_code = 403
            why_not(viewer, blog.update_post, post)
            return None
        Editor(viewer, post)
    return None


async def _post_to_edit(viewer: Actor, key: str) -> blog.PostView:
    if key.isdigit() and int(key) <= ID_MAX:
        return await blog.get_post_by_id(viewer, int(key))
    return await blog.get_post(viewer, key)


class Editor:
    """The fields, the preview, and the saving: automatic for drafts, on demand for published posts.

    No refused save is tried again by itself: a refusal (not allowed, a field to fix, a conflict) waits for the
    author; only a database out of reach is tried again, a few seconds later.
    """

    def __init__(self, viewer: Actor, post: blog.PostView | None) -> None:
        self.viewer, self.post = viewer, post
        self.edits = self.saved_edits = 0  # keystrokes counted, to know whether a save caught them all
        self.refused_edits: int | None = None  # the edits a refused save held: not sent again as they are
        self.retry_at = 0.0
        self.last_edit = 0.0
        self.saving = False
        self.stopped = False  # the viewer may not save this post at all: autosave is off
        self.missed: Event | None = None  # the post's event that came during our own save
        with ui.row().classes("w-full items-center justify-between"):
            self.heading = ui.label().classes("text-2xl font-bold").mark("heading")
            self.status = ui.label().classes("text-sm text-gray-500").mark("save-status")
        self.refusal = ui.label().classes("w-full p-2 rounded bg-red-100 dark:bg-red-900").mark("refusal")
        self.refusal.set_visibility(False)
        self.changed_elsewhere = ui.label("This post was changed in another window: saving will ask which to keep.")
        self.changed_elsewhere.classes("w-full p-2 rounded bg-amber-100 dark:bg-amber-900").set_visibility(False)
        self.fields = PostFields(post, self.edited)
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

    @property
    def storage_key(self) -> str:
        """Where this browser keeps what the author typed: one copy per post."""
        return f"tidings-draft:{self.post.id}" if self.post else NEW_POST_KEY

    def edited(self) -> None:
        """Something was typed: count it, preview it, and remember to save it."""
        self.edits += 1
        self.last_edit = time.monotonic()
        self.fields.show_preview()
        self.show_heading()
        self.show_status()

    def show_heading(self) -> None:
        """What is being edited, in the page and in the browser's tab."""
        if self.post is None:
            self.heading.text = "New post"
        else:
            self.heading.text = "Edit draft" if self.is_draft else "Edit post"
        title = self.fields.text("title").strip()
        ui.page_title(page_title(title or self.heading.text))

    def show_status(self, message: str | None = None) -> None:
        """Say whether what is on screen is saved."""
        if message is None:
            unsaved = self.edits != self.saved_edits
            message = "Unsaved changes (kept in this browser)" if unsaved else "All changes saved"
            if self.post is None and not unsaved:
                message = "Start typing: your draft saves itself"
        self.status.text = message

    async def autosave(self) -> None:
        """Save a draft shortly after the author stops typing (never a save that was refused as it is)."""
        due = max(self.last_edit + AUTOSAVE_AFTER, self.retry_at) <= time.monotonic()
        unsaved = self.edits not in (self.saved_edits, self.refused_edits)
        if self.is_draft and due and unsaved and not (self.saving or self.stopped):
            await self.save()

    async def save(self) -> bool:
        """Save what is on screen (a new post becomes a draft); True when all of it is saved."""
        if self.saving:
            return False
        if self.post is not None and self.edits == self.saved_edits:
            self.show_status()  # nothing changed: nothing to write
            return True
        self.saving, edits = True, self.edits
        self.show_status("Saving…")
        try:
            saved = await self._write(self.fields.values(), edits)
        finally:
            self.saving = False
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
            self.refused(error, self.edits)
            return
        self._leave(post_path(post))

    def _leave(self, path: str) -> None:
        """The post is saved as shown: this browser's copy is no longer needed."""
        drafts.release(self.storage_key)
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
        self.show_status()
        if isinstance(error, Unavailable):
            self.retry_at = time.monotonic() + RETRY_AFTER
            self.show_status(f"{error} Trying again in a few seconds; what you typed is kept in this browser.")
            return
        self.refused_edits = edits
        if isinstance(error, Invalid):
            self.fields.form.show(error)
        elif isinstance(error, Conflict) and isinstance(error.current, blog.PostView):
            ask_which(error.current, self.take, self.keep_mine)
        else:
            self.stopped = isinstance(error, Forbidden | NotFound)
            self.refusal.text = f"Not saved: {error}" if not isinstance(error, NotFound) else GONE
            self.refusal.set_visibility(True)

    def saved(self, post: blog.PostView, edits: int) -> None:
        """A save went through: it holds the edits made up to when it started."""
        first = self.post is None
        self.post, self.saved_edits = post, edits
        self.refused_edits, self.retry_at = None, 0.0
        self.fields.form.clear()
        self.changed_elsewhere.set_visibility(False)
        self.refusal.set_visibility(False)
        if first:
            drafts.release(NEW_POST_KEY)  # the copy belongs to this draft now, under its own key
            drafts.keep(self.storage_key, self.fields.elements, now=self.edits != edits)
            ui.navigate.history.replace(edit_path(post))
            live.subscribe(blog.post_topic(post.id), self.on_event)
        elif self.edits == edits:
            drafts.forget(self.storage_key)
        self.show_heading()
        self.show_status()

    async def keep_mine(self, theirs: blog.PostView) -> None:
        """Save what is on screen over the other version (and, for a published post, go back to it)."""
        self.post, self.refused_edits = theirs, None
        await (self.save() if self.is_draft else self.update())

    def take(self, theirs: blog.PostView) -> None:
        """Replace what is on screen with the other version."""
        self.fields.fill(theirs)
        self.saved(theirs, self.edits)

    async def on_event(self, event: Event) -> None:
        """A change made elsewhere: take it quietly if nothing here is unsaved, else warn before the next save."""
        if self.saving:  # maybe our own save's: judged once it is done and the version is known
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
            self.refused(NotFound("post"), self.edits)
            return
        if newer.version == post.version:  # published, unpublished, archived...: only what can be done changed
            self.post = newer
        elif self.edits != self.saved_edits:  # keep the version edited from, so that saving asks which to keep
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
        kept = await drafts.kept(self.storage_key)
        if kept is not None and any(kept.get(name) != self.fields.text(name) for name in NAMES):
            self.fields.put(kept)
            self.show_status("Restored what you typed in this browser")
        drafts.keep(self.storage_key, self.fields.elements)
