"""The command line: options are listed, and bad configuration gets a sentence, never a traceback."""

from __future__ import annotations

import subprocess
import sys

import pytest

from core import ANONYMOUS, Role, accounts, audit
from core.console import CONSOLE

from .factories import member
from .servers import ROOT, run_main

# main.py as it runs in the Docker image, which ships without bench/ (a None in sys.modules refuses the import).
WITHOUT_BENCH = "import runpy, sys; sys.modules['bench'] = None; runpy.run_path('main.py', run_name='__main__')"


def test_help_lists_every_option() -> None:
    result = run_main("--help")
    assert result.returncode == 0
    options = ("--native", "--database-url", "--data-dir", "--session-secret", "--host", "--port", "--log-level")
    for option in (*options, "--trusted-proxies", "--reconnect-timeout", "--gc-default"):
        assert option in result.stdout


@pytest.mark.parametrize(
    ("args", "env", "message"),
    [
        (
            (),
            {"DATABASE_URL": "postgresql://app@db.example/tidings", "TIDINGS_SESSION_SECRET": ""},
            "TIDINGS_SESSION_SECRET must be set when DATABASE_URL points at a PostgreSQL server",
        ),
        (
            (),
            {"DATABASE_URL": "postgresql://app@db.example/tidings", "TIDINGS_SESSION_SECRET": "hunter2-hunter2"},
            "TIDINGS_SESSION_SECRET is too short: use at least 16 random characters",
        ),
        (
            ("--session-secret", "change-me-in-production"),
            {"DATABASE_URL": "postgresql://app@db.example/tidings"},
            "TIDINGS_SESSION_SECRET is a well-known placeholder",
        ),
        ((), {"TIDINGS_PORT": "99999"}, "port: Input should be less than or equal to 65535"),
        (
            (),
            {"DATABASE_URL": "postgresql://app:hunter2@127.0.0.1:1/tidings", "TIDINGS_SESSION_SECRET": "s" * 32},
            "Database error: cannot connect to PostgreSQL at 127.0.0.1:1/tidings",
        ),
        (
            ("--database-url", "postgresql://app:hunter2@127.0.0.1:1/tidings", "--session-secret", "s" * 32),
            {},
            "Database error: cannot connect to PostgreSQL at 127.0.0.1:1/tidings",
        ),
    ],
    ids=[
        "server-without-secret",
        "server-with-a-short-secret",
        "server-with-a-placeholder-secret",
        "port-out-of-range",
        "unreachable-database",
        "unreachable-database-from-the-command-line",
    ],
)
def test_bad_configuration_is_explained_in_one_sentence(
    args: tuple[str, ...], env: dict[str, str], message: str
) -> None:
    result = run_main(*args, **env)
    assert result.returncode == 1
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert "hunter2" not in result.stderr


@pytest.mark.audit_elsewhere  # the command's own process writes the audit entry
async def test_the_first_admin_is_made_from_the_command_line(database_url: str) -> None:
    await member("ann")
    made = run_main("role", "ann", "admin", DATABASE_URL=database_url)
    assert (made.returncode, made.stdout.strip()) == (0, "ann is now an admin.")
    assert (await accounts.get_user(ANONYMOUS, "ann")).role == Role.ADMIN
    [entry] = await audit.list_entries(CONSOLE, action="user.change_role")
    assert entry.actor_name == "console"

    missing = run_main("role", "nobody", "admin", DATABASE_URL=database_url)
    assert missing.returncode == 1
    assert missing.stderr.strip().splitlines()[-1] == "No user is called 'nobody': they sign up first, then get a role."

    last = run_main("role", "ann", "member", DATABASE_URL=database_url)
    assert last.returncode == 1
    assert last.stderr.strip().splitlines()[-1] == f"role: {accounts.LAST_ADMIN}"


def test_seeding_without_the_bench_folder_says_so_in_one_line() -> None:
    result = subprocess.run(
        [sys.executable, "-c", WITHOUT_BENCH, "seed", "--posts", "10"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert (result.returncode, result.stderr) == (
        1,
        "Seeding needs the repository's bench/ folder: run python main.py seed in a clone of the repository.\n",
    )
