"""The embedded PostgreSQL: ready before the first request, stopped on every kind of shutdown, never orphaned."""

from __future__ import annotations

import signal
from pathlib import Path

import pytest

from .servers import AppProcess, postgres_servers

EMBEDDED: dict[str, str | None] = {"DATABASE_URL": None, "TIDINGS_SESSION_SECRET": None}


def embedded_app(folder: Path) -> AppProcess:
    return AppProcess("--data-dir", str(folder), env=EMBEDDED)


@pytest.mark.parametrize("how", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "Ctrl-C"])
def test_the_embedded_server_stops_with_the_app(tmp_path: Path, how: signal.Signals) -> None:
    app = embedded_app(tmp_path).start()
    assert app.status("/sign-up") == 200
    assert postgres_servers(tmp_path)
    # uvicorn shuts down gracefully, then re-raises the signal so the exit status still tells what ended it.
    assert app.stop(how) in (0, -how)
    assert postgres_servers(tmp_path) == []


def test_a_start_after_kill_9_reuses_the_data_and_still_stops_cleanly(tmp_path: Path) -> None:
    first = embedded_app(tmp_path).start()
    first.stop(signal.SIGKILL)
    assert postgres_servers(tmp_path), "kill -9 gives the app no chance to stop its server"
    second = embedded_app(tmp_path).start()
    assert second.status("/") == 200
    second.stop()
    assert postgres_servers(tmp_path) == []


def test_two_apps_share_one_embedded_server_which_stops_with_the_last(tmp_path: Path) -> None:
    first, second = embedded_app(tmp_path).start(), embedded_app(tmp_path).start()
    first.stop()
    assert second.status("/") == 200
    assert postgres_servers(tmp_path)
    second.stop()
    assert postgres_servers(tmp_path) == []


def test_the_session_secret_is_generated_once_and_kept_in_the_data_folder(tmp_path: Path) -> None:
    embedded_app(tmp_path).start().stop()
    secret = (tmp_path / "session_secret").read_text()
    embedded_app(tmp_path).start().stop()
    assert (tmp_path / "session_secret").read_text() == secret
    assert len(secret) >= 32
    assert oct((tmp_path / "session_secret").stat().st_mode & 0o777) == "0o600"
