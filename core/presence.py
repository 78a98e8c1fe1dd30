"""Who is reading which post right now, in every process. Nothing is stored: presence is not domain state.

Each process announces its own readers of a post over NOTIFY (debounced, and again every heartbeat);
every process, itself included, keeps the latest announcement of each process. An announcement older
than EXPIRY (a process that died) no longer counts, and the next heartbeat tells the pages.
"""

from __future__ import annotations

import asyncio
import logging
import time
import uuid
from dataclasses import dataclass, field

from tortoise import connections

from . import hub
from .actor import Actor
from .events import CHANNEL, EVERYTHING, Event, encode, event

log = logging.getLogger(__name__)

HEARTBEAT = 5.0  # seconds between a process's re-announcements (and checks for silent processes)
EXPIRY = 20.0  # an announcement not renewed for this long is dropped: a dead process's readers go within 25 s
DEBOUNCE = 0.3  # joins and leaves within this window go out as one announcement
NAMES_SENT = 50  # members named per announcement (NOTIFY payloads are limited to 8 kB)
PROCESS = uuid.uuid4().hex[:12]


def topic(post_id: int) -> str:
    """The local topic on which a post's readers change."""
    return f"presence:{post_id}"


@event
@dataclass(frozen=True, slots=True)
class PresenceAnnounced(Event):
    """One process's readers of one post: members (id, name), how many members, and guests."""

    process: str
    post_id: int
    members: list[list[int | str]]
    member_count: int
    guests: int


@event
@dataclass(frozen=True, slots=True)
class PresenceSyncRequested(Event):
    """A process started: everyone announces what they have."""

    process: str


@dataclass(frozen=True, slots=True)
class PresenceChanged(Event):
    """(Local only) the readers of a post changed."""

    post_id: int

    @property
    def topics(self) -> tuple[str, ...]:
        return (topic(self.post_id),)


@dataclass(frozen=True, slots=True)
class Readers:
    """Who reads a post now: members by name, and how many guests."""

    names: tuple[str, ...]
    members: int
    guests: int

    @property
    def total(self) -> int:
        """Everyone reading."""
        return self.members + self.guests

    @property
    def text(self) -> str:
        """'3 reading: ann, bob and 1 guest'."""
        if not self.total:
            return "Nobody is reading"
        parts = list(self.names[:3])
        others = self.members - len(parts)
        if others > 0:
            parts.append(f"{others} other member{'' if others == 1 else 's'}")
        if self.guests:
            parts.append(f"{self.guests} guest{'' if self.guests == 1 else 's'}")
        listed = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
        return f"{self.total} reading: {listed}"


@dataclass
class _Snapshot:
    members: dict[int, str]
    member_count: int
    guests: int
    seen: float = field(default_factory=time.monotonic)


