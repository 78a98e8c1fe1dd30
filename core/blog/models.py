"""Blog resources: posts and their comments."""

from __future__ import annotations

from enum import StrEnum

from tortoise import fields
from tortoise.models import Model

from ..accounts.models import User


class PostStatus(StrEnum):
    """Where a post is in its life: drafts are seen by their author only."""

    DRAFT = "draft"
    PUBLISHED = "published"


class Post(Model):
    """A post written in Markdown."""

    id = fields.IntField(primary_key=True)
    title = fields.CharField(max_length=200)
    body = fields.TextField()
    author: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="posts", on_delete=fields.RESTRICT
    )
    author_id: int
    status = fields.CharEnumField(PostStatus, max_length=16, default=PostStatus.DRAFT)
    published_at = fields.DatetimeField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "posts"
        indexes = (("status", "published_at", "id"),)  # the published feed, newest first, keyset-paginated


class Comment(Model):
    """A reader's comment on a published post."""

    id = fields.IntField(primary_key=True)
    post: fields.ForeignKeyRelation[Post] = fields.ForeignKeyField(
        "models.Post", related_name="comments", on_delete=fields.CASCADE
    )
    post_id: int
    author: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="comments", on_delete=fields.CASCADE
    )
    author_id: int
    body = fields.TextField()
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "comments"
        indexes = (("post_id", "id"),)  # a post's comments in order
