"""How posts, authors, tags and comments look wherever they are listed."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime

from nicegui import ui

from core import blog


def when(moment: datetime | None) -> str:
    """A date as readers see it."""
    return moment.strftime("%d %b %Y") if moment else ""


def avatar(username: str, image: str | None, size: str = "md") -> None:
    """A user's picture, or the first letter of their name."""
    if image:
        with ui.avatar(size=size):
            ui.image(image).props(f'alt="{username}"')
    else:
        with ui.avatar(color="primary", text_color="white", size=size):
            ui.label(username[:1].upper()).classes("tidings-initial")


def author_line(author: blog.Author, moment: datetime | None) -> None:
    """Picture, name (a link to the profile) and date."""
    with ui.row().classes("items-center gap-2 no-wrap"):
        avatar(author.username, author.image, size="sm")
        ui.link(author.username, f"/profile/{author.username}").classes("text-sm font-medium no-underline")
        ui.label(when(moment)).classes("text-xs text-gray-500")


def tag_chips(tags: tuple[str, ...]) -> None:
    """The tags of a post, each a link to its feed."""
    if tags:
        with ui.row().classes("gap-1"):
            for tag in tags:
                ui.link(f"#{tag}", f"/?tag={tag}").classes("tidings-tag")


class PostCard:
    """A post in a feed; its favourite count follows the live events."""

    def __init__(self, post: blog.PostSummary) -> None:
        self.post = post
        with ui.card().classes("w-full gap-2").props("flat bordered") as self.element:
            with ui.row().classes("w-full items-center justify-between no-wrap"):
                author_line(post.author, post.published_at)
                self.count = ui.label().classes("text-sm text-gray-600")
            ui.link(post.title, f"/post/{post.slug}").classes(
                "text-lg font-semibold no-underline text-primary break-words"
            )
            if post.excerpt:
                ui.label(post.excerpt).classes("text-sm text-gray-700 dark:text-gray-300 break-words")
            tag_chips(post.tags)
        self.show_count(post.favorites_count)

    def show_count(self, count: int) -> None:
        """Show a new number of favourites."""
        self.count.text = f"♥ {count}" if count else ""


class CommentItem:
    """A comment: who and when, the text, and Delete for those the policy allows."""

    def __init__(self, comment: blog.CommentView, on_delete: Callable[[], Awaitable[None]] | None) -> None:
        with ui.column().classes("w-full gap-1 py-3 border-b border-gray-200 dark:border-gray-700") as self.element:
            with ui.row().classes("w-full items-center justify-between no-wrap"):
                author_line(comment.author, comment.created_at)
                if on_delete is not None:
                    ui.button(icon="delete", on_click=on_delete).props(
                        'flat round dense size=sm color=grey aria-label="Delete comment"'
                    ).tooltip("Delete this comment")
            ui.html(comment.body_html).classes("nicegui-markdown tidings-text text-sm w-full")
