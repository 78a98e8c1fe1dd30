"""Fixtures shared by every test: one real PostgreSQL per session, emptied before each test."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any

import pytest
from argon2 import PasswordHasher
from nicegui import Client
from tortoise import Tortoise

from core import Actor, Settings, runtime
from core.accounts import passwords
from core.actions import Action
from core.audit.models import AuditEntry
from core.db.config import MODEL_MODULES

from .browsers import Browser, chromium
from .database import SessionDatabase, test_server, wipe
from .events import EventLog
from .servers import SCREENSHOTS, AppProcess
from .simulation import follow_the_acting_page

pytest_plugins = ["nicegui.testing.user_plugin"]

SECRET = "test-session-secret"


@pytest.fixture(scope="session")
def session_database() -> Iterator[SessionDatabase]:
    """The session's database; the app under test reads its URL from DATABASE_URL too."""
    with test_server() as database:
        os.environ["DATABASE_URL"] = database.url
        os.environ["TIDINGS_SESSION_SECRET"] = SECRET
        yield database


@pytest.fixture(scope="session")
def database_url(session_database: SessionDatabase) -> str:
    """The URL of the session's database."""
    return session_database.url


@pytest.fixture(scope="session", autouse=True)
async def core_runtime(database_url: str) -> AsyncIterator[None]:
    """core started once for the session, on a schema built by the migrations."""
    # Real argon2id, with the smallest cost: hashing strength is not what these tests are about.
    passwords.use_hasher(PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))
    await wipe(database_url)
    await runtime.start(Settings())
    yield
    await runtime.stop()


@pytest.fixture(autouse=True)
async def empty_tables(core_runtime: None) -> None:
    """Every test starts from empty tables (the schema stays; ids keep counting, as they do in production)."""
    await empty_all_tables()


async def empty_all_tables() -> None:
    """Empty every table of the models (not the migration history)."""
    tables = [
        model._meta.db_table
        for model in Tortoise.apps["models"].values()
        if model.__module__ in MODEL_MODULES and model.__module__ != "aerich.models"
    ]
    await Tortoise.get_connection("default").execute_script(f"TRUNCATE {', '.join(tables)} CASCADE")


@pytest.fixture(autouse=True)
async def every_action_is_audited(
    empty_tables: None, request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[None]:
    """Across the whole suite: each action that succeeds leaves exactly one audit entry, of its own name."""
    succeeded: list[str] = []
    run = Action.__call__

    async def recorded(action: Action[Any, Any, Any, Any], actor: Actor, /, **data: Any) -> Any:
        result = await run(action, actor, **data)
        succeeded.append(action.name)
        return result

    monkeypatch.setattr(Action, "__call__", recorded)
    yield
    if request.node.get_closest_marker("audit_elsewhere") is None:
        audited = [entry.action for entry in await AuditEntry.all()]
        assert sorted(audited) == sorted(succeeded), "actions run and audit entries differ"


@pytest.fixture(autouse=True)
def pages_act_for_their_own_user(monkeypatch: pytest.MonkeyPatch) -> None:
    """Navigation and notifications go to the simulated user whose page acts (see tests/simulation.py)."""
    follow_the_acting_page(monkeypatch)


@pytest.fixture(autouse=True)
def close_pages() -> Iterator[None]:
    """Close the pages a test opened, so that their live subscriptions end with the test."""
    yield
    for client in list(Client.instances.values()):
        client.delete()


@pytest.fixture
async def events() -> AsyncIterator[EventLog]:
    """Every event this process receives during the test."""
    log = EventLog()
    yield log
    log.close()


@pytest.fixture(scope="module")
def two_processes(database_url: str) -> Iterator[tuple[AppProcess, AppProcess]]:
    """Two `python main.py` processes on different ports sharing the test database."""
    first, second = AppProcess().start(), AppProcess().start()
    yield first, second
    first.stop()
    second.stop()


@pytest.fixture
def browser(request: pytest.FixtureRequest) -> Iterator[Callable[[str], Browser]]:
    """Open a new browser on a server; each is closed after the test, with a screenshot kept for the record."""
    drivers = []

    def open_browser(base_url: str) -> Browser:
        drivers.append(driver := chromium())
        return Browser(driver, base_url)

    yield open_browser
    SCREENSHOTS.mkdir(exist_ok=True)
    for number, driver in enumerate(drivers, 1):
        driver.save_screenshot(str(SCREENSHOTS / f"{request.node.name}-{number}.png"))
        driver.quit()
