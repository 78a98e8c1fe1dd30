"""The few typed errors of core: a caller can show each one without parsing strings."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import timedelta


class DomainError(Exception):
    """Base of every error core raises on purpose."""


class Invalid(DomainError):
    """The input breaks the action's rules; `errors` maps each field to its messages."""

    def __init__(self, errors: Mapping[str, Sequence[str]]) -> None:
        self.errors: dict[str, list[str]] = {field: list(messages) for field, messages in errors.items()}
        super().__init__("; ".join(f"{field}: {' '.join(msgs)}" for field, msgs in self.errors.items()))

    @classmethod
    def field(cls, name: str, message: str) -> Invalid:
        """An error about one field."""
        return cls({name: [message]})


class Throttled(Invalid):
    """Too many recent failures: the attempt was refused unchecked; `retry_after` says how long to wait."""

    def __init__(self, name: str, message: str, retry_after: timedelta) -> None:
        super().__init__({name: [message]})
        self.retry_after = retry_after


class Forbidden(DomainError):
    """The actor may not do this; `reason` names the rule that decided it, for "why not?" answers."""

    def __init__(self, action: str, reason: str = "") -> None:
        self.action = action
        self.reason = reason
        super().__init__(reason or f"You are not allowed to {action.replace('.', ' ')}.")


class NotFound(DomainError):
    """The record does not exist, or the actor may not know that it exists."""

    def __init__(self, what: str) -> None:
        self.what = what
        super().__init__(f"{what} not found")


class Unavailable(DomainError):
    """The database could not be reached: the action did not go through (try again once it is back)."""

    def __init__(self) -> None:
        super().__init__("Not saved: Tidings cannot reach its database right now. Try again in a moment.")


class Conflict(DomainError):
    """The record changed since the caller read it (a stale version)."""

    def __init__(self, message: str, current: object = None) -> None:
        self.current = current
        super().__init__(message)
