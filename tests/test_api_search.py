"""`GET /api/articles?q=`: Tidings' search, an addition to the contract, answering in the contract's list shape."""

from __future__ import annotations

from urllib.parse import quote

import pytest

from core import blog

from .api_client import api_client, auth, errors, log_in, register, write_article
from .factories import draft, member
from .hostile import SEARCHES


async def test_articles_are_searched_best_first_and_counted() -> None:
    async with api_client() as http:
        token = await register(http, "ann")
        await write_article(http, token, title="Walking at night", body="Bring a lantern.")
        await write_article(http, token, title="The lantern", body="It glows.")
        await write_article(http, token, title="Otters", body="They swim.")
        found = (await http.get("/articles", params={"q": "lantern"})).json()
        second = (await http.get("/articles", params={"q": "lantern", "limit": 1, "offset": 1})).json()
    assert [article["title"] for article in found["articles"]] == ["The lantern", "Walking at night"]
    assert found["articlesCount"] == second["articlesCount"] == 2
    assert [article["title"] for article in second["articles"]] == ["Walking at night"]
    assert "body" not in found["articles"][0]


async def test_a_search_finds_no_draft_even_for_its_author() -> None:
    ann = await member("ann")
    await draft(ann, title="A lantern draft")
    await blog.create_post(ann, title="Otters", body="They swim.", publish=True)
    async with api_client() as http:
        response = await http.get("/articles", params={"q": "lantern"}, headers=auth(await log_in(http, "ann")))
    assert response.json() == {"articles": [], "articlesCount": 0}


async def test_a_search_is_not_combined_with_the_other_filters() -> None:
    async with api_client() as http:
        response = await http.get("/articles", params={"q": "lantern", "tag": "light"})
    assert response.status_code == 422
    assert errors(response) == ["q: Search alone: tag, author and favorited do not apply to a search."]


@pytest.mark.parametrize("text", SEARCHES, ids=range(len(SEARCHES)))
async def test_a_hostile_search_gets_an_answer(text: str) -> None:
    ann = await member("ann")
    for title in ("Lantern", "Otters"):
        await blog.create_post(ann, title=title, body="Text.", publish=True)
    async with api_client() as http:
        # as a client's bytes: a lone surrogate reaches the server as the bytes that would encode it
        response = await http.get("/articles?q=" + quote(text.encode("utf-8", "surrogatepass")))
    assert response.status_code == 200, response.text
    assert response.json()["articlesCount"] <= 1  # searched: no text here finds both
