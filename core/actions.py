"""The action runner: the one way state changes, in the same order every time.

validate the input → open a transaction → (the action loads its row and calls `authorize`) → apply →
write the audit entry → NOTIFY the events → commit. Any failure rolls back all of it, events included,
because they are sent inside the transaction. A transaction whose connection was found dead before its
commit runs again once (core/db/faults.py); a database out of reach is `Unavailable`.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from . import hub, policy
from .actor import Actor
from .audit.diffs import compact
from .audit.events import AuditRecorded
from .audit.models import AuditEntry
from .db.transactions import transactionally
from .events import Event
from .validation import Command, validate

In = TypeVar("In", bound=Command)
Out = TypeVar("Out")

ACTIONS: dict[str, Action[Any, Any]] = {}


@dataclass
class Context(Generic[In]):
    """What an action's body works with: the actor, the validated input, and its audit and event buffers."""

    actor: Actor
    action: str
    input: In
    connection: Any  # the transaction's, for the few statements the ORM cannot express
    _authorized: bool = False
    _audit: AuditEntry | None = None
    _events: list[Event] = field(default_factory=list)

    def authorize(self, record: object = None) -> None:
        """Raise `Forbidden` unless the policy lets the actor run this action on `record`."""
        policy.authorize(self.actor, self.action, record)
        self._authorized = True

    def audit(self, record_type: str, record_id: int | None, changes: Mapping[str, object] | None = None) -> None:
        """Describe the record this action changed and how, for the audit trail (a long text's change as its diff)."""
        self._audit = AuditEntry(
            actor_id=self.actor.id,
            actor_name=self.actor.username or "anonymous",
            action=self.action,
            record_type=record_type,
            record_id=record_id,
            changes=compact(changes or {}),
        )

    def emit(self, *events: Event) -> None:
        """Queue events, sent only if the action commits."""
        self._events.extend(events)

    async def finish(self, connection: Any) -> None:
        if not self._authorized:
            raise RuntimeError(f"action {self.action} never asked the policy")
        if self._audit is None:
            raise RuntimeError(f"action {self.action} wrote no audit entry")
        await self._audit.save(using_db=connection)
        audit = self._audit
        recorded = AuditRecorded(audit.id, audit.action, audit.record_type, audit.record_id)
        await hub.send(connection, [*self._events, recorded])


class Action(Generic[In, Out]):
    """A named, policy-checked, audited state change; call it with the actor and the input fields."""

    def __init__(self, name: str, input_model: type[In], body: Callable[[Context[In]], Awaitable[Out]]) -> None:
        self.name = name
        self.input_model = input_model
        self.body = body
        self.__doc__ = body.__doc__

    async def __call__(self, actor: Actor, /, **data: Any) -> Out:
        command = validate(self.input_model, data)

        async def run(connection: Any) -> Out:
            context = Context(actor, self.name, command, connection)
            result = await self.body(context)
            await context.finish(connection)
            return result

        return await transactionally(run)


def action(name: str, input_model: type[In]) -> Callable[[Callable[[Context[In]], Awaitable[Out]]], Action[In, Out]]:
    """Declare the function below as the action `name` (its policy name too) taking `input_model`."""

    def register(body: Callable[[Context[In]], Awaitable[Out]]) -> Action[In, Out]:
        if name in ACTIONS:
            raise ValueError(f"action {name} is declared twice")
        ACTIONS[name] = registered = Action(name, input_model, body)
        return registered

    return register


def changes(before: Mapping[str, object], after: Mapping[str, object]) -> dict[str, list[object]]:
    """The fields that differ, as {field: [before, after]}, for an audit entry."""
    return {key: [before.get(key), value] for key, value in after.items() if before.get(key) != value}
