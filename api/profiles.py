"""Profile: read a profile, follow and unfollow its user."""

from __future__ import annotations

from fastapi import APIRouter

from core import accounts

from .auth import Member, Viewer
from .errors import documented
from .schemas import ProfileResponse

router = APIRouter(prefix="/profiles/{username}", tags=["Profile"])


@router.get("", operation_id="GetProfileByUsername", summary="Get a profile", responses=documented(401, 404, 422))
async def get_profile(username: str, viewer: Viewer) -> ProfileResponse:
    """A user's profile; `following` says whether the caller follows them."""
    return ProfileResponse.of(await accounts.get_profile(viewer, username))


@router.post(
    "/follow", operation_id="FollowUserByUsername", summary="Follow a user", responses=documented(401, 403, 404, 422)
)
async def follow(username: str, member: Member) -> ProfileResponse:
    """Follow a user (following already: nothing changes)."""
    await accounts.follow(member, username=username)
    return ProfileResponse.of(await accounts.get_profile(member, username))


@router.delete(
    "/follow", operation_id="UnfollowUserByUsername", summary="Unfollow a user", responses=documented(401, 404, 422)
)
async def unfollow(username: str, member: Member) -> ProfileResponse:
    """Stop following a user (not following: nothing changes)."""
    await accounts.unfollow(member, username=username)
    return ProfileResponse.of(await accounts.get_profile(member, username))
