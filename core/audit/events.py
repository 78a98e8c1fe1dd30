"""Events of the audit trail."""

from __future__ import annotations

from dataclasses import dataclass

from ..events import Event, event

AUDIT_TOPIC = "audit"


@event
@dataclass(frozen=True, slots=True)
class AuditRecorded(Event):
    """An action committed and its audit entry with it."""

    entry_id: int
    action: str
    record_type: str
    record_id: int | None

    @property
    def topics(self) -> tuple[str, ...]:
        return (AUDIT_TOPIC,)
