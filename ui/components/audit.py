"""How audit entries read: when, what happened as a sentence, and the fields that changed (a text as its changed
lines)."""

from __future__ import annotations

from html import escape

from nicegui import ui

from core import audit

from .when import when_html

SIGN = {"removed": "−", "added": "+", "kept": " "}
TAG = {"removed": "del", "added": "ins", "kept": "div"}


def audit_list(entries: list[audit.AuditView]) -> None:
    """Entries as a compact list, one line each and the changes beneath."""
    if not entries:
        ui.label("Nothing recorded yet.").classes("text-gray-500")
    with ui.column().classes("w-full gap-2"):
        for entry in entries:
            audit_line(entry)


def audit_line(entry: audit.AuditView) -> ui.column:
    """One entry."""
    with ui.column().classes("w-full gap-1 border-b border-gray-200 dark:border-gray-700 pb-1") as line:
        ui.html(headline_html(entry)).mark(f"audit-{entry.id}")
        for change in entry.readable:
            if change.lines:
                ui.html(diff_html(change)).classes("tidings-diff w-full").mark(f"change-{change.field}")
            else:
                ui.label(change.text).classes("text-xs text-gray-600 dark:text-gray-400 break-all")
    return line


def headline_html(entry: audit.AuditView) -> str:
    """When, and what happened as a sentence; the action's and the record's own names (what the trail's filters
    take) on hover."""
    return (
        f'<div class="row items-baseline gap-2">{when_html(entry.created_at)}'
        f'<span class="text-sm break-words" title="{escape(entry.action)} · {escape(entry.record)}">'
        f"{escape(entry.sentence)}</span></div>"
    )


def diff_html(change: audit.FieldChange) -> str:
    """A text's changed lines: removed ones red after a minus, added ones green after a plus, changed words marked."""
    rows = "".join(_line_html(line) for line in change.lines)
    return f'<div class="tidings-diff-field">{escape(change.field)}</div>{rows}'


def _line_html(line: audit.DiffLine) -> str:
    if line.kind == "skipped":
        count = f"{line.skipped} unchanged line{'s' if line.skipped != 1 else ''}"
        return f'<div class="tidings-diff-skipped">⋯ {count}</div>'
    words = "".join(f"<mark>{escape(span.text)}</mark>" if span.changed else escape(span.text) for span in line.spans)
    sign = f'<span class="tidings-diff-sign" aria-hidden="true">{SIGN[line.kind]}</span>'
    return f'<{TAG[line.kind]} class="tidings-diff-{line.kind}">{sign}{words}</{TAG[line.kind]}>'
