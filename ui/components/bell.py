"""The notification bell: the unread count, live, and the latest notifications when opened (all of them on
/notifications)."""

from __future__ import annotations

from nicegui import ui
from nicegui.events import ValueChangeEventArguments

from core import Actor, Event, Reconnected, accounts, notifications

from .. import live
from .feedback import attempt
from .notices import notice_html


class Bell:
    """A bell button with an unread badge and a menu of the latest notifications."""

    def __init__(self, viewer: Actor, unread: int) -> None:
        assert viewer.id is not None
        self.viewer = viewer
        with ui.button(icon="notifications").props('flat round color=white aria-label="Notifications"') as button:
            self.badge = ui.badge(color="red").props("floating rounded")
            with ui.menu().props("anchor='bottom right' self='top right'") as self.menu:
                self.items: ui.column | None = None  # made when first opened
        button.mark("bell")
        self.menu.on_value_change(self.toggled)
        self.show_count(unread)
        live.subscribe(accounts.user_topic(viewer.id), self.on_event)

    def show_count(self, unread: int) -> None:
        """Show how many notifications are unread."""
        self.badge.text = str(unread) if unread < 100 else "99+"
        self.badge.set_visibility(unread > 0)

    async def toggled(self, event: ValueChangeEventArguments[bool]) -> None:
        """The menu opened or closed."""
        if event.value:
            await self.opened()

    async def opened(self) -> None:
        """List the latest notifications, then mark them read."""
        latest = await notifications.list_notifications(self.viewer, limit=15)
        if self.items is None:
            with self.menu:
                self.items = ui.column().classes("p-2 gap-1 min-w-72 max-w-96")
        self.items.clear()
        with self.items:
            if not latest:
                ui.label("Nothing new yet.").classes("text-gray-500 p-2")
            for notice in latest:
                ui.html(notice_html(notice))
            ui.link("See all", "/notifications").classes("text-sm self-end pt-1").mark("all-notifications")
        if any(not notice.read for notice in latest):
            await attempt(notifications.mark_all_read(self.viewer))

    async def on_event(self, event: Event) -> None:
        """Update the count when a notification arrives or is read."""
        if isinstance(event, notifications.NotificationsChanged | Reconnected):  # after a reconnection: some missed?
            self.show_count(await notifications.unread_count(self.viewer))
