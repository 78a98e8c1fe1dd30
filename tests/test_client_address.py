"""The client address that sign-in throttling counts: the proxy's X-Forwarded-For only from a trusted proxy."""

from __future__ import annotations

import json
import urllib.error
import urllib.request

import pytest

from core import audit
from core.console import CONSOLE

from .servers import AppProcess

pytestmark = [pytest.mark.audit_elsewhere, pytest.mark.long]  # the app processes write the audit entries

FORWARDED = "203.0.113.9"


def log_in_through_a_proxy(server: AppProcess) -> int:
    """A failed API login from this machine, as a proxy forwarding it for FORWARDED would send it."""
    body = json.dumps({"user": {"email": "nobody@example.com", "password": "a wrong password"}}).encode()
    headers = {"Content-Type": "application/json", "X-Forwarded-For": FORWARDED}
    request = urllib.request.Request(f"{server.url}/api/users/login", data=body, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:
        return error.code


async def counted_address() -> str:
    [entry] = await audit.list_entries(CONSOLE, action="user.sign_in")
    return str(entry.changes["address"][1])


@pytest.mark.parametrize(
    ("trusted", "counted"),
    [(None, FORWARDED), ("192.0.2.1", "127.0.0.1")],
    ids=["a-proxy-on-this-machine-is-trusted", "an-untrusted-proxy-is-ignored"],
)
async def test_sign_ins_are_counted_for_the_address_a_trusted_proxy_forwards(
    database_url: str, trusted: str | None, counted: str
) -> None:
    server = AppProcess(*(("--trusted-proxies", trusted) if trusted else ())).start()
    try:
        assert log_in_through_a_proxy(server) == 401
    finally:
        server.stop()
    assert await counted_address() == counted
