"""Notification resources: what happened that concerns a user (a comment on their post, a follower, a favourite)."""

from __future__ import annotations

from enum import StrEnum

from tortoise import fields
from tortoise.models import Model

from ..accounts.models import User


class NotificationKind(StrEnum):
    """What a notification tells."""

    COMMENT = "comment"
    FOLLOW = "follow"
    FAVORITE = "favorite"
    MODERATED = "moderated"  # a moderator unpublished, archived or deleted something of theirs


class Notification(Model):
    """One thing for `user` to see in their bell; `read` once they have opened it."""

    id = fields.BigIntField(primary_key=True)
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="notifications", on_delete=fields.CASCADE
    )
    user_id: int
    kind = fields.CharEnumField(NotificationKind, max_length=16)
    actor_name = fields.CharField(max_length=32)
    post_slug = fields.CharField(max_length=120, null=True)
    post_title = fields.CharField(max_length=200, null=True)
    detail = fields.CharField(max_length=300, null=True)  # what was done and why, for moderation
    read = fields.BooleanField(default=False)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "notifications"
        indexes = (("user_id", "id"),)  # a user's newest first
