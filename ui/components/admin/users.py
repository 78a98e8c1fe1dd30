"""The admin area's users: search, page, change roles, ban and unban; kept current live."""

from __future__ import annotations

from nicegui import ui

from core import Actor, Event, Role, accounts

from ... import live
from ..dialogs import ask_reason
from ..feedback import attempt, succeeded

ROW = "tidings-users w-full items-center gap-2 py-1 border-b"  # a table wide, a card per user on a phone


class UsersPanel:
    """A searchable, paged table of users with their standing and activity."""

    def __init__(self, viewer: Actor) -> None:
        self.viewer, self.offset, self.total = viewer, 0, 0
        with ui.row().classes("w-full items-center gap-3"):
            self.search = ui.input("Search name or e-mail").props("clearable dense outlined").classes("w-72 max-w-full")
            self.search.mark("user-search").on_value_change(self.first_page)
            self.position = ui.label().classes("text-sm text-gray-500")
            ui.space()
            self.previous = ui.button(icon="chevron_left", on_click=lambda: self.turn(-1))
            self.previous.props('flat round aria-label="Previous page"')
            self.next = ui.button(icon="chevron_right", on_click=lambda: self.turn(1))
            self.next.props('flat round aria-label="Next page"')
        self.table = ui.column().classes("w-full gap-0")
        live.subscribe(accounts.USERS_TOPIC, self.on_event)

    async def first_page(self) -> None:
        """Show the first page of matching users."""
        self.offset = 0
        await self.load()

    async def turn(self, step: int) -> None:
        """Show the previous or next page."""
        self.offset = max(0, self.offset + step * accounts.PAGE_SIZE)
        await self.load()

    async def load(self) -> None:
        """Read and draw the current page."""
        search = self.search.value or ""
        rows = await accounts.list_users(self.viewer, search, offset=self.offset)
        self.total = await accounts.count_users(self.viewer, search)
        shown = f"{self.offset + 1}–{self.offset + len(rows)}" if rows else "0"
        self.position.text = f"{shown} of {self.total}"
        self.previous.set_enabled(self.offset > 0)
        self.next.set_enabled(self.offset + len(rows) < self.total)
        self.table.clear()
        with self.table:
            _header()
            for row in rows:
                self.draw(row)

    def draw(self, row: accounts.UserRow) -> None:
        """One user's line."""
        user = row.user
        with ui.element("div").classes(ROW):
            ui.link(user.username, f"/profile/{user.username}").classes("font-medium")
            ui.label(user.email or "—").classes("text-sm break-all tidings-users-email")
            if accounts.change_role.can(self.viewer, row):
                select = ui.select([role.value for role in accounts.ROLES_GIVEN], value=user.role.value)
                select.props(f'dense outlined aria-label="Role of {user.username}"').mark(f"role-{user.username}")
                select.on_value_change(lambda event, name=user.username: self.change_role(name, event.value))
            else:
                ui.label(user.role.value).props('data-label="Role"')
            ui.label(row.standing).classes("text-sm text-negative" if row.banned else "text-sm")
            ui.label(str(row.posts)).props('data-label="Posts"')
            ui.label(str(row.comments)).props('data-label="Comments"')
            self.standing_control(row)

    def standing_control(self, row: accounts.UserRow) -> None:
        """Ban or unban, when the policy allows it."""
        name = row.user.username
        if accounts.unban_user.can(self.viewer, row):
            ui.button("Unban", on_click=lambda: self.unban(name)).props("flat dense no-caps").mark(f"unban-{name}")
        elif accounts.ban_user.can(self.viewer, row):
            ui.button("Ban", on_click=lambda: self.ban(name)).props("flat dense no-caps color=negative").mark(
                f"ban-{name}"
            )
        else:
            ui.label("")

    async def change_role(self, username: str, role: str) -> None:
        """Give a user another role."""
        await attempt(accounts.change_role(self.viewer, username=username, role=Role(role)))
        await self.load()  # shows the refusal's truth too (e.g. the last admin stays an admin)

    async def ban(self, username: str) -> None:
        """Ban a user, saying why."""
        run = lambda reason: accounts.ban_user(self.viewer, username=username, reason=reason or "")  # noqa: E731
        if await ask_reason(f"Ban {username}?", "Ban", run, accounts.ban_user.input_model):
            await self.load()

    async def unban(self, username: str) -> None:
        """Lift a ban."""
        if await succeeded(accounts.unban_user(self.viewer, username=username)):
            await self.load()

    async def on_event(self, event: Event) -> None:
        """Someone signed up, or someone's standing changed: redraw."""
        if isinstance(event, accounts.StandingChanged | accounts.UserRegistered):
            await self.load()


def _header() -> None:
    with ui.element("div").classes(f"{ROW} tidings-users-head font-semibold text-sm"):
        for title in ("User", "E-mail", "Role", "Status", "Posts", "Comments", ""):
            ui.label(title)
