"""Security headers on every response, and a real browser that still runs every page under the policy."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import httpx
import pytest
from nicegui import __version__, app
from nicegui.testing import User

from ui.security_headers import DOCS_POLICY, PAGE_POLICY

from .browsers import Browser, publish, sign_up
from .servers import AppProcess

EXPECTED = {
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
}
RESPONSES = {
    "a page": ("/", 200),
    "a static file": (f"/_nicegui/{__version__}/static/nicegui.css", 200),
    "the JSON API": ("/api/articles", 200),
    "an API error": ("/api/user", 401),
    "a page that does not exist": ("/no-such-page", 404),
    "an API route that does not exist": ("/api/no-such-route", 404),
}


@pytest.mark.parametrize(("path", "status"), RESPONSES.values(), ids=RESPONSES.keys())
async def test_every_response_carries_the_security_headers(user: User, path: str, status: int) -> None:
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test") as http:
        response = await http.get(path, headers={"Accept": "text/html"})
    assert response.status_code == status
    assert response.headers["Content-Security-Policy"] == PAGE_POLICY
    for name, value in EXPECTED.items():
        assert response.headers[name] == value


async def test_the_api_docs_load_swagger_from_the_app_itself_and_nothing_else_changes(user: User) -> None:
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test") as http:
        response = await http.get("/api/docs")
    assert response.status_code == 200
    assert response.headers["Content-Security-Policy"] == DOCS_POLICY
    assert "https:" not in DOCS_POLICY  # scripts, styles and pictures: the app's own
    assert "frame-ancestors 'none'" in DOCS_POLICY
    assert response.headers["X-Frame-Options"] == "DENY"


@pytest.fixture(scope="module")
def server(database_url: str) -> Iterator[AppProcess]:
    """Tidings as users run it: the policy must hold for a real browser, not only for the simulated one."""
    process = AppProcess().start()
    yield process
    process.stop()


@pytest.mark.long
@pytest.mark.audit_elsewhere  # the app process writes the audit entries
def test_a_real_browser_signs_up_publishes_and_sees_a_live_comment_with_no_policy_violation(
    server: AppProcess, browser: Callable[[str], Browser]
) -> None:
    ann, reader = browser(server.url), browser(server.url)
    sign_up(ann, "ann")
    path = publish(ann, "Under a content security policy", "Still *live*.")
    reader.open(path)
    reader.should_see("No comments yet")
    ann.type_in_textarea("Seen live, policy and all.")
    ann.click("Comment")
    reader.should_see("Seen live, policy and all.")  # the WebSocket and the page's scripts run
    for user in (ann, reader):
        assert [message for message in user.console() if "Content Security Policy" in message] == []


@pytest.mark.long
@pytest.mark.audit_elsewhere  # the app process writes the audit entries
def test_the_api_docs_show_every_operation_from_the_app_alone_with_no_policy_violation(
    server: AppProcess, browser: Callable[[str], Browser]
) -> None:
    reader = browser(server.url)
    reader.open("/api/docs", live=False)  # Swagger UI: no page of ours
    reader.should_see("Tidings API (RealWorld Conduit)")
    reader.should_see("/articles/{slug}/comments")
    loaded = reader.driver.execute_script("return performance.getEntriesByType('resource').map((entry) => entry.name)")
    assert loaded, "the docs loaded nothing"
    assert [address for address in loaded if not address.startswith(server.url)] == []
    assert [message for message in reader.console() if "Content Security Policy" in message] == []
