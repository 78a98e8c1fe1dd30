"""One test per row of the policy table: the row allows what it says, and refuses a near miss."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from core import Actor, Role, allowed
from core.policy import Rule, role_links, rules

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
    ("member", "user.sign_out"): Case(ANN, Session(1), (ANN, Session(2))),
    ("member", "user.change_password"): Case(ANN, User(1), (ANN, User(2))),
    ("member", "user.update_profile"): Case(ANN, User(1), (BOB, User(1))),
    ("member", "user.read_email"): Case(ANN, User(1), (BOB, User(1))),
    ("admin", "user.read_email"): Case(ADMIN, User(1), (MOD, User(1))),
    ("member", "user.follow"): Case(ANN, User(2), (ANN, User(1))),
    ("member", "user.unfollow"): Case(ANN, User(2), (NOBODY, User(2))),
    ("anonymous", "post.read"): Case(NOBODY, Post(1), (NOBODY, ARCHIVED)),
    ("member", "post.read"): Case(ANN, DRAFT, (BOB, DRAFT)),
    ("admin", "post.read"): Case(ADMIN, ARCHIVED, (ADMIN, Post(1, "draft", archived=True))),
    ("member", "post.create"): Case(ANN, None, (NOBODY, None)),
    ("member", "post.update"): Case(ANN, Post(1), (ANN, ARCHIVED)),
    ("member", "post.publish"): Case(ANN, DRAFT, (BOB, DRAFT)),
    ("member", "post.unpublish"): Case(ANN, Post(1), (BOB, Post(1))),
    ("member", "post.archive"): Case(ANN, Post(1), (BOB, Post(1))),
    ("member", "post.restore"): Case(ANN, ARCHIVED, (BOB, ARCHIVED)),
    ("admin", "post.restore"): Case(ADMIN, ARCHIVED, (MOD, ARCHIVED)),
    ("member", "post.favorite"): Case(BOB, Post(1), (BOB, DRAFT)),
    ("member", "post.unfavorite"): Case(BOB, DRAFT, (NOBODY, Post(1))),
    ("member", "comment.add"): Case(BOB, Post(1), (BOB, ARCHIVED)),
    ("member", "comment.delete"): Case(ANN, Comment(2, 1), (BOB, Comment(3, 1))),
    ("moderator", "comment.delete"): Case(MOD, Comment(2, 1), (BOB, Comment(3, 1))),
    ("member", "notification.read_all"): Case(ANN, None, (NOBODY, None)),
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
