"""Asking the user before something that can't be taken back."""

from __future__ import annotations

from nicegui import ui


async def confirm(question: str, action: str, *, detail: str = "") -> bool:
    """Ask `question`; True when the user clicks `action`."""
    with ui.dialog() as dialog, ui.card().classes("max-w-md"):
        ui.label(question).classes("text-lg")
        if detail:
            ui.label(detail).classes("text-sm text-gray-600")
        with ui.row().classes("w-full justify-end"):
            ui.button("Cancel", on_click=lambda: dialog.submit(False)).props("flat")
            ui.button(action, on_click=lambda: dialog.submit(True)).props("unelevated color=negative").mark("confirm")
    result = await dialog
    dialog.delete()
    return bool(result)
