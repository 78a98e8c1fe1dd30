"""How search results look: posts and people found, the words that matched marked. Each result is one element of
markup (every element costs memory on every open page); everything in it but the marks is escaped text."""

from __future__ import annotations

from html import escape
from urllib.parse import quote

from core import Marked, accounts, blog

from .posts import COUNTS_CLASSES, avatar_html, byline_html, counts_html, post_path, tags_html

FOUND_CLASSES = "w-full column gap-2 p-4 rounded-md border border-gray-200 dark:border-gray-700"
NOTICE_CLASSES = "text-xs text-amber-700 dark:text-amber-300"


def marked_html(text: Marked) -> str:
    """Text with its matched words in <mark>, everything escaped."""
    return "".join(f"<mark>{escape(part)}</mark>" if matched else escape(part) for part, matched in text.parts)


def match_html(match: blog.PostMatch) -> str:
    """A post found: author and date, the title (a link to the post), a notice for the few who see it, the excerpt
    and the tags."""
    post = match.post
    notice = f'<div class="{NOTICE_CLASSES}">{escape(post.notice)}</div>' if post.notice else ""
    excerpt = marked_html(match.excerpt)
    return (
        f'<div class="row items-center justify-between no-wrap">'
        f"{byline_html(post.author.username, post.author.image, post.published_at, post.reading_minutes)}"
        f'<div class="{COUNTS_CLASSES}">{counts_html(post.favorites_count, post.comments_count)}</div></div>'
        f'<a class="nicegui-link text-lg font-semibold no-underline text-primary break-words"'
        f' href="{escape(post_path(post))}">{marked_html(match.title) or escape(post.title)}</a>{notice}'
        + (f'<div class="text-sm text-gray-700 dark:text-gray-300 break-words">{excerpt}</div>' if excerpt else "")
        + (tags_html(post.tags) if post.tags else "")
    )


def people_html(people: list[accounts.PersonMatch]) -> str:
    """The people found, each a picture, a name (a link to the profile) and the matched words of their bio."""
    return "".join(
        '<div class="row items-center gap-3 no-wrap">'
        f"{avatar_html(person.username, person.image)}"
        f'<div class="column min-w-0"><a class="nicegui-link font-medium no-underline"'
        f' href="/profile/{quote(person.username)}">{marked_html(person.name) or escape(person.username)}</a>'
        f'<span class="text-sm text-gray-600 dark:text-gray-400 break-words">{marked_html(person.bio)}</span></div>'
        "</div>"
        for person in people
    )
