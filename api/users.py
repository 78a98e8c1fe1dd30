"""User and Authentication: register, log in, the current user."""

from __future__ import annotations

from fastapi import APIRouter, Request

from core import ANONYMOUS, Invalid, accounts

from .auth import CallerDep, TokensDep, Unauthorized
from .errors import documented
from .schemas import LoginUserRequest, NewUserRequest, UpdateUserRequest, UserResponse

router = APIRouter(tags=["User and Authentication"])


@router.post("/users/login", operation_id="Login", summary="Existing user login", responses=documented(401, 422, 429))
async def login(body: LoginUserRequest, tokens: TokensDep, request: Request) -> UserResponse:
    """Log in with an e-mail address (or username) and password; the answer carries a new token.

    After too many failures the answer is a 429 whose Retry-After says how many seconds to wait.
    """
    address = request.client.host if request.client else None
    try:  # too many failures: Throttled, an Invalid answered with a 429 (errors.py)
        signed_in = await accounts.sign_in(
            ANONYMOUS, login=body.user.email, password=body.user.password, address=address
        )
    except Invalid as error:
        if accounts.WRONG_CREDENTIALS in error.errors.get("password", []):
            raise Unauthorized(accounts.WRONG_CREDENTIALS) from None
        raise
    return UserResponse.of(signed_in.user, tokens.issue(signed_in))


@router.post("/users", operation_id="CreateUser", status_code=201, responses=documented(422))
async def create_user(body: NewUserRequest, tokens: TokensDep) -> UserResponse:
    """Register a new user, signed in at once."""
    user = body.user
    signed_in = await accounts.sign_up(ANONYMOUS, username=user.username, email=user.email, password=user.password)
    return UserResponse.of(signed_in.user, tokens.issue(signed_in))


@router.get("/user", operation_id="GetCurrentUser", summary="Get current user", responses=documented(401, 422))
async def current_user(caller: CallerDep) -> UserResponse:
    """The signed-in user, with the token they came with."""
    return UserResponse.of(await accounts.get_user(caller.actor, caller.actor.username), caller.token)


@router.put("/user", operation_id="UpdateCurrentUser", summary="Update current user", responses=documented(401, 422))
async def update_current_user(body: UpdateUserRequest, caller: CallerDep) -> UserResponse:
    """Change the signed-in user's details; a new `password` needs `currentPassword` too (all or nothing)."""
    user = await accounts.update_account(caller.actor, **body.user.changes())
    return UserResponse.of(user, caller.token)
