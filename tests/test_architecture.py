"""The layering rules of DESIGN.md, checked on the source."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FORBIDDEN_IN_UI = ("tortoise", "asyncpg", "aerich", "casbin", "core.db", "core.actions", "core.policy")


def imported_modules(path: Path) -> list[str]:
    names: list[str] = []
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
            names.extend(f"{node.module}.{alias.name}" for alias in node.names)
    return names


@pytest.mark.parametrize("path", sorted((ROOT / "ui").rglob("*.py")), ids=lambda p: str(p.relative_to(ROOT)))
def test_ui_module_imports_neither_the_orm_nor_a_model(path: Path) -> None:
    for name in imported_modules(path):
        assert not name.startswith(FORBIDDEN_IN_UI), f"{path.name} imports {name}"
        assert ".models" not in name, f"{path.name} imports the model module {name}"


def test_the_architecture_check_sees_a_forbidden_import(tmp_path: Path) -> None:
    sample = tmp_path / "page.py"
    sample.write_text("from tortoise import fields\nfrom core.blog.models import Post\n")
    assert imported_modules(sample) == ["tortoise", "tortoise.fields", "core.blog.models", "core.blog.models.Post"]


def test_no_module_outside_core_saves_a_model() -> None:
    for path in [*(ROOT / "ui").rglob("*.py"), ROOT / "main.py"]:
        assert ".save(" not in path.read_text(), f"{path} writes around the actions"
