"""Home: tabs for everyone's posts, followed authors' posts and a chosen tag, beside the popular tags."""

from __future__ import annotations

from urllib.parse import quote, urlencode

from nicegui import ui

from core import ANONYMOUS, Actor, Event, blog

from .. import live, reach, session
from ..components.feed import FeedView
from ..components.frame import frame

FEEDS = {"global": "Global", "following": "Following"}  # `/?feed=following`: the tab the address opens


@ui.page("/")
async def home_page(tag: str = "", feed: str = "") -> None:
    """The feeds."""
    viewer = await session.viewer()
    chosen = blog.normalize_tag(tag)
    async with frame(viewer, f"#{chosen}" if chosen else ""):
        with ui.row().classes("w-full gap-8 items-start max-md:flex-col-reverse"):
            with ui.column().classes("flex-1 min-w-0 gap-3"):
                if blog.create_post.can(viewer) and not await blog.has_posts(viewer):
                    invite_to_write()
                feeds = Feeds(viewer, chosen, FEEDS.get(feed.lower(), ""))
                await feeds.show_first()
            with ui.column().classes("w-64 max-md:w-full min-w-0 max-w-full gap-2 max-md:gap-1"):
                PopularTags(await blog.popular_tags(viewer))
    shown = feeds.views[str(feeds.panels.value)].shown
    if chosen:
        reach.describe(reach.feed_page(f"#{chosen}", f"/?tag={quote(chosen)}", shown, reach.tag_feed(chosen)))
    else:
        reach.describe(reach.feed_page("Tidings", "/", shown, reach.EVERYONE_FEED))


def invite_to_write() -> None:
    """A new member's welcome: what to do first (they have written nothing yet)."""
    with ui.card().classes("w-full gap-2").props("flat bordered").mark("first-post"):
        ui.label("Write your first post").classes("text-lg font-semibold")
        ui.label(
            "Share an idea, a note or a story. It appears on every open page the moment you publish it,"
            " and drafts save themselves as you type."
        ).classes("text-sm text-gray-700 dark:text-gray-300")
        ui.button("Start writing", icon="edit", on_click=lambda: ui.navigate.to("/write")).props("unelevated no-caps")


class Feeds:
    """One tab per feed; each loads the first time it is shown, and the address says which one is shown."""

    def __init__(self, viewer: Actor, tag: str, shown: str) -> None:
        self.tag = tag
        self.views: dict[str, FeedView] = {}
        names = ["Global"] + (["Following"] if not viewer.is_anonymous else []) + ([f"#{tag}"] if tag else [])
        self.default = f"#{tag}" if tag else "Global"
        with ui.tabs().classes("w-full").props("align=left no-caps") as self.tabs:
            for name in names:
                ui.tab(name)
        with ui.tab_panels(self.tabs, value=shown if shown in names else self.default).classes(
            "w-full bg-transparent"
        ) as self.panels:
            for name in names:
                with ui.tab_panel(name).classes("p-0 gap-3"):
                    self.views[name] = FeedView(viewer, _feed(name), empty=_empty(name))
        self.tabs.on_value_change(self.show)

    async def show_first(self) -> None:
        """Load the tab shown at first."""
        await self.views[str(self.panels.value)].load()

    async def show(self) -> None:
        """Load a tab the first time it is chosen, and put it into the address (a reload or a link opens it)."""
        name = str(self.tabs.value)
        ui.navigate.history.replace(self.address(name))
        await self.views[name].load()

    def address(self, name: str) -> str:
        """The address that opens the tab `name`."""
        query = {"tag": self.tag} if self.tag else {}
        if name != self.default:
            query["feed"] = name.lower()
        return f"/?{urlencode(query)}" if query else "/"


class PopularTags:
    """The most used tags, kept current as posts come and go."""

    def __init__(self, tags: list[blog.TagCount]) -> None:
        ui.label("Popular tags").classes("text-lg font-semibold max-md:text-sm").props("role=heading aria-level=2")
        self.shown = tags
        self.chips = ui.row().classes("gap-1 tidings-tag-cloud")
        self.draw()
        live.subscribe(blog.FEED_TOPIC, self.on_event)

    def draw(self) -> None:
        """Show the tags as links to their feeds."""
        self.chips.clear()
        with self.chips:
            if not self.shown:
                ui.label("No tags yet.").classes("text-sm text-gray-500")
            for tag in self.shown:
                ui.link(f"#{tag.name}", f"/?tag={tag.name}").classes("tidings-tag").tooltip(
                    f"{tag.posts} post{'' if tag.posts == 1 else 's'}"
                )

    async def on_event(self, event: Event) -> None:
        """Recount after anything that changes which posts are public."""
        if isinstance(event, blog.FavoriteChanged):
            return
        tags = await live.load_once(event, lambda: blog.popular_tags(ANONYMOUS), what="popular tags")
        if tags != self.shown:
            self.shown = tags
            self.draw()


def _feed(name: str) -> blog.Feed:
    if name == "Following":
        return blog.Feed(following=True)
    if name.startswith("#"):
        return blog.Feed(tag=name[1:])
    return blog.Feed()


def _empty(name: str) -> str:
    if name == "Following":
        return "Nothing here yet: follow some authors and their new posts will show up here."
    if name.startswith("#"):
        return f"No published post is tagged {name} yet."
    return "Nothing is published yet. The first post will appear here the moment it is."
