"""The audit trail: every action records who did what to which record, in the action's own transaction."""

from __future__ import annotations

from typing import Any

from tortoise import fields
from tortoise.models import Model


class AuditEntry(Model):
    """One action, as it was committed."""

    id = fields.BigIntField(primary_key=True)
    actor_id = fields.IntField(null=True)
    actor_name = fields.CharField(max_length=32)
    action = fields.CharField(max_length=40, db_index=True)
    record_type = fields.CharField(max_length=20)
    record_id = fields.BigIntField(null=True)
    changes: dict[str, Any] = fields.JSONField(default=dict)
    created_at = fields.DatetimeField(auto_now_add=True, db_index=True)

    class Meta:
        table = "audit_entries"
        # a record's history; one actor's recent actions of a kind (the hourly count of picture uploads)
        indexes = (("record_type", "record_id"), ("actor_id", "action", "created_at"))
