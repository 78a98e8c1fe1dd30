"""Saying why a control is missing: the action's own answer (its policy row or its state), never a page's words."""

from __future__ import annotations

from html import escape
from typing import Protocol

from nicegui import ui

from core import Actor


class Asked(Protocol):
    """An action or a permission of core: it says why a viewer may not (None when they may)."""

    @property
    def name(self) -> str: ...

    def why_not(self, actor: Actor, row: object = None) -> str | None: ...


def why_not(viewer: Actor, asked: Asked, row: object = None, link: tuple[str, str] | None = None) -> None:
    """A line telling the viewer why they cannot do `asked` here (and a link to what would change it).

    One element: it stands on every page of every visitor who may not act.
    """
    markup = (
        '<div class="row items-center gap-2 text-gray-600 no-wrap">'
        '<i class="q-icon notranslate material-icons" aria-hidden="true" role="presentation" style="font-size: 24px">'
        f'info</i><span class="text-sm">{escape(asked.why_not(viewer, row) or "")}</span></div>'
    )
    if link is not None:
        markup += f'<a class="nicegui-link" href="{escape(link[1])}">{escape(link[0])}</a>'
    ui.html(markup).classes("column gap-2").mark(f"why-not-{asked.name}")


def locked(viewer: Actor, asked: Asked, row: object, label: str) -> None:
    """A small lock standing in for a control the viewer may not use, explaining why when hovered or clicked."""
    reason = asked.why_not(viewer, row) or ""
    ui.button(icon="lock", on_click=lambda: ui.notify(f"{label}: {reason}")).props(
        f'flat round dense size=sm color=grey aria-label="Why can\'t I {label.lower()}?"'
    ).props(f'title="{escape(label)}: {escape(reason)}"').mark(f"locked-{asked.name}")
