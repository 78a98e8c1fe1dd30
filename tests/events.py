"""Watching the events core sends, as every process receives them: through LISTEN."""

from __future__ import annotations

import asyncio
import uuid
from dataclasses import dataclass

from tortoise.transactions import in_transaction

from core import Event, hub
from core.audit import AuditRecorded
from core.events import EVERYTHING, event
from core.presence import PresenceAnnounced, PresenceChanged, PresenceSyncRequested


@event
@dataclass(frozen=True, slots=True)
class Marker(Event):
    """A test's own event, to know that everything committed before it has been received."""

    token: str


BOOKKEEPING = (Marker, AuditRecorded, PresenceAnnounced, PresenceChanged, PresenceSyncRequested)


class EventLog:
    """Collects events; `settled` waits until every event committed so far has arrived."""

    def __init__(self) -> None:
        self.received: list[Event] = []
        self._unsubscribe = hub.subscribe(EVERYTHING, self.received.append)

    async def settled(self, within: float = 5.0) -> list[Event]:
        """The domain events received, once all committed before this call are in (NOTIFY keeps commit order).

        Bookkeeping is left out: the audit trail's AuditRecorded (one per action; see `audited`) and presence.
        """
        token = uuid.uuid4().hex
        async with in_transaction() as connection:
            await hub.send(connection, [Marker(token)])
        async with asyncio.timeout(within):
            while not any(isinstance(e, Marker) and e.token == token for e in self.received):
                await asyncio.sleep(0.005)
        return [e for e in self.received if not isinstance(e, BOOKKEEPING)]

    async def forget(self) -> None:
        """Drop every event committed so far, once it has arrived (a late one would look like the next step's)."""
        await self.settled()
        self.received.clear()

    def audited(self) -> list[AuditRecorded]:
        """The AuditRecorded events received so far."""
        return [e for e in self.received if isinstance(e, AuditRecorded)]

    def close(self) -> None:
        """Stop collecting."""
        self._unsubscribe()
