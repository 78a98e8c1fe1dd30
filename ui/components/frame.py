"""The frame around every page: the header (navigation, bell, account, light/dark) and the content column."""

from __future__ import annotations

from collections.abc import AsyncIterator, MutableMapping
from contextlib import asynccontextmanager

from nicegui import app, ui

from core import Actor, Event, NotFound, access, accounts, blog, limits, notifications

from .. import live, session
from .bell import Bell
from .feedback import attempt
from .posts import account_html
from .returning import here, returning

_DARK = "dark_mode"  # user storage key: True, False, or None for the system's choice
_RELOADING = "reloading"  # client storage key: this page has asked the browser to reload it


@asynccontextmanager
async def frame(viewer: Actor, title: str = "", *, follow_session: bool = True) -> AsyncIterator[ui.column]:
    """Build the header for `viewer` and yield the column the page fills.

    The page turns anonymous the moment its session ends, unless `follow_session` is off: a page that signs in
    ends its own old session (a new identifier at every sign-in) and must not reload over its own navigation.
    """
    ui.page_title(page_title(title))
    dark = ui.dark_mode(app.storage.user.get(_DARK))
    with ui.header().classes("items-center justify-between gap-2 px-4 max-sm:px-2 py-1 no-wrap"):
        ui.link("Tidings", "/").classes("text-xl font-bold text-white no-underline")
        _search_box()
        with ui.row().classes("items-center gap-1 max-sm:gap-0 no-wrap"):
            ui.button(icon="contrast", on_click=lambda: _toggle_dark(dark)).props(
                'flat round color=white aria-label="Light or dark" title="Light or dark"'
            )
            if viewer.is_anonymous:
                back = here()
                ui.button("Sign in", on_click=lambda: ui.navigate.to(returning("/sign-in", back))).props(
                    "flat no-caps color=white"
                )
                ui.button("Sign up", on_click=lambda: ui.navigate.to(returning("/sign-up", back))).props(
                    "outline no-caps color=white"
                )
            else:
                await _account_controls(viewer)
    if viewer.session_id is not None and follow_session:
        stored = app.storage.user  # read now: an event's handler has no request to find it by
        live.subscribe(accounts.session_topic(viewer.session_id), lambda event: _session_ended(event, stored))
    if viewer.id is not None:
        live.subscribe(accounts.user_topic(viewer.id), lambda event: _standing_changed(viewer, event))
    with ui.column().classes("w-full max-w-4xl mx-auto px-4 py-6 gap-4") as content:
        if notice := session.notice():
            _notice(notice)
        if viewer.banned:
            with ui.row().classes("w-full items-center gap-2 p-3 rounded bg-red-100 dark:bg-red-900").mark("banned"):
                ui.icon("block")
                ui.label(f"{blog.create_post.why_not(viewer)} Your notifications say why.")
        yield content


def _search_box() -> None:
    # One element, a plain input: typing in it costs the server nothing; Enter opens /search?q=... (static/search.js).
    ui.html(SEARCH_BOX, sanitize=False).props("role=search").classes("tidings-search")


SEARCH_BOX = (
    f'<input name="q" type="search" placeholder="Search" aria-label="Search posts and people" enterkeyhint="search"'
    f' maxlength="{limits.SEARCH_MAX}">'
)


def _notice(text: str) -> None:
    """Why this browser is no longer signed in, on its pages until dismissed."""

    def dismiss() -> None:
        session.dismiss_notice()
        row.delete()

    with ui.row().classes("w-full items-center gap-2 p-3 rounded bg-amber-100 dark:bg-amber-900 no-wrap") as row:
        ui.icon("info")
        ui.label(text).classes("flex-1").mark("session-notice")
        ui.button(icon="close", on_click=dismiss).props('flat round dense aria-label="Dismiss"')


def page_title(title: str) -> str:
    """What the browser's tab says for a page about `title`."""
    return f"{title} · Tidings" if title else "Tidings"


async def _account_controls(viewer: Actor) -> None:
    if blog.create_post.can(viewer):
        write = ui.button("Write", icon="edit", on_click=lambda: ui.navigate.to("/write"))
        write.props('flat no-caps color=white aria-label="Write a post"').classes("tidings-icon-when-narrow")
    Bell(viewer, await notifications.unread_count(viewer))
    me = await accounts.get_user(viewer, viewer.username)
    with ui.button().props(f'flat no-caps color=white aria-label="Account: {me.username}"').mark("account"):
        # Picture and name: one element of markup (every element costs memory on every open page).
        shown = ui.html(account_html(me.username, me.image))
        menu = ui.menu().props("anchor='bottom right' self='top right'")
    assert viewer.id is not None  # signed in: the account controls are theirs
    live.subscribe(accounts.user_topic(viewer.id), lambda event: _profile_changed(viewer, shown, event))
    # The items are made when the menu first opens: most pages are read, not navigated from the menu, and every
    # element costs memory on every open page.
    menu.on_value_change(
        lambda event: _account_menu(viewer, menu) if event.value and not menu.default_slot.children else None
    )


def _account_menu(viewer: Actor, menu: ui.menu) -> None:
    with menu:
        ui.menu_item("Profile", lambda: ui.navigate.to(f"/profile/{viewer.username}"))
        ui.menu_item("Settings", lambda: ui.navigate.to("/settings"))
        if access.ADMIN_AREA.can(viewer):
            ui.menu_item("Admin", lambda: ui.navigate.to("/admin"))
        ui.separator()
        ui.menu_item("Sign out", lambda: _sign_out(viewer))


async def _profile_changed(viewer: Actor, shown: ui.html, event: Event) -> None:
    if isinstance(event, accounts.ProfileUpdated):  # a new picture (or name) shows in the header at once
        try:
            me = await accounts.get_user(viewer, viewer.username)
        except NotFound:  # renamed elsewhere: the page is rebuilt for the name they have now
            _reload_once()
            return
        shown.content = account_html(me.username, me.image)


def _toggle_dark(dark: ui.dark_mode) -> None:
    dark.value = not dark.value
    app.storage.user[_DARK] = dark.value


async def _sign_out(viewer: Actor) -> None:
    token = session.token()
    if token:
        await attempt(accounts.sign_out(viewer, token=token))
    session.forget()
    ui.navigate.to("/")


def _standing_changed(viewer: Actor, event: Event) -> None:
    if isinstance(event, accounts.StandingChanged):  # (on the viewer's own topic: about them)
        # What this viewer may do changed (a ban, a new role): rebuild the page for the viewer they now are.
        _reload_once()


def _session_ended(event: Event, stored: MutableMapping[str, object]) -> None:
    if isinstance(event, accounts.SessionEnded):
        if event.why:  # the visitor's pages say why (every tab of this browser reloads, and reads it)
            session.leave_notice(stored, event.why)
        _reload_once()  # signed out elsewhere: show this tab as the anonymous visitor it now is


def _reload_once() -> None:
    # A ban changes the standing and ends the sessions in one commit: one reload serves both events.
    if not app.storage.client.get(_RELOADING):
        app.storage.client[_RELOADING] = True
        ui.navigate.reload()
