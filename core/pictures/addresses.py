"""Where a picture is served, and how its address is recognised wherever it is written (a profile, a post)."""

from __future__ import annotations

import re

PREFIX = "/pictures"
EXTENSION = "webp"
AVATAR = "avatar"  # the thumbnail's name, under the picture's own address
HASH = r"[0-9a-f]{64}"
# A Tidings picture address, as stored in a profile or written in Markdown
ADDRESS = re.compile(rf"{PREFIX}/(?P<hash>{HASH})(?:\.{EXTENSION}|/{AVATAR}\.{EXTENSION})")
_HASH = re.compile(HASH)
# As PostgreSQL finds them in any text (pruning)
IN_TEXT_SQL = rf"{PREFIX}/({HASH})"


def display_url(digest: str) -> str:
    """The address of a picture at its display size."""
    return f"{PREFIX}/{digest}.{EXTENSION}"


def avatar_url(digest: str) -> str:
    """The address of a picture's avatar thumbnail."""
    return f"{PREFIX}/{digest}/{AVATAR}.{EXTENSION}"


def is_hash(value: str) -> bool:
    """Whether `value` could name a picture (64 lower-case hexadecimal digits)."""
    return _HASH.fullmatch(value) is not None


def is_picture_address(value: str) -> bool:
    """Whether `value` is the address of one of Tidings' own pictures (either size)."""
    return ADDRESS.fullmatch(value) is not None
