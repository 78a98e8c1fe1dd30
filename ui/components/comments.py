"""A post's discussion: its comments, live, with Delete where allowed, and the box to add one."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from nicegui import ui

from core import ANONYMOUS, Actor, Event, NotFound, allowed, blog

from .. import live
from .dialogs import ask_reason, confirm
from .feedback import attempt, succeeded
from .form import Form
from .posts import CommentItem, comments_html
from .why import why_not


class Comments:
    """The comments of one post as one viewer sees them.

    For a viewer who may delete none of them (most readers), the comments there when the page opened are one
    element whose markup is shared by every such page; comments added later, and every comment for those who may
    delete it, are an element each.
    """

    def __init__(self, viewer: Actor, post: blog.PostView, comments: list[blog.CommentView]) -> None:
        self.viewer, self.post = viewer, post
        self.items: dict[int, CommentItem] = {}
        self.opened: list[blog.CommentView] = []  # the comments shown together in `self.block`
        self.block: ui.html | None = None
        self.count = ui.label().classes(
            "text-lg font-semibold w-full pt-4 border-t border-gray-200 dark:border-gray-700"
        )
        self.list = ui.column().classes("w-full gap-0")
        if comments and not any(allowed(viewer, "comment.delete", comment) for comment in comments):
            self.opened = list(comments)
            with self.list:
                self.block = ui.html(comments_html(tuple(comments))).classes("w-full")
            self._count()
        else:
            self.add(comments)
        self.box()  # the page hands this its post's comment events (one subscription per page, not two)

    @ui.refreshable_method
    def box(self) -> None:
        """Where the viewer writes a comment, or why they can't."""
        if allowed(self.viewer, "comment.add", self.post):
            form = Form(blog.AddComment)
            text = form.add("body", ui.textarea(placeholder="Add to the discussion (Markdown works)"))
            text.classes("w-full").props(f"outlined autogrow counter maxlength={blog.COMMENT_MAX}")
            ui.button("Comment", on_click=lambda: self.send(form)).props("unelevated").mark("submit")
        else:
            sign_in = ("Sign in to join the discussion", "/sign-in") if self.viewer.is_anonymous else None
            why_not(self.viewer, "comment.add", sign_in)

    def shows(self, comment_id: int) -> bool:
        """Whether the comment is on the page."""
        return comment_id in self.items or any(comment.id == comment_id for comment in self.opened)

    def add(self, comments: list[blog.CommentView]) -> None:
        """Show comments not shown yet, at the end."""
        with self.list:
            for comment in comments:
                if not self.shows(comment.id):
                    deletable = allowed(self.viewer, "comment.delete", comment)
                    self.items[comment.id] = CommentItem(comment, self._deleter(comment) if deletable else None)
        self._count()

    def remove(self, comment_id: int) -> None:
        """Take a deleted comment off the page."""
        if item := self.items.pop(comment_id, None):
            item.element.delete()
        elif self.block is not None and self.shows(comment_id):
            self.opened = [comment for comment in self.opened if comment.id != comment_id]
            self.block.content = comments_html(tuple(self.opened))
        self._count()

    def follow(self, post: blog.PostView) -> None:
        """The post changed (published, archived...): redraw the box for its new state."""
        self.post = post
        self.box.refresh()

    async def send(self, form: Form) -> None:
        """Post the comment typed in the box; it stays there if it can't be posted."""
        body = form.values()["body"]
        comment = await attempt(blog.add_comment(self.viewer, post_id=self.post.id, body=body), form)
        if comment is not None:
            form.fields["body"].value = ""
            self.add([comment])

    def on_event(self, event: Event) -> None:
        """Bring comments added or deleted anywhere onto this page.

        An added comment is read once for every page of this process (as the anonymous visitor: it is public),
        then each page adds it; NotFound means it was deleted, or the post withdrawn, before we looked.
        """
        if isinstance(event, blog.CommentAdded) and not self.shows(event.comment_id):
            load = lambda: blog.get_comment(ANONYMOUS, event.comment_id)  # noqa: E731
            live.when_loaded(event, load, lambda comment: self.add([comment]), missing=NotFound)
        elif isinstance(event, blog.CommentDeleted):
            self.remove(event.comment_id)

    def _deleter(self, comment: blog.CommentView) -> Callable[[], Awaitable[None]]:
        async def delete() -> None:
            if self.viewer.id in (comment.author_id, comment.post_author_id):
                reason = "" if await confirm("Delete this comment?", "Delete") else None
            else:  # a moderator's deletion: the author is told why
                reason = await ask_reason("Delete this comment?", "Delete")
            if reason is not None and await succeeded(
                blog.delete_comment(self.viewer, comment_id=comment.id, reason=reason or None)
            ):
                self.remove(comment.id)

        return delete

    def _count(self) -> None:
        count = len(self.items) + len(self.opened)
        self.count.text = f"{count} comment{'' if count == 1 else 's'}" if count else "No comments yet"
