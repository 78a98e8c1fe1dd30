"""The frame around every page: header with navigation and the viewer's account, then the content column."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from nicegui import ui

from core import Actor, Event, accounts

from .. import live, session
from .feedback import attempt


@contextmanager
def frame(viewer: Actor, title: str = "") -> Iterator[ui.column]:
    """Build the header for `viewer` and yield the column the page fills."""
    ui.page_title(f"{title} · Tidings" if title else "Tidings")
    ui.colors(primary="#2f6f4f")
    with ui.header().classes("items-center justify-between px-4 py-2"):
        ui.link("Tidings", "/").classes("text-xl font-bold text-white no-underline")
        with ui.row().classes("items-center gap-1"):
            if viewer.is_anonymous:
                ui.button("Sign in", on_click=lambda: ui.navigate.to("/sign-in")).props("flat color=white")
                ui.button("Sign up", on_click=lambda: ui.navigate.to("/sign-up")).props("outline color=white")
            else:
                ui.button("Write", icon="edit", on_click=lambda: ui.navigate.to("/write")).props("flat color=white")
                ui.label(viewer.username).classes("text-white px-2")
                ui.button("Sign out", on_click=lambda: _sign_out(viewer)).props("flat color=white")
    if viewer.session_id is not None:
        live.subscribe(accounts.session_topic(viewer.session_id), _session_ended)
    with ui.column().classes("w-full max-w-3xl mx-auto px-4 py-6 gap-4") as content:
        yield content


async def _sign_out(viewer: Actor) -> None:
    token = session.token()
    if token:
        await attempt(accounts.sign_out(viewer, token=token))
    session.forget()
    ui.navigate.to("/")


def _session_ended(event: Event) -> None:
    if isinstance(event, accounts.SessionEnded):
        ui.navigate.reload()  # signed out in another tab: show this one as the anonymous visitor it now is
