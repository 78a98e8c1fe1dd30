"""The test database: a throw-away embedded PostgreSQL 18, or the server TEST_DATABASE_URL names (wiped first)."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import asyncpg

from core.db.embedded import EmbeddedPostgres


@contextmanager
def test_server() -> Iterator[str]:
    """Yield the URL of an empty database for this test session."""
    external = os.environ.get("TEST_DATABASE_URL")
    if external:
        yield external
        return
    folder = Path(tempfile.mkdtemp(prefix="tidings-test-db-"))
    server = EmbeddedPostgres(folder)
    try:
        yield server.start()
    finally:
        server.stop()


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
