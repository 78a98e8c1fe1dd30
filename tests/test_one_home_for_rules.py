"""Every rule has one home, core: pages and the API ask the actions and permissions, and decide nothing themselves.

Checked on the source of ui/ and api/: no action named by a string (a typo would hide a control, refused as unknown),
no comparison of owners or states (who wrote it, whether it is published: the actions' declarations say).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from core import access, blog  # noqa: F401  (importing core declares every action and permission)
from core.policy import DECLARED, rules

ROOT = Path(__file__).resolve().parents[1]
ADAPTER_MODULES = sorted([*(ROOT / "ui").rglob("*.py"), *(ROOT / "api").rglob("*.py")])
POLICY_NAMES = {rule.action for rule in rules()}
STATE = {"author_id", "post_author_id", "status", "archived", "banned", "role"}  # what the rules read of a record
STATE_TYPES = {"PostStatus", "Role"}
VIEWERS = {"viewer", "actor", "member", "caller"}  # the names pages and the API give the actor
OWNERSHIP = (ast.Eq, ast.NotEq, ast.In, ast.NotIn)


def action_names(tree: ast.AST) -> list[str]:
    """The string constants that name an action or permission of the policy table."""
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value in POLICY_NAMES
    ]


def rule_comparisons(tree: ast.AST) -> list[str]:
    """The comparisons that decide a rule: of a record's owner or state, or of the viewer's id with anything."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Compare) and (_about_state(node) or _about_the_viewer(node)):
            found.append(ast.unparse(node))
    return found


def _about_state(node: ast.Compare) -> bool:
    parts = list(ast.walk(node))
    attributes = {part.attr for part in parts if isinstance(part, ast.Attribute)}
    names = {part.id for part in parts if isinstance(part, ast.Name)}
    return bool(attributes & STATE or (attributes | names) & STATE_TYPES)


def _about_the_viewer(node: ast.Compare) -> bool:
    if not any(isinstance(op, OWNERSHIP) for op in node.ops):
        return False  # `viewer.id is None` asks whether anyone is signed in, no rule
    operands = [node.left, *node.comparators]
    return any(_is_viewer_id(part) for operand in operands for part in ast.walk(operand))


def _is_viewer_id(node: ast.AST) -> bool:
    if not (isinstance(node, ast.Attribute) and node.attr == "id"):
        return False
    owner = node.value
    name = owner.attr if isinstance(owner, ast.Attribute) else owner.id if isinstance(owner, ast.Name) else ""
    return name in VIEWERS


@pytest.mark.parametrize("path", ADAPTER_MODULES, ids=lambda p: str(p.relative_to(ROOT)))
def test_pages_and_the_api_name_no_action_by_a_string(path: Path) -> None:
    assert action_names(ast.parse(path.read_text())) == []


@pytest.mark.parametrize("path", ADAPTER_MODULES, ids=lambda p: str(p.relative_to(ROOT)))
def test_pages_and_the_api_compare_no_owner_and_no_state(path: Path) -> None:
    assert rule_comparisons(ast.parse(path.read_text())) == []


def test_every_row_of_the_policy_table_is_an_action_or_a_permission_of_core() -> None:
    assert POLICY_NAMES == DECLARED


@pytest.mark.parametrize(
    "source",
    [
        'allowed(viewer, "post.update", post)',
        'explain(viewer, "comment.add")',
        'ACTIONS["post.archive"]',
    ],
)
def test_the_check_sees_an_action_named_by_a_string(source: str) -> None:
    assert action_names(ast.parse(source))


@pytest.mark.parametrize(
    "source",
    [
        "self.viewer.id in (comment.author_id, comment.post_author_id)",
        "allowed(viewer, action, post) and post.status == blog.PostStatus.PUBLISHED",
        "viewer.id == profile.id",
        "user.role != Role.ANONYMOUS",
        "if post.archived != True: pass",
        "event.follower_id == self.viewer.id",
    ],
)
def test_the_check_sees_a_comparison_of_an_owner_or_a_state(source: str) -> None:
    assert rule_comparisons(ast.parse(source))


@pytest.mark.parametrize(
    "source", ["viewer.id is not None", "post.id in self.cards", "len(items) == limit", "event.by(self.viewer)"]
)
def test_the_check_lets_other_comparisons_through(source: str) -> None:
    assert rule_comparisons(ast.parse(source)) == []
