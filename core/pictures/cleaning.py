"""From an uploaded file to the clean pictures Tidings serves: decoded by Pillow, upright, re-encoded, no metadata.

Only what Pillow decodes as JPEG, PNG, WebP or GIF is taken (sniffed from the content, never the file's name), and
what is served is always Tidings' own WebP encoding of the pixels: no EXIF (GPS, camera, date), no XMP, no comment,
no colour profile (colours are converted to sRGB first), no second file riding along. A GIF keeps its first frame.
"""

from __future__ import annotations

import asyncio
import hashlib
import io
import math
import struct
from dataclasses import dataclass

from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError

from ..errors import Invalid
from ..limits import AVATAR_SIDE, PICTURE_BYTES_MAX, PICTURE_PIXELS_MAX, PICTURE_SIDE_MAX
from .containers import Malformed, trailing_bytes

FORMATS = ("JPEG", "PNG", "WEBP", "GIF")  # the plugins Pillow may try: no other decoder ever sees an upload
CONTENT_TYPE = "image/webp"
QUALITY = 85
MEGABYTES = PICTURE_BYTES_MAX // (1024 * 1024)

TOO_BIG = f"This file is larger than {MEGABYTES} MB: use a smaller picture."
NOT_A_PICTURE = "This is not a picture Tidings takes: use a JPEG, PNG, WebP or GIF file."
TOO_MANY_PIXELS = f"This picture has more than {PICTURE_PIXELS_MAX // 1_000_000} million pixels: use a smaller one."
MORE_THAN_A_PICTURE = (
    "This file holds more than a picture (other data follows the image): save the picture again and upload that."
)
DAMAGED = "This picture is damaged and cannot be read: save it again and upload that."

# Decoding a large photo takes a few hundred megabytes for a moment: a few at a time per process, the rest wait.
_CLEANING_AT_ONCE = 2
_slots: asyncio.Semaphore | None = None
_SRGB = ImageCms.createProfile("sRGB")


@dataclass(frozen=True, slots=True)
class Cleaned:
    """A picture as Tidings serves it: the display size and the avatar thumbnail, and the hash that names them."""

    hash: str
    display: bytes
    avatar: bytes
    width: int
    height: int
    content_type: str = CONTENT_TYPE


async def clean_off_the_loop(data: bytes) -> Cleaned:
    """`clean`, in a thread: Pillow releases the GIL while it decodes, resamples and encodes, so the pages of this
    process keep being served meanwhile (a process pool would copy the file both ways and add processes to run)."""
    global _slots  # noqa: PLW0603  (made on first use, inside the running event loop)
    _slots = _slots or asyncio.Semaphore(_CLEANING_AT_ONCE)
    async with _slots:
        return await asyncio.to_thread(clean, data)


def clean(data: bytes) -> Cleaned:
    """The clean pictures made from an uploaded file; `Invalid` (on the field `data`) saying why it is refused."""
    if len(data) > PICTURE_BYTES_MAX:
        raise Invalid.field("data", TOO_BIG)
    try:
        upright = _decoded(data)
    except Invalid:
        raise
    except Image.DecompressionBombError:
        raise Invalid.field("data", TOO_MANY_PIXELS) from None
    except UnidentifiedImageError:
        raise Invalid.field("data", NOT_A_PICTURE) from None
    except (OSError, SyntaxError, ValueError, EOFError, struct.error, Malformed):  # Pillow's ways of saying "broken"
        raise Invalid.field("data", DAMAGED) from None
    display = upright.copy()
    display.thumbnail((PICTURE_SIDE_MAX, PICTURE_SIDE_MAX), Image.Resampling.LANCZOS)
    avatar = ImageOps.fit(upright, (AVATAR_SIDE, AVATAR_SIDE), Image.Resampling.LANCZOS)
    encoded = _webp(display)
    return Cleaned(hashlib.sha256(encoded).hexdigest(), encoded, _webp(avatar), display.width, display.height)


def _decoded(data: bytes) -> Image.Image:
    """The first frame, upright, in sRGB, as RGB or RGBA pixels: checked before a single pixel is decoded."""
    with Image.open(io.BytesIO(data), formats=FORMATS) as image:
        if image.width * image.height > PICTURE_PIXELS_MAX:
            raise Invalid.field("data", TOO_MANY_PIXELS)
        if trailing_bytes(data, str(image.format)):
            raise Invalid.field("data", MORE_THAN_A_PICTURE)
        if image.format in {"JPEG", "MPO"}:
            image.draft("RGB", _needed(image.size))  # a big photo decoded at 1/2, 1/4 or 1/8 scale: much faster
        image.seek(0)
        upright = ImageOps.exif_transpose(image) or image.copy()
        return _in_srgb(upright)


def _needed(size: tuple[int, int]) -> tuple[int, int]:
    """The smallest size that still gives both the display size and the avatar all their pixels."""
    width, height = size
    scale = min(1.0, max(PICTURE_SIDE_MAX / max(width, height), AVATAR_SIDE / min(width, height)))
    return math.ceil(width * scale), math.ceil(height * scale)


def _in_srgb(image: Image.Image) -> Image.Image:
    transparent = image.mode in {"RGBA", "LA", "PA"} or "transparency" in image.info
    pixels = image.convert("RGBA" if transparent else "RGB")
    profile = image.info.get("icc_profile")
    if profile:
        try:
            source = ImageCms.ImageCmsProfile(io.BytesIO(profile))
            pixels = ImageCms.profileToProfile(pixels, source, _SRGB, outputMode=pixels.mode) or pixels
        except (ImageCms.PyCMSError, OSError):
            pass  # a broken profile: the colours as they are
    pixels.info = {}  # nothing of the file's metadata goes on
    return pixels


def _webp(image: Image.Image) -> bytes:
    out = io.BytesIO()
    image.info = {}
    image.save(out, "WEBP", quality=QUALITY, method=4)
    return out.getvalue()
