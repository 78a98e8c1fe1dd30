"""Addresses that lead nowhere: Tidings' own not-found page, answered with 404 (JSON for what is not a page)."""

from __future__ import annotations

from fastapi import FastAPI, Request, Response
from fastapi.exception_handlers import http_exception_handler
from nicegui import Client, ui
from starlette.exceptions import HTTPException

from . import session
from .components.missing import not_found_page

NOTHING_HERE = "There is nothing at this address."


def install(app: FastAPI) -> None:
    """Answer every 404 of `app` with Tidings' page, in place of NiceGUI's stock one."""
    app.add_exception_handler(404, _not_found)


async def _not_found(request: Request, error: Exception) -> Response:
    if _from_an_endpoint(request, error):
        assert isinstance(error, HTTPException)
        return await http_exception_handler(request, error)  # a file or a resource: answered in JSON as before
    with Client(ui.page(""), request=request) as client:
        await not_found_page(await session.viewer(), NOTHING_HERE)
    return client.build_response(request, 404)


def _from_an_endpoint(request: Request, error: Exception) -> bool:
    """Whether a route that is not a page said 404 (no route at all is an unknown address)."""
    endpoint = request.scope.get("endpoint")
    is_page = bool(request.scope.get("nicegui_page_path"))
    return endpoint is not None and endpoint is not request.app and not is_page and isinstance(error, HTTPException)
