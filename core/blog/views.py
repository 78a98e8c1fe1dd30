"""Read models of the blog: frozen, carrying the fields the policy rules name (author_id, status)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from .markdown import excerpt, render
from .models import Comment, Post, PostStatus


@dataclass(frozen=True, slots=True)
class PostView:
    """A post with its author's name and its body rendered to safe HTML."""

    id: int
    title: str
    body: str
    body_html: str
    excerpt: str
    author_id: int
    author_name: str
    status: PostStatus
    published_at: datetime | None
    created_at: datetime
    updated_at: datetime

    @classmethod
    def of(cls, post: Post, author_name: str) -> PostView:
        """The read model of a post row."""
        body_html = render(post.body)
        return cls(
            id=post.id,
            title=post.title,
            body=post.body,
            body_html=body_html,
            excerpt=excerpt(body_html),
            author_id=post.author_id,
            author_name=author_name,
            status=PostStatus(post.status),
            published_at=post.published_at,
            created_at=post.created_at,
            updated_at=post.updated_at,
        )


@dataclass(frozen=True, slots=True)
class CommentView:
    """A comment with its author's name and its body rendered to safe HTML."""

    id: int
    post_id: int
    author_id: int
    author_name: str
    body_html: str
    created_at: datetime

    @classmethod
    def of(cls, comment: Comment, author_name: str) -> CommentView:
        """The read model of a comment row."""
        return cls(
            id=comment.id,
            post_id=comment.post_id,
            author_id=comment.author_id,
            author_name=author_name,
            body_html=render(comment.body),
            created_at=comment.created_at,
        )
