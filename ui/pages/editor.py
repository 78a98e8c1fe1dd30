"""The editor: write or edit a post with a live preview; drafts save themselves, nothing typed is lost."""

from __future__ import annotations

import time
from typing import Any

from nicegui import ui

from core import Actor, Conflict, DomainError, Event, Invalid, NotFound, allowed, blog

from .. import live, session
from ..components import drafts
from ..components.form import Form
from ..components.frame import frame
from ..components.missing import gone, not_found
from ..components.posts import tag_chips

AUTOSAVE_AFTER = 1.5  # seconds of quiet after the last keystroke
FIELDS = ("title", "description", "tags", "body")
TAGS_HINT = f"Up to {blog.TAGS_MAX} tags of up to {blog.TAG_MAX} letters each"


@ui.page("/write")
async def new_post_page() -> None:
    """The editor for a new post."""
    viewer = await session.viewer()
    async with frame(viewer, "Write"):
        if viewer.is_anonymous:
            gone("Sign in to write a post.")
            return
        Editor(viewer, None)


@ui.page("/edit/{slug}")
async def edit_post_page(slug: str) -> None:
    """The editor for an existing post."""
    viewer = await session.viewer()
    async with frame(viewer, "Edit"):
        try:
            post = await blog.get_post(viewer, slug)
        except NotFound:
            not_found("This post does not exist, or is not visible to you.")
            return
        if not allowed(viewer, "post.update", post):
            gone("Only the author of a post can edit it, and not while it is archived.")
            return
        Editor(viewer, post)


def split_tags(text: str | None) -> list[str]:
    """'python, Web dev' → ['python', 'Web dev'] (core normalises them)."""
    return [tag.strip() for tag in (text or "").split(",") if tag.strip()]


