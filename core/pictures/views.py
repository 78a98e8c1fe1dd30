"""Read models of pictures: frozen, so callers cannot write around the actions."""

from __future__ import annotations

from dataclasses import dataclass

from .addresses import avatar_url, display_url


@dataclass(frozen=True, slots=True)
class PictureView:
    """An uploaded picture: its addresses (display size, avatar thumbnail) and its size as displayed."""

    hash: str
    width: int
    height: int

    @property
    def url(self) -> str:
        """Where the picture is served at its display size (for posts)."""
        return display_url(self.hash)

    @property
    def avatar_url(self) -> str:
        """Where its square thumbnail is served (for a profile)."""
        return avatar_url(self.hash)

    def markdown(self, alt: str = "") -> str:
        """The picture as Markdown, for a post's text."""
        text = alt.replace("[", "").replace("]", "").replace("\n", " ").strip()
        return f"![{text}]({self.url})"


@dataclass(frozen=True, slots=True)
class PictureFile:
    """One encoding of a picture, ready to be served."""

    content: bytes
    content_type: str
    hash: str
