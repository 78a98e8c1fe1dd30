"""How audit entries read: who did what, when, and the fields that changed."""

from __future__ import annotations

import json

from nicegui import ui

from core import audit


def audit_list(entries: list[audit.AuditView]) -> None:
    """Entries as a compact list, one line each and the changes beneath."""
    if not entries:
        ui.label("Nothing recorded yet.").classes("text-gray-500")
    with ui.column().classes("w-full gap-2"):
        for entry in entries:
            audit_line(entry)


def audit_line(entry: audit.AuditView) -> ui.column:
    """One entry."""
    with ui.column().classes("w-full gap-0 border-b border-gray-200 dark:border-gray-700 pb-1") as line:
        with ui.row().classes("items-baseline gap-2"):
            ui.label(entry.created_at.strftime("%d %b %Y %H:%M:%S")).classes("text-xs text-gray-500")
            ui.label(entry.actor_name).classes("font-medium text-sm")
            ui.label(entry.action).classes("text-sm font-mono")
            ui.label(f"{entry.record_type} #{entry.record_id}" if entry.record_id else entry.record_type).classes(
                "text-xs text-gray-500"
            )
        for field, change in entry.changes.items():
            before, after = change if isinstance(change, list) and len(change) == 2 else (None, change)
            ui.label(f"{field}: {_short(before)} → {_short(after)}").classes("text-xs text-gray-600 break-all")
    return line


def _short(value: object) -> str:
    text = value if isinstance(value, str) else json.dumps(value)
    return text if len(text) <= 80 else text[:79] + "…"