class Editor:
    """The fields, the preview, and the saving: automatic for drafts, on demand for published posts."""

    def __init__(self, viewer: Actor, post: blog.PostView | None) -> None:
        self.viewer, self.post = viewer, post
        self.edits = self.saved_edits = 0  # keystrokes counted, to know whether a save caught them all
        self.last_edit = 0.0
        self.saving = False
        with ui.row().classes("w-full items-center justify-between"):
            ui.label("New post" if post is None else "Edit post").classes("text-2xl font-bold")
            self.status = ui.label().classes("text-sm text-gray-500").mark("save-status")
        self.changed_elsewhere = ui.label("This post was changed in another window: saving will ask which to keep.")
        self.changed_elsewhere.classes("w-full p-2 rounded bg-amber-100 dark:bg-amber-900").set_visibility(False)
        self.build_fields()
        self.build_buttons()
        ui.timer(0.5, self.autosave)
        ui.timer(0.1, self.restore_from_browser, once=True)
        if post is not None:
            live.subscribe(blog.post_topic(post.id), self.on_event)
        self.show_status()

    def build_fields(self) -> None:
        """Title, description, tags, and the text beside its preview."""
        self.form = Form(blog.CreatePost, check_while_typing=True)
        post = self.post
        self.form.add("title", ui.input("Title", value=post.title if post else "")).classes("w-full").props(
            f"outlined counter maxlength={blog.TITLE_MAX}"
        )
        self.form.add("description", ui.input("Short description", value=post.description if post else "")).classes(
            "w-full"
        ).props(f"outlined counter maxlength={blog.DESCRIPTION_MAX}")
        tags = self.form.add("tags", ui.input("Tags, separated by commas"), parse=split_tags)
        tags.classes("w-full").props(f'outlined hint="{TAGS_HINT}"')
        tags.value = ", ".join(post.tags) if post else ""
        self.tag_preview = ui.row()
        with ui.grid(columns=2).classes("w-full gap-4 max-md:grid-cols-1"):
            body = self.form.add("body", ui.textarea("Text (Markdown)", value=post.body if post else ""))
            body.classes("w-full").props(
                f'outlined autogrow counter maxlength={blog.BODY_MAX} input-style="min-height: 18rem"'
            )
            with ui.card().props("flat bordered").classes("w-full min-h-72"):
                ui.label("Preview").classes("text-xs text-gray-500")
                self.preview = ui.html().classes("nicegui-markdown tidings-text w-full")
        for name in FIELDS:
            self.form.fields[name].on_value_change(self.edited)
        self.show_preview()

    def build_buttons(self) -> None:
        """Publish and save for drafts; update for published posts."""
        with ui.row().classes("items-center gap-2"):
            if self.post is None or self.post.status == blog.PostStatus.DRAFT:
                ui.button("Publish", icon="send", on_click=self.publish).props("unelevated").mark("publish")
                ui.button("Save draft", icon="save", on_click=self.save).props("flat").mark("save")
            else:
                ui.button("Update", icon="save", on_click=self.update).props("unelevated").mark("save")
            if self.post is not None:
                ui.link("View post", f"/post/{self.post.slug}")

    @property
    def is_draft(self) -> bool:
        """Whether this is a new post or a draft (saved as the author types)."""
        return self.post is None or self.post.status == blog.PostStatus.DRAFT

    @property
    def storage_key(self) -> str:
        """Where this browser keeps what the author typed."""
        return f"tidings-draft:{self.post.slug if self.post else 'new'}"

    def edited(self) -> None:
        """Something was typed: count it, preview it, and remember to save it."""
        self.edits += 1
        self.last_edit = time.monotonic()
        self.show_preview()
        self.show_status()

    def show_preview(self) -> None:
        """Render the text and tags as they will look."""
        self.preview.content = blog.render_markdown(self.form.value("body") or "")
        self.tag_preview.clear()
        with self.tag_preview:
            tag_chips(tuple(sorted({blog.normalize_tag(tag) for tag in self.form.value("tags")} - {""})))

    def show_status(self, message: str | None = None) -> None:
        """Say whether what is on screen is saved."""
        if message is None:
            unsaved = self.edits != self.saved_edits
            message = "Unsaved changes (kept in this browser)" if unsaved else "All changes saved"
            if self.post is None and not unsaved:
                message = "Start typing: your draft saves itself"
        self.status.text = message

    async def autosave(self) -> None:
        """Save a draft shortly after the author stops typing."""
        quiet = time.monotonic() - self.last_edit >= AUTOSAVE_AFTER
        if self.is_draft and quiet and not self.saving and self.edits != self.saved_edits:
            await self.save()

    async def save(self) -> bool:
        """Save what is on screen (a new post becomes a draft); True when it is saved."""
        if self.saving:
            return False
        self.saving, edits = True, self.edits
        self.show_status("Saving…")
        try:
            saved = await self._write(self.form.values())
        finally:
            self.saving = False
        if saved is None:
            self.show_status()
            return False
        self.saved(saved, edits)
        return True

    async def update(self) -> None:
        """Save a published post's changes and go back to it."""
        if await self.save() and self.post is not None:
            ui.navigate.to(f"/post/{self.post.slug}")

    async def publish(self) -> None:
        """Save, publish, and show the post."""
        if not await self.save() or self.post is None:
            return
        try:
            post = await blog.publish_post(self.viewer, post_id=self.post.id)
        except Invalid as error:
            self.form.show(error)
            return
        except DomainError as error:
            ui.notify(str(error), type="warning")
            return
        ui.navigate.to(f"/post/{post.slug}")

    async def _write(self, values: dict[str, Any]) -> blog.PostView | None:
        try:
            if self.post is None:
                return await blog.create_post(self.viewer, **values)
            return await blog.update_post(self.viewer, post_id=self.post.id, version=self.post.version, **values)
        except Invalid as error:
            self.form.show(error)
        except Conflict as conflict:
            if isinstance(conflict.current, blog.PostView):
                self.show_conflict(conflict.current)
        except DomainError as error:
            ui.notify(str(error), type="warning")
        return None

    def saved(self, post: blog.PostView, edits: int) -> None:
        """A save went through: it holds the edits made up to when it started."""
        first = self.post is None
        self.post, self.saved_edits = post, edits
        self.form.clear()
        self.changed_elsewhere.set_visibility(False)
        if first:
            drafts.forget("tidings-draft:new")
            ui.navigate.history.replace(f"/edit/{post.slug}")
            live.subscribe(blog.post_topic(post.id), self.on_event)
            self.watch_browser_storage()
        if self.edits == edits:
            drafts.forget(self.storage_key)
        self.show_status()

    def show_conflict(self, theirs: blog.PostView) -> None:
        """Show the other version; the author keeps theirs (overwriting it) or takes the other."""
        with ui.dialog(value=True) as dialog, ui.card().classes("w-full max-w-3xl"):
            ui.label("This post was changed elsewhere since you opened it.").classes("text-lg font-semibold")
            ui.label("The other version:").classes("text-sm text-gray-600")
            with ui.card().props("flat bordered").classes("w-full max-h-96 overflow-auto").mark("their-version"):
                ui.label(theirs.title).classes("text-xl font-bold")
                ui.label(theirs.description).classes("text-gray-600")
                tag_chips(theirs.tags)
                ui.html(theirs.body_html).classes("nicegui-markdown tidings-text w-full")
            with ui.row().classes("w-full justify-end"):
                ui.button("Take theirs", on_click=lambda: self.take(theirs, dialog)).props("flat").mark("take-theirs")
                ui.button("Keep mine", on_click=lambda: self.keep_mine(theirs, dialog)).props("unelevated").mark(
                    "keep-mine"
                )

    async def keep_mine(self, theirs: blog.PostView, dialog: ui.dialog) -> None:
        """Save what is on screen over the other version (and, for a published post, go back to it)."""
        dialog.close()
        self.post = theirs
        await (self.save() if self.is_draft else self.update())

    def take(self, theirs: blog.PostView, dialog: ui.dialog) -> None:
        """Replace what is on screen with the other version."""
        dialog.close()
        self.fill(theirs)
        self.saved(theirs, self.edits)

    def fill(self, post: blog.PostView) -> None:
        """Put a version of the post into the fields."""
        for name, value in (("title", post.title), ("description", post.description), ("body", post.body)):
            self.form.fields[name].value = value
        self.form.fields["tags"].value = ", ".join(post.tags)

    async def on_event(self, event: Event) -> None:
        """A save made elsewhere: take it quietly if nothing here is unsaved, else warn before the next save."""
        post = self.post
        if not isinstance(event, blog.PostUpdated) or post is None or event.version <= post.version:
            return
        if self.edits != self.saved_edits:
            self.changed_elsewhere.set_visibility(True)
            return
        try:
            newer = await blog.get_post_by_id(self.viewer, post.id)
        except NotFound:
            return
        self.fill(newer)
        self.saved(newer, self.edits)
        self.show_status("Updated from another window")

    async def restore_from_browser(self) -> None:
        """Bring back what was typed in this browser but never reached the server."""
        kept = await drafts.kept(self.storage_key)
        if kept is not None and any(kept.get(name) != self._shown(name) for name in FIELDS):
            for name in FIELDS:
                if isinstance(kept.get(name), str):
                    self.form.fields[name].value = kept[name]
            self.show_status("Restored what you typed in this browser")
        self.watch_browser_storage()

    def watch_browser_storage(self) -> None:
        """Have the browser keep every keystroke until the server has it."""
        drafts.keep(self.storage_key, {name: self.form.fields[name] for name in FIELDS})

    def _shown(self, name: str) -> str:
        value = self.form.fields[name].value
        return value if isinstance(value, str) else ""
