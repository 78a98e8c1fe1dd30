"""Domain events: past-tense, frozen, small records of what an action changed, sent over PostgreSQL NOTIFY."""

from __future__ import annotations

import dataclasses
import json
from typing import Any, TypeVar

CHANNEL = "tidings_events"
EVERYTHING = "*"  # the topic every event is also delivered to

E = TypeVar("E", bound="Event")
_TYPES: dict[str, type[Event]] = {}


@dataclasses.dataclass(frozen=True, slots=True)
class Event:
    """Something that happened; `topics` name the pages that care."""

    @property
    def topics(self) -> tuple[str, ...]:
        """The topics this event is delivered to, besides EVERYTHING."""
        return ()


def event(cls: type[E]) -> type[E]:
    """Register a frozen dataclass as an event type that can cross process boundaries."""
    _TYPES[cls.__name__] = cls
    return cls


@event
@dataclasses.dataclass(frozen=True, slots=True)
class Reconnected(Event):
    """This process's event listener was cut off and is back (at `at`, a Unix time): events may have been missed."""

    at: float = 0.0


def encode(value: Event) -> str:
    """The NOTIFY payload of an event."""
    return json.dumps({"type": type(value).__name__, "data": dataclasses.asdict(value)}, separators=(",", ":"))


def decode(payload: str) -> Event:
    """The event a NOTIFY payload carries."""
    message: dict[str, Any] = json.loads(payload)
    return _TYPES[message["type"]](**message["data"])
