"""Reading pictures: anyone may see a picture whose address they have (its hash cannot be guessed)."""

from __future__ import annotations

from typing import Literal

from ..actor import Actor
from ..errors import NotFound
from .addresses import is_hash
from .models import Picture
from .views import PictureFile, PictureView

Size = Literal["display", "avatar"]


async def get_picture_file(actor: Actor, digest: str, size: Size = "display") -> PictureFile:
    """The encoding of one size of a picture, to serve; NotFound if no such picture is kept."""
    if not is_hash(digest):
        raise NotFound("picture")
    found = await Picture.filter(hash=digest).values_list(size, "content_type")
    if not found:
        raise NotFound("picture")
    content, content_type = found[0]
    return PictureFile(bytes(content), content_type, digest)


async def find_picture(actor: Actor, digest: str) -> PictureView | None:
    """A kept picture's addresses and size, or None."""
    if not is_hash(digest):
        return None
    row = await Picture.filter(hash=digest).values("hash", "width", "height")
    return PictureView(row[0]["hash"], row[0]["width"], row[0]["height"]) if row else None
