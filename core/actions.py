"""Actions: the one way state changes, each declared in one place and run in the same order every time.

A declaration (`@action(...)` above the body) names the input model, the row the action loads, the policy action it
checks (its own name), the states the row must be in, who must say why, and the events it may emit. The runner
does the rest, by construction: validate the input → open a transaction → load the row → authorize → check the
row's state and the reason → run the body → write the audit entry → NOTIFY the events → commit. Any failure rolls
back all of it, events included (they are sent inside the transaction). A transaction whose connection was found
dead before its commit runs again once (core/db/transactions.py); a database out of reach is `Unavailable`.

Pages and the API ask the same declaration before they show a control: `can`, `why_not`, `needs_reason`.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, ParamSpec, TypeVar, cast

from . import hub, policy
from .actor import Actor
from .audit.diffs import compact
from .audit.events import AuditRecorded
from .audit.models import AuditEntry
from .db.transactions import transactionally
from .errors import Invalid
from .events import Event
from .validation import Command, validate

P = ParamSpec("P")
In = TypeVar("In", bound=Command)
Row = TypeVar("Row")
Out = TypeVar("Out")

ACTIONS: dict[str, Action[Any, Any, Any, Any]] = {}
REASON_NEEDED = "Say why: the author will be told."

Load = Callable[[Actor, In], Awaitable[Row]]


async def nothing(actor: Actor, command: Command) -> None:
    """The row of an action that acts on no existing record (a new post, a sign-up)."""
    return None


# What the rules read of a row (its author, its state) is also on its read models: pages ask with those.
Facts = Any


@dataclass(frozen=True, slots=True)
class Requirement:
    """A state the row must be in for the action to make sense, and what a person reads when it is not."""

    holds: Callable[[Facts], bool]
    sentence: str
    field: str  # the input field the refusal is about


@dataclass
class Context(Generic[In, Row]):
    """What an action's body works with: the actor, the validated input, the loaded row, the reason given."""

    actor: Actor
    action: str
    input: In
    row: Row
    connection: Any  # the transaction's, for the few statements the ORM cannot express
    reason: str | None = None
    _audit: AuditEntry | None = None
    _events: list[Event] = field(default_factory=list)
    _emits: tuple[type[Event], ...] = ()

    def audit(self, record_type: str, record_id: int | None, changes: Mapping[str, object] | None = None) -> None:
        """Describe the record this action changed and how, for the audit trail."""
        self._audit = AuditEntry(
            actor_id=self.actor.id,
            actor_name=self.actor.username or "anonymous",
            action=self.action,
            record_type=record_type,
            record_id=record_id,
            changes=compact(changes or {}),
        )

    def emit(self, *events: Event) -> None:
        """Queue events, sent only if the action commits (each of a type the action declares)."""
        for event in events:
            if not isinstance(event, self._emits):
                raise RuntimeError(f"action {self.action} emits {type(event).__name__}, which it does not declare")
        self._events.extend(events)

    async def finish(self) -> None:
        """Write the audit entry and send the events, in the action's transaction."""
        if self._audit is None:
            raise RuntimeError(f"action {self.action} wrote no audit entry")
        await self._audit.save(using_db=self.connection)
        audit = self._audit
        recorded = AuditRecorded(audit.id, audit.action, audit.record_type, audit.record_id)
        await hub.send(self.connection, [*self._events, recorded])


class Action(Generic[P, In, Row, Out]):
    """A named, policy-checked, audited state change: call it with the actor and the input's fields."""

    def __init__(
        self,
        name: str,
        input_model: Callable[P, In],
        body: Callable[[Context[In, Row]], Awaitable[Out]],
        *,
        loads: Load[In, Row],
        requires: Sequence[Requirement] = (),
        reason_unless: Callable[[Facts], Collection[int | None]] | None = None,
        emits: Sequence[type[Event]] = (),
    ) -> None:
        self.name = name
        self.input_model = cast(type[In], input_model)
        self.body, self.loads, self.requires = body, loads, tuple(requires)
        self.reason_unless, self.emits = reason_unless, tuple(emits)
        self.__doc__ = body.__doc__
        policy.declare(name)

    async def __call__(self, actor: Actor, /, *args: P.args, **kwargs: P.kwargs) -> Out:
        """Run the action as `actor` with these input fields; its result, or a typed error and nothing done."""
        command = validate(self.input_model, kwargs)

        async def run(connection: Any) -> Out:
            row = await self.loads(actor, command)
            policy.authorize(actor, self.name, row)
            self._check_state(row)
            context = Context(actor, self.name, command, row, connection, self._reason(actor, command, row))
            context._emits = (*self.emits, AuditRecorded)
            result = await self.body(context)
            await context.finish()
            return result

        return await transactionally(run)

    def can(self, actor: Actor, row: Facts = None) -> bool:
        """Whether `actor` may run this action on `row` (a read model carrying the fields the rules name) now."""
        return self.why_not(actor, row) is None

    def why_not(self, actor: Actor, row: Facts = None) -> str | None:
        """Why `actor` may not run this action on `row`, in the words a person reads; None when they may."""
        if not policy.allowed(actor, self.name, row):
            return policy.explain(actor, self.name)
        if row is not None:
            return next((need.sentence for need in self.requires if not need.holds(row)), None)
        return None

    def needs_reason(self, actor: Actor, row: Facts) -> bool:
        """Whether `actor` must say why they act on `row` (they act on someone else's: its author is told)."""
        return self.reason_unless is not None and actor.id not in self.reason_unless(row)

    def _check_state(self, row: Facts) -> None:
        failing = [need for need in self.requires if not need.holds(row)]
        if failing:
            raise Invalid({need.field: [need.sentence] for need in failing[:1]})

    def _reason(self, actor: Actor, command: In, row: Facts) -> str | None:
        reason: str | None = getattr(command, "reason", None)
        if not reason and self.needs_reason(actor, row):
            raise Invalid.field("reason", REASON_NEEDED)
        return reason


def action(
    name: str,
    input_model: Callable[P, In],
    *,
    loads: Load[In, Row],
    requires: Sequence[Requirement] = (),
    reason_unless: Callable[[Facts], Collection[int | None]] | None = None,
    emits: Sequence[type[Event]] = (),
) -> Callable[[Callable[[Context[In, Row]], Awaitable[Out]]], Action[P, In, Row, Out]]:
    """Declare the function below as the action `name` (its policy name too): what it takes, loads, requires,
    who says why, and what it emits."""

    def register(body: Callable[[Context[In, Row]], Awaitable[Out]]) -> Action[P, In, Row, Out]:
        if name in ACTIONS:
            raise ValueError(f"action {name} is declared twice")
        declared = Action(
            name, input_model, body, loads=loads, requires=requires, reason_unless=reason_unless, emits=emits
        )
        ACTIONS[name] = declared
        return declared

    return register


def changes(before: Mapping[str, object], after: Mapping[str, object]) -> dict[str, list[object]]:
    """The fields that differ, as {field: [before, after]}, for an audit entry."""
    return {key: [before.get(key), value] for key, value in after.items() if before.get(key) != value}
