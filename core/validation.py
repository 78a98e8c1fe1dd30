"""Turning untrusted input into a command model, or an `Invalid` with every field's messages at once."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from pydantic import BaseModel, BeforeValidator, ConfigDict, ValidationError, field_validator

from .db.sql import storable
from .errors import Invalid

M = TypeVar("M", bound=BaseModel)

UNSTORABLE = "Remove the control character NUL or the broken character from this text."


class Command(BaseModel):
    """Base of every action input: strict about unknown fields, trims surrounding whitespace."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)

    @field_validator("*", mode="after")
    @classmethod
    def _storable(cls, value: Any) -> Any:
        # PostgreSQL stores no NUL in text or JSON (the audit trail): refused here, in the field's own
        # words, rather than by the database in the middle of a transaction. Lone surrogates are
        # refused by pydantic itself (string_unicode), with the same message below.
        if any(isinstance(item, str) and not storable(item) for item in _strings(value)):
            raise ValueError(UNSTORABLE)
        return value


def required(message: str, *, blank: bool = True) -> BeforeValidator:
    """A field's own words for an empty value (pydantic's "Use at least 3 characters." tells a person nothing).

    With `blank`, a value of spaces only is empty too (it is trimmed); passwords keep their spaces.
    """

    def check(value: Any) -> Any:
        if isinstance(value, str) and not (value.strip() if blank else value):
            raise ValueError(message)
        return value

    return BeforeValidator(check)


def validate(model: type[M], data: Mapping[str, Any]) -> M:
    """Build `model` from `data` or raise `Invalid` listing the messages of every failing field."""
    known = {name: value for name, value in data.items() if name in model.model_fields}
    # Unknown fields are named here, not by pydantic, which reports a name that is not valid Unicode
    # as a problem of the whole input; shown with its broken characters escaped, the name can be printed.
    errors = {_printable(str(name)): [_MESSAGES["extra_forbidden"]] for name in data if name not in known}
    try:
        command = model.model_validate(known)
    except ValidationError as error:
        raise Invalid(field_errors(error) | errors) from None
    if errors:
        raise Invalid(errors)
    return command


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


def _printable(name: str) -> str:
    return name.encode("utf-8", "backslashreplace").decode()


def _strings(value: Any) -> list[Any]:
    return list(value) if isinstance(value, list | tuple) else [value]


_MESSAGES = {
    "missing": "This field is required.",
    "extra_forbidden": "This field is not expected.",
    "string_type": "This value has the wrong type.",
    "int_type": "This value has the wrong type.",
    "int_parsing": "This value has the wrong type.",
    "bool_type": "This value has the wrong type.",
    "bytes_type": "This value has the wrong type.",
    "string_unicode": UNSTORABLE,
}


def _message(kind: str, fallback: str, ctx: dict[str, Any]) -> str:
    if kind == "string_too_short":
        minimum = ctx["min_length"]
        return "This field can't be empty." if minimum == 1 else f"Use at least {minimum} characters."
    if kind == "string_too_long":
        return f"Use at most {ctx['max_length']} characters."
    return _MESSAGES.get(kind) or fallback.removeprefix("Value error, ")
