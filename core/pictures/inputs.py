"""The input rules of the picture actions."""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, Field

from ..limits import PICTURE_BYTES_MAX
from ..validation import Command
from .cleaning import TOO_BIG

FILENAME_MAX = 255


def _not_too_big(data: bytes) -> bytes:
    if len(data) > PICTURE_BYTES_MAX:
        raise ValueError(TOO_BIG)
    if not data:
        raise ValueError("This file is empty: choose a picture.")
    return data


class UploadPicture(Command):
    """A picture file as uploaded; its name is only recorded (its content alone says what it is)."""

    data: Annotated[bytes, Field(strict=True), AfterValidator(_not_too_big)]  # a file's bytes, never text
    filename: Annotated[str, Field(max_length=FILENAME_MAX)] = ""
