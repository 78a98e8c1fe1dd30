"""Wiring: register the pages and hold core's runtime for as long as the web server lives."""

from __future__ import annotations

import gc
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from pathlib import Path
from typing import Any

from nicegui import app, ui

from core import Settings, runtime

from . import code_colours, not_found, reach, security_headers, theme

Lifespan = Callable[[Any], AbstractAsyncContextManager[Any]]
STATIC = Path(__file__).parent / "static"
# In every page, before its elements are drawn.
SCRIPTS = ("drafts.js", "avatars.js", "pictures.js", "search.js", "uploaders.js", "when.js")


def setup(settings: Settings) -> None:
    """Register every page and make the server wait for the database (migrated) before serving."""
    from . import pages  # noqa: F401, PLC0415  (importing registers the routes, again after a test resets them)

    security_headers.install(app)
    reach.configure(settings.public_url)
    not_found.install(app)
    app.colors(primary=theme.PRIMARY)  # for the whole app: no colour element on every page
    ui.add_css(STATIC / "tidings.css", shared=True)
    ui.add_css(code_colours.css(), shared=True)
    for script in SCRIPTS:
        ui.add_body_html(f"<script>{(STATIC / script).read_text()}</script>", shared=True)

    original: Lifespan = getattr(app.router.lifespan_context, "tidings_original", app.router.lifespan_context)
    hold = _RuntimeHold(settings)
    # Closing a desktop window ends the process from NiceGUI's shutdown handlers, without finishing the lifespan.
    app.on_shutdown(hold.release)

    # `app.on_startup` does not delay requests; the lifespan does, so the runtime starts here.
    @asynccontextmanager
    async def lifespan(application: Any) -> AsyncIterator[Any]:
        await hold.acquire()
        if not settings.gc_default:
            calm_collector()
        try:
            async with original(application) as state:
                yield state
        finally:
            await hold.release()

    lifespan.tidings_original = original  # type: ignore[attr-defined]  # re-running setup must not nest wrappers
    app.router.lifespan_context = lifespan


# Young collections 14x rarer than Python's default (700), full ones after 20 of the middle ones instead of 10.
GC_THRESHOLDS = (10_000, 20, 20)


def calm_collector() -> None:
    """Keep Python's garbage collector from stalling every open page at once.

    A thousand open pages are millions of objects; a full collection scans them all (hundreds of milliseconds with
    the event loop stopped, while every page waits for its update). What exists after start-up (modules, the app,
    the policy) is frozen, never scanned again; collections come less often. Garbage without cycles is freed at
    once as always; what is left for the collector is found a little later.
    """
    gc.collect()
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLDS)


class _RuntimeHold:
    """The web server's one hold on core's runtime, released by whichever shutdown path comes first."""

    def __init__(self, settings: Settings) -> None:
        self._settings = settings
        self._held = False

    async def acquire(self) -> None:
        await runtime.start(self._settings)
        self._held = True

    async def release(self) -> None:
        if self._held:
            self._held = False
            await runtime.stop()