class Presence:
    """This process's readers, and the latest word from every process."""

    def __init__(self) -> None:
        self.local: dict[int, dict[str, Actor]] = {}  # post id → client id → viewer
        self.heard: dict[str, dict[int, _Snapshot]] = {}  # process → post id → snapshot
        self.pending: set[int] = set()
        self.counted: dict[int, Readers] = {}  # post id → readers, until the next change of that post's readers
        self.tasks: list[asyncio.Task[None]] = []
        self._unsubscribe: hub.Unsubscribe | None = None

    async def start(self) -> None:
        """Listen to the other processes and start announcing."""
        self._unsubscribe = hub.subscribe(EVERYTHING, self._heard)
        self.tasks = [asyncio.create_task(self._heartbeat(), name="presence heartbeat")]
        await _send(PresenceSyncRequested(process=PROCESS))

    async def stop(self) -> None:
        """Say goodbye for every reader here, and stop."""
        if not self.tasks:
            return
        for task in self.tasks:
            task.cancel()
        await asyncio.gather(*self.tasks, return_exceptions=True)
        if self._unsubscribe is not None:
            self._unsubscribe()
        self.tasks = []
        try:
            for post_id in list(self.local):
                self.local[post_id].clear()
                await self._announce(post_id)
        except Exception:  # the database may be gone already; the others expire us in EXPIRY seconds
            log.warning("presence: could not say goodbye", exc_info=True)
        self.local.clear()
        self.heard.clear()
        self.counted.clear()

    def join(self, post_id: int, client_id: str, viewer: Actor) -> None:
        """A page of this process shows the post to `viewer`."""
        self.local.setdefault(post_id, {})[client_id] = viewer
        self._soon(post_id)

    def leave(self, post_id: int, client_id: str) -> None:
        """That page is gone."""
        self.local.get(post_id, {}).pop(client_id, None)
        self._soon(post_id)

    def readers(self, post_id: int) -> Readers:
        """Everyone reading the post now, in every process (members counted once).

        Counted once per change, however many pages of this process ask (a thousand pages of one post all ask
        when its readers change).
        """
        if (known := self.counted.get(post_id)) is not None:
            return known
        known = self.counted[post_id] = self._count(post_id)
        return known

    def _count(self, post_id: int) -> Readers:
        now, members, guests, counted = time.monotonic(), {}, 0, 0
        for snapshots in self.heard.values():
            snapshot = snapshots.get(post_id)
            if snapshot is None or now - snapshot.seen > EXPIRY:
                continue
            members.update(snapshot.members)
            counted += snapshot.member_count - len(snapshot.members)  # members beyond the names sent
            guests += snapshot.guests
        return Readers(names=tuple(sorted(members.values())), members=len(members) + counted, guests=guests)

    def _soon(self, post_id: int) -> None:
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # a page closed outside the event loop (at shutdown): the next heartbeat tells
            return
        if post_id not in self.pending:
            self.pending.add(post_id)
            loop.call_later(DEBOUNCE, self._flush, post_id)

    def _flush(self, post_id: int) -> None:
        self.pending.discard(post_id)
        task = asyncio.ensure_future(self._announce(post_id))
        task.add_done_callback(_log_failure)

    async def _announce(self, post_id: int) -> None:
        viewers = list(self.local.get(post_id, {}).values())
        members = {viewer.id: viewer.username for viewer in viewers if viewer.id is not None}
        named = sorted(members.items())[:NAMES_SENT]
        await _send(
            PresenceAnnounced(
                process=PROCESS,
                post_id=post_id,
                members=[[user_id, name] for user_id, name in named],
                member_count=len(members),
                guests=sum(1 for viewer in viewers if viewer.id is None),
            )
        )
        if not viewers:
            self.local.pop(post_id, None)

    def tracked(self) -> int:
        """How many entries presence holds: readers of this process, and posts read in others (to find leaks)."""
        return sum(map(len, self.local.values())) + sum(map(len, self.heard.values()))

    async def _heartbeat(self) -> None:
        while True:
            await asyncio.sleep(HEARTBEAT)
            try:
                for post_id in list(self.local):
                    await self._announce(post_id)
            except Exception as error:  # the database is away: announce again on the next beat, as the others expect
                log.warning("presence: could not announce: %s", error)
            self._expire()

    def _expire(self) -> None:
        now = time.monotonic()
        for process, snapshots in list(self.heard.items()):
            for post_id, snapshot in list(snapshots.items()):
                if now - snapshot.seen > EXPIRY:
                    del snapshots[post_id]
                    self._changed(post_id)
            if not snapshots:
                del self.heard[process]

    def _heard(self, message: Event) -> None:
        if isinstance(message, PresenceAnnounced):
            members = {int(user_id): str(name) for user_id, name in message.members}
            snapshots = self.heard.setdefault(message.process, {})
            before = snapshots.get(message.post_id)
            if message.member_count or message.guests:
                snapshots[message.post_id] = _Snapshot(members, message.member_count, message.guests)
            else:  # nobody left there: nothing to remember
                snapshots.pop(message.post_id, None)
                if not snapshots:
                    del self.heard[message.process]
            same = before is not None and (before.members, before.member_count, before.guests) == (
                members,
                message.member_count,
                message.guests,
            )
            if not same:  # a heartbeat that changes nothing wakes no page
                self._changed(message.post_id)
        elif isinstance(message, PresenceSyncRequested) and message.process != PROCESS:
            for post_id in list(self.local):
                self._soon(post_id)

    def _changed(self, post_id: int) -> None:
        self.counted.pop(post_id, None)
        hub.dispatch(PresenceChanged(post_id=post_id))


def _log_failure(task: asyncio.Future[None]) -> None:
    if not task.cancelled() and task.exception() is not None:
        log.warning("presence: could not announce: %s", task.exception())


async def _send(message: Event) -> None:
    # Presence is not an action: it goes out at once, outside any transaction.
    await connections.get("default").execute_query("SELECT pg_notify($1, $2)", [CHANNEL, encode(message)])


_presence = Presence()
start = _presence.start
stop = _presence.stop
join = _presence.join
leave = _presence.leave
readers = _presence.readers
tracked = _presence.tracked
