"""Tidings as a separate process, the way users run it: for lifecycle, multi-process and real-browser tests."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
SCREENSHOTS = ROOT / "screenshots"  # kept after the real-window tests, for the record


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class AppProcess:
    """`python main.py` on a free port, with the given environment changes (None removes a variable)."""

    def __init__(self, *args: str, env: dict[str, str | None] | None = None) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.args = [*args, "--port", str(self.port), "--log-level", "warning"]
        self.env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        self.env.pop("PYTEST_CURRENT_TEST", None)  # NiceGUI would think it runs inside a screen test
        for key, value in (env or {}).items():
            if value is None:
                self.env.pop(key, None)
            else:
                self.env[key] = value
        self.process: subprocess.Popen[str] | None = None

    def start(self, timeout: float = 60) -> AppProcess:
        """Start the process and wait until it serves the home page."""
        self.process = subprocess.Popen(
            [sys.executable, "main.py", *self.args],
            cwd=ROOT,
            env=self.env,
            text=True,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the app exited with {self.process.returncode}:\n{self.output()}")
            if self.status("/") == 200:
                return self
            time.sleep(0.2)
        self.stop()
        raise TimeoutError(f"the app did not serve {self.url} within {timeout} s:\n{self.output()}")

    def status(self, path: str) -> int | None:
        """The HTTP status of GET `path`, or None while nothing listens."""
        try:
            with urllib.request.urlopen(self.url + path, timeout=5) as response:
                return int(response.status)
        except urllib.error.HTTPError as error:
            return error.code
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            return None

    def stop(self, how: signal.Signals = signal.SIGTERM, timeout: float = 30) -> int:
        """Send `how` and wait for the process to end; return its exit code."""
        assert self.process is not None
        if self.process.poll() is None:
            self.process.send_signal(how)
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        return self.process.returncode

    def output(self) -> str:
        """Everything the process printed (once it has ended)."""
        assert self.process is not None
        assert self.process.stdout is not None
        if self.process.poll() is None:
            return "(still running)"
        return self.process.stdout.read()


def postgres_servers(folder: Path) -> list[psutil.Process]:
    """The PostgreSQL server processes running on a data folder."""
    found = []
    for process in psutil.process_iter(["name", "cmdline"]):
        cmdline = process.info["cmdline"] or []
        if process.info["name"] == "postgres" and "-D" in cmdline and str(folder) in " ".join(cmdline):
            found.append(process)
    return found


def run_main(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """Run `python main.py ARGS` to its end (outside pytest, off the test database unless `env` names one)."""
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
