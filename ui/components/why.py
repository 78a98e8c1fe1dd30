"""Saying why a control is missing: the policy's own answer, never a message written in the page."""

from __future__ import annotations

from html import escape

from nicegui import ui

from core import Actor, explain


def why_not(viewer: Actor, action: str, link: tuple[str, str] | None = None) -> None:
    """A line telling the viewer why they cannot do `action` here (and a link to what would change it).

    One element: it stands on every page of every visitor who may not act.
    """
    markup = (
        '<div class="row items-center gap-2 text-gray-600 no-wrap">'
        '<i class="q-icon notranslate material-icons" aria-hidden="true" role="presentation" style="font-size: 24px">'
        f'info</i><span class="text-sm">{escape(explain(viewer, action))}</span></div>'
    )
    if link is not None:
        markup += f'<a class="nicegui-link" href="{escape(link[1])}">{escape(link[0])}</a>'
    ui.html(markup).classes("column gap-2").mark(f"why-not-{action}")


def locked(viewer: Actor, action: str, label: str) -> None:
    """A small lock standing in for a control the viewer may not use, explaining why when hovered or clicked."""
    reason = explain(viewer, action)
    ui.button(icon="lock", on_click=lambda: ui.notify(f"{label}: {reason}")).props(
        f'flat round dense size=sm color=grey aria-label="Why can\'t I {label.lower()}?"'
    ).props(f'title="{escape(label)}: {escape(reason)}"').mark(f"locked-{action}")
