"""The fields of a post being written: title, description, tags, and the text (with its pictures) beside its live
preview."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from nicegui import ui

from core import Actor, blog

from ..form import Form
from ..posts import tag_chips
from .pictures import TextPictures

NAMES = ("title", "description", "tags", "body")
TAGS_HINT = f"Up to {blog.TAGS_MAX} tags of up to {blog.TAG_MAX} letters each"


def split_tags(text: str | None) -> list[str]:
    """'python, Web dev' → ['python', 'Web dev'] (core normalises them)."""
    return [tag.strip() for tag in (text or "").split(",") if tag.strip()]


class PostFields:
    """The inputs, checked by the action's own rules as the author types; `edited` hears every change."""

    def __init__(self, viewer: Actor, post: blog.PostView | None, edited: Callable[[], None]) -> None:
        self.form = Form(blog.CreatePost, check_while_typing=True)
        self.form.add("title", ui.input("Title")).classes("w-full").props(
            f"outlined counter maxlength={blog.TITLE_MAX}"
        )
        self.form.add("description", ui.input("Short description")).classes("w-full").props(
            f"outlined counter maxlength={blog.DESCRIPTION_MAX}"
        )
        tags = self.form.add("tags", ui.input("Tags, separated by commas"), parse=split_tags)
        tags.classes("w-full").props(f'outlined hint="{TAGS_HINT}"')
        self.tag_preview = ui.row()
        with ui.grid(columns=2).classes("w-full gap-4 max-md:grid-cols-1"):
            with ui.column().classes("w-full gap-1"):
                body = self.form.add("body", ui.textarea("Text (Markdown)"))
                body.classes("w-full").props(
                    f'outlined autogrow counter maxlength={blog.BODY_MAX} input-style="min-height: 18rem"'
                )
                TextPictures(viewer, body)
            with ui.card().props("flat bordered").classes("w-full min-h-72"):
                ui.label("Preview").classes("text-xs text-gray-500")
                self.preview = ui.html().classes("nicegui-markdown tidings-text w-full")
        if post is not None:
            self.fill(post)
        self.show_preview()
        for name in NAMES:
            self.form.fields[name].on_value_change(edited)

    @property
    def elements(self) -> dict[str, ui.element]:
        """The inputs by name (for the browser to keep what is typed into them)."""
        return dict(self.form.fields)

    def values(self) -> dict[str, Any]:
        """What the author wrote, as the actions take it."""
        return self.form.values()

    def text(self, name: str) -> str:
        """What a field shows."""
        value = self.form.fields[name].value
        return value if isinstance(value, str) else ""

    def put(self, values: dict[str, Any]) -> None:
        """Show these texts in their fields (any field not named keeps what it has)."""
        for name in NAMES:
            if isinstance(values.get(name), str):
                self.form.fields[name].value = values[name]

    def fill(self, post: blog.PostView) -> None:
        """Show a version of the post."""
        self.put({"title": post.title, "description": post.description, "tags": ", ".join(post.tags)})
        self.put({"body": post.body})

    def show_preview(self) -> None:
        """Render the text and tags as they will look."""
        self.preview.content = blog.render_markdown(self.form.value("body") or "")
        self.tag_preview.clear()
        with self.tag_preview:
            tag_chips(tuple(sorted({blog.normalize_tag(tag) for tag in self.form.value("tags")} - {""})))
