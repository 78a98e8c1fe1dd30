"""Write: a new post, saved as a draft the author can then publish."""

from __future__ import annotations

from nicegui import ui

from core import blog

from .. import session
from ..components.feedback import attempt
from ..components.form import Form
from ..components.frame import frame


@ui.page("/write")
async def editor_page() -> None:
    """The editor for a new post."""
    viewer = await session.viewer()
    with frame(viewer, "Write"):
        if viewer.is_anonymous:
            ui.label("Sign in to write a post.").classes("text-lg")
            ui.link("Sign in", "/sign-in")
            return
        ui.label("New post").classes("text-2xl font-bold")
        form = Form(blog.CreatePost)
        form.add("title", ui.input("Title")).classes("w-full").props(f"outlined counter maxlength={blog.TITLE_MAX}")
        body = form.add("body", ui.textarea("Text (Markdown)")).classes("w-full").props("outlined autogrow")
        body.props('input-style="min-height: 12rem"')

        async def save() -> None:
            post = await attempt(blog.create_post(viewer, **form.values()), form)
            if post is not None:
                ui.navigate.to(f"/post/{post.slug}")

        ui.button("Save draft", icon="save", on_click=save).props("unelevated").mark("submit")
        ui.label("A draft is visible to you only; publish it from its page.").classes("text-sm text-gray-500")
