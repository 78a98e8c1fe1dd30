"""Asking the user before something that can't be taken back."""

from __future__ import annotations

from nicegui import ui

from core import blog


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


async def ask_reason(question: str, action: str) -> str | None:
    """Ask a moderator why they act (the author will read it); None if they cancel."""
    with ui.dialog() as dialog, ui.card().classes("w-full max-w-md"):
        ui.label(question).classes("text-lg")
        reason = ui.textarea("Reason (the author will be told)").classes("w-full")
        reason.props(f"autofocus counter maxlength={blog.REASON_MAX}")
        reason.mark("reason")
        with ui.row().classes("w-full justify-end"):
            ui.button("Cancel", on_click=lambda: dialog.submit(None)).props("flat")
            ui.button(action, on_click=lambda: dialog.submit(reason.value or "")).props(
                "unelevated color=negative"
            ).mark("confirm")
    result = await dialog
    dialog.delete()
    return result if isinstance(result, str) else None
