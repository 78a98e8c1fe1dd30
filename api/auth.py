"""API tokens and the actor behind a request.

A token is a JWT (HS256, with a key derived from the settings' secret) carrying a core session token: core's sessions
stay the truth, so signing out or changing the password (which ends the other sessions) revokes API tokens too.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Annotated, cast

import jwt
from fastapi import Depends, Request, Security
from fastapi.security import APIKeyHeader

from core import ANONYMOUS, Actor, accounts

ALGORITHM = "HS256"
LIFETIME = timedelta(days=30)
SCHEME = "Token"

header = APIKeyHeader(
    name="Authorization",
    scheme_name=SCHEME,
    description="`Token <jwt>`, with the token from POST /users or POST /users/login.",
    auto_error=False,
)


class Unauthorized(Exception):
    """The request needs a valid token and has none (answered with 401)."""


@dataclass(frozen=True, slots=True)
class Caller:
    """A signed-in caller: the actor, and the token they came with (the contract echoes it back)."""

    actor: Actor
    token: str


class Tokens:
    """Issues and reads the API's tokens."""

    def __init__(self, secret: str) -> None:
        self._key = signing_key(secret)

    def issue(self, signed_in: accounts.SignedIn, now: datetime | None = None) -> str:
        """A token for a new core session."""
        issued = now or datetime.now(UTC)
        claims = {"sub": str(signed_in.user.id), "sid": signed_in.token, "iat": issued, "exp": issued + LIFETIME}
        return jwt.encode(claims, self._key, algorithm=ALGORITHM)

    async def caller(self, authorization: str) -> Caller:
        """Who an `Authorization` header signs in; Unauthorized if it signs in nobody."""
        scheme, _, token = authorization.partition(" ")
        token = token.strip()
        if scheme.lower() != SCHEME.lower() or not token:
            raise Unauthorized(f"Send the header as 'Authorization: {SCHEME} <token>'.")
        try:
            claims = jwt.decode(token, self._key, algorithms=[ALGORITHM], options={"require": ["exp", "sid"]})
        except jwt.ExpiredSignatureError:
            raise Unauthorized("This token has expired: sign in again.") from None
        except jwt.InvalidTokenError:
            raise Unauthorized("This token is not valid.") from None
        actor = await accounts.actor_for_session(str(claims["sid"]))
        if actor.is_anonymous:
            raise Unauthorized("This token's session has ended: sign in again.")
        return Caller(actor, token)


def signing_key(secret: str) -> bytes:
    """The tokens' key, derived from the settings' secret.

    A key of its own: tokens and session cookies never share one, and a short configured secret still gives
    HS256 the 32 bytes it wants.
    """
    return hashlib.sha256(b"tidings api tokens\0" + secret.encode()).digest()


def tokens(request: Request) -> Tokens:
    """The token issuer of the API app serving this request."""
    return cast(Tokens, request.app.state.tokens)


async def caller(
    authorization: Annotated[str | None, Security(header)], issuer: Annotated[Tokens, Depends(tokens)]
) -> Caller:
    """The signed-in caller; Unauthorized without a valid token."""
    if not authorization:
        raise Unauthorized(f"Sign in first: send 'Authorization: {SCHEME} <token>'.")
    return await issuer.caller(authorization)


async def member(signed_in: Annotated[Caller, Depends(caller)]) -> Actor:
    """The signed-in actor; Unauthorized without a valid token."""
    return signed_in.actor


async def viewer(request: Request, issuer: Annotated[Tokens, Depends(tokens)]) -> Actor:
    """The actor where signing in is optional: anonymous without a token, Unauthorized with a bad one."""
    # Read from the request, not through `header`: the contract lists no security on these operations.
    authorization = request.headers.get("Authorization")
    return (await issuer.caller(authorization)).actor if authorization else ANONYMOUS


TokensDep = Annotated[Tokens, Depends(tokens)]
CallerDep = Annotated[Caller, Depends(caller)]
Member = Annotated[Actor, Depends(member)]
Viewer = Annotated[Actor, Depends(viewer)]
