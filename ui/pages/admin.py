"""The admin area (moderators and admins): users, the moderation queue, the audit trail, activity."""

from __future__ import annotations

from nicegui import ui

from core import access

from .. import session
from ..components.admin.activity import ActivityPanel
from ..components.admin.moderation import ModerationPanel
from ..components.admin.trail import TrailPanel
from ..components.admin.users import UsersPanel
from ..components.frame import frame
from ..components.why import why_not

TABS = ("Users", "Moderation", "Audit trail", "Activity")


@ui.page("/admin")
async def admin_page(tab: str = "Users") -> None:
    """The admin area, or why the viewer may not enter it."""
    viewer = await session.viewer()
    async with frame(viewer, "Admin"):
        if not access.ADMIN_AREA.can(viewer):
            why_not(viewer, access.ADMIN_AREA)
            return
        ui.label("Admin").classes("text-2xl font-bold")
        with ui.tabs().props("align=left no-caps").classes("w-full") as tabs:
            for name in TABS:
                ui.tab(name)
        with ui.tab_panels(tabs, value=tab if tab in TABS else "Users").classes("w-full bg-transparent"):
            with ui.tab_panel("Users").classes("p-0"):
                users = UsersPanel(viewer)
            with ui.tab_panel("Moderation").classes("p-0"):
                moderation = ModerationPanel(viewer)
            with ui.tab_panel("Audit trail").classes("p-0"):
                trail = TrailPanel(viewer)
            with ui.tab_panel("Activity").classes("p-0"):
                activity = ActivityPanel(viewer)
        for panel in (users, moderation, trail, activity):
            await panel.load()
