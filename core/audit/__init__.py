"""The audit trail: who did what to which record, when, and what changed (code interface)."""

from .diffs import DiffLine, FieldChange, Span, readable
from .events import AUDIT_TOPIC, AuditRecorded
from .queries import PAGE as PAGE_SIZE
from .queries import action_labels, action_names, activity, get_entry, list_entries, post_history
from .views import AuditView, DayActivity

__all__ = [
    "AUDIT_TOPIC",
    "PAGE_SIZE",
    "AuditRecorded",
    "AuditView",
    "DayActivity",
    "DiffLine",
    "FieldChange",
    "Span",
    "action_labels",
    "action_names",
    "activity",
    "get_entry",
    "list_entries",
    "post_history",
    "readable",
]
