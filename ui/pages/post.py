"""A post: its text, author, tags and favourites, its discussion, and the controls its viewer is allowed."""

from __future__ import annotations

from collections.abc import Awaitable
from dataclasses import replace

from nicegui import ui

from core import ANONYMOUS, Actor, Event, NotFound, Reconnected, access, accounts, audit, blog, presence

from .. import live, reach, session
from ..components.article import headline_html
from ..components.audit import audit_list
from ..components.comments import Comments
from ..components.dialogs import act
from ..components.feedback import attempt
from ..components.follow import follow_button
from ..components.frame import frame, page_title
from ..components.missing import gone, not_found_page
from ..components.posts import byline_html, edit_path, tags_html
from ..components.returning import here, sign_in_path
from ..components.why import locked


@ui.page("/post/{slug}")
async def post_page(slug: str) -> None:
    """One post and its discussion."""
    viewer = await session.viewer()
    try:
        post = live.shared(await blog.get_post(viewer, slug))
        comments = [live.shared(comment) for comment in await blog.list_comments(viewer, post.id)]
    except NotFound:
        await not_found_page(viewer, "This post does not exist, or is not visible to you.")
        return
    async with frame(viewer, post.title):
        PostPage(viewer, post, comments)
    reach.describe(reach.post_page(post))


