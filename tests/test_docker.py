"""The Docker image, checked without a Docker engine: its build replayed in clean virtual environments
(tests/dockerfile.py), the app it holds started against a new database, its health check, and dockerfilelint.
"""

from __future__ import annotations

import asyncio
import re
import shutil
import subprocess
import urllib.request
from collections.abc import Iterator
from typing import Any

import pytest
import yaml

from .database import create_database
from .desktop import wait_until
from .dockerfile import Replay, Stage, parse
from .servers import ROOT, free_port

ROOT_USERS = {"", "root", "0"}


@pytest.fixture(scope="module")
def image(tmp_path_factory: pytest.TempPathFactory) -> tuple[Replay, list[Stage]]:
    """The image, built by replaying the Dockerfile (a fresh download of every dependency, as `docker build`)."""
    stages = parse()
    replay = Replay(tmp_path_factory.mktemp("image"))
    replay.build(stages)
    return replay, stages


@pytest.fixture
def container(image: tuple[Replay, list[Stage]], database_url: str) -> Iterator[dict[str, str]]:
    """The image's CMD running against an empty database, with the variables docker-compose.yml gives it."""
    replay, stages = image
    argv, workdir, env = replay.command(stages)
    url = asyncio.run(create_database(database_url, "tidings_image"))
    port = str(free_port())
    env |= {"DATABASE_URL": url, "TIDINGS_SESSION_SECRET": "s" * 32, "TIDINGS_PORT": port}
    env["TIDINGS_HOST"] = "127.0.0.1"  # as `docker run -p 127.0.0.1:...`: nothing listens beyond this machine
    env.pop("PYTEST_CURRENT_TEST", None)
    process = subprocess.Popen(argv, cwd=workdir, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    yield env
    process.terminate()
    output = process.communicate(timeout=30)[0]
    assert "Traceback" not in output, output
    assert "applied migrations: 0_" in output, "the image migrates a new database at start-up"


def test_the_image_migrates_a_new_database_and_serves_tidings_once_healthy(
    image: tuple[Replay, list[Stage]], container: dict[str, str]
) -> None:
    replay, stages = image
    check, workdir, _ = replay.command(stages, "HEALTHCHECK")

    def healthy() -> bool:
        result = subprocess.run(check, cwd=workdir, env=container, capture_output=True, timeout=10, check=False)
        return result.returncode == 0

    wait_until(healthy, "the image's HEALTHCHECK to pass")
    with urllib.request.urlopen(f"http://127.0.0.1:{container['TIDINGS_PORT']}/", timeout=10) as response:
        assert "Popular tags" in response.read().decode()


def test_the_final_image_has_no_build_tools_and_runs_as_a_user_without_rights() -> None:
    build, final = parse()[0], parse()[-1]
    assert build.base == final.base == "python:3.11-slim", "slim Python images hold no compiler"
    assert all("--only-binary=:all:" in run for run in build.all("RUN") if "pip install" in run), "nothing compiles"
    assert not [run for run in final.all("RUN") if re.search(r"apt-get|apk |pip install|gcc|make ", run)]
    assert final.all("USER")[-1:] not in ([], *([user] for user in ROOT_USERS)), "the app runs without rights"
    assert final.all("HEALTHCHECK")
    assert final.all("CMD") == ['["python", "main.py"]']


def test_dockerfilelint_passes() -> None:
    linter = shutil.which("dockerfilelint")
    assert linter, "dockerfilelint is needed: npm install -g dockerfilelint (see .ci/run)"
    result = subprocess.run([linter, "Dockerfile"], cwd=ROOT, capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_compose_cluster_runs_deploy_nginx_conf_in_front_of_the_ports_it_names() -> None:
    services: dict[str, Any] = yaml.safe_load((ROOT / "docker-compose.yml").read_text())["services"]
    assert services["db"]["image"] == "postgres:18"
    assert any(volume.endswith(":/var/lib/postgresql") for volume in services["db"]["volumes"])
    assert "./deploy/nginx.conf:/etc/nginx/conf.d/default.conf:ro" in services["balancer"]["volumes"]
    upstream = re.findall(r"server 127\.0\.0\.1:(\d+);", (ROOT / "deploy" / "nginx.conf").read_text())
    replicas = [s for s in services.values() if s.get("network_mode") == "service:balancer"]
    assert sorted(s["environment"]["TIDINGS_PORT"] for s in replicas) == sorted(upstream)
    assert all(s["environment"]["NICEGUI_REDIS_URL"].startswith("redis://redis:") for s in replicas)


def test_every_compose_app_service_takes_the_session_secret_from_the_environment_or_refuses_to_start() -> None:
    services: dict[str, Any] = yaml.safe_load((ROOT / "docker-compose.yml").read_text())["services"]
    apps = {name: s for name, s in services.items() if "DATABASE_URL" in s.get("environment", {})}
    assert sorted(apps) == ["app", "app-1", "app-2"]
    for service in apps.values():
        # `${VAR:?message}`: compose stops with the message when VAR is unset or empty; there is no default
        assert re.fullmatch(r"\$\{TIDINGS_SESSION_SECRET:\?[^}]+\}", service["environment"]["TIDINGS_SESSION_SECRET"])
