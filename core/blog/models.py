"""Blog resources: posts, their tags, comments and favourites."""

from __future__ import annotations

from enum import StrEnum

from tortoise import fields
from tortoise.indexes import PartialIndex
from tortoise.models import Model

from ..accounts.models import User


class PostStatus(StrEnum):
    """Where a post is in its life: drafts are seen by their author only."""

    DRAFT = "draft"
    PUBLISHED = "published"


class Post(Model):
    """A post written in Markdown; `version` counts its edits.

    `slug` names it in links: made from the title when the post is first published, never changed after; a draft
    that was never published has none (its title is still changing).
    """

    id = fields.IntField(primary_key=True)
    slug = fields.CharField(max_length=120, unique=True, null=True)
    title = fields.CharField(max_length=200)
    description = fields.CharField(max_length=300, default="")
    body = fields.TextField()
    author: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="posts", on_delete=fields.RESTRICT
    )
    author_id: int
    status = fields.CharEnumField(PostStatus, max_length=16, default=PostStatus.DRAFT)
    archived = fields.BooleanField(default=False)  # soft-deleted: gone from every page, restorable
    version = fields.IntField(default=1)
    published_at = fields.DatetimeField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "posts"
        # The feeds walk these newest first (PostgreSQL reads a b-tree backwards), page after page by keyset.
        indexes = (
            PartialIndex(fields=("published_at", "id"), condition={"status": "published", "archived": False}),
            PartialIndex(
                fields=("author_id", "published_at", "id"), condition={"status": "published", "archived": False}
            ),
            ("author_id", "status"),
        )


class Tag(Model):
    """A topic; names are normalised (lower case, words joined by '-')."""

    id = fields.IntField(primary_key=True)
    name = fields.CharField(max_length=30, unique=True)

    class Meta:
        table = "tags"


class PostTag(Model):
    """A post is tagged with a tag; identity: the pair."""

    id = fields.BigIntField(primary_key=True)
    post: fields.ForeignKeyRelation[Post] = fields.ForeignKeyField(
        "models.Post", related_name="post_tags", on_delete=fields.CASCADE
    )
    post_id: int
    tag: fields.ForeignKeyRelation[Tag] = fields.ForeignKeyField(
        "models.Tag", related_name="post_tags", on_delete=fields.CASCADE
    )
    tag_id: int

    class Meta:
        table = "post_tags"
        unique_together = (("post", "tag"),)
        indexes = (("tag_id", "post_id"),)  # the posts of a tag


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
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "comments"
        indexes = (("post_id", "id"),)  # a post's comments in order


class Favorite(Model):
    """A user favourited a post; identity: the pair."""

    id = fields.BigIntField(primary_key=True)
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="favorites", on_delete=fields.CASCADE
    )
    user_id: int
    post: fields.ForeignKeyRelation[Post] = fields.ForeignKeyField(
        "models.Post", related_name="favorites", on_delete=fields.CASCADE
    )
    post_id: int
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "favorites"
        unique_together = (("user", "post"),)
        indexes = (("post_id", "user_id"),)  # a post's count, and "did ann favourite it?"
