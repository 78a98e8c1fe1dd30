"""The token-based API answers straight from its own app: no session cookie, no user storage, same headers."""

from __future__ import annotations

import httpx
from nicegui import app
from nicegui.testing import User

from ui.security_headers import headers_for

from .api_client import api_client, auth, register


def browser_sessions() -> set[str]:
    """The ids of NiceGUI's user storage entries: one for every browser session it has seen."""
    return set(app.storage._users)  # NiceGUI has no public way to list them


async def test_no_api_answer_sets_a_cookie_or_makes_a_user_storage(user: User) -> None:
    before = browser_sessions()
    async with api_client(app) as http:  # the API as mounted on the pages' own app
        token = await register(http, "ann")
        answers = [
            await http.get("/articles"),
            await http.get("/user", headers=auth(token)),
            await http.get("/user"),
            await http.get("/articles/no-such-article"),
            await http.post("/users", json={}),
            await http.get("/docs"),
            await http.get("/openapi.json"),
        ]
        assert not http.cookies
    assert [answer.status_code for answer in answers] == [200, 200, 401, 404, 422, 200, 200]
    for answer in answers:
        assert "set-cookie" not in answer.headers, answer.request.url
        assert (
            answer.headers["Content-Security-Policy"] == headers_for(answer.request.url.path)["Content-Security-Policy"]
        )
    assert browser_sessions() == before


async def test_pages_still_get_their_session_cookie(user: User) -> None:
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test") as http:
        page = await http.get("/", headers={"Accept": "text/html"})
    assert page.status_code == 200
    assert "session=" in page.headers["set-cookie"]
