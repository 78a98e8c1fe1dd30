"""Read models of the blog: frozen, carrying the fields the policy rules name (author_id, status, archived)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Generic, TypeVar

from ..textsearch import Marked
from .models import PostStatus

T = TypeVar("T")
WORDS_PER_MINUTE = 230  # how fast people read a text on a screen, about
Cursor = tuple[datetime, int]  # (published_at, id) of the last post of a page


@dataclass(frozen=True, slots=True)
class Author:
    """Who wrote a post or comment, as the viewer sees them."""

    id: int
    username: str
    bio: str | None
    image: str | None
    following: bool  # whether the viewer follows them


@dataclass(frozen=True, slots=True)
class PostSummary:
    """A post in a list: everything but its text."""

    id: int
    slug: str | None  # None until the post is first published
    title: str
    description: str
    excerpt: str  # the description, or the first words of the text
    tags: tuple[str, ...]
    author: Author
    status: PostStatus
    archived: bool
    favorites_count: int
    favorited: bool  # whether the viewer favourited it
    comments_count: int
    words: int  # in its text, counted by the database as the text is written
    published_at: datetime | None
    created_at: datetime
    updated_at: datetime

    @property
    def author_id(self) -> int:
        """The author's id (the policy rules name it)."""
        return self.author.id

    @property
    def is_draft(self) -> bool:
        """Whether it is a draft (its author's alone; saved as they type)."""
        return self.status == PostStatus.DRAFT

    @property
    def notice(self) -> str | None:
        """Why only some see this post, for those who do (None: it is public)."""
        if self.archived:
            return "This post is archived: nobody else can see it."
        return "This is a draft: only you can see it." if self.is_draft else None

    @property
    def reading_minutes(self) -> int:
        """How long its text takes to read, in whole minutes (at least one)."""
        return max(1, round(self.words / WORDS_PER_MINUTE))

    @property
    def cursor(self) -> Cursor | None:
        """Where the page after this post starts."""
        return (self.published_at, self.id) if self.published_at else None


@dataclass(frozen=True, slots=True)
class PostView(PostSummary):
    """A whole post: its Markdown, the same rendered to safe HTML, and the version edits must name."""

    body: str
    body_html: str
    version: int


@dataclass(frozen=True, slots=True)
class CommentView:
    """A comment with its author and its text rendered to safe HTML."""

    id: int
    post_id: int
    post_author_id: int  # the post's author may delete any comment on it
    author: Author
    body: str
    body_html: str
    created_at: datetime
    updated_at: datetime

    @property
    def author_id(self) -> int:
        """The comment's author's id (the policy rules name it)."""
        return self.author.id


@dataclass(frozen=True, slots=True)
class TagCount:
    """A tag and how many published posts carry it."""

    name: str
    posts: int


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    """One page of a list; `next` starts the following page (None on the last)."""

    items: list[T]
    next: Cursor | None


@dataclass(frozen=True, slots=True)
class QueuedComment:
    """A comment in the moderation queue, with the post it is on."""

    comment: CommentView
    post_slug: str
    post_title: str

    @property
    def author_id(self) -> int:
        """The comment's author's id (the policy rules name it)."""
        return self.comment.author_id

    @property
    def post_author_id(self) -> int:
        """The post's author's id (the policy rules name it)."""
        return self.comment.post_author_id


@dataclass(frozen=True, slots=True)
class PostMatch:
    """A post a search found: the post, and its title and an excerpt with the matched words marked."""

    post: PostSummary
    title: Marked
    excerpt: Marked
    rank: float  # ts_rank: higher is better


@dataclass(frozen=True, slots=True)
class SearchPage:
    """One page of a search's results, best first; `total` counts the results a reader can page through."""

    searched: str  # the text as searched: cut to its limit, what no text can hold taken out
    words: bool  # whether that text has any word to look for
    matches: tuple[PostMatch, ...]
    total: int
    offset: int

    @property
    def next_offset(self) -> int | None:
        """Where the next page starts (None: this is the last)."""
        end = self.offset + len(self.matches)
        return end if self.matches and end < self.total else None
