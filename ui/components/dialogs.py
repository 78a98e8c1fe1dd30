"""Asking the user before something that can't be taken back."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Protocol

from nicegui import context, ui
from pydantic import BaseModel

from core import Actor, blog

from .feedback import settled, succeeded
from .form import Form

Run = Callable[[str | None], Awaitable[object]]  # the action, called with the reason given (None: none asked)


class Explained(Protocol):
    """An action some must explain (acting on someone else's content: its author is told why)."""

    @property
    def input_model(self) -> type[BaseModel]: ...

    def needs_reason(self, actor: Actor, row: object) -> bool: ...


async def act(
    viewer: Actor,
    action: Explained,
    row: object,
    run: Run,
    *,
    question: str,
    verb: str,
    confirming: bool = False,
    detail: str = "",
) -> bool:
    """Run `action` on `row` as `viewer`; True when it went through.

    Asks the reason when the action needs one from this viewer (its author is told); else asks `question` first
    when `confirming` (saying `detail`), or just runs it.
    """
    if action.needs_reason(viewer, row):
        return await ask_reason(question, verb, run, action.input_model)
    if confirming and not await confirm(question, verb, detail=detail):
        return False
    return await succeeded(run(None))


async def confirm(question: str, action: str, *, detail: str = "") -> bool:
    """Ask `question`; True when the user clicks `action`."""
    with page_dialog() as dialog, ui.card().classes("max-w-md"):
        ui.label(question).classes("text-lg")
        if detail:
            ui.label(detail).classes("text-sm text-gray-600")
        with ui.row().classes("w-full justify-end"):
            ui.button("Cancel", on_click=lambda: dialog.submit(False)).props("flat")
            ui.button(action, on_click=lambda: dialog.submit(True)).props("unelevated color=negative").mark("confirm")
    result = await dialog
    if not dialog.is_deleted:
        dialog.delete()
    return bool(result)


async def ask_reason(question: str, action: str, run: Run, rules: type[BaseModel]) -> bool:
    """Ask a moderator why they act (the author will read it), then `run` with it; True once that went through.

    `rules` is the action's input model: the reason is checked by the action's own rule as it is typed.
    The dialog stays until the action goes through or the moderator cancels: a refusal (a reason too short, say)
    is shown in the dialog, under the field, with what was typed kept.
    """
    with page_dialog() as dialog, ui.card().classes("w-full max-w-md"):
        ui.label(question).classes("text-lg")
        form = Form(rules)
        reason = form.add("reason", ui.textarea("Reason (the author will be told)")).classes("w-full")
        reason.props(f"autofocus counter maxlength={blog.REASON_MAX}")

        async def submit() -> None:
            if await settled(run(str(reason.value or "")), form):
                dialog.submit(True)

        with ui.row().classes("w-full justify-end"):
            ui.button("Cancel", on_click=lambda: dialog.submit(False)).props("flat")
            ui.button(action, on_click=submit).props("unelevated color=negative").mark("confirm")
    result = await dialog
    if not dialog.is_deleted:
        dialog.delete()
    return bool(result)


def page_dialog() -> ui.dialog:
    """A dialog belonging to the page itself, not to the part that opened it: a list redrawn live (its row gone)
    while the dialog is open must not take the dialog with it."""
    with context.client.content:
        return ui.dialog()