class PostPage:
    """The post as one viewer sees it, kept current by the post's events."""

    def __init__(self, viewer: Actor, post: blog.PostView, comments: list[blog.CommentView]) -> None:
        self.viewer, self.post = viewer, post
        self.address = here()
        with ui.column().classes("tidings-article gap-4") as self.page:
            self.header()
            self.readers = ui.label().classes("text-xs text-gray-500").mark("readers")
            self.body = ui.html(post.body_html).classes("nicegui-markdown tidings-text tidings-reading w-full")
            self.comments = Comments(viewer, post, comments)
        live.subscribe(blog.post_topic(post.id), self.on_event, accounts.user_topic(post.author_id))
        live.present(post.id, viewer, self.show_readers)
        self.show_readers()

    def show_readers(self) -> None:
        """Who else is reading, in every process."""
        self.readers.text = presence.readers(self.post.id).text

    @ui.refreshable_method
    def header(self) -> None:
        """Status, title and standfirst, author with Follow, favourites, and the author's controls."""
        post = self.post
        if post.notice:
            self.banner(post.notice)
        # What is the same for every reader (title, author, date, tags) is one shared piece of markup each:
        # every element costs memory and CPU on every open page.
        ui.html(headline_html(post.title, post.description)).classes("w-full")
        with ui.row().classes("w-full items-center gap-x-3 gap-y-2"):
            moment = post.published_at or post.updated_at
            ui.html(byline_html(post.author.username, post.author.image, moment, post.reading_minutes))
            self.follow_button()
            self.favorite_button()  # pushed to the right (ml-auto), the author's controls after it: no row around
            self.author_controls()  # them, as every element costs memory on every open page
        if post.tags:
            ui.html(tags_html(post.tags))

    def banner(self, notice: str) -> None:
        """Who can see the post, with the control that makes it public again (if the viewer may)."""
        with ui.row().classes("w-full items-center gap-3 p-3 rounded bg-amber-100 dark:bg-amber-900"):
            ui.label(notice).classes("flex-1")
            if blog.restore_post.can(self.viewer, self.post):
                ui.button("Restore", on_click=self.restore).props("unelevated")
            elif blog.publish_post.can(self.viewer, self.post):
                ui.button("Publish", on_click=self.publish).props("unelevated")

    def follow_button(self) -> None:
        """Follow or unfollow the author, when the policy allows it (a visitor is asked to sign in first)."""
        author = self.post.author
        if accounts.follow.can(self.viewer, author):
            follow_button(author.following, self.toggle_follow)
        elif self.viewer.is_anonymous:
            follow_button(False, self.sign_in_first)

    def favorite_button(self) -> None:
        """The favourite count; a button for those who may favourite (a visitor is asked to sign in first)."""
        post = self.post
        icon = "favorite" if post.favorited else "favorite_border"
        action = self.sign_in_first if self.viewer.is_anonymous else self.toggle_favorite
        button = ui.button(str(post.favorites_count), icon=icon, on_click=action)
        label = "Remove from favourites" if post.favorited else "Add to favourites"
        button.props(f'flat no-caps color=pink title="{label}" aria-label="{label}: {post.favorites_count}"')
        button.classes("ml-auto").mark("favorite")
        if not self.viewer.is_anonymous and not blog.favorite_post.can(self.viewer, post) and not post.favorited:
            button.disable()

    def sign_in_first(self) -> None:
        """Send a visitor to sign in, and back to this post afterwards."""
        ui.navigate.to(sign_in_path(self.address))

    def author_controls(self) -> None:
        """Edit in sight; unpublish, archive and history in a menu beside it, for whom the policy allows them."""
        post, viewer = self.post, self.viewer
        if blog.update_post.can(viewer, post):
            ui.button("Edit", icon="edit", on_click=lambda: ui.navigate.to(edit_path(post))).props("flat no-caps")
        elif not viewer.is_anonymous:
            locked(viewer, blog.update_post, post, "Edit")
        more = [
            ("Unpublish", self.unpublish, blog.unpublish_post.can(viewer, post)),
            ("History", self.history, access.can_read_history(viewer, post)),
            ("Archive", self.archive, blog.archive_post.can(viewer, post)),
        ]
        if any(allowed for *_, allowed in more):
            button = ui.button(icon="more_vert").props('flat round aria-label="More actions" title="More actions"')
            with button, ui.menu().props("auto-close"):
                for label, run, allowed in more:
                    if allowed:
                        item = ui.menu_item(label, run).mark(label.lower())
                        item.classes("text-negative" if label == "Archive" else "")

    async def toggle_favorite(self) -> None:
        """Favourite the post, or stop."""
        change = blog.unfavorite_post if self.post.favorited else blog.favorite_post
        if (post := await attempt(change(self.viewer, post_id=self.post.id))) is not None:
            self.show(post)

    async def toggle_follow(self) -> None:
        """Follow the author, or stop."""
        following = self.post.author.following
        change = accounts.unfollow if following else accounts.follow
        if await attempt(change(self.viewer, username=self.post.author.username)) is not None:
            self.show(replace(self.post, author=replace(self.post.author, following=not following)))

    async def publish(self) -> None:
        """Publish this draft."""
        if (post := await attempt(blog.publish_post(self.viewer, post_id=self.post.id))) is not None:
            self.show(post)

    async def unpublish(self) -> None:
        """Turn the post back into a draft (a moderator says why)."""
        post_id = self.post.id
        run = lambda reason: blog.unpublish_post(self.viewer, post_id=post_id, reason=reason)  # noqa: E731
        if await act(
            self.viewer, blog.unpublish_post, self.post, run, question="Unpublish this post?", verb="Unpublish"
        ):
            await self.reload()  # the author sees the draft; anyone else no longer sees the post

    async def archive(self) -> None:
        """Archive the post after asking (a moderator says why)."""
        post_id, detail = self.post.id, "It disappears for everyone; you can restore it."
        run = lambda reason: blog.archive_post(self.viewer, post_id=post_id, reason=reason)  # noqa: E731
        if await act(
            self.viewer,
            blog.archive_post,
            self.post,
            run,
            question="Archive this post?",
            verb="Archive",
            confirming=True,
            detail=detail,
        ):
            await self.reload()  # as the viewer: an author sees the archived post, with Restore

    async def history(self) -> None:
        """Everything done to this post, from the audit trail."""
        entries = await attempt(audit.post_history(self.viewer, self.post.id))
        if entries is None:
            return
        with ui.dialog(value=True) as dialog, ui.card().classes("w-full max-w-2xl"):
            ui.label("History of this post").classes("text-lg font-semibold")
            audit_list(entries)
            ui.button("Close", on_click=dialog.close).props("flat").classes("self-end")

    async def restore(self) -> None:
        """Bring the archived post back."""
        if (post := await attempt(blog.restore_post(self.viewer, post_id=self.post.id))) is not None:
            self.show(post)

    def on_event(self, event: Event) -> Awaitable[None] | None:
        """Follow what happens to the post and its author anywhere (only a reload is awaited: the other events,
        comments among them, cost no task per page)."""
        post = self.post
        if isinstance(event, blog.CommentAdded | blog.CommentDeleted):
            self.comments.on_event(event)
        elif isinstance(event, Reconnected):
            return self.catch_up(event)
        elif isinstance(event, blog.FavoriteChanged):
            mine = event.favorited if event.by(self.viewer) else post.favorited
            self.show(replace(post, favorites_count=event.count, favorited=mine))
        elif isinstance(event, accounts.FollowChanged):
            if event.by(self.viewer):
                self.show(replace(post, author=replace(post.author, following=event.following)))
        elif isinstance(event, blog.PostEvent | accounts.ProfileUpdated):
            return self.reload(event)
        return None

    async def catch_up(self, event: Reconnected) -> None:
        """The listener was away: whatever was missed meanwhile, the post and its comments."""
        await self.reload(event)
        await self.comments.catch_up(event)

    async def reload(self, event: Event | None = None) -> None:
        """Read the post again as the viewer may see it now.

        Public posts are read once for every page of this process that shows them, and the viewer's own
        flags (favourited, following) are kept: their own events keep those right.
        """
        try:
            post = await self._public(event) or await blog.get_post_by_id(self.viewer, self.post.id)
        except NotFound:
            self.page.clear()
            with self.page:
                gone("This post was withdrawn and is no longer visible to you.")
            return
        self.show(post)

    async def _public(self, event: Event | None) -> blog.PostView | None:
        if event is None:
            return None
        try:
            public = await live.load_once(
                event, lambda: blog.get_post_by_id(ANONYMOUS, self.post.id), blog.post_topic(self.post.id)
            )
        except NotFound:
            return None
        mine = self.post
        return replace(public, favorited=mine.favorited, author=replace(public.author, following=mine.author.following))

    def show(self, post: blog.PostView) -> None:
        """Redraw what depends on the post."""
        if post.title != self.post.title:
            ui.page_title(page_title(post.title))
        self.post = post
        self.header.refresh()
        self.body.content = post.body_html
        self.comments.follow(post)
