"""A live feed of post cards: older pages as the reader scrolls, new posts held in an "N new posts" bar."""

from __future__ import annotations

from nicegui import ui

from core import ANONYMOUS, Actor, DomainError, Event, NotFound, accounts, blog

from .. import live
from .posts import PostCard

CAUGHT_UP = "You're all caught up."


class FeedView:
    """The cards of one feed for one viewer, kept right by the events."""

    def __init__(self, viewer: Actor, feed: blog.Feed, *, empty: str, end: str = CAUGHT_UP) -> None:
        self.viewer, self.feed = viewer, feed
        self.follows: frozenset[int] = frozenset()
        self.cards: dict[int, PostCard] = {}
        self.waiting: dict[int, blog.PostSummary] = {}  # newly published, not shown until the reader asks
        self.next: blog.Cursor | None = None
        self.loaded = False
        self.bar = ui.button(on_click=self.show_waiting).props("unelevated rounded color=primary icon=arrow_upward")
        self.bar.classes("self-center").set_visibility(False)
        self.column = ui.column().classes("w-full gap-3")
        self.status = ui.label().classes("text-gray-500 self-center py-4")
        self.more = ui.button("Older posts", on_click=self.load_more).props("flat").classes("self-center")
        self.more.set_visibility(False)
        _load_when_visible(self.more)
        live.subscribe(blog.FEED_TOPIC, self.on_event)
        live.subscribe(blog.COMMENTS_TOPIC, self.on_comment)
        if feed.following and viewer.id is not None:  # (a Following feed is a signed-in viewer's)
            live.subscribe(accounts.user_topic(viewer.id), self.on_follow)
        self.empty_text, self.end_text = empty, end

    @property
    def shown(self) -> list[blog.PostSummary]:
        """The posts on the page, in order."""
        return [card.post for card in self.cards.values()]

    async def load(self) -> None:
        """Show the first page (with a loading line meanwhile, and a way to retry on failure); once."""
        if self.loaded:
            return
        self.loaded = True
        self.status.text = "Loading posts…"
        if self.feed.following:
            self.follows = await accounts.followed_ids(self.viewer)
        await self.load_more()

    async def load_more(self) -> None:
        """Append the next page."""
        self.more.set_visibility(False)
        try:
            page = await blog.list_posts(self.viewer, self.feed, before=self.next)
        except DomainError as error:
            self.status.text = f"Posts could not be loaded ({error}). Try again in a moment."
            self.more.set_visibility(True)
            return
        with self.column:
            for post in page.items:
                if post.id not in self.cards:
                    self.cards[post.id] = PostCard(post)
        self.next = page.next
        self.more.set_visibility(page.next is not None)
        self._show_status()

    def show_waiting(self) -> None:
        """Put the held posts on top, newest first."""
        for post in sorted(self.waiting.values(), key=lambda p: (p.published_at, p.id)):
            with self.column:
                self.cards[post.id] = PostCard(post)
            self.cards[post.id].element.move(target_index=0)
        self.waiting.clear()
        self._refresh_bar()
        self._show_status()

    async def on_event(self, event: Event) -> None:
        """Keep the cards and the bar right as posts are published, edited, favourited and withdrawn."""
        if isinstance(event, blog.FavoriteChanged):
            if card := self.cards.get(event.post_id):
                card.show_count(event.count)
        elif isinstance(event, blog.PostPublished | blog.PostRestored | blog.PostUpdated):
            await self._arrived(event)
        elif isinstance(event, blog.PostUnpublished | blog.PostArchived):
            self._withdraw(event.post_id)

    def on_comment(self, event: Event) -> None:
        """Keep a shown card's number of comments right as comments are added and deleted anywhere (the count is
        read once for every page of this process showing the post; no task per page)."""
        if isinstance(event, blog.CommentAdded | blog.CommentDeleted) and event.post_id in self.cards:
            post_id = event.post_id
            live.when_loaded(
                event,
                lambda: blog.count_comments(ANONYMOUS, post_id),
                lambda count: self._show_comments(post_id, count),
                what="comments count",
                missing=NotFound,
            )

    def on_follow(self, event: Event) -> None:
        """Follow the viewer's follows, so the Following feed knows whose new posts belong in it."""
        if isinstance(event, accounts.FollowChanged) and event.by(self.viewer):
            change = {event.followed_id}
            self.follows = self.follows | change if event.following else self.follows - change

    async def _arrived(self, event: blog.PostEvent) -> None:
        try:
            post = await live.load_once(event, lambda: blog.get_post_by_id(ANONYMOUS, event.post_id))
        except NotFound:  # no longer public by the time we looked
            return
        if not self._belongs(post):
            self._withdraw(post.id)
        elif post.id in self.cards:
            self._replace(post)
        elif isinstance(event, blog.PostPublished):
            self.waiting[post.id] = post
            if self.cards:  # hold it, so that what the reader is reading stays where it is
                self._refresh_bar()
            else:  # an empty feed has no place to keep
                self.show_waiting()

    def _belongs(self, post: blog.PostSummary) -> bool:
        return self.feed.includes(post, followed=self.follows, listed=post.id in self.cards)

    def _replace(self, post: blog.PostSummary) -> None:
        old = self.cards[post.id].element
        index = self.column.default_slot.children.index(old)
        with self.column:
            self.cards[post.id] = PostCard(post)
        self.cards[post.id].element.move(target_index=index)
        old.delete()

    def _show_comments(self, post_id: int, count: int) -> None:
        if card := self.cards.get(post_id):  # (the card on the page now: it may have been redrawn meanwhile)
            card.show_comments(count)

    def _withdraw(self, post_id: int) -> None:
        if card := self.cards.pop(post_id, None):
            card.element.delete()
        self.waiting.pop(post_id, None)
        self._refresh_bar()
        self._show_status()

    def _show_status(self) -> None:
        # The end is said: a feed that just stops scrolling looks stuck, or still loading.
        if not self.cards:
            self.status.text = self.empty_text
        else:
            self.status.text = self.end_text if self.next is None else ""
        self.status.set_visibility(bool(self.status.text))

    def _refresh_bar(self) -> None:
        count = len(self.waiting)
        self.bar.text = f"{count} new post{'' if count == 1 else 's'}"
        self.bar.set_visibility(count > 0)


def _load_when_visible(button: ui.button) -> None:
    # Infinite scroll: the browser clicks "Older posts" as soon as it scrolls into view.
    ui.run_javascript(
        f"""
        const el = getHtmlElement({button.id});
        if (el) new IntersectionObserver(entries => {{
            if (entries[0].isIntersecting && el.offsetParent !== null) el.click();
        }}).observe(el);
        """
    )
