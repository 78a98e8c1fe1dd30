"""How a post opens on its own page: the title, and the description beneath it as the standfirst."""

from __future__ import annotations

from functools import lru_cache
from html import escape


@lru_cache(maxsize=1024)
def headline_html(title: str, description: str) -> str:
    """The post's title (its page's only h1) and standfirst, as one piece of markup shared by every reader."""
    standfirst = f'<p class="tidings-standfirst q-mt-sm q-mb-none">{escape(description)}</p>' if description else ""
    return f'<h1 class="tidings-title q-ma-none break-words">{escape(title)}</h1>{standfirst}'
