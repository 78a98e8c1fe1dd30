"""A post's discussion: its comments, live, with Delete where allowed, and the box to add one."""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from typing import Any

from nicegui import ui
from nicegui.elements.mixins.validation_element import ValidationElement

from core import ANONYMOUS, Actor, NotFound, Reconnected, blog

from .. import live
from . import drafts
from .dialogs import act
from .feedback import attempt
from .form import Form
from .posts import CommentItem, comments_html
from .returning import sign_in_path
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
        self.shown_at: dict[int, float] = {}  # when each comment added one by one came onto the page
        self.opened_at = time.monotonic()  # ...and when those of `self.block` did
        self.opened: list[blog.CommentView] = []  # the comments shown together in `self.block`
        self.block: ui.html | None = None
        self.count = ui.label().classes(
            "text-lg font-semibold w-full pt-4 border-t border-gray-200 dark:border-gray-700"
        )
        self.list = ui.column().classes("w-full gap-0")
        if comments and not any(blog.delete_comment.can(viewer, comment) for comment in comments):
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
        if blog.add_comment.can(self.viewer, self.post):
            form = Form(blog.AddComment)
            text = form.add("body", ui.textarea(placeholder="Add to the discussion (Markdown works)"))
            text.props('aria-label="Your comment"')
            text.classes("w-full").props(f"outlined autogrow counter maxlength={blog.COMMENT_MAX}")
            ui.button("Comment", on_click=lambda: self.send(form)).props("unelevated").mark("submit")
            ui.timer(0.1, lambda: self.restore(text), once=True)
        else:
            sign_in = ("Sign in to join the discussion", sign_in_path()) if self.viewer.is_anonymous else None
            why_not(self.viewer, blog.add_comment, self.post, sign_in)

    def shows(self, comment_id: int) -> bool:
        """Whether the comment is on the page."""
        return comment_id in self.items or any(comment.id == comment_id for comment in self.opened)

    def add(self, comments: list[blog.CommentView]) -> None:
        """Show comments not shown yet, at the end."""
        with self.list:
            for comment in comments:
                if not self.shows(comment.id):
                    deletable = blog.delete_comment.can(self.viewer, comment)
                    self.items[comment.id] = CommentItem(comment, self._deleter(comment) if deletable else None)
                    self.shown_at[comment.id] = time.monotonic()
        self._count()

    def remove(self, comment_id: int) -> None:
        """Take a deleted comment off the page."""
        self.shown_at.pop(comment_id, None)
        if item := self.items.pop(comment_id, None):
            item.element.delete()
        elif self.block is not None and self.shows(comment_id):
            self.opened = [comment for comment in self.opened if comment.id != comment_id]
            self.block.content = comments_html(tuple(self.opened))
        self._count()

    def follow(self, post: blog.PostView) -> None:
        """The post changed: redraw the box if the viewer's right to comment did (else what they type stays)."""
        could = blog.add_comment.can(self.viewer, self.post)
        self.post = post
        if blog.add_comment.can(self.viewer, post) != could:
            self.box.refresh()

    async def send(self, form: Form) -> None:
        """Post the comment typed in the box; it stays there if it can't be posted."""
        body = form.values()["body"]
        comment = await attempt(blog.add_comment(self.viewer, post_id=self.post.id, body=body), form)
        if comment is not None:
            form.fields["body"].value = ""
            drafts.forget(self.draft_key)
            self.add([comment])

    @property
    def draft_key(self) -> str:
        """Where this browser keeps a comment being written on this post."""
        return f"tidings-comment:{self.post.id}"

    async def restore(self, box: ValidationElement[Any]) -> None:
        """Give back a comment typed in this browser but never sent (a reload, a long lost connection)."""
        kept = await drafts.kept(self.draft_key)
        if kept is not None and isinstance(kept.get("body"), str) and not box.value:
            box.value = kept["body"]
        drafts.keep(self.draft_key, {"body": box}, now=True)

    def on_event(self, event: blog.CommentAdded | blog.CommentDeleted) -> None:
        """Bring comments added or deleted anywhere onto this page.

        An added comment is read once for every page of this process (as the anonymous visitor: it is public),
        then each page adds it; NotFound means it was deleted, or the post withdrawn, before we looked.
        """
        if isinstance(event, blog.CommentAdded) and not self.shows(event.comment_id):
            load = lambda: blog.get_comment(ANONYMOUS, event.comment_id)  # noqa: E731
            live.when_loaded(event, load, lambda comment: self.add([comment]), missing=NotFound)
        elif isinstance(event, blog.CommentDeleted):
            self.remove(event.comment_id)

    async def catch_up(self, event: Reconnected) -> None:
        """The listener was away: show the comments added, and drop those deleted, meanwhile."""
        post_id = self.post.id

        async def read(viewer: Actor) -> tuple[float, list[blog.CommentView]]:
            return time.monotonic(), await blog.list_comments(viewer, post_id)

        try:
            read_at, comments = await live.load_once(event, lambda: read(ANONYMOUS), f"comments of {post_id}")
        except NotFound:  # not public (a draft, or withdrawn): as the viewer, if they still may read it
            try:
                read_at, comments = await read(self.viewer)
            except NotFound:
                return  # the post page says it is gone
        # Only what was on the page before the read began can be missing from it because it was deleted.
        read_ids = {comment.id for comment in comments}
        shown = [*self.shown_at.items(), *((comment.id, self.opened_at) for comment in self.opened)]
        for gone in [i for i, shown_at in shown if shown_at < read_at and i not in read_ids]:
            self.remove(gone)
        self.add(comments)

    def _deleter(self, comment: blog.CommentView) -> Callable[[], Awaitable[None]]:
        async def delete() -> None:
            run = lambda reason: blog.delete_comment(self.viewer, comment_id=comment.id, reason=reason)  # noqa: E731
            question = "Delete this comment?"
            if await act(
                self.viewer, blog.delete_comment, comment, run, question=question, verb="Delete", confirming=True
            ):
                self.remove(comment.id)

        return delete

    def _count(self) -> None:
        count = len(self.items) + len(self.opened)
        self.count.text = f"{count} comment{'' if count == 1 else 's'}" if count else "No comments yet"
