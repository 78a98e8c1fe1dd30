"""Writes through the JSON API appear live on the open pages, like writes made on the pages themselves."""

from __future__ import annotations

from collections.abc import Callable

from nicegui import app, ui
from nicegui.testing import User

from .api_client import api_client, auth, register, write_article
from .pages import LIVE


async def test_a_comment_posted_through_the_api_appears_on_every_open_page_of_the_post(
    user: User, create_user: Callable[[], User]
) -> None:
    reader = create_user()
    async with api_client(app) as http:  # the API as mounted on the pages' own app
        ann = await register(http, "ann")
        slug = await write_article(http, ann, title="Discussed elsewhere")
        await user.open(f"/post/{slug}")
        await reader.open(f"/post/{slug}")
        await user.should_see("No comments yet")
        bob = await register(http, "bob")
        response = await http.post(
            f"/articles/{slug}/comments", json={"comment": {"body": "Sent by a script"}}, headers=auth(bob)
        )
        assert response.status_code == 200
        await user.should_see("Sent by a script", retries=LIVE)
        await reader.should_see("1 comment", retries=LIVE)


async def test_an_edit_and_a_favourite_through_the_api_appear_on_the_open_page(user: User) -> None:
    async with api_client(app) as http:
        ann = await register(http, "ann")
        slug = await write_article(http, ann, title="Before the edit")
        await user.open(f"/post/{slug}")
        change = {"article": {"title": "After the edit", "body": "Edited by a script"}}
        assert (await http.put(f"/articles/{slug}", json=change, headers=auth(ann))).status_code == 200
        await user.should_see("After the edit", retries=LIVE)
        await user.should_see("Edited by a script")
        bob = await register(http, "bob")
        assert (await http.post(f"/articles/{slug}/favorite", headers=auth(bob))).status_code == 200
        await user.should_see(kind=ui.button, content="1", retries=LIVE)
