"""The layering rules of DESIGN.md, checked on the source."""

from __future__ import annotations

import ast
import dataclasses
from pathlib import Path
from types import ModuleType

import pytest

from core import Event, accounts, blog, notifications

ROOT = Path(__file__).resolve().parents[1]
FORBIDDEN_IN_ADAPTERS = ("tortoise", "asyncpg", "aerich", "casbin", "core.db", "core.actions", "core.policy")
ADAPTER_MODULES = sorted([*(ROOT / "ui").rglob("*.py"), *(ROOT / "api").rglob("*.py")])


def imported_modules(path: Path) -> list[str]:
    names: list[str] = []
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
            names.extend(f"{node.module}.{alias.name}" for alias in node.names)
    return names


@pytest.mark.parametrize("path", ADAPTER_MODULES, ids=lambda p: str(p.relative_to(ROOT)))
def test_page_and_api_modules_import_neither_the_orm_nor_a_model(path: Path) -> None:
    for name in imported_modules(path):
        assert not name.startswith(FORBIDDEN_IN_ADAPTERS), f"{path.name} imports {name}"
        assert ".models" not in name, f"{path.name} imports the model module {name}"


def test_the_architecture_check_sees_a_forbidden_import(tmp_path: Path) -> None:
    sample = tmp_path / "page.py"
    sample.write_text("from tortoise import fields\nfrom core.blog.models import Post\n")
    assert imported_modules(sample) == ["tortoise", "tortoise.fields", "core.blog.models", "core.blog.models.Post"]


@pytest.mark.parametrize("context", [accounts, blog, notifications], ids=lambda m: m.__name__)
def test_every_read_model_core_hands_out_is_frozen(context: ModuleType) -> None:
    exported = [getattr(context, name) for name in context.__all__]
    read_models = [
        item
        for item in exported
        if isinstance(item, type) and dataclasses.is_dataclass(item) and not issubclass(item, Event)
    ]
    assert read_models
    for model in read_models:
        assert getattr(model, "__dataclass_params__").frozen, f"{model.__name__} can be changed by its callers"  # noqa: B009
