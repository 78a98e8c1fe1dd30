"""Forms whose fields show the action's own input rules as the user types, and its errors under each field."""

from __future__ import annotations

from typing import Any

from nicegui import ui
from nicegui.elements.mixins.validation_element import ValidationElement
from pydantic import BaseModel

from core import Invalid, check_field


class Form:
    """Input fields named like the fields of a core input model."""

    def __init__(self, model: type[BaseModel]) -> None:
        self.model = model
        self.fields: dict[str, ValidationElement[Any]] = {}
        self.message = ui.label().classes("text-negative text-sm")
        self.message.set_visibility(False)

    def add(self, name: str, element: ValidationElement[Any]) -> ValidationElement[Any]:
        """Register `element` as the field `name`: checked when left, and again on every change once wrong."""
        element.without_auto_validation().mark(name)
        element.on("blur", lambda: self._check(name))
        element.on_value_change(lambda: self._check(name) if element.error else None)
        self.fields[name] = element
        return element

    def values(self) -> dict[str, Any]:
        """The current value of every field."""
        return {name: element.value for name, element in self.fields.items()}

    def show(self, error: Invalid) -> None:
        """Put each message under its field; messages about no visible field go above the button."""
        self.clear()
        other = [msg for name, msgs in error.errors.items() if name not in self.fields for msg in msgs]
        for name, messages in error.errors.items():
            if name in self.fields:
                self.fields[name].error = " ".join(messages)
        self.message.text = " ".join(other)
        self.message.set_visibility(bool(other))

    def clear(self) -> None:
        """Remove every message."""
        for element in self.fields.values():
            element.error = None
        self.message.set_visibility(False)

    def _check(self, name: str) -> None:
        self.fields[name].error = check_field(self.model, name, self.fields[name].value)
