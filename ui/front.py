"""The server's front door: the token-based API, pictures, feeds, the sitemap and robots.txt go straight to their apps,
past the pages' middleware.

NiceGUI's middleware gives every request a session cookie and an entry in the user storage, for the browser of a
page; the API is token-based and pictures are public, so they need neither (nor the pages' compression and caching
rules). Their answers keep the security headers.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from fastapi import FastAPI
from starlette.routing import BaseRoute, Match, Mount
from starlette.types import ASGIApp, Receive, Scope, Send

from .security_headers import SecurityHeaders
from .upload_limit import UploadLimit


def install(app: FastAPI, *prefixes: str, routes: Sequence[BaseRoute] = ()) -> None:
    """Send the requests under `prefixes` straight to the apps mounted there, and those `routes` match to them
    (once, however often `app` is set up)."""
    build: Callable[[], ASGIApp] = getattr(app.build_middleware_stack, "tidings_original", app.build_middleware_stack)

    def build_with_front() -> ASGIApp:  # Starlette builds the stack at the first request, after every mount
        mounts = [r for r in app.router.routes if isinstance(r, Mount) and r.path in prefixes]
        return UploadLimit(Front([*mounts, *routes], build()))

    build_with_front.tidings_original = build  # type: ignore[attr-defined]
    setattr(app, "build_middleware_stack", build_with_front)  # noqa: B010  (mypy forbids assigning to a method)


class Front:
    """ASGI: what one of the straight routes matches goes to it (with the security headers), the rest to `pages`."""

    def __init__(self, straight: Sequence[BaseRoute], pages: ASGIApp) -> None:
        self.straight = [(route, SecurityHeaders(route.handle)) for route in straight]
        self.pages = pages

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            for route, handle in self.straight:
                match, child = route.matches(scope)
                if match == Match.FULL:
                    await handle({**scope, **child}, receive, send)
                    return
        await self.pages(scope, receive, send)
