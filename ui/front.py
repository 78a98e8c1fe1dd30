"""The server's front door: requests for the token-based API and for pictures go straight to their apps, past the
pages' middleware.

NiceGUI's middleware gives every request a session cookie and an entry in the user storage, for the browser of a
page; the API is token-based and pictures are public, so they need neither (nor the pages' compression and caching
rules). Their answers keep the security headers.
"""

from __future__ import annotations

from collections.abc import Callable

from fastapi import FastAPI
from starlette.routing import Match, Mount
from starlette.types import ASGIApp, Receive, Scope, Send

from .security_headers import SecurityHeaders
from .upload_limit import UploadLimit


def install(app: FastAPI, *prefixes: str) -> None:
    """Send the requests under each prefix straight to the app mounted there (once, however often `app` is set up)."""
    build: Callable[[], ASGIApp] = getattr(app.build_middleware_stack, "tidings_original", app.build_middleware_stack)

    def build_with_front() -> ASGIApp:  # Starlette builds the stack at the first request, after every mount
        stack = build()
        for prefix in prefixes:
            mount = next(r for r in app.router.routes if isinstance(r, Mount) and r.path == prefix)
            stack = Front(mount, stack)
        return UploadLimit(stack)

    build_with_front.tidings_original = build  # type: ignore[attr-defined]
    setattr(app, "build_middleware_stack", build_with_front)  # noqa: B010  (mypy forbids assigning to a method)


class Front:
    """ASGI: what the mount matches goes to it (with the security headers), everything else to `pages`."""

    def __init__(self, mount: Mount, pages: ASGIApp) -> None:
        self.mount = mount
        self.mounted = SecurityHeaders(mount.handle)
        self.pages = pages

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            match, child = self.mount.matches(scope)
            if match == Match.FULL:
                await self.mounted({**scope, **child}, receive, send)
                return
        await self.pages(scope, receive, send)
