"""Tidings' domain, the single source of truth: resources, actions, policies, queries and events.

`ui/` and `api/` import only the names exported here and by the context packages (`core.accounts`,
`core.blog`, `core.pictures`), and always act through an `Actor`; the command-line operator's (`core.console`) is
main.py's alone.
"""

from . import access, accounts, audit, blog, hub, limits, notifications, pictures, presence, runtime
from .actor import ANONYMOUS, Actor, Role
from .errors import Conflict, DomainError, Forbidden, Invalid, NotFound, Throttled, Unavailable
from .events import Event, Reconnected
from .policy import BANNED
from .settings import Settings
from .textsearch import Marked
from .validation import check_field

__all__ = [
    "ANONYMOUS",
    "BANNED",
    "Actor",
    "Conflict",
    "DomainError",
    "Event",
    "Forbidden",
    "Invalid",
    "Marked",
    "NotFound",
    "Reconnected",
    "Role",
    "Settings",
    "Throttled",
    "Unavailable",
    "access",
    "accounts",
    "audit",
    "blog",
    "check_field",
    "hub",
    "limits",
    "notifications",
    "pictures",
    "presence",
    "runtime",
]
