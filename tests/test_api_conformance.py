"""The RealWorld conformance collection, run by newman against `python main.py`: every assertion passes."""

from __future__ import annotations

import json
import subprocess
import time
from pathlib import Path

import pytest

from .servers import ROOT, AppProcess

NEWMAN = ROOT / "node_modules" / ".bin" / "newman"
COLLECTION = ROOT / "tests" / "realworld" / "Conduit.postman_collection.json"

pytestmark = pytest.mark.audit_elsewhere  # the app process under test writes the audit entries


def test_the_realworld_collection_passes_against_a_real_server(database_url: str, tmp_path: Path) -> None:
    # Never a skip: without newman this test fails, as the browser tests do without Chromium.
    assert NEWMAN.exists(), "newman is not installed: run `npm ci` in the project folder (see package.json)"
    report = tmp_path / "newman.json"
    name = f"newman{int(time.time())}"
    server = AppProcess().start()
    try:
        run = subprocess.run(
            [
                str(NEWMAN),
                "run",
                str(COLLECTION),
                *("--global-var", f"APIURL={server.url}/api"),
                *("--global-var", f"USERNAME={name}"),
                *("--global-var", f"EMAIL={name}@mail.com"),
                *("--global-var", "PASSWORD=password"),
                *("--reporters", "cli,json", "--reporter-json-export", str(report), "--color", "off"),
            ],
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
    finally:
        server.stop()
    stats = json.loads(report.read_text())["run"]["stats"]
    summary = {kind: (stats[kind]["total"], stats[kind]["failed"]) for kind in ("requests", "assertions")}
    assert run.returncode == 0, run.stdout[-20_000:] + run.stderr
    assert summary["requests"] == (32, 0), summary
    assert summary["assertions"][1] == 0, summary
    assert summary["assertions"][0] >= 300, summary  # the collection really ran its tests
