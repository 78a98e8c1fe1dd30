"""The moderation queue: the newest posts and comments, live, with the moderation actions inline."""

from __future__ import annotations

from html import escape

from nicegui import ui

from core import Actor, Event, blog

from ... import live
from ..dialogs import act
from ..when import when_html


class ModerationPanel:
    """Newest posts beside newest comments."""

    def __init__(self, viewer: Actor) -> None:
        self.viewer = viewer
        with ui.row().classes("w-full gap-6 items-start max-md:flex-col"):
            with ui.column().classes("flex-1 min-w-0 gap-1"):
                ui.label("Newest posts").classes("text-lg font-semibold")
                self.posts = ui.column().classes("w-full gap-1")
            with ui.column().classes("flex-1 min-w-0 gap-1"):
                ui.label("Newest comments").classes("text-lg font-semibold")
                self.comments = ui.column().classes("w-full gap-1")
        live.subscribe(blog.FEED_TOPIC, self.on_event)
        live.subscribe(blog.COMMENTS_TOPIC, self.on_event)

    async def load(self) -> None:
        """Read and draw both lists."""
        posts = (await blog.list_posts(self.viewer, limit=15)).items
        comments = await blog.list_recent_comments(self.viewer, limit=15)
        self.posts.clear()
        with self.posts:
            if not posts:
                ui.label("No published posts.").classes("text-gray-500")
            for post in posts:
                self.post_line(post)
        self.comments.clear()
        with self.comments:
            if not comments:
                ui.label("No comments.").classes("text-gray-500")
            for queued in comments:
                self.comment_line(queued)

    def post_line(self, post: blog.PostSummary) -> None:
        """A post with Unpublish and Archive."""
        with ui.row().classes("w-full items-center gap-x-2 border-b py-1"):
            with ui.column().classes("gap-0 flex-1 min-w-48"):
                ui.link(post.title, f"/post/{post.slug}").classes("truncate")
                byline = f"{escape(post.author.username)} · {when_html(post.published_at, '')}"
                ui.html(byline, tag="span").classes("text-xs text-gray-500")
            if blog.unpublish_post.can(self.viewer, post):
                ui.button("Unpublish", icon="unpublished", on_click=lambda: self.withdraw(post, archive=False)).props(
                    "flat dense no-caps size=sm"
                ).mark(f"unpublish-{post.slug}")
            if blog.archive_post.can(self.viewer, post):
                ui.button("Archive", icon="archive", on_click=lambda: self.withdraw(post, archive=True)).props(
                    "flat dense no-caps size=sm color=negative"
                ).mark(f"archive-{post.slug}")

    def comment_line(self, queued: blog.QueuedComment) -> None:
        """A comment with Delete."""
        comment = queued.comment
        with ui.row().classes("w-full items-center gap-x-2 border-b py-1"):
            with ui.column().classes("gap-0 flex-1 min-w-48"):
                ui.label(comment.body[:140]).classes("text-sm break-words").mark(f"queued-comment-{comment.id}")
                ui.link(f"{comment.author.username} on “{queued.post_title}”", f"/post/{queued.post_slug}").classes(
                    "text-xs"
                )
            if blog.delete_comment.can(self.viewer, queued):
                ui.button("Delete", icon="delete", on_click=lambda: self.delete(comment)).props(
                    "flat dense no-caps size=sm color=negative"
                ).mark(f"delete-comment-{comment.id}")

    async def withdraw(self, post: blog.PostSummary, *, archive: bool) -> None:
        """Unpublish or archive a post, saying why."""
        verb, action = ("Archive", blog.archive_post) if archive else ("Unpublish", blog.unpublish_post)
        run = lambda reason: action(self.viewer, post_id=post.id, reason=reason)  # noqa: E731
        if await act(self.viewer, action, post, run, question=f"{verb} “{post.title}”?", verb=verb, confirming=True):
            await self.load()

    async def delete(self, comment: blog.CommentView) -> None:
        """Delete a comment, saying why."""
        run = lambda reason: blog.delete_comment(self.viewer, comment_id=comment.id, reason=reason)  # noqa: E731
        question = "Delete this comment?"
        if await act(self.viewer, blog.delete_comment, comment, run, question=question, verb="Delete", confirming=True):
            await self.load()

    async def on_event(self, event: Event) -> None:
        """New posts and comments (and withdrawals) arrive in the queue as they happen."""
        if not isinstance(event, blog.FavoriteChanged):
            await self.load()
