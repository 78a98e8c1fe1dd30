"""When a post changed elsewhere while its author edited it: show the other version, let them choose."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from nicegui import ui

from core import blog

from ..posts import tag_chips

Choice = Callable[[blog.PostView], Awaitable[None] | None]


def ask_which(theirs: blog.PostView, take: Choice, keep_mine: Choice) -> None:
    """Show the other version; the author takes it into their fields, or keeps theirs (saving over it)."""

    async def chosen(choice: Choice) -> None:
        dialog.close()
        if (result := choice(theirs)) is not None:
            await result

    with ui.dialog(value=True) as dialog, ui.card().classes("w-full max-w-3xl"):
        ui.label("This post was changed elsewhere since you opened it.").classes("text-lg font-semibold")
        ui.label("The other version:").classes("text-sm text-gray-600")
        with ui.card().props("flat bordered").classes("w-full max-h-96 overflow-auto").mark("their-version"):
            ui.label(theirs.title).classes("text-xl font-bold")
            ui.label(theirs.description).classes("text-gray-600")
            tag_chips(theirs.tags)
            ui.html(theirs.body_html).classes("nicegui-markdown tidings-text w-full")
        with ui.row().classes("w-full justify-end"):
            ui.button("Take theirs", on_click=lambda: chosen(take)).props("flat").mark("take-theirs")
            ui.button("Keep mine", on_click=lambda: chosen(keep_mine)).props("unelevated").mark("keep-mine")
