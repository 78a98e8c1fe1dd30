"""All of the signed-in user's notifications, newest first, older ones on request; new ones arrive on top, live.

Like the bell, showing notifications marks them read.
"""

from __future__ import annotations

from fastapi.responses import RedirectResponse
from nicegui import ui

from core import Actor, Event, Reconnected, accounts, notifications

from .. import live, session
from ..components.feedback import attempt
from ..components.frame import frame
from ..components.notices import notice_html
from ..components.returning import sign_in_path

PAGE = 30
NONE_YET = "No notifications yet. When someone comments on your posts, favourites them or follows you, it shows here."


@ui.page("/notifications")
async def notifications_page() -> RedirectResponse | None:
    """The viewer's notifications (a visitor is sent to sign in first)."""
    viewer = await session.viewer()
    if viewer.is_anonymous:
        return RedirectResponse(sign_in_path("/notifications"))
    async with frame(viewer, "Notifications"):
        ui.label("Notifications").classes("text-2xl font-bold")
        await Notices(viewer).load_more()
    return None


class Notices:
    """The viewer's notifications, a page at a time."""

    def __init__(self, viewer: Actor) -> None:
        assert viewer.id is not None  # (signed in: the page sent visitors away)
        self.viewer = viewer
        self.newest: int | None = None
        self.oldest: int | None = None
        self.column = ui.column().classes("w-full gap-3").mark("notifications")
        self.status = ui.label(NONE_YET).classes("text-gray-500")
        self.more = ui.button("Older notifications", on_click=self.load_more).props("flat no-caps")
        self.more.classes("self-center").set_visibility(False)
        live.subscribe(accounts.user_topic(viewer.id), self.on_event)

    async def load_more(self) -> None:
        """Add the next older page."""
        found = await notifications.list_notifications(self.viewer, limit=PAGE, before=self.oldest)
        with self.column:
            for notice in found:
                ui.html(notice_html(notice))
        if found:
            self.oldest = found[-1].id
            self.newest = self.newest or found[0].id
        self.more.set_visibility(len(found) == PAGE)
        await self.shown(found)

    async def on_event(self, event: Event) -> None:
        """Put notifications that arrived meanwhile on top."""
        if not isinstance(event, notifications.NotificationsChanged | Reconnected):
            return
        latest = await notifications.list_notifications(self.viewer, limit=PAGE)
        fresh = [notice for notice in latest if self.newest is None or notice.id > self.newest]
        for notice in reversed(fresh):
            with self.column:
                ui.html(notice_html(notice)).move(target_index=0)
        if fresh:
            self.newest = fresh[0].id
            self.oldest = self.oldest or fresh[-1].id
        await self.shown(fresh)

    async def shown(self, notices: list[notifications.NotificationView]) -> None:
        """Say when there are none; mark those just shown read."""
        self.status.set_visibility(self.newest is None)
        if any(not notice.read for notice in notices):
            await attempt(notifications.mark_all_read(self.viewer))
