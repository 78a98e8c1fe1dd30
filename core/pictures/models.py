"""Picture resources: clean encodings stored in PostgreSQL, named by the hash of what is served."""

from __future__ import annotations

from tortoise import fields
from tortoise.models import Model

from ..accounts.models import User


class Picture(Model):
    """A picture as Tidings serves it; identity: the SHA-256 of its display encoding.

    Kept in the database, so every process of a deployment serves every picture with nothing else to run, and a
    backup of the database holds them.
    """

    hash = fields.CharField(max_length=64, primary_key=True)
    uploader: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="pictures", null=True, on_delete=fields.SET_NULL
    )
    uploader_id: int | None
    display = fields.BinaryField()  # at most PICTURE_SIDE_MAX on its longer side
    avatar = fields.BinaryField()  # an AVATAR_SIDE square
    content_type = fields.CharField(max_length=32)  # of both encodings
    width = fields.IntField()  # of the display encoding
    height = fields.IntField()
    created_at = fields.DatetimeField(auto_now_add=True)
    # The last time anyone uploaded these bytes: an unreferenced picture is kept for a while after it
    uploaded_at = fields.DatetimeField(db_index=True)

    class Meta:
        table = "pictures"
