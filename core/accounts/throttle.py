"""Sign-in throttling: recent failures counted per account and per client address, in PostgreSQL.

A few failures are free; after them every attempt is refused unchecked until a wait has passed, and the wait
doubles with each further failure, up to a cap. The database's clock decides, so every process agrees.
"""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

FREE_FAILURES_PER_ACCOUNT = 5
# An address can be a whole office or school behind one NAT: more room before it waits.
FREE_FAILURES_PER_ADDRESS = 20
FIRST_WAIT = timedelta(seconds=30)
LONGEST_WAIT = timedelta(minutes=15)
FORGET_AFTER = timedelta(hours=1)  # a counter with no failure for this long starts again from zero


@dataclass(frozen=True, slots=True)
class Counter:
    """The failures of one account or one address; `free` of them cost no wait."""

    scope: str
    key: str
    free: int


def counters(login: str, user_id: int | None, address: str | None) -> list[Counter]:
    """The counters an attempt is checked against: its account's first, then its address's (if known)."""
    # Unknown logins are counted too, so that throttling never tells which accounts exist.
    # A digest keeps any login, however it grows when lower-cased, within the key's column.
    unknown = hashlib.sha256(login.lower().encode()).hexdigest()
    account = f"user:{user_id}" if user_id is not None else f"login:{unknown}"
    found = [Counter("account", account, FREE_FAILURES_PER_ACCOUNT)]
    if address:
        found.append(Counter("address", address, FREE_FAILURES_PER_ADDRESS))
    return found


def wait_after(failures: int, free: int) -> timedelta:
    """How long an attempt must wait after `failures` recent failures: nothing for the free ones, then doubling."""
    if failures < free:
        return timedelta(0)
    doublings = min(failures - free, 16)  # beyond the cap anyway; keeps the power small
    return min(FIRST_WAIT * (1 << doublings), LONGEST_WAIT)


def wait_message(wait: timedelta) -> str:
    """The refusal shown to the person signing in."""
    seconds = math.ceil(wait.total_seconds())
    if seconds < 60:
        duration = f"{seconds} second{'s' if seconds != 1 else ''}"
    else:
        minutes = math.ceil(seconds / 60)
        duration = f"{minutes} minute{'s' if minutes != 1 else ''}"
    return f"Too many failed sign-ins. Wait {duration}, then try again."


async def hold(connection: Any, account: Counter) -> None:
    """Serialize the attempts on one account until the transaction ends, so parallel guesses cannot overrun it."""
    await connection.execute_query("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", [account.key])


async def remaining_wait(connection: Any, checked: list[Counter]) -> timedelta:
    """How long the longest of the counters still makes attempts wait (zero: go ahead)."""
    rows = await connection.execute_query_dict(
        """
        SELECT f.scope, f.key, f.failures, f.last_failed_at, clock_timestamp() AS now
        FROM sign_in_failures f JOIN unnest($1::text[], $2::text[]) AS c(scope, key) USING (scope, key)
        WHERE f.last_failed_at > clock_timestamp() - $3::interval
        """,
        [[c.scope for c in checked], [c.key for c in checked], FORGET_AFTER],
    )
    free = {(c.scope, c.key): c.free for c in checked}
    waits: list[timedelta] = [
        row["last_failed_at"] + wait_after(row["failures"], free[row["scope"], row["key"]]) - row["now"] for row in rows
    ]
    return max([timedelta(0), *waits])


async def count_failure(connection: Any, failed: list[Counter]) -> None:
    """Add a failure to each counter (one gone quiet for FORGET_AFTER starts again), and drop stale counters."""
    await connection.execute_query(
        """
        INSERT INTO sign_in_failures (scope, key, failures, last_failed_at)
        SELECT scope, key, 1, clock_timestamp() FROM unnest($1::text[], $2::text[]) AS c(scope, key)
        ON CONFLICT (scope, key) DO UPDATE SET
            failures = CASE WHEN sign_in_failures.last_failed_at > clock_timestamp() - $3::interval
                            THEN sign_in_failures.failures + 1 ELSE 1 END,
            last_failed_at = clock_timestamp()
        """,
        [[c.scope for c in failed], [c.key for c in failed], FORGET_AFTER],
    )
    await connection.execute_query(
        "DELETE FROM sign_in_failures WHERE last_failed_at < clock_timestamp() - $1::interval", [FORGET_AFTER]
    )


async def clear(connection: Any, counter: Counter) -> None:
    """Forget a counter's failures (a successful sign-in clears its account's)."""
    await connection.execute_query(
        "DELETE FROM sign_in_failures WHERE scope = $1 AND key = $2", [counter.scope, counter.key]
    )
