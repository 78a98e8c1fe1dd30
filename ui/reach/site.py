"""The site's own address, for the absolute links crawlers, link previews and feed readers need."""

from __future__ import annotations

from starlette.requests import Request

_configured: list[str] = []  # the `public_url` setting, when given


def configure(public_url: str | None) -> None:
    """Use `public_url` for every absolute link (else each request's own address)."""
    _configured[:] = [public_url.rstrip("/")] if public_url else []


def base(request: Request | None = None) -> str:
    """The site's address: as configured, else as the request reached it (behind a trusted proxy, its forwarded
    scheme and host, as uvicorn resolves them)."""
    if _configured:
        return _configured[0]
    if request is None:
        request = _page_request()
    return str(request.base_url).rstrip("/") if request is not None else ""


def absolute(path: str, request: Request | None = None) -> str:
    """`path` on this site as a whole address (a whole address stays as it is)."""
    return path if path.startswith(("http://", "https://")) else base(request) + path


def _page_request() -> Request | None:
    from nicegui import context  # noqa: PLC0415  (only pages have a context; feeds and sitemaps pass their request)

    try:
        return context.client.request
    except RuntimeError:
        return None
