"""Uploads, an addition to the contract: a program uploads a picture and gets its address, for an article's body
(`![a picture](/pictures/<hash>.webp)`) or a user's `image` (`/pictures/<hash>/avatar.webp`)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, UploadFile

from core import pictures

from .auth import Member
from .errors import documented
from .schemas import Schema

router = APIRouter(tags=["Uploads"])
MEGABYTES = pictures.PICTURE_BYTES_MAX // (1024 * 1024)
DESCRIPTION = f"""\
An addition to the contract. Upload a picture as multipart form data, in the field `file`, with the token; the
answer (201) holds its address at display size, `url`, for an article's body (`![a picture](url)`), and its
{pictures.AVATAR_SIDE} px square thumbnail, `avatarUrl`, for a user's `image`, both on this server.

What is kept and served is Tidings' own re-encoding: WebP, at most {pictures.PICTURE_SIDE_MAX} px on its longer
side, turned upright, with no EXIF, GPS or other metadata. The same picture uploaded again has the same address. A
picture that no article, comment or profile shows is removed after {pictures.GRACE.days * 24} hours.

Refused with a 422 saying why: over {MEGABYTES} MB, not a JPEG, PNG, WebP or GIF (whatever its name says), more
than {pictures.PICTURE_PIXELS_MAX // 1_000_000} million pixels, other data after the image (a polyglot); with a 429
and Retry-After past {pictures.UPLOADS_PER_HOUR} uploads an hour.
"""


class Upload(Schema):
    url: str
    avatar_url: str
    width: int
    height: int


class UploadResponse(Schema):
    upload: Upload

    @classmethod
    def of(cls, picture: pictures.PictureView) -> UploadResponse:
        """An uploaded picture's addresses and its size as displayed."""
        return cls(
            upload=Upload(url=picture.url, avatar_url=picture.avatar_url, width=picture.width, height=picture.height)
        )


@router.post(
    "/uploads",
    operation_id="UploadPicture",
    summary="Upload a picture",
    status_code=201,
    description=DESCRIPTION,
    responses=documented(401, 403, 422, 429),
)
async def upload_picture(
    file: Annotated[UploadFile, File(description=f"A JPEG, PNG, WebP or GIF picture of at most {MEGABYTES} MB")],
    member: Member,
) -> UploadResponse:
    """Upload a picture; the answer holds its addresses on this server."""
    data = await file.read(pictures.PICTURE_BYTES_MAX + 1)  # one byte more than taken tells it is too big
    picture = await pictures.upload_picture(member, data=data, filename=file.filename or "")
    return UploadResponse.of(picture)
