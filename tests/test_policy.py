"""One test per row of the policy table: the row allows what it says, and refuses a near miss."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from core import Actor, Role
from core.policy import BANNED, Rule, allowed, explain, role_links, rules

ANN = Actor(id=1, username="ann", role=Role.MEMBER)
BOB = Actor(id=2, username="bob", role=Role.MEMBER)
MOD = Actor(id=3, username="mod", role=Role.MODERATOR)
ADMIN = Actor(id=4, username="root", role=Role.ADMIN)
NOBODY = Actor()


@dataclass(frozen=True)
class Post:
    author_id: int
    status: str = "published"
    archived: bool = False


@dataclass(frozen=True)
class Comment:
    author_id: int
    post_author_id: int


@dataclass(frozen=True)
class Session:
    user_id: int


@dataclass(frozen=True)
class User:
    id: int
    role: str = "member"


@dataclass(frozen=True)
class Case:
    """Who the row lets through, on what; and a near miss that no row allows (None: the row allows everyone)."""

    actor: Actor
    record: object
    refused: tuple[Actor, object] | None


DRAFT, ARCHIVED = Post(1, "draft"), Post(1, archived=True)
CASES: dict[tuple[str, str], Case] = {
    ("anonymous", "user.register"): Case(NOBODY, None, None),
    ("anonymous", "user.sign_in"): Case(NOBODY, None, None),
    ("anonymous", "user.sign_out"): Case(ANN, Session(1), (ANN, Session(2))),
    ("member", "user.sign_out_everywhere"): Case(ANN, User(1), (ANN, User(2))),
    ("member", "user.change_password"): Case(ANN, User(1), (ANN, User(2))),
    ("member", "user.update_profile"): Case(ANN, User(1), (BOB, User(1))),
    ("member", "user.read_email"): Case(ANN, User(1), (BOB, User(1))),
    ("admin", "user.read_email"): Case(ADMIN, User(1), (MOD, User(1))),
    ("member", "user.follow"): Case(ANN, User(2), (ANN, User(1))),
    ("member", "user.unfollow"): Case(ANN, User(2), (NOBODY, User(2))),
    ("admin", "user.change_role"): Case(ADMIN, User(4, "admin"), (MOD, User(1))),
    ("moderator", "user.ban"): Case(MOD, User(1), (MOD, User(4, "admin"))),
    ("admin", "user.ban"): Case(ADMIN, User(3, "moderator"), (ADMIN, User(4, "admin"))),
    ("moderator", "user.unban"): Case(MOD, User(1), (MOD, User(3, "moderator"))),
    ("anonymous", "post.read"): Case(NOBODY, Post(1), (NOBODY, ARCHIVED)),
    ("member", "post.read"): Case(ANN, DRAFT, (BOB, DRAFT)),
    ("admin", "post.read"): Case(ADMIN, ARCHIVED, (ADMIN, Post(1, "draft", archived=True))),
    ("member", "post.create"): Case(ANN, None, (NOBODY, None)),
    ("member", "post.update"): Case(ANN, Post(1), (ANN, ARCHIVED)),
    ("member", "post.publish"): Case(ANN, DRAFT, (BOB, DRAFT)),
    ("member", "post.unpublish"): Case(ANN, Post(1), (BOB, Post(1))),
    ("moderator", "post.unpublish"): Case(MOD, Post(1), (MOD, ARCHIVED)),
    ("member", "post.archive"): Case(ANN, Post(1), (BOB, Post(1))),
    ("moderator", "post.archive"): Case(MOD, Post(1), (MOD, ARCHIVED)),
    ("member", "post.restore"): Case(ANN, ARCHIVED, (BOB, ARCHIVED)),
    ("admin", "post.restore"): Case(ADMIN, ARCHIVED, (MOD, ARCHIVED)),
    ("member", "post.favorite"): Case(BOB, Post(1), (BOB, DRAFT)),
    ("member", "post.unfavorite"): Case(BOB, DRAFT, (NOBODY, Post(1))),
    ("member", "comment.add"): Case(BOB, Post(1), (BOB, ARCHIVED)),
    ("member", "comment.delete"): Case(ANN, Comment(2, 1), (BOB, Comment(3, 1))),
    ("moderator", "comment.delete"): Case(MOD, Comment(2, 1), (BOB, Comment(3, 1))),
    ("member", "picture.upload"): Case(ANN, None, (NOBODY, None)),
    ("member", "notification.read_all"): Case(ANN, None, (NOBODY, None)),
    ("moderator", "admin.view"): Case(MOD, None, (ANN, None)),
    ("moderator", "audit.read"): Case(MOD, None, (ANN, None)),
    ("member", "audit.read_post"): Case(ANN, Post(1), (BOB, Post(1))),
}


@pytest.mark.parametrize("rule", rules(), ids=lambda rule: f"{rule.role}:{rule.action}")
def test_policy_row_allows_its_case_and_refuses_a_near_miss(rule: Rule) -> None:
    case = CASES.get((rule.role, rule.action))
    assert case is not None, f"policy row {rule} has no test case in CASES"
    assert allowed(case.actor, rule.action, case.record)
    if case.refused is not None:
        refused_actor, refused_record = case.refused
        assert not allowed(refused_actor, rule.action, refused_record)


def test_every_case_names_a_row_of_the_policy() -> None:
    assert set(CASES) == {(rule.role, rule.action) for rule in rules()}


def test_roles_inherit_upwards_from_anonymous_to_admin() -> None:
    assert role_links() == [("member", "anonymous"), ("moderator", "member"), ("admin", "moderator")]
    assert allowed(ADMIN, "post.create")
    assert allowed(ADMIN, "comment.delete", Comment(2, 1))  # a moderator's right
    assert allowed(MOD, "post.read", Post(1))  # an anonymous visitor's right


def test_an_action_missing_from_the_policy_is_refused() -> None:
    assert not allowed(ADMIN, "post.obliterate", Post(9))


def test_a_banned_user_keeps_only_what_the_anonymous_visitor_may_do() -> None:
    banned = Actor(id=1, username="ann", role=Role.MODERATOR, banned=True)
    assert allowed(banned, "post.read", Post(2))
    assert allowed(banned, "user.sign_out", Session(1))
    for action, record in [
        ("comment.add", Post(2)),
        ("post.create", None),
        ("post.update", Post(1)),
        ("comment.delete", Comment(2, 2)),
        ("admin.view", None),
    ]:
        assert not allowed(banned, action, record), action


def test_refusals_are_explained_by_the_rows_that_could_have_allowed() -> None:
    assert explain(NOBODY, "comment.add") == "Sign in first: members comment on published posts."
    assert explain(BOB, "post.update") == (
        "Not allowed here: only its author edits a post (and not while it is archived)."
    )
    assert explain(ANN, "admin.view") == "Not with your role: moderators and admins open the admin area."
    assert explain(Actor(id=1, username="ann", role=Role.MEMBER, banned=True), "comment.add") == BANNED
