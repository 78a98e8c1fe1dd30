"""Events of the blog, and the topics pages subscribe to."""

from __future__ import annotations

from dataclasses import dataclass

from ..events import Event, event

FEED_TOPIC = "posts"


def post_topic(post_id: int) -> str:
    """The topic of everything that happens to one post."""
    return f"post:{post_id}"


@event
@dataclass(frozen=True, slots=True)
class PostDrafted(Event):
    """A draft was started (seen by its author only)."""

    post_id: int
    author_id: int


@event
@dataclass(frozen=True, slots=True)
class PostPublished(Event):
    """A post went public."""

    post_id: int
    author_id: int

    @property
    def topics(self) -> tuple[str, ...]:
        return (FEED_TOPIC, post_topic(self.post_id))


@event
@dataclass(frozen=True, slots=True)
class CommentAdded(Event):
    """Someone commented on a post."""

    comment_id: int
    post_id: int
    author_id: int

    @property
    def topics(self) -> tuple[str, ...]:
        return (post_topic(self.post_id),)
