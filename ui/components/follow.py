"""The Follow button: one look wherever an author is shown (a post's byline, a profile)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from nicegui import ui


def follow_button(following: bool, on_click: Callable[[], Awaitable[None] | None]) -> ui.button:
    """Follow (filled: the thing to do) or Following (quiet: already done, click to stop)."""
    label, icon, look = ("Following", "check", "outline") if following else ("Follow", "person_add", "unelevated")
    button = ui.button(label, icon=icon, on_click=on_click)
    return button.props(f"{look} rounded no-caps dense padding='2px 14px'").mark("follow")
