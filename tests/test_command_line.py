"""The command line: options are listed, and bad configuration gets a sentence, never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from .servers import ROOT


def run_main(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {
        key: value for key, value in os.environ.items() if key not in {"DATABASE_URL", "PYTEST_CURRENT_TEST"}
    }
    return subprocess.run(
        [sys.executable, "main.py", *args],
        cwd=ROOT,
        env={**environment, **env},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_help_lists_every_option() -> None:
    result = run_main("--help")
    assert result.returncode == 0
    for option in ("--native", "--database-url", "--data-dir", "--session-secret", "--host", "--port", "--log-level"):
        assert option in result.stdout


@pytest.mark.parametrize(
    ("args", "env", "message"),
    [
        (
            (),
            {"DATABASE_URL": "postgresql://app@db.example/tidings", "TIDINGS_SESSION_SECRET": ""},
            "TIDINGS_SESSION_SECRET must be set when DATABASE_URL points at a PostgreSQL server",
        ),
        ((), {"TIDINGS_PORT": "99999"}, "port: Input should be less than or equal to 65535"),
        (
            (),
            {"DATABASE_URL": "postgresql://app:hunter2@127.0.0.1:1/tidings", "TIDINGS_SESSION_SECRET": "s"},
            "Database error: cannot connect to PostgreSQL at 127.0.0.1:1/tidings",
        ),
    ],
    ids=["server-without-secret", "port-out-of-range", "unreachable-database"],
)
def test_bad_configuration_is_explained_in_one_sentence(
    args: tuple[str, ...], env: dict[str, str], message: str
) -> None:
    result = run_main(*args, **env)
    assert result.returncode == 1
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert "hunter2" not in result.stderr
