"""One test per row of the policy table: the row allows what it says, and no more."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from core import Actor, Role, allowed
from core.policy import Rule, role_links, rules

ANN = Actor(id=1, username="ann", role=Role.MEMBER)
BOB = Actor(id=2, username="bob", role=Role.MEMBER)
NOBODY = Actor()


@dataclass(frozen=True)
class Post:
    author_id: int
    status: str


@dataclass(frozen=True)
class Session:
    user_id: int


@dataclass(frozen=True)
class Case:
    """Who the row lets through, on what, and a near miss it must refuse."""

    actor: Actor
    record: object
    refused_actor: Actor
    refused_record: object


CASES: dict[tuple[str, str], Case] = {
    ("anonymous", "user.register"): Case(NOBODY, None, NOBODY, None),
    ("anonymous", "user.sign_in"): Case(NOBODY, None, NOBODY, None),
    ("member", "user.sign_out"): Case(ANN, Session(1), ANN, Session(2)),
    ("anonymous", "post.read"): Case(NOBODY, Post(1, "published"), NOBODY, Post(1, "draft")),
    ("member", "post.read"): Case(ANN, Post(1, "draft"), BOB, Post(1, "draft")),
    ("member", "post.create"): Case(ANN, None, NOBODY, None),
    ("member", "post.publish"): Case(ANN, Post(1, "draft"), BOB, Post(1, "draft")),
    ("member", "comment.add"): Case(BOB, Post(1, "published"), BOB, Post(1, "draft")),
}
# Rows that allow everyone everything they name have no near miss; the refusal check is skipped for them.
UNCONDITIONAL = {("anonymous", "user.register"), ("anonymous", "user.sign_in")}


@pytest.mark.parametrize("rule", rules(), ids=lambda rule: f"{rule.role}:{rule.action}")
def test_policy_row_allows_its_case_and_refuses_a_near_miss(rule: Rule) -> None:
    case = CASES.get((rule.role, rule.action))
    assert case is not None, f"policy row {rule} has no test case in CASES"
    assert allowed(case.actor, rule.action, case.record)
    if (rule.role, rule.action) not in UNCONDITIONAL:
        assert not allowed(case.refused_actor, rule.action, case.refused_record)


def test_every_case_names_a_row_of_the_policy() -> None:
    assert set(CASES) == {(rule.role, rule.action) for rule in rules()}


def test_roles_inherit_upwards_from_anonymous_to_admin() -> None:
    assert role_links() == [("member", "anonymous"), ("moderator", "member"), ("admin", "moderator")]
    admin = Actor(id=9, username="root", role=Role.ADMIN)
    assert allowed(admin, "post.create")
    assert allowed(admin, "post.read", Post(1, "published"))


def test_an_action_missing_from_the_policy_is_refused() -> None:
    assert not allowed(Actor(id=9, username="root", role=Role.ADMIN), "post.obliterate", Post(9, "published"))
