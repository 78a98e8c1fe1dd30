"""Errors as the contract shows them: `{"errors": {"body": [...]}}`, each message naming its field.

core's typed errors map to status codes here, once for every route: Invalid 422, Throttled 429 (with Retry-After),
Unauthorized 401, Forbidden 403, NotFound 404, Conflict 409, Unavailable 503 (the database is out of reach: retry).
"""

from __future__ import annotations

import math
from collections.abc import Awaitable, Callable, Iterable, Mapping, Sequence
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from core import Conflict, Forbidden, Invalid, NotFound, Throttled, Unavailable

from .auth import SCHEME, Unauthorized
from .schemas import GenericErrorModel

# core names a few fields differently from the contract: messages use the contract's names.
CONTRACT_NAMES = {
    "login": "email",
    "tags": "tagList",
    "current_password": "currentPassword",
    "new_password": "password",
    "post_id": "slug",
    "comment_id": "id",
    "data": "file",
}
NOUNS = {"post": "article"}  # what the contract calls the thing that was not found


DESCRIPTIONS: dict[int, str] = {
    401: "Unauthorized",
    403: "Forbidden",
    404: "Not found",
    409: "Conflict",
    422: "Unexpected error",
    429: "Too many at once (failed log-ins, uploads): wait the Retry-After seconds",
}


def documented(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """The error answers of an operation, for the OpenAPI document."""
    return {status: {"description": DESCRIPTIONS[status], "model": GenericErrorModel} for status in statuses}


def install(app: FastAPI) -> None:
    """Answer every error of `app` in the contract's shape."""
    app.add_exception_handler(Throttled, _throttled)
    app.add_exception_handler(Invalid, _invalid)
    app.add_exception_handler(RequestValidationError, _malformed)
    app.add_exception_handler(Unauthorized, _unauthorized)
    app.add_exception_handler(Forbidden, _status(403))
    app.add_exception_handler(NotFound, _not_found)
    app.add_exception_handler(Conflict, _status(409))
    app.add_exception_handler(Unavailable, _unavailable)
    app.add_exception_handler(HTTPException, _http)


def answer(status: int, messages: Iterable[str], headers: Mapping[str, str] | None = None) -> JSONResponse:
    """A response in the contract's error shape."""
    return JSONResponse({"errors": {"body": list(messages)}}, status_code=status, headers=headers)


async def _invalid(_request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, Invalid)
    return answer(422, _field_messages((CONTRACT_NAMES.get(f, f), msgs) for f, msgs in error.errors.items()))


async def _throttled(_request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, Throttled)
    wait = str(math.ceil(error.retry_after.total_seconds()))
    return answer(429, [message for messages in error.errors.values() for message in messages], {"Retry-After": wait})


async def _malformed(_request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, RequestValidationError)
    return answer(422, _field_messages((_location(item), [item["msg"]]) for item in error.errors()))


async def _unauthorized(_request: Request, error: Exception) -> JSONResponse:
    return answer(401, [str(error)], headers={"WWW-Authenticate": SCHEME})


async def _unavailable(_request: Request, error: Exception) -> JSONResponse:
    return answer(503, [str(error)], headers={"Retry-After": "5"})


async def _not_found(_request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, NotFound)
    return answer(404, [f"{NOUNS.get(error.what, error.what).capitalize()} not found."])


def _status(status: int) -> Callable[[Request, Exception], Awaitable[JSONResponse]]:
    async def handler(_request: Request, error: Exception) -> JSONResponse:
        return answer(status, [str(error)])

    return handler


async def _http(_request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, HTTPException)
    return answer(error.status_code, [str(error.detail)], headers=error.headers)


def _field_messages(fields: Iterable[tuple[str, Sequence[str]]]) -> list[str]:
    return [f"{field}: {message}" for field, messages in fields for message in messages]


def _location(item: Mapping[str, Any]) -> str:
    """Where a malformed value is, inside the envelope: `("body", "user", "email")` is `email`."""
    loc = item["loc"]
    if item["type"] == "json_invalid":  # its location is a character position
        return "request body"
    where = [str(part) for part in loc[1:]]
    if loc and loc[0] == "body" and len(where) > 1:
        where = where[1:]  # the envelope ("user", "article", "comment") says nothing the route doesn't
    return ".".join(where) or "request body"
