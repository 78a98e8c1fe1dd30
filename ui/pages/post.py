"""A post: its text, its comments arriving live, a comment box for those allowed, Publish for its author."""

from __future__ import annotations

from nicegui import ui

from core import ANONYMOUS, Actor, Event, NotFound, allowed, blog

from .. import live, session
from ..components.feedback import attempt
from ..components.form import Form
from ..components.frame import frame
from ..components.posts import comment_item, when


@ui.page("/post/{slug}")
async def post_page(slug: str) -> None:
    """One post and its discussion."""
    viewer = await session.viewer()
    try:
        post = await blog.get_post(viewer, slug)
        comments = await blog.list_comments(viewer, post.id)
    except NotFound:
        with frame(viewer, "Not found"):
            ui.label("This post does not exist, or is not visible to you.").classes("text-lg")
            ui.link("Back to the latest posts", "/")
        return
    with frame(viewer, post.title):
        PostView(viewer, post, comments)


class PostView:
    """The page's state: the post as the viewer sees it and the comments shown so far."""

    def __init__(self, viewer: Actor, post: blog.PostView, comments: list[blog.CommentView]) -> None:
        self.viewer = viewer
        self.post = post
        self.shown: set[int] = set()
        ui.label(post.title).classes("text-3xl font-bold break-words")
        self.header()
        ui.html(post.body_html).classes("nicegui-markdown tidings-text w-full")
        ui.separator()
        self.count = ui.label().classes("text-lg font-semibold")
        self.comments = ui.column().classes("w-full gap-0")
        self.add_comments(comments)
        self.comment_box()
        live.subscribe(blog.post_topic(post.id), self.on_event)

    @ui.refreshable_method
    def header(self) -> None:
        """Author, date and status, with Publish for a draft's author."""
        with ui.row().classes("items-center gap-3"):
            if self.post.status == blog.PostStatus.DRAFT:
                ui.badge("Draft", color="orange")
                ui.label(f"by {self.post.author.username}, not yet published").classes("text-sm text-gray-500")
                if allowed(self.viewer, "post.publish", self.post):
                    ui.button("Publish", icon="send", on_click=self.publish)
            else:
                ui.label(f"by {self.post.author.username} · {when(self.post.published_at)}").classes(
                    "text-sm text-gray-500"
                )

    @ui.refreshable_method
    def comment_box(self) -> None:
        """Where the viewer writes a comment, or why they can't."""
        if allowed(self.viewer, "comment.add", self.post):
            form = Form(blog.AddComment)
            box = form.add("body", ui.textarea(placeholder="Add to the discussion (Markdown works)"))
            box.classes("w-full").props(f"outlined autogrow counter maxlength={blog.COMMENT_MAX}")
            ui.button("Comment", on_click=lambda: self.send(form)).props("unelevated").mark("submit")
        elif self.viewer.is_anonymous:
            with ui.row().classes("gap-1 text-gray-600"):
                ui.link("Sign in", "/sign-in")
                ui.label("to join the discussion.")
        else:
            ui.label("Comments open once the post is published.").classes("text-gray-600")

    def add_comments(self, comments: list[blog.CommentView]) -> None:
        """Show comments not shown yet, at the end."""
        with self.comments:
            for comment in comments:
                if comment.id not in self.shown:
                    self.shown.add(comment.id)
                    comment_item(comment)
        count = len(self.shown)
        self.count.text = f"{count} comment{'' if count == 1 else 's'}" if count else "No comments yet"

    async def send(self, form: Form) -> None:
        """Post the comment typed in the box; it stays there if it can't be posted."""
        comment = await attempt(blog.add_comment(self.viewer, post_id=self.post.id, body=form.values()["body"]), form)
        if comment is not None:
            form.fields["body"].value = ""
            self.add_comments([comment])

    async def publish(self) -> None:
        """Publish this draft."""
        post = await attempt(blog.publish_post(self.viewer, post_id=self.post.id))
        if post is not None:
            self.show(post)

    async def on_event(self, event: Event) -> None:
        """Bring a comment or a status change made anywhere onto this page."""
        if isinstance(event, blog.CommentAdded) and event.comment_id not in self.shown:
            self.add_comments([await live.load_once(event, lambda: blog.get_comment(ANONYMOUS, event.comment_id))])
        elif isinstance(event, blog.PostPublished):
            self.show(await live.load_once(event, lambda: blog.get_post_by_id(ANONYMOUS, event.post_id)))

    def show(self, post: blog.PostView) -> None:
        """Redraw what depends on the post's status."""
        self.post = post
        self.header.refresh()
        self.comment_box.refresh()
