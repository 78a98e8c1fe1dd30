"""What a user types, kept in their browser (localStorage) until the server has it: a reload or a long lost
connection gives it back (ui/static/drafts.js does the keeping)."""

from __future__ import annotations

import json
from typing import Any

from nicegui import ui


async def kept(key: str) -> dict[str, Any] | None:
    """What this browser kept under `key`, or None (nothing kept, or the browser did not answer)."""
    try:
        raw = await ui.run_javascript(f"return tidingsDrafts.load({json.dumps(key)})", timeout=5)
    except TimeoutError:
        return None
    value = json.loads(raw) if isinstance(raw, str) else None
    return value if isinstance(value, dict) else None


def keep(key: str, fields: dict[str, ui.element], *, now: bool = False) -> None:
    """Have the browser keep every keystroke in these fields (by name) under `key`.

    `now`: also keep what they hold already, if anything (typed before the browser was asked to keep it).
    """
    ids = {name: f"c{element.id}" for name, element in fields.items()}
    ui.run_javascript(f"tidingsDrafts.watch({json.dumps(key)}, {json.dumps(ids)}, {json.dumps(now)})")


def forget(key: str) -> None:
    """The server has it: the browser may drop what it kept under `key` (and keeps watching for more)."""
    ui.run_javascript(f"tidingsDrafts.forget({json.dumps(key)})")


def release(key: str) -> None:
    """Stop keeping anything under `key` and drop what was kept: it belongs to nothing any more."""
    ui.run_javascript(f"tidingsDrafts.release({json.dumps(key)})")
