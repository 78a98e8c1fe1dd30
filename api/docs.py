"""The API's interactive documentation: Swagger UI served by the app itself, so it works offline and in the desktop
window (FastAPI's own page loads it from a CDN)."""

from __future__ import annotations

from pathlib import Path

import fastapi_offline
from fastapi import FastAPI, Request
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

# Swagger UI 5 (OpenAPI 3.1, which FastAPI writes), as the PyPI package fastapi-offline ships it.
SWAGGER_UI = Path(fastapi_offline.__file__).parent / "static"
ASSETS = "/docs-assets"


def install(app: FastAPI, path: str = "/docs") -> None:
    """Serve Swagger UI's files and the documentation page at `path` of `app` (made with `docs_url=None`)."""
    app.mount(ASSETS, StaticFiles(directory=SWAGGER_UI), name="docs-assets")

    async def docs(request: Request) -> HTMLResponse:
        root = str(request.scope.get("root_path", "")).rstrip("/")  # "/api", where the app is mounted
        return get_swagger_ui_html(
            openapi_url=f"{root}{app.openapi_url}",
            title=f"{app.title}: documentation",
            swagger_js_url=f"{root}{ASSETS}/swagger-ui-bundle.js",
            swagger_css_url=f"{root}{ASSETS}/swagger-ui.css",
            swagger_favicon_url=f"{root}{ASSETS}/favicon.png",
        )

    app.add_api_route(path, docs, include_in_schema=False)
