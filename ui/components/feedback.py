"""Calling core from a handler: typed errors become messages where the user looks, never a crash."""

from __future__ import annotations

from collections.abc import Awaitable
from typing import TypeVar

from nicegui import ui

from core import DomainError, Invalid, Unavailable

from .form import Form

T = TypeVar("T")


async def attempt(call: Awaitable[T], form: Form | None = None) -> T | None:
    """Await a core call; on a typed error show it (field errors under their fields) and return None."""
    done, value = await _run(call, form)
    return value if done else None


async def succeeded(call: Awaitable[object], form: Form | None = None) -> bool:
    """Await a core call that may rightly return None; True when it went through."""
    done, _ = await _run(call, form)
    return done


async def settled(call: Awaitable[object], form: Form) -> bool:
    """Await a core call and show any refusal in `form` (a dialog's: nothing may pass unseen behind it)."""
    try:
        await call
    except Invalid as error:
        form.show(error)
    except DomainError as error:
        form.say(str(error))
    else:
        return True
    return False


async def _run(call: Awaitable[T], form: Form | None) -> tuple[bool, T | None]:
    try:
        return True, await call
    except Invalid as error:
        if form is None:
            ui.notify(str(error), type="negative")
        else:
            form.show(error)
    except Unavailable as error:  # said where the user looks; what they typed stays where it is
        ui.notify(str(error), type="negative")
        if form is not None:
            form.say(str(error))
    except DomainError as error:
        ui.notify(str(error), type="warning")
    return False, None
