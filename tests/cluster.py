"""Several Tidings processes behind nginx, with Redis for user storage: the deployment of deploy/nginx.conf.

nginx and Redis are Debian's (`.ci/run` installs them), started here on free loopback ports with their own files.
Missing either is a failure, never a skip.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import urllib.request
from pathlib import Path

from .desktop import wait_until
from .servers import ROOT, free_port

DEPLOY_CONFIG = ROOT / "deploy" / "nginx.conf"
ROUTE_COOKIE = "tidings_route"


def _program(name: str, package: str) -> str:
    path = shutil.which(name) or shutil.which(name, path="/usr/sbin:/sbin")
    if path is None:
        raise RuntimeError(f"{name} is needed for the several-processes test: apt-get install {package}")
    return path


def _listening(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


class Redis:
    """A throw-away redis-server on loopback, keeping nothing on disk."""

    def __init__(self, folder: Path) -> None:
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = subprocess.Popen(
            [
                *(_program("redis-server", "redis-server"), "--bind", "127.0.0.1", "--port", str(self.port)),
                *("--save", "", "--appendonly", "no", "--dir", str(folder)),
            ],
            stdout=subprocess.DEVNULL,
        )
        wait_until(lambda: _listening(self.port), "Redis to listen", timeout=30)

    def keys(self, pattern: str) -> list[str]:
        """The keys Redis holds that match `pattern`."""
        result = subprocess.run(
            [_program("redis-cli", "redis-server"), "-p", str(self.port), "--raw", "keys", pattern],
            capture_output=True,
            text=True,
            timeout=10,
            check=True,
        )
        return result.stdout.split()

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(10)


class Nginx:
    """nginx running deploy/nginx.conf as committed, but for the listening port and the upstream addresses."""

    def __init__(self, folder: Path, upstream_ports: list[int]) -> None:
        self.folder = folder
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        (folder / "tidings.conf").write_text(self._site(upstream_ports))
        (folder / "nginx.conf").write_text(self._main())
        self.process = subprocess.Popen(
            [_program("nginx", "nginx"), "-p", str(folder), "-c", str(folder / "nginx.conf"), "-g", "daemon off;"],
            stderr=subprocess.PIPE,
            text=True,
        )
        wait_until(lambda: self.process.poll() is not None or _listening(self.port), "nginx to listen", timeout=30)
        assert self.process.poll() is None, f"nginx did not start: {self.process.communicate()[1]}"

    def route_to(self, port: int) -> str:
        """A value of the route cookie that nginx sends to the process on `port` (read from its access log)."""
        for number in range(200):
            key = f"pin-{number}"
            request = urllib.request.Request(f"{self.url}/sign-in", headers={"Cookie": f"{ROUTE_COOKIE}={key}"})
            with urllib.request.urlopen(request, timeout=30):
                pass
            if f"{key} 127.0.0.1:{port}" in (self.folder / "access.log").read_text():
                return key
        raise AssertionError(f"no route cookie led to the process on port {port}")

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(10)

    def _site(self, upstream_ports: list[int]) -> str:
        config = DEPLOY_CONFIG.read_text()
        servers = re.findall(r"^\s*server \d+\.\d+\.\d+\.\d+:\d+;\n", config, flags=re.MULTILINE)
        assert len(servers) == 2, "deploy/nginx.conf's upstream changed shape: adapt the test"
        assert "    listen 8080;\n" in config, "deploy/nginx.conf's listen changed shape: adapt the test"
        for line in servers:
            config = config.replace(line, "")
        mine = "".join(f"    server 127.0.0.1:{port};\n" for port in upstream_ports)
        config = config.replace("    hash $tidings_route consistent;\n", f"    hash $tidings_route consistent;\n{mine}")
        return config.replace("    listen 8080;\n", f"    listen 127.0.0.1:{self.port};\n")

    def _main(self) -> str:
        folder = self.folder
        kinds = ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
        temp_paths = "".join(f"    {kind}_temp_path {folder}/{kind};\n" for kind in kinds)
        # As root, the workers would switch to `nobody`, who cannot enter the test's private folders.
        user = "user root;\n" if os.geteuid() == 0 else ""
        return (
            f"{user}worker_processes 1;\npid {folder}/nginx.pid;\nerror_log {folder}/error.log;\n"
            "events { worker_connections 512; }\n"
            "http {\n"
            f"    log_format routes '$cookie_{ROUTE_COOKIE} $upstream_addr';\n"
            f"    access_log {folder}/access.log routes;\n"
            f"{temp_paths}"
            f"    include {folder}/tidings.conf;\n"
            "}\n"
        )
