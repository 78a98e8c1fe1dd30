"""axe-core (npm, pinned in package.json) run inside a real Chromium page: what keeps people out of it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .browsers import Browser

AXE = Path(__file__).resolve().parents[1] / "node_modules" / "axe-core" / "axe.min.js"
GRAVE = ("serious", "critical")  # the impacts that lock someone out (minor and moderate ones are reported too)


def axe_source() -> str:
    """axe-core's script; missing is a failure (run `npm ci`), never a skip."""
    if not AXE.exists():
        raise RuntimeError("axe-core is needed for the accessibility tests: run npm ci")
    return AXE.read_text()


def violations(browser: Browser, source: str) -> list[dict[str, Any]]:
    """Every WCAG A/AA rule axe finds broken on the page shown now (its rule, impact and the elements)."""
    browser.driver.execute_script(source)
    found = browser.driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa',"
        " 'best-practice']}, resultTypes: ['violations']})"
        ".then((results) => done(results.violations), (error) => done([{id: 'axe failed', impact: 'critical',"
        " help: String(error), nodes: []}]));"
    )
    return list(found)


def grave(found: list[dict[str, Any]]) -> list[str]:
    """The serious and critical ones, each as one readable line (rule, what it asks, where)."""
    return [f"{item['id']} ({item['impact']}): {item['help']} at {_where(item)}" for item in found if _grave(item)]


def _grave(item: dict[str, Any]) -> bool:
    return item.get("impact") in GRAVE


def _where(item: dict[str, Any]) -> str:
    nodes = item["nodes"][:4]
    return ", ".join(f"{node['html'][:200]} [{node.get('failureSummary', '')[:160]}]" for node in nodes)
