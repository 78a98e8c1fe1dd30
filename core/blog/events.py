"""Events of the blog, and the topics pages subscribe to."""

from __future__ import annotations

from dataclasses import dataclass

from ..actor import Actor
from ..events import Event, event

FEED_TOPIC = "posts"  # what changes the lists of published posts
COMMENTS_TOPIC = "comments"  # every comment added or deleted (the moderation queue)


def post_topic(post_id: int) -> str:
    """The topic of everything that happens to one post."""
    return f"post:{post_id}"


@dataclass(frozen=True, slots=True)
class PostEvent(Event):
    """Something happened to a post."""

    post_id: int
    author_id: int

    @property
    def topics(self) -> tuple[str, ...]:
        return (FEED_TOPIC, post_topic(self.post_id))


@event
@dataclass(frozen=True, slots=True)
class PostDrafted(PostEvent):
    """A draft was started (seen by its author only)."""

    @property
    def topics(self) -> tuple[str, ...]:
        return (post_topic(self.post_id),)


@event
@dataclass(frozen=True, slots=True)
class PostPublished(PostEvent):
    """A post went public."""


@event
@dataclass(frozen=True, slots=True)
class PostUpdated(PostEvent):
    """A post's title, description, text or tags changed; `version` is its new version."""

    version: int


@event
@dataclass(frozen=True, slots=True)
class PostUnpublished(PostEvent):
    """A post went back to being a draft."""


@event
@dataclass(frozen=True, slots=True)
class PostArchived(PostEvent):
    """A post was archived: gone from every list and page."""


@event
@dataclass(frozen=True, slots=True)
class PostRestored(PostEvent):
    """An archived post is back."""


@event
@dataclass(frozen=True, slots=True)
class FavoriteChanged(PostEvent):
    """Someone favourited (or stopped favouriting) a post; `count` is its new number of favourites."""

    user_id: int
    favorited: bool
    count: int

    def by(self, actor: Actor) -> bool:
        """Whether `actor` is who favourited (or stopped)."""
        return self.user_id == actor.id


@event
@dataclass(frozen=True, slots=True)
class CommentAdded(Event):
    """Someone commented on a post."""

    comment_id: int
    post_id: int
    author_id: int

    @property
    def topics(self) -> tuple[str, ...]:
        return (post_topic(self.post_id), COMMENTS_TOPIC)


@event
@dataclass(frozen=True, slots=True)
class CommentDeleted(Event):
    """A comment was removed."""

    comment_id: int
    post_id: int

    @property
    def topics(self) -> tuple[str, ...]:
        return (post_topic(self.post_id), COMMENTS_TOPIC)
