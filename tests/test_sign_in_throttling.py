"""Sign-in throttling: failures counted per account and per address in PostgreSQL, waits that double, audited.

Time passing is simulated by moving the recorded failures into the past: no test sleeps.
"""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest
from tortoise import connections

from core import ANONYMOUS, Invalid, Throttled, accounts, audit
from core.accounts.throttle import FREE_FAILURES_PER_ACCOUNT, FREE_FAILURES_PER_ADDRESS, wait_after
from core.console import CONSOLE

from .factories import PASSWORD, failed_sign_ins, member

HOME, CAFE = "203.0.113.7", "198.51.100.20"


async def fail(login: str, times: int, address: str = HOME) -> None:
    """Sign in with a wrong password `times` times (from home, unless said otherwise)."""
    await failed_sign_ins(login, times, address)


async def time_passes(how_long: timedelta) -> None:
    """Move every recorded failure `how_long` into the past, as if that much time had gone by."""
    await connections.get("default").execute_query(
        "UPDATE sign_in_failures SET last_failed_at = last_failed_at - $1::interval", [how_long]
    )


@pytest.mark.parametrize("login", ["ann", "nobody"])
async def test_after_five_failures_even_the_right_password_is_refused_with_the_wait(login: str) -> None:
    await member("ann")
    await fail(login, FREE_FAILURES_PER_ACCOUNT)
    for address in (HOME, CAFE):  # the account waits, wherever the next attempt comes from
        with pytest.raises(Throttled) as raised:
            await accounts.sign_in(ANONYMOUS, login=login, password=PASSWORD, address=address)
        assert raised.value.errors == {"password": ["Too many failed sign-ins. Wait 30 seconds, then try again."]}
        assert timedelta(seconds=29) < raised.value.retry_after <= timedelta(seconds=30)


async def test_the_wait_doubles_with_each_further_failure_up_to_fifteen_minutes() -> None:
    waits = [wait_after(failures, FREE_FAILURES_PER_ACCOUNT) for failures in range(4, 12)]
    assert [int(wait.total_seconds()) for wait in waits] == [0, 30, 60, 120, 240, 480, 900, 900]
    assert wait_after(10_000, FREE_FAILURES_PER_ACCOUNT) == timedelta(minutes=15)

    await member("ann")
    await fail("ann", FREE_FAILURES_PER_ACCOUNT)
    await time_passes(timedelta(seconds=31))
    await fail("ann", 1)  # checked again once the wait is over, and wrong again
    with pytest.raises(Throttled) as raised:
        await accounts.sign_in(ANONYMOUS, login="ann", password=PASSWORD)
    assert "Wait 1 minute," in raised.value.errors["password"][0]


async def test_once_the_wait_has_passed_the_right_password_signs_in_and_clears_the_account() -> None:
    ann = await member("ann")
    await fail("ann", FREE_FAILURES_PER_ACCOUNT)
    await time_passes(timedelta(seconds=31))
    signed_in = await accounts.sign_in(ANONYMOUS, login="ann", password=PASSWORD, address=HOME)
    assert (await accounts.actor_for_session(signed_in.token)).id == ann.id
    await fail("ann", FREE_FAILURES_PER_ACCOUNT - 1)  # the count started again from zero
    assert await accounts.sign_in(ANONYMOUS, login="ann", password=PASSWORD)


async def test_failures_an_hour_old_are_forgotten() -> None:
    await member("ann")
    await fail("ann", FREE_FAILURES_PER_ACCOUNT)
    await time_passes(timedelta(hours=1, seconds=1))
    await fail("ann", FREE_FAILURES_PER_ACCOUNT - 1)  # remembered, the old ones would make the second of these wait
    assert await accounts.sign_in(ANONYMOUS, login="ann", password=PASSWORD)


async def test_an_address_trying_many_accounts_waits_while_other_addresses_sign_in() -> None:
    await member("ann")
    guessed = [f"someone{number}" for number in range(FREE_FAILURES_PER_ADDRESS // 4)]
    for login in guessed:  # four tries each: no account reaches its own limit
        await fail(login, 4, address=CAFE)
    with pytest.raises(Throttled):
        await accounts.sign_in(ANONYMOUS, login="ann", password=PASSWORD, address=CAFE)
    assert await accounts.sign_in(ANONYMOUS, login="ann", password=PASSWORD, address=HOME)


async def test_parallel_guesses_cannot_overrun_the_limit() -> None:
    await member("ann")
    guesses = [
        accounts.sign_in(ANONYMOUS, login="ann", password=f"guess {number}", address=HOME) for number in range(8)
    ]
    outcomes = await asyncio.gather(*guesses, return_exceptions=True)
    assert all(isinstance(outcome, Invalid) for outcome in outcomes)
    checked = [o for o in outcomes if not isinstance(o, Throttled)]
    assert len(checked) == FREE_FAILURES_PER_ACCOUNT  # the others were refused unchecked


async def test_every_refusal_is_audited_with_the_login_and_the_address() -> None:
    ann = await member("ann")
    await fail("ann", FREE_FAILURES_PER_ACCOUNT, address=CAFE)
    with pytest.raises(Throttled):
        await accounts.sign_in(ANONYMOUS, login="ann", password=PASSWORD, address=CAFE)
    refusals = [e for e in await audit.list_entries(CONSOLE, action="user.sign_in") if "refused" in e.changes]
    assert [entry.changes["refused"][1] for entry in refusals] == ["throttled for 30 s"] + ["wrong credentials"] * 5
    assert {(e.actor_name, e.record_id, e.changes["login"][1], e.changes["address"][1]) for e in refusals} == {
        ("anonymous", ann.id, "ann", CAFE)
    }
