"""Account resources: users and their sign-in sessions."""

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
