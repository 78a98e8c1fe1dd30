"""Lighthouse's scores of the home page, a post and a profile: python docs/lighthouse.py.

Needs `npm ci` (Lighthouse 12.2.3, pinned in package.json) and Debian's Chromium. Starts Tidings on a throw-away
embedded database with the README's screenshot posts, runs Lighthouse on the three pages (as a visitor, the way
crawlers and most first readers come), prints each category's score and every audit that did not pass, and exits 1
unless every page meets its targets: SEO 100, accessibility and best practices at least 95.
"""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "docs")]

# isort: off  (whether `screenshots`, docs' own module, is first-party depends on where ruff runs from)
from screenshots import seed  # noqa: E402  (the README's screenshot posts)
from tests.servers import AppProcess  # noqa: E402

# isort: on

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
TARGETS = {"seo": 100, "accessibility": 95, "best-practices": 95}
FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-background-networking --no-first-run"


def audit(url: str, out: Path) -> dict[str, object]:
    """Lighthouse's report of one page."""
    chrome = shutil.which("chromium") or "chromium"
    subprocess.run(
        [str(LIGHTHOUSE), url, f"--only-categories={','.join(TARGETS)}", "--output=json", f"--output-path={out}",
         f"--chrome-flags={FLAGS}", "--quiet"],
        check=True,
        env={**os.environ, "CHROME_PATH": chrome},
    )  # fmt: skip
    report: dict[str, object] = json.loads(out.read_text())
    return report


def summary(report: dict[str, object], category: str) -> tuple[int, list[str]]:
    """A category's score (0-100) and the titles of its audits that did not pass."""
    categories = report["categories"]
    audits = report["audits"]
    assert isinstance(categories, dict)
    assert isinstance(audits, dict)
    scored = categories[category]
    failing = [
        audits[ref["id"]]["title"]
        for ref in scored["auditRefs"]
        if ref["weight"] and audits[ref["id"]]["score"] is not None and audits[ref["id"]]["score"] < 1
    ]
    return round(scored["score"] * 100), failing


def main() -> int:
    if not LIGHTHOUSE.exists():
        print("Lighthouse is missing: run npm ci first.")
        return 1
    data_dir = Path(tempfile.mkdtemp(prefix="tidings-lighthouse-"))
    post = asyncio.run(seed(data_dir))
    app = AppProcess("--data-dir", str(data_dir), env={"DATABASE_URL": None, "TIDINGS_SESSION_SECRET": None}).start()
    perfect = True
    try:
        for name, path in (("home", "/"), ("post", post), ("profile", "/profile/ada")):
            report = audit(app.url + path, data_dir / f"{name}.json")
            for category, target in TARGETS.items():
                score, failing = summary(report, category)
                perfect = perfect and score >= target
                shown = f"  (failing: {'; '.join(failing)})" if failing else ""
                print(f"{name:8} {path:60} {category:15} {score:3} (target {target}){shown}")
    finally:
        app.stop()
    return 0 if perfect else 1


if __name__ == "__main__":
    sys.exit(main())
