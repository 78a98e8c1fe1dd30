"""Coming back to where one was: a visitor sent to sign in returns to the page they left."""

from __future__ import annotations

from urllib.parse import quote, urlsplit

from nicegui import context


def sign_in_path(back: str | None = None) -> str:
    """The sign-in page, returning to `back` (this page, when not given) afterwards."""
    return returning("/sign-in", here() if back is None else back)


def returning(path: str, back: str) -> str:
    """`path` (signing in or up), then back to `back`."""
    if back.startswith(("/sign-in", "/sign-up")):
        return path
    return f"{path}?next={quote(back, safe='/')}" if back not in ("", "/") else path


def here() -> str:
    """The address of the page being shown (its path and query)."""
    request = context.client.request
    if request is None:
        return "/"
    query = request.url.query
    return request.url.path + (f"?{query}" if query else "")


def back_to(next_path: str | None) -> str:
    """Where to go after signing in: `next_path` when it is a page of this site, else home."""
    if not next_path or not next_path.startswith("/") or next_path.startswith("//") or "\\" in next_path:
        return "/"
    parts = urlsplit(next_path)
    return next_path if not (parts.scheme or parts.netloc) else "/"
