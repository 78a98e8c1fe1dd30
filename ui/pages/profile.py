"""A user's profile: who they are, their counts (live), Follow, and their posts and favourites."""

from __future__ import annotations

from urllib.parse import quote

from nicegui import ui

from core import Actor, Event, NotFound, Reconnected, accounts, blog

from .. import live, reach, session
from ..components.feed import FeedView
from ..components.feedback import attempt
from ..components.follow import follow_button
from ..components.frame import frame
from ..components.missing import not_found_page
from ..components.posts import PostCard, avatar, edit_path
from ..components.returning import here, sign_in_path


@ui.page("/profile/{username}")
async def profile_page(username: str, tab: str = "") -> None:
    """One user's page, showing the tab the address names (`?tab=favourites`)."""
    viewer = await session.viewer()
    try:
        profile = await accounts.get_profile(viewer, username)
    except NotFound:
        await not_found_page(viewer, "There is nobody by that name here.")
        return
    async with frame(viewer, profile.user.username):
        page = ProfilePage(viewer, profile, tab.capitalize())
        await page.show(page.shown)
    reach.describe(reach.profile_page(profile, page.posts.shown))


class ProfilePage:
    """The profile header and the tabs of a user's posts; the address says which tab is shown."""

    def __init__(self, viewer: Actor, profile: accounts.Profile, tab: str) -> None:
        self.viewer, self.profile = viewer, profile
        self.address = here()
        self.header()
        own = profile.viewers_own
        names = ["Posts", "Favourites"] + (["Drafts", "Archived"] if own else [])
        self.shown = tab if tab in names else "Posts"
        with ui.tabs().props("align=left no-caps").classes("w-full") as tabs:
            for name in names:
                ui.tab(name)
        with ui.tab_panels(tabs, value=self.shown).classes("w-full bg-transparent"):
            name = profile.user.username
            with ui.tab_panel("Posts").classes("p-0 gap-3"):
                empty = "You haven't published anything yet." if own else f"{name} hasn't published anything yet."
                end = f"That's everything {'you have' if own else name + ' has'} published."
                self.posts = FeedView(viewer, blog.Feed(author=name), empty=empty, end=end)
            with ui.tab_panel("Favourites").classes("p-0 gap-3"):
                empty = f"{'You have' if own else name + ' has'} no favourites yet."
                self.favorites = FeedView(viewer, blog.Feed(favorited_by=name), empty=empty)
            if own:
                with ui.tab_panel("Drafts").classes("p-0 gap-3"):
                    self.drafts = ui.column().classes("w-full gap-3")
                with ui.tab_panel("Archived").classes("p-0 gap-3"):
                    self.archived = ui.column().classes("w-full gap-3")
        tabs.on_value_change(lambda: self.choose(str(tabs.value)))
        live.subscribe(accounts.user_topic(profile.id), self.on_event)

    @ui.refreshable_method
    def header(self) -> None:
        """Picture, name, bio, counts, and Follow."""
        profile, user = self.profile, self.profile.user
        with ui.row().classes("w-full items-center gap-4"):
            avatar(user.username, user.image, size="xl")
            with ui.column().classes("gap-1 flex-1 min-w-0"):
                ui.label(user.username).classes("text-2xl font-bold break-words").props("role=heading aria-level=1")
                if user.bio:
                    bio = ui.html(blog.render_markdown(user.bio, breaks=True)).mark("bio")
                    bio.classes("nicegui-markdown tidings-text text-gray-700 dark:text-gray-300")
                with ui.row().classes("gap-4 text-sm text-gray-600").mark("counts"):
                    ui.label(f"{profile.posts} post{'' if profile.posts == 1 else 's'}")
                    ui.label(f"{profile.followers} follower{'' if profile.followers == 1 else 's'}")
                    ui.label(f"{profile.follows} following")
            if accounts.follow.can(self.viewer, profile):
                follow_button(profile.following, self.toggle_follow)
            elif self.viewer.is_anonymous:
                follow_button(False, lambda: ui.navigate.to(sign_in_path(self.address)))
            elif profile.viewers_own:
                ui.button("Edit profile", icon="settings", on_click=lambda: ui.navigate.to("/settings")).props(
                    "flat no-caps"
                )

    async def choose(self, tab: str) -> None:
        """Show the tab the viewer chose, and put it into the address (a reload or a link opens it)."""
        query = "" if tab == "Posts" else f"?tab={tab.lower()}"
        ui.navigate.history.replace(f"/profile/{quote(self.profile.user.username)}{query}")
        await self.show(tab)

    async def show(self, tab: str) -> None:
        """Load a tab the first time it is shown."""
        if tab == "Posts":
            await self.posts.load()
        elif tab == "Favourites":
            await self.favorites.load()
        elif tab in {"Drafts", "Archived"}:
            await self.own_posts(tab)

    async def own_posts(self, tab: str) -> None:
        """The viewer's drafts or archived posts, with Restore for the archived ones."""
        column = self.drafts if tab == "Drafts" else self.archived
        posts = await (blog.list_drafts if tab == "Drafts" else blog.list_archived)(self.viewer)
        column.clear()
        with column:
            if not posts:
                ui.label("Nothing here.").classes("text-gray-500")
            for post in posts:
                card = PostCard(post)
                with card.element:
                    if tab == "Archived":
                        ui.button("Restore", icon="unarchive", on_click=lambda p=post: self.restore(p)).props(
                            "flat no-caps"
                        )
                    else:
                        ui.link("Continue writing", edit_path(post))

    async def restore(self, post: blog.PostSummary) -> None:
        """Bring an archived post back."""
        if await attempt(blog.restore_post(self.viewer, post_id=post.id)) is not None:
            await self.own_posts("Archived")

    async def toggle_follow(self) -> None:
        """Follow this user, or stop."""
        change = accounts.unfollow if self.profile.following else accounts.follow
        await attempt(change(self.viewer, username=self.profile.user.username))
        await self.reload()

    async def on_event(self, event: Event) -> None:
        """Counts and details change as people follow, and as the user edits their profile."""
        if isinstance(event, accounts.FollowChanged | accounts.ProfileUpdated | Reconnected):
            await self.reload()  # after a reconnection: whatever was missed while the listener was away

    async def reload(self) -> None:
        """Read the profile again."""
        try:
            self.profile = await accounts.get_profile(self.viewer, self.profile.user.username)
        except NotFound:  # renamed: follow the new name
            ui.navigate.reload()
            return
        self.header.refresh()
