"""Wiring: register the pages and hold core's runtime for as long as the web server lives."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from pathlib import Path
from typing import Any

from nicegui import app, ui

from core import Settings, runtime

Lifespan = Callable[[Any], AbstractAsyncContextManager[Any]]
STATIC = Path(__file__).parent / "static"


def setup(settings: Settings) -> None:
    """Register every page and make the server wait for the database (migrated) before serving."""
    from . import pages  # noqa: F401, PLC0415  (importing registers the routes, again after a test resets them)

    ui.add_css(STATIC / "tidings.css", shared=True)
    ui.add_body_html(f"<script>{(STATIC / 'drafts.js').read_text()}</script>", shared=True)

    original: Lifespan = getattr(app.router.lifespan_context, "tidings_original", app.router.lifespan_context)

    # `app.on_startup` does not delay requests; the lifespan does, so the runtime starts here.
    @asynccontextmanager
    async def lifespan(application: Any) -> AsyncIterator[Any]:
        await runtime.start(settings)
        try:
            async with original(application) as state:
                yield state
        finally:
            await runtime.stop()

    lifespan.tidings_original = original  # type: ignore[attr-defined]  # re-running setup must not nest wrappers
    app.router.lifespan_context = lifespan
