"""Search: posts and people matching what the reader types, as they type; the address follows (`/search?q=...`)."""

from __future__ import annotations

from urllib.parse import urlencode

from nicegui import ui

from core import limits

from .. import reach, session
from ..components.frame import frame, page_title
from ..components.search import SearchResults

TYPING_PAUSE_MS = 300  # the browser sends what was typed once the reader pauses this long


@ui.page("/search")
async def search_page(q: str = "") -> None:
    """The results for `q`, and a box to search again."""
    viewer = await session.viewer()
    async with frame(viewer, _title(q)):
        box = ui.input(value=q, placeholder="Search posts and people").classes("w-full").mark("search")
        box.props(f"type=search outlined clearable autofocus debounce={TYPING_PAUSE_MS} maxlength={limits.SEARCH_MAX}")
        results = SearchResults(viewer)
        box.on_value_change(lambda event: _typed(results, event.value or ""))
        await results.search(q)
    reach.describe(reach.search_page(q, address(q), [match.post for _, match in results.shown.values()]))


async def _typed(results: SearchResults, text: str) -> None:
    ui.navigate.history.replace(address(text))
    ui.page_title(page_title(_title(text)))
    await results.search(text)


def address(text: str) -> str:
    """The address of the results for `text`."""
    return f"/search?{urlencode({'q': text})}" if text.strip() else "/search"


def _title(text: str) -> str:
    return f"{text.strip()} · Search" if text.strip() else "Search"
