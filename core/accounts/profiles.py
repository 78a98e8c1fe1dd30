"""Account actions about what others see: the profile, and following."""

from __future__ import annotations

from tortoise.exceptions import IntegrityError

from ..actions import Context, action, changes
from ..errors import NotFound
from ..notifications.actions import notify
from ..notifications.models import NotificationKind
from .events import FollowChanged, ProfileUpdated
from .inputs import FollowUser, UpdateProfile
from .models import Follow, User
from .uniqueness import ensure_unused, own_account, taken
from .views import UserView

PROFILE_FIELDS = ("username", "email", "bio", "image")


@action("user.update_profile", UpdateProfile)
async def update_profile(ctx: Context[UpdateProfile]) -> UserView:
    """Change the actor's username, e-mail address, bio or picture; emits ProfileUpdated."""
    user = await own_account(ctx)
    ctx.authorize(user)
    wanted = ctx.input.model_dump(exclude_unset=True)
    await ensure_unused(username=wanted.get("username"), email=wanted.get("email"), exclude=user.id)
    before = {name: getattr(user, name) for name in PROFILE_FIELDS}
    for name, value in wanted.items():
        setattr(user, name, value)
    try:
        await user.save(update_fields=[*wanted, "updated_at"])
    except IntegrityError as error:
        raise taken(str(error)) from None
    ctx.audit("user", user.id, changes(before, {name: getattr(user, name) for name in PROFILE_FIELDS}))
    ctx.emit(ProfileUpdated(user_id=user.id))
    return UserView.of(user)


@action("user.follow", FollowUser)
async def follow(ctx: Context[FollowUser]) -> bool:
    """Follow a user (again: nothing changes); return whether it changed; emits FollowChanged."""
    return await _set_following(ctx, following=True)


@action("user.unfollow", FollowUser)
async def unfollow(ctx: Context[FollowUser]) -> bool:
    """Stop following a user (not following: nothing changes); return whether it changed; emits FollowChanged."""
    return await _set_following(ctx, following=False)


async def _set_following(ctx: Context[FollowUser], *, following: bool) -> bool:
    # Locking the followed user serialises follows of one user, so each event carries an exact count.
    followed = await User.filter(username=ctx.input.username).select_for_update().first()
    if followed is None:
        raise NotFound("user")
    ctx.authorize(followed)
    assert ctx.actor.id is not None  # the policy lets only members follow
    pair = Follow.filter(follower_id=ctx.actor.id, followed_id=followed.id)
    changed = not await pair.exists() if following else await pair.delete() > 0
    if following and changed:
        await Follow.create(follower_id=ctx.actor.id, followed_id=followed.id)
        await notify(ctx, followed.id, NotificationKind.FOLLOW)
    ctx.audit("user", followed.id, {"following": [not following, following]} if changed else {})
    if changed:
        followers = await Follow.filter(followed_id=followed.id).count()
        ctx.emit(
            FollowChanged(follower_id=ctx.actor.id, followed_id=followed.id, following=following, followers=followers)
        )
    return changed
