"""Saying why a control is missing: the policy's own answer, never a message written in the page."""

from __future__ import annotations

from nicegui import ui

from core import Actor, explain


def why_not(viewer: Actor, action: str) -> None:
    """A line telling the viewer why they cannot do `action` here."""
    with ui.row().classes("items-center gap-2 text-gray-600 no-wrap").mark(f"why-not-{action}"):
        ui.icon("info", size="sm")
        ui.label(explain(viewer, action)).classes("text-sm")


def locked(viewer: Actor, action: str, label: str) -> None:
    """A small lock standing in for a control the viewer may not use, explaining why when hovered or clicked."""
    reason = explain(viewer, action)
    ui.button(icon="lock", on_click=lambda: ui.notify(reason)).props(
        f'flat round dense size=sm color=grey aria-label="Why can\'t I {label.lower()}?"'
    ).tooltip(f"{label}: {reason}").mark(f"locked-{action}")
