"""The audit trail, live and filterable by actor, action and record."""

from __future__ import annotations

from nicegui import ui

from core import Actor, Event, NotFound, audit

from ... import live
from ..audit import audit_line


class TrailPanel:
    """The newest audit entries matching the filters; new ones appear on top as they are committed."""

    def __init__(self, viewer: Actor) -> None:
        self.viewer = viewer
        self.oldest: int | None = None
        with ui.row().classes("w-full items-center gap-3"):
            self.actor = ui.input("Actor").props("dense outlined clearable").classes("w-40").mark("audit-actor")
            self.action = ui.select(audit.action_labels(), label="Action", clearable=True).props("dense outlined")
            self.action.classes("w-56").mark("audit-action")
            records = ["user", "post", "comment", "favorite", "session"]
            self.record_type = ui.select(records, label="Record", clearable=True)
            self.record_type.props("dense outlined").classes("w-32")
            self.record_id = (
                ui.number("Record id", min=1, precision=0).props("dense outlined clearable").classes("w-32")
            )
        for control in (self.actor, self.action, self.record_type, self.record_id):
            control.on_value_change(self.load)
        self.entries = ui.column().classes("w-full gap-2")
        self.more = ui.button("Older entries", on_click=self.load_more).props("flat")
        live.subscribe(audit.AUDIT_TOPIC, self.on_event)

    def filters(self) -> dict[str, object]:
        """The filters as the query takes them."""
        record_id = int(self.record_id.value) if self.record_id.value else None
        return {
            "actor_name": self.actor.value or None,
            "action": self.action.value or None,
            "record_type": self.record_type.value or None,
            "record_id": record_id,
        }

    async def load(self) -> None:
        """The newest matching entries."""
        self.entries.clear()
        self.oldest = None
        await self.load_more()

    async def load_more(self) -> None:
        """The next older entries."""
        found = await audit.list_entries(self.viewer, before=self.oldest, **self.filters())  # type: ignore[arg-type]
        with self.entries:
            for entry in found:
                audit_line(entry)
        if found:
            self.oldest = found[-1].id
        self.more.set_visibility(len(found) == audit.PAGE_SIZE)

    async def on_event(self, event: Event) -> None:
        """Put a newly committed entry on top when it matches the filters."""
        if not isinstance(event, audit.AuditRecorded):
            return
        try:
            entry = await live.load_once(event, lambda: audit.get_entry(self.viewer, event.entry_id))
        except NotFound:
            return
        wanted = self.filters()
        if all(value is None or getattr(entry, name) == value for name, value in wanted.items()):
            with self.entries:
                audit_line(entry).move(target_index=0)
