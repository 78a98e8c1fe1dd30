"""Home: the published posts, newest first, with new ones arriving live."""

from __future__ import annotations

from nicegui import ui

from core import ANONYMOUS, Actor, Event, blog

from .. import live, session
from ..components.frame import frame
from ..components.posts import post_card


@ui.page("/")
async def home_page() -> None:
    """The feed of published posts."""
    viewer = await session.viewer()
    posts = (await blog.list_posts(viewer)).items
    with frame(viewer):
        ui.label("Latest posts").classes("text-2xl font-bold")
        Feed(viewer, posts)


class Feed:
    """A column of post cards: older pages on demand, newly published posts on top as they happen."""

    def __init__(self, viewer: Actor, posts: list[blog.PostSummary]) -> None:
        self.viewer = viewer
        self.shown: set[int] = set()
        self.oldest: blog.PostSummary | None = None
        self.empty = ui.label("Nothing is published yet. The first post will appear here the moment it is.")
        self.empty.classes("text-gray-500")
        self.column = ui.column().classes("w-full gap-3")
        self.more = ui.button("Older posts", on_click=self.load_older).props("flat")
        self.append(posts)
        live.subscribe(blog.FEED_TOPIC, self.on_event)

    def append(self, posts: list[blog.PostSummary]) -> None:
        """Add older posts at the bottom."""
        with self.column:
            for post in posts:
                if post.id not in self.shown:
                    self.shown.add(post.id)
                    post_card(post)
        self.oldest = posts[-1] if posts else self.oldest
        self.empty.set_visibility(not self.shown)
        self.more.set_visibility(len(posts) == blog.PAGE_SIZE)

    async def load_older(self) -> None:
        """Fetch the page after the oldest post shown."""
        if self.oldest is not None and self.oldest.cursor is not None:
            self.append((await blog.list_posts(self.viewer, before=self.oldest.cursor)).items)

    async def on_event(self, event: Event) -> None:
        """Put a newly published post on top."""
        if not isinstance(event, blog.PostPublished) or event.post_id in self.shown:
            return
        post = await live.load_once(event, lambda: blog.get_post_by_id(ANONYMOUS, event.post_id))
        if post.id in self.shown:
            return
        self.shown.add(post.id)
        with self.column:
            post_card(post).move(target_index=0)
        self.empty.set_visibility(False)
