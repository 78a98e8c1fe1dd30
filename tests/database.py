"""The test database: a throw-away embedded PostgreSQL 18, or the server TEST_DATABASE_URL names (wiped first)."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import asyncpg

from core.db.embedded import EmbeddedPostgres


@dataclass(frozen=True)
class SessionDatabase:
    """The session's database: its URL, and the embedded server serving it (None: an external server)."""

    url: str
    server: EmbeddedPostgres | None


@contextmanager
def test_server() -> Iterator[SessionDatabase]:
    """Yield an empty database for this test session."""
    external = os.environ.get("TEST_DATABASE_URL")
    if external:
        yield SessionDatabase(external, None)
        return
    folder = Path(tempfile.mkdtemp(prefix="tidings-test-db-"))
    server = EmbeddedPostgres(folder)
    try:
        yield SessionDatabase(server.start(), server)
    finally:
        server.stop()


def stop_now(server: EmbeddedPostgres) -> None:
    """Stop the server at once, whoever is attached (fast shutdown: open transactions roll back)."""
    server._pg_ctl("-w", "-m", "fast", "stop")


async def wipe(url: str) -> None:
    """Drop every table of the database at `url`."""
    connection = await asyncpg.connect(url)
    try:
        await connection.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public;")
    finally:
        await connection.close()


async def create_database(url: str, name: str) -> str:
    """Create (or re-create) an empty database next to the one at `url`; return its URL."""
    connection = await asyncpg.connect(url)
    try:
        await connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await connection.execute(f'CREATE DATABASE "{name}"')
    finally:
        await connection.close()
    return with_database(url, name)


def with_database(url: str, name: str) -> str:
    """`url` pointing at database `name` instead."""
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{name}"))
