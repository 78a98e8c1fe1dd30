"""Account actions about what others see: the profile, and following."""

from __future__ import annotations

from tortoise.exceptions import IntegrityError

from ..actions import Context, action, changes
from ..actor import Actor
from ..errors import NotFound
from ..notifications.actions import notify
from ..notifications.events import NotificationsChanged
from ..notifications.models import NotificationKind
from .events import FollowChanged, ProfileUpdated
from .inputs import FollowUser, UpdateProfile
from .models import Follow, User
from .uniqueness import ensure_unused, own_account, taken
from .views import UserView

PROFILE_FIELDS = ("username", "email", "bio", "image")


@action("user.update_profile", UpdateProfile, loads=own_account, emits=[ProfileUpdated])
async def update_profile(ctx: Context[UpdateProfile, User | None]) -> UserView:
    """Change the actor's username, e-mail address, bio or picture; emits ProfileUpdated."""
    user = ctx.row
    assert user is not None  # the policy refuses the anonymous visitor
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


async def locked_user(actor: Actor, command: FollowUser) -> User:
    """The user followed or unfollowed, locked: follows of one user are serialised, so each event's count is exact."""
    followed = await User.filter(username=command.username).select_for_update().first()
    if followed is None:
        raise NotFound("user")
    return followed


@action("user.follow", FollowUser, loads=locked_user, emits=[FollowChanged, NotificationsChanged])
async def follow(ctx: Context[FollowUser, User]) -> bool:
    """Follow a user (again: nothing changes); return whether it changed; emits FollowChanged."""
    return await _set_following(ctx, following=True)


@action("user.unfollow", FollowUser, loads=locked_user, emits=[FollowChanged])
async def unfollow(ctx: Context[FollowUser, User]) -> bool:
    """Stop following a user (not following: nothing changes); return whether it changed; emits FollowChanged."""
    return await _set_following(ctx, following=False)


async def _set_following(ctx: Context[FollowUser, User], *, following: bool) -> bool:
    followed = ctx.row
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
