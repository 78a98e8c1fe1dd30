"""Account resources: users, their sign-in sessions, and who follows whom."""

from __future__ import annotations

from tortoise import fields
from tortoise.models import Model

from ..actor import Role


class User(Model):
    """Someone who can sign in; identities: username and e-mail are unique."""

    id = fields.IntField(primary_key=True)
    username = fields.CharField(max_length=32, unique=True)
    email = fields.CharField(max_length=254, unique=True)
    password_hash = fields.CharField(max_length=200)
    role = fields.CharEnumField(Role, max_length=16, default=Role.MEMBER)
    bio = fields.TextField(null=True)
    image = fields.CharField(max_length=500, null=True)
    banned = fields.BooleanField(default=False)  # may read, may not write
    banned_reason = fields.CharField(max_length=300, null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "users"


class Session(Model):
    """A signed-in browser or client; only a hash of its token is stored."""

    id = fields.BigIntField(primary_key=True)
    token_hash = fields.CharField(max_length=64, unique=True)
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="sessions", on_delete=fields.CASCADE
    )
    user_id: int
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "sessions"


class SignInFailures(Model):
    """Recent failed sign-ins of one account or one client address: what sign-in throttling counts.

    Kept in PostgreSQL so that every process of a deployment counts the same failures.
    """

    id = fields.BigIntField(primary_key=True)
    scope = fields.CharField(max_length=16)  # "account" or "address"
    key = fields.CharField(max_length=260)  # "user:<id>" or "login:<name>"; or the address
    failures = fields.IntField()
    last_failed_at = fields.DatetimeField(db_index=True)  # stale rows are deleted by their age

    class Meta:
        table = "sign_in_failures"
        unique_together = (("scope", "key"),)


class Follow(Model):
    """`follower` reads the posts of `followed` in their Following feed; identity: the pair."""

    id = fields.BigIntField(primary_key=True)
    follower: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="following", on_delete=fields.CASCADE
    )
    follower_id: int
    followed: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="followers", on_delete=fields.CASCADE
    )
    followed_id: int
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "follows"
        unique_together = (("follower", "followed"),)
        indexes = (("followed_id", "follower_id"),)  # followers of a user, and "is ann following bob?"
