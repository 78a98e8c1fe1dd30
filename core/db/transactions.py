"""The transactions actions run in (and reads outside them): run again once after a lost connection, or `Unavailable`.

A transaction whose connection is lost before COMMIT was sent certainly rolled back, so it runs again (once)
on a fresh connection: the first action after a failover succeeds instead of failing. A connection lost while
committing leaves the outcome unknown; that, and a database still away, raise `Unavailable`: never "saved".
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from contextvars import ContextVar
from typing import Any, TypeVar

import asyncpg
from tortoise import Tortoise, connections
from tortoise.backends.base.client import TransactionContext, TransactionContextPooled
from tortoise.connection import get_connections
from tortoise.transactions import in_transaction

from ..errors import Unavailable

log = logging.getLogger(__name__)
T = TypeVar("T")

# Refused or broken sockets, a server shutting down or starting up (57P01-57P03), a connection gone mid-query,
# and asyncpg's protocol confused by a connection the server closed while it was idle in the pool.
_LOST = (
    OSError,
    TimeoutError,
    asyncpg.PostgresConnectionError,
    asyncpg.exceptions.OperatorInterventionError,
    asyncpg.exceptions.InternalClientError,
)
_depth: ContextVar[int] = ContextVar("tidings_transaction_depth", default=0)


def is_lost_connection(error: BaseException) -> bool:
    """Whether `error` says the database could not be reached (rather than a bug or a refused statement)."""
    if isinstance(error, asyncpg.InterfaceError):  # also raised for misuse: only a closed connection counts
        return "closed" in str(error)
    return isinstance(error, _LOST)


async def transactionally(work: Callable[[Any], Awaitable[T]]) -> T:
    """Run `work(connection)` in one transaction (nested: inside the caller's), surviving a lost connection."""
    nested = _depth.get() > 0
    depth = _depth.set(_depth.get() + 1)
    try:
        for attempt in (1, 2):
            committing = False
            try:
                async with _transaction() as connection:
                    result = await work(connection)
                    committing = True
                return result
            except Exception as error:
                if not is_lost_connection(error) or nested:
                    raise  # the outermost transaction decides
                if committing or attempt == 2:
                    raise Unavailable() from error
                log.warning("database connection lost before commit (%s); running the transaction again", error)
                await expire_connections()  # the pool's other connections died with this one
        raise AssertionError("unreachable")
    finally:
        _depth.reset(depth)


async def reading(query: Callable[[], Awaitable[T]]) -> T:
    """Run a read, once more on a fresh connection if the first was found dead; `Unavailable` if it stays away."""
    if _depth.get() > 0:  # inside a transaction: its runner decides
        return await query()
    try:
        return await query()
    except Exception as error:
        if not is_lost_connection(error):
            raise
        log.warning("database connection lost during a read (%s); reading again", error)
    await expire_connections()
    try:
        return await query()
    except Exception as error:
        if is_lost_connection(error):
            raise Unavailable() from error
        raise


async def expire_connections() -> None:
    """Replace every pooled connection before its next use (those in use, once released)."""
    if Tortoise.is_inited():
        pool = getattr(connections.get("default"), "_pool", None)  # Tortoise keeps asyncpg's pool here
        if pool is not None:
            await pool.expire_connections()
            # asyncpg would close an expired idle connection politely, in a task of its own that logs a broken
            # pipe when the server is gone: abort those at once (the pool opens new ones on demand).
            for holder in pool._holders:
                if holder.is_idle() and holder.is_connected():
                    holder._con.terminate()


@asynccontextmanager
async def _transaction() -> AsyncIterator[Any]:
    context = in_transaction()
    try:
        connection = await context.__aenter__()
    except BaseException:
        await _undo_failed_begin(context)
        raise
    try:
        yield connection
    except BaseException as error:
        await context.__aexit__(type(error), error, error.__traceback__)
        raise
    await context.__aexit__(None, None, None)


async def _undo_failed_begin(context: TransactionContext) -> None:
    # Tortoise 1.1 takes a pooled connection and makes it the task's current one before BEGIN, and keeps both
    # when BEGIN fails: the pool would lose a connection for good and the task would reuse the dead one.
    if not isinstance(context, TransactionContextPooled):  # a savepoint: the connection is the caller's
        return
    token = getattr(context, "token", None)
    if token is not None:
        get_connections().reset(token)
    client: Any = context.client
    pool = getattr(client._parent, "_pool", None)
    if getattr(client, "_connection", None) is not None and pool is not None:
        await pool.release(client._connection)
        client._connection = None
