"""The API as a FastAPI application of its own, mounted under /api of NiceGUI's app (its own docs included)."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.middleware.gzip import GZipMiddleware
from starlette.routing import Mount

from core import Settings

from . import articles, comments, docs, errors, profiles, uploads, users
from .auth import Tokens

PREFIX = "/api"
DESCRIPTION = """\
Tidings' JSON API: the [RealWorld "Conduit"](https://realworld-docs.netlify.app/) contract (version 1.1.0)
over the same core as the pages, so every write appears live in every open browser.

Articles are published posts: creating one publishes it, deleting one archives it. `PUT /user` changes the
password only with `currentPassword` beside the new `password`. Two additions: `GET /articles?q=...` searches the
articles, best first, and `POST /uploads` takes a picture and answers its address, for an article's body or a user's
`image`.
"""


def create_app(settings: Settings) -> FastAPI:
    """The API, signing its tokens with the settings' secret."""
    app = FastAPI(
        title="Tidings API (RealWorld Conduit)",
        version="1.1.0",
        description=DESCRIPTION,
        docs_url=None,  # see docs.py: FastAPI's own page loads Swagger UI from a CDN
        redoc_url=None,
        openapi_url="/openapi.json",
    )
    app.state.tokens = Tokens(settings.resolved_secret())
    # Served past the pages' middleware (ui/front.py), the API compresses its own answers, as the pages' did.
    app.add_middleware(GZipMiddleware, minimum_size=500)
    errors.install(app)
    docs.install(app)
    for module in (users, profiles, articles, comments, uploads):
        app.include_router(module.router)
    return app


def mount(host: FastAPI, settings: Settings) -> None:
    """Serve the API under /api of `host`, replacing an earlier mount (the tests run main.py again and again)."""
    host.router.routes[:] = [r for r in host.router.routes if not (isinstance(r, Mount) and r.path == PREFIX)]
    host.mount(PREFIX, create_app(settings))
