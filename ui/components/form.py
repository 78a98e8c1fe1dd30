"""Forms whose fields show the action's own input rules as the user types, and its errors under each field."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from nicegui import ui
from nicegui.elements.mixins.validation_element import ValidationElement
from pydantic import BaseModel

from core import Invalid, check_field


class Form:
    """Input fields named like the fields of a core input model."""

    def __init__(self, model: type[BaseModel], *, check_while_typing: bool = False) -> None:
        self.model = model
        self.check_while_typing = check_while_typing
        self.fields: dict[str, ValidationElement[Any]] = {}
        self.parsers: dict[str, Callable[[Any], Any]] = {}
        self.changed: set[str] = set()  # the fields the user changed
        self.message = ui.label().classes("text-negative text-sm")
        self.message.set_visibility(False)

    def add(
        self, name: str, element: ValidationElement[Any], parse: Callable[[Any], Any] | None = None
    ) -> ValidationElement[Any]:
        """Register `element` as the field `name` (its value turned into the model's by `parse`).

        The field is checked when left, and again on every change once wrong (or always, when the form
        checks while typing).
        """
        if parse is not None:
            self.parsers[name] = parse
        element.without_auto_validation().mark(name)
        # Left after a change: checked. Only passed through (a keyboard user tabbing by): nothing to say yet.
        element.on("blur", lambda: self._check(name) if name in self.changed else None)
        element.on_value_change(lambda: self._changed(name))
        self.fields[name] = element
        return element

    def values(self) -> dict[str, Any]:
        """The current value of every field."""
        return {name: self.value(name) for name in self.fields}

    def value(self, name: str) -> Any:
        """The current value of one field, as the model takes it."""
        raw = self.fields[name].value
        parse = self.parsers.get(name)
        return parse(raw) if parse else raw

    def show(self, error: Invalid) -> None:
        """Put each message under its field; messages about no visible field go above the button."""
        self.clear()
        other = [msg for name, msgs in error.errors.items() if name not in self.fields for msg in msgs]
        for name, messages in error.errors.items():
            if name in self.fields:
                self.fields[name].error = " ".join(messages)
        self.say(" ".join(other))

    def say(self, message: str) -> None:
        """Show a message about the whole form above its button (an empty one hides it)."""
        self.message.text = message
        self.message.set_visibility(bool(message))

    def clear(self) -> None:
        """Remove every message."""
        for element in self.fields.values():
            element.error = None
        self.message.set_visibility(False)

    def _changed(self, name: str) -> None:
        self.changed.add(name)
        if self.fields[name].error or self.check_while_typing:
            self._check(name)

    def _check(self, name: str) -> None:
        self.fields[name].error = check_field(self.model, name, self.value(name))
