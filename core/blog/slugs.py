"""Slugs: the stable, readable names of posts in links."""

from __future__ import annotations

import re
import secrets
import unicodedata

from .models import Post

_NOT_WORD = re.compile(r"[^a-z0-9]+")
SLUG_BASE_MAX = 100


def slugify(title: str) -> str:
    """ "Hello, Wörld!" → "hello-world" (ASCII letters and digits joined by '-'; "post" when nothing is left)."""
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode().lower()
    slug = _NOT_WORD.sub("-", ascii_title).strip("-")[:SLUG_BASE_MAX].strip("-")
    return slug or "post"


async def unique_slug(title: str) -> str:
    """A slug for a new post: the title's, with a short random suffix when that one is taken."""
    slug = slugify(title)
    while await Post.filter(slug=slug).exists():
        slug = f"{slugify(title)}-{secrets.token_hex(3)}"
    return slug
