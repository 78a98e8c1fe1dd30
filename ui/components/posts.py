"""How a post and a comment look in lists."""

from __future__ import annotations

from datetime import datetime

from nicegui import ui

from core import blog


def when(moment: datetime | None) -> str:
    """A timestamp as readers see it."""
    return moment.strftime("%d %b %Y, %H:%M UTC") if moment else ""


def post_card(post: blog.PostSummary) -> ui.card:
    """A post in a feed: title linking to it, author and date, the start of its text."""
    with ui.card().classes("w-full").props("flat bordered") as card:
        ui.link(post.title, f"/post/{post.slug}").classes("text-lg font-semibold no-underline text-primary")
        ui.label(f"{post.author.username} · {when(post.published_at)}").classes("text-xs text-gray-500")
        if post.excerpt:
            ui.label(post.excerpt).classes("text-sm text-gray-700 line-clamp-3")
    return card


def comment_item(comment: blog.CommentView) -> ui.column:
    """A comment: who and when, then the text."""
    with ui.column().classes("w-full gap-0 py-2 border-b border-gray-200") as item:
        ui.label(f"{comment.author.username} · {when(comment.created_at)}").classes("text-xs text-gray-500")
        ui.html(comment.body_html).classes("nicegui-markdown tidings-text text-sm w-full")
    return item
