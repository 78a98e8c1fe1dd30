"""Pictures served from PostgreSQL, at one path, by every process: `/pictures/<hash>.webp` (the display size) and
`/pictures/<hash>/avatar.webp` (the thumbnail).

A small app of its own, reached past the pages' middleware (ui/front.py): a picture needs no session or user
storage. An address names its content (a hash), so an answer never changes: browsers and proxies keep it for a year.
"""

from __future__ import annotations

from fastapi import FastAPI
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Mount, Route

from core import ANONYMOUS, NotFound, Unavailable, pictures

PREFIX = pictures.PREFIX
FOREVER = "public, max-age=31536000, immutable"


async def display(request: Request) -> Response:
    """A picture at its display size."""
    return await _serve(request, "display")


async def avatar(request: Request) -> Response:
    """A picture's avatar thumbnail."""
    return await _serve(request, "avatar")


async def _serve(request: Request, size: pictures.Size) -> Response:
    digest = str(request.path_params["hash"])
    tag = f'"{digest}-{size}"'
    if request.headers.get("if-none-match") == tag:  # the browser has it, and it never changes
        return Response(status_code=304, headers={"ETag": tag, "Cache-Control": FOREVER})
    try:
        picture = await pictures.get_picture_file(ANONYMOUS, digest, size)
    except NotFound:
        return PlainTextResponse("No such picture.", 404, headers={"Cache-Control": "no-store"})
    except Unavailable as error:
        return PlainTextResponse(str(error), 503, headers={"Retry-After": "5", "Cache-Control": "no-store"})
    headers = {"Cache-Control": FOREVER, "ETag": tag, "X-Content-Type-Options": "nosniff"}
    return Response(picture.content, media_type=picture.content_type, headers=headers)


def mount(host: FastAPI) -> None:
    """Serve the pictures under /pictures of `host`, replacing an earlier mount (the tests run main.py again)."""
    host.router.routes[:] = [r for r in host.router.routes if not (isinstance(r, Mount) and r.path == PREFIX)]
    files = Starlette(
        routes=[
            Route("/{hash}.webp", display, methods=["GET", "HEAD"]),
            Route("/{hash}/avatar.webp", avatar, methods=["GET", "HEAD"]),
        ]
    )
    host.mount(PREFIX, files)
