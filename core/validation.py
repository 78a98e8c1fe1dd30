"""Turning untrusted input into a command model, or an `Invalid` with every field's messages at once."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict, ValidationError

from .errors import Invalid

M = TypeVar("M", bound=BaseModel)


class Command(BaseModel):
    """Base of every action input: strict about unknown fields, trims surrounding whitespace."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)


def validate(model: type[M], data: Mapping[str, Any]) -> M:
    """Build `model` from `data` or raise `Invalid` listing the messages of every failing field."""
    try:
        return model.model_validate(dict(data))
    except ValidationError as error:
        raise Invalid(field_errors(error)) from None


def field_errors(error: ValidationError) -> dict[str, list[str]]:
    """Group pydantic's errors by top-level field, in words a user can act on."""
    errors: dict[str, list[str]] = {}
    for item in error.errors(include_url=False):
        field = str(item["loc"][0]) if item["loc"] else "__all__"
        errors.setdefault(field, []).append(_message(item["type"], item["msg"], item.get("ctx") or {}))
    return errors


def check_field(model: type[BaseModel], field: str, value: Any) -> str | None:
    """The first message for one field's value alone, for feedback while the user types."""
    try:
        model.model_validate({field: value})
    except ValidationError as error:
        messages = field_errors(error).get(field)
        return messages[0] if messages else None
    return None


_MESSAGES = {
    "missing": "This field is required.",
    "extra_forbidden": "This field is not expected.",
    "string_type": "This value has the wrong type.",
    "int_type": "This value has the wrong type.",
    "int_parsing": "This value has the wrong type.",
    "bool_type": "This value has the wrong type.",
}


def _message(kind: str, fallback: str, ctx: dict[str, Any]) -> str:
    if kind == "string_too_short":
        minimum = ctx["min_length"]
        return "This field can't be empty." if minimum == 1 else f"Use at least {minimum} characters."
    if kind == "string_too_long":
        return f"Use at most {ctx['max_length']} characters."
    return _MESSAGES.get(kind) or fallback.removeprefix("Value error, ")
