"""Every role, every action, owner or not: allowed exactly where this table says, refused by core elsewhere.

The table is written out by hand from the product's rules; it is not derived from the policy it checks.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TypeVar

import pytest

from core import ANONYMOUS, Actor, Forbidden, Role, accounts, blog, notifications, pictures
from core.actions import ACTIONS

from .factories import PASSWORD, member, published, signed_in_as, with_role
from .pictures import picture

T = TypeVar("T")
Y, N, X = "allow", "deny", "n/a"  # X: the action has no owner to vary (the "other" case is skipped)
ROLES = ("anonymous", "member", "moderator", "admin", "banned")

# action: {role: (as the owner of the target, on someone else's)}
EXPECTED: dict[str, dict[str, tuple[str, str]]] = {
    "user.register": dict.fromkeys(ROLES, (Y, X)),
    "user.sign_in": dict.fromkeys(ROLES, (Y, X)),
    "user.sign_out": {"anonymous": (X, N), "member": (Y, N), "moderator": (Y, N), "admin": (Y, N), "banned": (Y, N)},
    "user.sign_out_everywhere": {
        "anonymous": (N, X),
        "member": (Y, X),
        "moderator": (Y, X),
        "admin": (Y, X),
        "banned": (N, X),
    },
    "user.change_password": {
        "anonymous": (X, N),
        "member": (Y, X),
        "moderator": (Y, X),
        "admin": (Y, X),
        "banned": (N, X),
    },
    "user.update_profile": {
        "anonymous": (X, N),
        "member": (Y, X),
        "moderator": (Y, X),
        "admin": (Y, X),
        "banned": (N, X),
    },
    "user.follow": {"anonymous": (X, N), "member": (N, Y), "moderator": (N, Y), "admin": (N, Y), "banned": (N, N)},
    "user.unfollow": {"anonymous": (X, N), "member": (Y, Y), "moderator": (Y, Y), "admin": (Y, Y), "banned": (N, N)},
    "user.change_role": {"anonymous": (X, N), "member": (N, N), "moderator": (N, N), "admin": (Y, Y), "banned": (N, N)},
    "user.ban": {"anonymous": (X, N), "member": (N, N), "moderator": (N, Y), "admin": (N, Y), "banned": (N, N)},
    "user.unban": {"anonymous": (X, N), "member": (N, N), "moderator": (N, Y), "admin": (N, Y), "banned": (N, N)},
    "post.create": {"anonymous": (N, X), "member": (Y, X), "moderator": (Y, X), "admin": (Y, X), "banned": (N, X)},
    "post.update": {"anonymous": (X, N), "member": (Y, N), "moderator": (Y, N), "admin": (Y, N), "banned": (N, N)},
    "post.publish": {"anonymous": (X, N), "member": (Y, N), "moderator": (Y, N), "admin": (Y, N), "banned": (N, N)},
    "post.unpublish": {"anonymous": (X, N), "member": (Y, N), "moderator": (Y, Y), "admin": (Y, Y), "banned": (N, N)},
    "post.archive": {"anonymous": (X, N), "member": (Y, N), "moderator": (Y, Y), "admin": (Y, Y), "banned": (N, N)},
    "post.restore": {"anonymous": (X, N), "member": (Y, N), "moderator": (Y, N), "admin": (Y, Y), "banned": (N, N)},
    "post.favorite": {"anonymous": (X, N), "member": (Y, Y), "moderator": (Y, Y), "admin": (Y, Y), "banned": (N, N)},
    "post.unfavorite": {"anonymous": (X, N), "member": (Y, Y), "moderator": (Y, Y), "admin": (Y, Y), "banned": (N, N)},
    "comment.add": {"anonymous": (X, N), "member": (Y, Y), "moderator": (Y, Y), "admin": (Y, Y), "banned": (N, N)},
    "comment.delete": {"anonymous": (X, N), "member": (Y, N), "moderator": (Y, Y), "admin": (Y, Y), "banned": (N, N)},
    "picture.upload": {"anonymous": (N, X), "member": (Y, X), "moderator": (Y, X), "admin": (Y, X), "banned": (N, X)},
    "notification.read_all": {
        "anonymous": (N, X),
        "member": (Y, X),
        "moderator": (Y, X),
        "admin": (Y, X),
        "banned": (N, X),
    },
}

Scenario = Callable[[Actor, Actor], Awaitable[object]]  # (actor, owner of the target) → run the action


async def _session_of(owner: Actor) -> str:
    return (await accounts.sign_in(ANONYMOUS, login=owner.username, password=PASSWORD)).token


async def _draft_of(owner: Actor) -> blog.PostView:
    return await blog.create_post(await signed_in_as(owner.username), title="Target", body="Text")


async def _published_of(owner: Actor) -> blog.PostView:
    return await published(await signed_in_as(owner.username), title="Target")


async def _archived_of(owner: Actor) -> blog.PostView:
    post = await _published_of(owner)
    await blog.archive_post(await signed_in_as(owner.username), post_id=post.id)
    return post


async def _comment_of(owner: Actor) -> blog.CommentView:
    post = await published(await member(), title="Someone's post")
    return await blog.add_comment(await signed_in_as(owner.username), post_id=post.id, body="A comment")


SCENARIOS: dict[str, Scenario] = {
    "user.register": lambda actor, _: accounts.register(
        actor, username="newbie", email="n@example.com", password=PASSWORD
    ),
    "user.sign_in": lambda actor, owner: accounts.sign_in(actor, login=owner.username, password=PASSWORD),
    "user.sign_out": lambda actor, owner: _then(
        _session_of(owner), lambda token: accounts.sign_out(actor, token=token)
    ),
    "user.sign_out_everywhere": lambda actor, _: accounts.sign_out_everywhere(actor),
    "user.change_password": lambda actor, _: accounts.change_password(
        actor, current_password=PASSWORD, new_password="another good password"
    ),
    "user.update_profile": lambda actor, _: accounts.update_profile(actor, bio="Hello"),
    "user.follow": lambda actor, owner: accounts.follow(actor, username=owner.username),
    "user.unfollow": lambda actor, owner: accounts.unfollow(actor, username=owner.username),
    "user.change_role": lambda actor, owner: accounts.change_role(actor, username=owner.username, role=owner.role),
    "user.ban": lambda actor, owner: accounts.ban_user(actor, username=owner.username, reason="Testing bans"),
    "user.unban": lambda actor, owner: _then(
        _banned(owner), lambda _: accounts.unban_user(actor, username=owner.username)
    ),
    "post.create": lambda actor, _: blog.create_post(actor, title="Mine"),
    "post.update": lambda actor, owner: _then(
        _draft_of(owner), lambda p: blog.update_post(actor, post_id=p.id, title="X")
    ),
    "post.publish": lambda actor, owner: _then(_draft_of(owner), lambda p: blog.publish_post(actor, post_id=p.id)),
    "post.unpublish": lambda actor, owner: _then(
        _published_of(owner), lambda p: blog.unpublish_post(actor, post_id=p.id, reason="Testing")
    ),
    "post.archive": lambda actor, owner: _then(
        _published_of(owner), lambda p: blog.archive_post(actor, post_id=p.id, reason="Testing")
    ),
    "post.restore": lambda actor, owner: _then(_archived_of(owner), lambda p: blog.restore_post(actor, post_id=p.id)),
    "post.favorite": lambda actor, owner: _then(
        _published_of(owner), lambda p: blog.favorite_post(actor, post_id=p.id)
    ),
    "post.unfavorite": lambda actor, owner: _then(
        _published_of(owner), lambda p: blog.unfavorite_post(actor, post_id=p.id)
    ),
    "comment.add": lambda actor, owner: _then(
        _published_of(owner), lambda p: blog.add_comment(actor, post_id=p.id, body="Hello")
    ),
    "comment.delete": lambda actor, owner: _then(
        _comment_of(owner), lambda c: blog.delete_comment(actor, comment_id=c.id, reason="Testing")
    ),
    "picture.upload": lambda actor, _: pictures.upload_picture(actor, data=picture("PNG")),
    "notification.read_all": lambda actor, _: notifications.mark_all_read(actor),
}


async def _then(first: Awaitable[T], then: Callable[[T], Awaitable[object]]) -> object:
    return await then(await first)


async def _banned(owner: Actor) -> None:
    """Ban `owner` (an admin's doing) unless they are: only a banned user can be unbanned."""
    if not owner.banned:
        await accounts.ban_user(await with_role(Role.ADMIN), username=owner.username, reason="Testing unbans")


async def actor_with(role: str) -> Actor:
    """A fresh actor holding `role` ("banned": a member banned by an admin)."""
    if role == "anonymous":
        return ANONYMOUS
    if role == "banned":
        banned = await member()
        await accounts.ban_user(await with_role(Role.ADMIN), username=banned.username, reason="Testing bans")
        return await signed_in_as(banned.username)
    return await with_role(Role(role)) if role != "member" else await member()


def test_the_table_names_every_action_and_every_action_has_a_scenario() -> None:
    assert set(EXPECTED) == set(ACTIONS) == set(SCENARIOS)


CASES = [
    (action, role, owner)
    for action, by_role in EXPECTED.items()
    for role, outcomes in by_role.items()
    for owner, outcome in zip((True, False), outcomes, strict=True)
    if outcome != X
]


@pytest.mark.parametrize(
    ("action", "role", "owner"), CASES, ids=[f"{a}-{r}-{'own' if o else 'other'}" for a, r, o in CASES]
)
async def test_core_allows_or_refuses_as_the_table_says(action: str, role: str, owner: bool) -> None:
    actor = await actor_with(role)
    target_owner = actor if owner and not actor.is_anonymous else await member()
    expected = EXPECTED[action][role][0 if owner else 1]
    run = SCENARIOS[action]
    if expected == Y:
        await run(actor, target_owner)
    else:
        with pytest.raises(Forbidden):
            await run(actor, target_owner)
