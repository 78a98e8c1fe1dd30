"""The layering rules of DESIGN.md, checked on the source."""

from __future__ import annotations

import ast
import dataclasses
from pathlib import Path
from types import ModuleType

import pytest

import core
from core import Event, accounts, blog, notifications

ROOT = Path(__file__).resolve().parents[1]
FORBIDDEN_IN_ADAPTERS = ("tortoise", "asyncpg", "aerich", "casbin")
ADAPTER_MODULES = sorted([*(ROOT / "ui").rglob("*.py"), *(ROOT / "api").rglob("*.py")])
adapter_modules = pytest.mark.parametrize("path", ADAPTER_MODULES, ids=lambda p: str(p.relative_to(ROOT)))


def exported(module: ModuleType) -> set[str]:
    """The names a module offers: its `__all__`, else its public names that are not modules."""
    names = getattr(module, "__all__", None)
    if names is None:
        names = [n for n, v in vars(module).items() if not n.startswith("_") and not isinstance(v, ModuleType)]
    return set(names)


CORE_NAMES = exported(core)
CONTEXTS = {name: getattr(core, name) for name in CORE_NAMES if isinstance(getattr(core, name), ModuleType)}


def is_public(name: str) -> bool:
    """Whether a dotted name is outside core, or is core, a name it exports, or a name one of its contexts exports."""
    root, *rest = name.split(".")
    if root != "core" or not rest:
        return True
    if rest[0] not in CORE_NAMES:
        return False
    context = CONTEXTS.get(rest[0])
    return context is None or len(rest) == 1 or rest[1] in exported(context)


def parse(path: Path) -> ast.Module:
    return ast.parse(path.read_text(), str(path))


def imported_modules(path: Path) -> list[str]:
    names: list[str] = []
    for node in ast.walk(parse(path)):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
            names.extend(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def reached_names(path: Path) -> list[str]:
    """What a module imports, and the attribute chains on the names it imported (`blog.slugs.slugify`), spelt out."""
    tree = parse(path)
    bound = bindings(tree)
    reached = imported_modules(path)
    for node in ast.walk(tree):
        chain = dotted(node) if isinstance(node, ast.Attribute) else None
        if chain and (first := chain.split(".")[0]) in bound:
            reached.append(bound[first] + chain.removeprefix(first))
    return reached


def bindings(tree: ast.Module) -> dict[str, str]:
    """Each name the module's imports bind → the dotted name it stands for (`import core.blog` binds `core`)."""
    bound: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                root = alias.name.split(".")[0]
                bound[alias.asname or root] = alias.name if alias.asname else root
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            bound |= {alias.asname or alias.name: f"{node.module}.{alias.name}" for alias in node.names}
    return bound


def dotted(node: ast.expr) -> str | None:
    """`a.b.c` as written, when the expression is a chain of names."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute) and (base := dotted(node.value)):
        return f"{base}.{node.attr}"
    return None


def model_attributes(path: Path) -> list[str]:
    """Every attribute chain through `.models`, and every `getattr(x, "models")`, as written."""
    return [
        ast.unparse(node)
        for node in ast.walk(parse(path))
        if (isinstance(node, ast.Attribute) and node.attr == "models")
        or (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "getattr"
            and any(isinstance(arg, ast.Constant) and arg.value == "models" for arg in node.args)
        )
    ]


def console_mentions(path: Path) -> list[str]:
    """Every mention of the command-line operator: the name `CONSOLE`, and `core.console` imported or reached."""
    named = [
        ast.unparse(node)
        for node in ast.walk(parse(path))
        if (isinstance(node, ast.Name) and node.id == "CONSOLE")
        or (isinstance(node, ast.Attribute) and node.attr == "CONSOLE")
    ]
    reached = [
        name
        for name in reached_names(path)
        if name.split(".")[-1] == "CONSOLE" or name.split(".")[:2] == ["core", "console"]
    ]
    return named + reached


@adapter_modules
def test_page_and_api_modules_import_neither_the_orm_nor_a_model(path: Path) -> None:
    for name in imported_modules(path):
        assert not name.startswith(FORBIDDEN_IN_ADAPTERS), f"{path.name} imports {name}"
        assert ".models" not in name, f"{path.name} imports the model module {name}"


@adapter_modules
def test_page_and_api_modules_reach_no_model_by_attribute(path: Path) -> None:
    assert model_attributes(path) == [], f"{path.name} reaches a model module"


@adapter_modules
def test_page_and_api_modules_use_only_what_core_and_its_contexts_export(path: Path) -> None:
    private = [name for name in reached_names(path) if not is_public(name)]
    assert private == [], f"{path.name} reaches into core past its public interface"


@adapter_modules
def test_page_and_api_modules_never_name_the_console_actor(path: Path) -> None:
    assert console_mentions(path) == [], f"{path.name} can act as the command-line operator"


def test_the_console_actor_is_not_in_cores_public_interface() -> None:
    assert "CONSOLE" not in CORE_NAMES
    assert not any("CONSOLE" in exported(context) for context in CONTEXTS.values())


def test_the_architecture_check_sees_a_forbidden_import(tmp_path: Path) -> None:
    page = sample(tmp_path, "from tortoise import fields\nfrom core.blog.models import Post")
    assert imported_modules(page) == ["tortoise", "tortoise.fields", "core.blog.models", "core.blog.models.Post"]


@pytest.mark.parametrize(
    "source",
    [
        "from core import blog\nposts = blog.models.Post.filter(author_id=1)",
        "import core\nposts = core.blog.models.Post.all()",
        "from core import blog\nPost = getattr(blog, 'models').Post",
    ],
)
def test_the_architecture_check_sees_a_model_reached_by_attribute(tmp_path: Path, source: str) -> None:
    assert model_attributes(sample(tmp_path, source))


@pytest.mark.parametrize(
    "source",
    [
        "from core.blog.slugs import slugify",
        "from core.blog import slugs",
        "import core.db",
        "from core.accounts.inputs import SEEDED_DOMAIN",
        "from core import actor",
        "from core import blog\nslug = blog.slugs.slugify('A title')",
        "import core\nurl = core.runtime.db.probe",
        "from core import accounts\nsize = accounts.directory.PAGE",
    ],
)
def test_the_architecture_check_sees_a_private_module_of_core(tmp_path: Path, source: str) -> None:
    assert not all(is_public(name) for name in reached_names(sample(tmp_path, source)))


def test_the_architecture_check_lets_core_public_names_through(tmp_path: Path) -> None:
    source = (
        "import core\nfrom core import Actor, blog, hub\nfrom core.blog import PostStatus, get_post\n"
        "draft = blog.PostStatus.DRAFT\nread = core.blog.get_post\nanonymous = Actor().is_anonymous\n"
        "hub.subscribe('feed', print)\nstatus = PostStatus.PUBLISHED.value\n"
    )
    assert all(is_public(name) for name in reached_names(sample(tmp_path, source)))


@pytest.mark.parametrize(
    "source",
    [
        "from core.console import CONSOLE",
        "from core import console",
        "import core.console",
        "from core import CONSOLE",
        "import core\nadmin = core.console.CONSOLE",
        "admin = CONSOLE",
    ],
)
def test_the_architecture_check_sees_the_console_actor(tmp_path: Path, source: str) -> None:
    assert console_mentions(sample(tmp_path, source))


def sample(folder: Path, source: str) -> Path:
    """A page module holding `source`."""
    path = folder / "page.py"
    path.write_text(source + "\n")
    return path


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
