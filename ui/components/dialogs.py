"""Asking the user before something that can't be taken back."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from nicegui import ui
from pydantic import BaseModel

from core import blog

from .feedback import settled
from .form import Form


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


async def ask_reason(
    question: str, action: str, act: Callable[[str], Awaitable[object]], rules: type[BaseModel]
) -> bool:
    """Ask a moderator why they act (the author will read it), then `act` with it; True once that went through.

    `rules` is the action's input model: the reason is checked by the action's own rule as it is typed.
    The dialog stays until the action goes through or the moderator cancels: a refusal (a reason too short, say)
    is shown in the dialog, under the field, with what was typed kept.
    """
    with ui.dialog() as dialog, ui.card().classes("w-full max-w-md"):
        ui.label(question).classes("text-lg")
        form = Form(rules)
        reason = form.add("reason", ui.textarea("Reason (the author will be told)")).classes("w-full")
        reason.props(f"autofocus counter maxlength={blog.REASON_MAX}")

        async def submit() -> None:
            if await settled(act(str(reason.value or "")), form):
                dialog.submit(True)

        with ui.row().classes("w-full justify-end"):
            ui.button("Cancel", on_click=lambda: dialog.submit(False)).props("flat")
            ui.button(action, on_click=submit).props("unelevated color=negative").mark("confirm")
    result = await dialog
    dialog.delete()
    return bool(result)
