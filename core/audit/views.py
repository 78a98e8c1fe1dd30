"""Read models of the audit trail."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from .diffs import FieldChange, readable
from .models import AuditEntry
from .sentences import sentence


@dataclass(frozen=True, slots=True)
class AuditView:
    """One committed action: who, what, which record, when, and the fields it changed (as stored: see diffs.py)."""

    id: int
    actor_name: str
    action: str
    record_type: str
    record_id: int | None
    changes: dict[str, Any]
    created_at: datetime
    subject: str | None = None  # the record's name as a sentence says it (a post's title), when it has one

    @classmethod
    def of(cls, entry: AuditEntry, subject: str | None = None) -> AuditView:
        """The read model of an audit row, about the record named `subject`."""
        return cls(
            id=entry.id,
            actor_name=entry.actor_name,
            action=entry.action,
            record_type=entry.record_type,
            record_id=entry.record_id,
            changes=dict(entry.changes),
            created_at=entry.created_at,
            subject=subject,
        )

    @property
    def sentence(self) -> str:
        """What happened, as people say it ("bob published “Title”")."""
        return sentence(self.action, self.actor_name, self.changes, self.subject)

    @property
    def record(self) -> str:
        """The record, as the trail's filters name it ("post #12")."""
        return f"{self.record_type} #{self.record_id}" if self.record_id is not None else self.record_type

    @property
    def readable(self) -> tuple[FieldChange, ...]:
        """The changes as people read them: `before → after`, or the changed lines of a text."""
        return readable(self.changes)


@dataclass(frozen=True, slots=True)
class DayActivity:
    """What happened on one day."""

    day: date
    posts: int
    comments: int
    signups: int
