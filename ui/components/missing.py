"""What a reader sees instead of what is not there (or not theirs to see): the same page, answering 404."""

from __future__ import annotations

from nicegui import context, ui

from core import Actor

from .frame import frame

NOT_FOUND = "Not found"


async def not_found_page(viewer: Actor, message: str) -> None:
    """The whole page of something missing: the header, `message`, a way back; answered with 404."""
    async with frame(viewer, NOT_FOUND):
        not_found(message)


def not_found(message: str) -> None:
    """Say that what was asked for is not here, inside a page's frame; the page answers 404."""
    # A post the viewer may not see answers exactly like a missing one: the status tells nothing either.
    context.client.status_code = 404
    gone(message)


def gone(message: str) -> None:
    """What a reader sees instead of what they may not (or no longer) see."""
    ui.label(message).classes("text-lg")
    ui.link("Back to the latest posts", "/")
