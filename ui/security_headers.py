"""Security headers on every HTTP response: pages, static files, the JSON API and error answers alike."""

from __future__ import annotations

from collections.abc import Mapping

from fastapi import FastAPI
from starlette.types import ASGIApp, Message, Receive, Scope, Send

# What NiceGUI needs and nothing more (each part was found missing by tests/test_security_headers.py's browser):
# its page bootstrap is an inline script, Vue compiles templates and `run_javascript` runs code with eval, Quasar
# and Tailwind write inline styles, Quasar draws some icons as data: SVG. Pictures (avatars, images in posts) come
# from any https address. 'self' covers the page's own WebSocket (CSP 3; Safari since 15.4).
PAGE_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: https:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)
# The API's interactive documentation is Swagger UI, served by the app itself (api/docs.py): its page starts it with
# an inline script, and it draws its icons as data: SVG.
DOCS_PATH = "/api/docs"
DOCS_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self' 'unsafe-inline'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)
COMMON = {
    "X-Frame-Options": "DENY",  # frame-ancestors for browsers that predate it
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
}


def install(app: FastAPI) -> None:
    """Add the headers to every response of `app` (once, however often the app is set up)."""
    installed: set[object] = {middleware.cls for middleware in app.user_middleware}
    if SecurityHeaders not in installed:
        app.add_middleware(SecurityHeaders)


def headers_for(path: str) -> dict[str, str]:
    """The security headers of a response to `path`."""
    policy = DOCS_POLICY if path == DOCS_PATH else PAGE_POLICY
    return {"Content-Security-Policy": policy, **COMMON}


class SecurityHeaders:
    """ASGI middleware: adds the headers a response does not set itself (WebSockets pass untouched)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        extra = headers_for(scope["path"])

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = _added(message.get("headers", []), extra)
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _added(raw: list[tuple[bytes, bytes]], extra: Mapping[str, str]) -> list[tuple[bytes, bytes]]:
    present = {name.lower() for name, _ in raw}
    missing = [(name.lower().encode(), value.encode()) for name, value in extra.items()]
    return [*raw, *((name, value) for name, value in missing if name not in present)]
