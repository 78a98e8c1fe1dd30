"""How posts, authors, tags and comments look wherever they are listed."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime
from functools import lru_cache
from html import escape
from urllib.parse import quote

from nicegui import ui

from core import blog

from .when import WHEN_CLASSES, when_html


def post_path(post: blog.PostSummary) -> str:
    """Where a post is read: its page; a draft never published has no address yet, so its editor."""
    return f"/post/{quote(post.slug)}" if post.slug else edit_path(post)


def edit_path(post: blog.PostSummary) -> str:
    """Where a post is edited: by its id, which never changes, while its title may."""
    return f"/edit/{post.id}"


def avatar(username: str, image: str | None, size: str = "md") -> None:
    """A user's picture, or the first letter of their name (also when the picture does not load)."""
    ui.html(avatar_html(username, image, size))


def tag_chips(tags: tuple[str, ...]) -> None:
    """The tags of a post, each a link to its feed."""
    if tags:
        with ui.row().classes("gap-1"):
            for tag in tags:
                ui.link(f"#{tag}", f"/?tag={tag}").classes("tidings-tag")


class PostCard:
    """A post in a feed; its numbers of favourites and comments follow the live events."""

    def __init__(self, post: blog.PostSummary) -> None:
        self.post = post
        self.favorites, self.comments = post.favorites_count, post.comments_count
        with ui.card().classes("w-full gap-2").props("flat bordered") as self.element:
            with ui.row().classes("w-full items-center justify-between no-wrap"):
                ui.html(byline_html(post.author.username, post.author.image, post.published_at, post.reading_minutes))
                self.counts = ui.html(counts_html(self.favorites, self.comments)).classes(COUNTS_CLASSES)
            ui.link(post.title, post_path(post)).classes("text-lg font-semibold no-underline text-primary break-words")
            if post.excerpt:
                ui.label(post.excerpt).classes("text-sm text-gray-700 dark:text-gray-300 break-words")
            tag_chips(post.tags)

    def show_count(self, count: int) -> None:
        """Show a new number of favourites."""
        self.favorites = count
        self.counts.content = counts_html(self.favorites, self.comments)

    def show_comments(self, count: int) -> None:
        """Show a new number of comments."""
        self.comments = count
        self.counts.content = counts_html(self.favorites, self.comments)


AVATAR_PX = {"xs": 18, "sm": 24, "md": 32, "lg": 38, "xl": 46}  # Quasar's avatar sizes
AVATAR_CONTENT = "q-avatar__content row flex-center overflow-hidden"
COMMENT_CLASSES = "w-full py-3 border-b border-gray-200 dark:border-gray-700"
COUNTS_CLASSES = "row items-center gap-3 no-wrap text-sm text-gray-600 dark:text-gray-400"


def avatar_html(username: str, image: str | None, size: str = "md") -> str:
    """A user's picture or initial as markup (Quasar's own classes): one element, wherever it is shown."""
    style = f'style="font-size: {AVATAR_PX[size]}px"'
    initial = escape(username[:1].upper())
    if image:
        # data-initial: what ui/static/avatars.js shows instead when the picture does not load
        inner = f'<img src="{escape(image)}" alt="{escape(username)}" data-initial="{initial}">'
        return f'<div class="q-avatar" {style}><div class="{AVATAR_CONTENT}">{inner}</div></div>'
    return (
        f'<div class="q-avatar" {style}><div class="{AVATAR_CONTENT} bg-primary text-white">'
        f'<span class="tidings-initial">{initial}</span></div></div>'
    )


@lru_cache(maxsize=1024)
def byline_html(username: str, image: str | None, moment: datetime | None, minutes: int | None = None) -> str:
    """A post's author as one piece of markup: picture, name (a link to the profile), date and reading time."""
    reading = f'<span class="{WHEN_CLASSES}">{" · " if moment else ""}{minutes} min read</span>' if minutes else ""
    return (
        f'<div class="row items-center gap-3 no-wrap">{avatar_html(username, image)}<div class="column">'
        f'<a class="nicegui-link font-medium no-underline" href="/profile/{quote(username)}">{escape(username)}</a>'
        f"<span>{when_html(moment)}{reading}</span></div></div>"
    )


@lru_cache(maxsize=1024)
def counts_html(favorites: int, comments: int) -> str:
    """How many favourites and comments a post has, each an icon and a number (read out in words)."""
    hearts = _count("favorite", favorites, "favourite", colour="text-pink-600")  # as on the post's own page
    return hearts + _count("chat_bubble_outline", comments, "comment")


def _count(icon: str, count: int, noun: str, colour: str = "") -> str:
    if not count:
        return ""
    words = f"{count} {noun}{'' if count == 1 else 's'}"
    return (
        f'<span class="row items-center gap-1 no-wrap" title="{words}">'
        f'<i class="q-icon notranslate material-icons {colour}" aria-hidden="true">{icon}</i>'
        f'<span aria-hidden="true">{count}</span><span class="sr-only">{words}</span></span>'
    )


@lru_cache(maxsize=1024)
def account_html(username: str, image: str | None) -> str:
    """The account button's picture and name, as one piece of markup."""
    return (
        f'<div class="row items-center gap-2 no-wrap">{avatar_html(username, image, "sm")}'
        f'<span class="tidings-wide-only">{escape(username)}</span></div>'
    )


@lru_cache(maxsize=1024)
def tags_html(tags: tuple[str, ...]) -> str:
    """The tags of a post as one piece of markup, each a link to its feed."""
    links = "".join(f'<a class="nicegui-link tidings-tag" href="/?tag={quote(tag)}">#{escape(tag)}</a>' for tag in tags)
    return f'<div class="row gap-1">{links}</div>'


@lru_cache(maxsize=4096)
def comment_html(comment: blog.CommentView) -> str:
    """A comment as one piece of markup: picture, name (a link to the profile), date, and the sanitised text.

    Built once per comment and shared by every page that shows it: the same string, not a copy per viewer.
    """
    author = comment.author
    return (
        '<div class="row items-center gap-2 no-wrap">'
        f"{avatar_html(author.username, author.image, 'sm')}"
        f'<a class="nicegui-link text-sm font-medium no-underline" href="/profile/{quote(author.username)}">'
        f"{escape(author.username)}</a>"
        f"{when_html(comment.created_at)}</div>"
        f'<div class="nicegui-markdown tidings-text text-sm w-full">{comment.body_html}</div>'
    )


@lru_cache(maxsize=256)
def comments_html(comments: tuple[blog.CommentView, ...]) -> str:
    """Several comments as one piece of markup, each as `CommentItem` shows it (shared by every page showing them)."""
    return "".join(f'<div class="{COMMENT_CLASSES}">{comment_html(comment)}</div>' for comment in comments)


class CommentItem:
    """A comment: who and when, the text, and Delete for those the policy allows.

    One element for most viewers (the comment's markup, shared); a row with the Delete button for the few
    who may delete it. Every element costs memory and CPU on every open page.
    """

    def __init__(self, comment: blog.CommentView, on_delete: Callable[[], Awaitable[None]] | None) -> None:
        markup = comment_html(comment)
        if on_delete is None:
            self.element: ui.element = ui.html(markup).classes(COMMENT_CLASSES)
            return
        with ui.row().classes(f"{COMMENT_CLASSES} items-start justify-between no-wrap") as self.element:
            ui.html(markup).classes("flex-1 min-w-0")
            ui.button(icon="delete", on_click=on_delete).props(
                'flat round dense size=sm color=grey aria-label="Delete comment"'
            ).tooltip("Delete this comment")
