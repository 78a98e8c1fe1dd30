"""The API's articles, favourites, tags and profiles: who may do what, what is refused, and how lists page."""

from __future__ import annotations

import re

import pytest

from core import blog

from .api_client import api_client, auth, errors, log_in, register, write_article
from .factories import draft, member

TIMESTAMP = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$")


async def test_an_article_is_written_read_favourited_and_listed_as_the_contract_shows_it() -> None:
    async with api_client() as http:
        ann, bob = await register(http, "ann"), await register(http, "bob")
        slug = await write_article(http, ann, tagList=["training", "Dragons"])
        favourite = await http.post(f"/articles/{slug}/favorite", headers=auth(bob))
        read = await http.get(f"/articles/{slug}", headers=auth(bob))
        listed = await http.get("/articles", params={"tag": "dragons"})
    assert favourite.status_code == read.status_code == listed.status_code == 200
    article = read.json()["article"]
    assert article == favourite.json()["article"]
    assert {k: v for k, v in article.items() if k not in ("createdAt", "updatedAt")} == {
        "slug": "how-to-train-your-dragon",
        "title": "How to train your dragon",
        "description": "Ever wonder how?",
        "body": "Very carefully.",
        "tagList": ["dragons", "training"],
        "favorited": True,
        "favoritesCount": 1,
        "author": {"username": "ann", "bio": "", "image": "", "following": False},
    }
    assert TIMESTAMP.match(article["createdAt"])
    assert TIMESTAMP.match(article["updatedAt"])
    [summary] = listed.json()["articles"]
    assert "body" not in summary
    assert (summary["favorited"], summary["favoritesCount"], listed.json()["articlesCount"]) == (False, 1, 1)


async def test_only_the_author_may_update_or_delete_an_article() -> None:
    async with api_client() as http:
        ann, bob = await register(http, "ann"), await register(http, "bob")
        slug = await write_article(http, ann)
        change = {"article": {"title": "Mine now"}}
        assert (await http.put(f"/articles/{slug}", json=change, headers=auth(bob))).status_code == 403
        assert (await http.delete(f"/articles/{slug}", headers=auth(bob))).status_code == 403
        assert (await http.get(f"/articles/{slug}")).json()["article"]["title"] == "How to train your dragon"
        updated = await http.put(f"/articles/{slug}", json=change, headers=auth(ann))
        assert (updated.status_code, updated.json()["article"]["title"]) == (200, "Mine now")
        assert updated.json()["article"]["slug"] == slug  # links to it keep working
        deleted = await http.delete(f"/articles/{slug}", headers=auth(ann))
        assert (deleted.status_code, deleted.content) == (204, b"")
        for token in (ann, bob):
            response = await http.get(f"/articles/{slug}", headers=auth(token))
            assert (response.status_code, errors(response)) == (404, ["Article not found."])
        assert (await http.get("/articles")).json() == {"articles": [], "articlesCount": 0}


async def test_a_draft_is_no_article_even_for_its_author() -> None:
    post = await draft(await member("ann"))
    async with api_client() as http:
        token = await log_in(http, "ann")
        read = await http.get(f"/articles/{post.slug}", headers=auth(token))
        listed = await http.get("/articles", params={"author": "ann"}, headers=auth(token))
    assert read.status_code == 404
    assert listed.json() == {"articles": [], "articlesCount": 0}


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "/articles/no-such-slug"),
        ("PUT", "/articles/no-such-slug"),
        ("DELETE", "/articles/no-such-slug"),
        ("POST", "/articles/no-such-slug/favorite"),
        ("DELETE", "/articles/no-such-slug/favorite"),
        ("GET", "/articles/no-such-slug/comments"),
        ("POST", "/articles/no-such-slug/comments"),
        ("DELETE", "/articles/no-such-slug/comments/1"),
        ("GET", "/profiles/nobody"),
        ("POST", "/profiles/nobody/follow"),
    ],
)
async def test_an_unknown_slug_or_name_is_a_404(method: str, path: str) -> None:
    bodies = {"PUT": {"article": {"title": "x"}}, "POST": {"comment": {"body": "x"}}}
    async with api_client() as http:
        token = await register(http, "ann")
        response = await http.request(method, path, json=bodies.get(method), headers=auth(token))
    assert response.status_code == 404
    assert errors(response)[0].endswith("not found.")


async def test_a_malformed_article_is_a_422_naming_every_field() -> None:
    async with api_client() as http:
        token = await register(http, "ann")
        shape = await http.post("/articles", json={"article": {"title": 7, "tagList": "dragons"}}, headers=auth(token))
        rules = await http.post(
            "/articles",
            json={"article": {"title": " ", "description": "", "body": "", "tagList": ["x" * 31]}},
            headers=auth(token),
        )
        envelope = await http.post("/articles", json={"title": "No envelope"}, headers=auth(token))
    assert (shape.status_code, rules.status_code, envelope.status_code) == (422, 422, 422)
    assert errors(shape) == [
        "title: Input should be a valid string",
        "description: Field required",
        "body: Field required",
        "tagList: Input should be a valid list",
    ]
    assert errors(rules) == [
        "title: This field can't be empty.",
        f"tagList: Keep each tag within {blog.TAG_MAX} characters ({'x' * blog.TAG_MAX}… is longer).",
    ]
    assert errors(envelope) == ["article: Field required"]


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("limit=0", "limit: Input should be greater than or equal to 1"),
        (f"limit={blog.PAGE_MAX + 1}", f"limit: Input should be less than or equal to {blog.PAGE_MAX}"),
        ("limit=ten", "limit: Input should be a valid integer, unable to parse string as an integer"),
        ("offset=-1", "offset: Input should be greater than or equal to 0"),
        (f"offset={blog.OFFSET_MAX + 1}", f"offset: Input should be less than or equal to {blog.OFFSET_MAX}"),
    ],
)
async def test_limit_and_offset_out_of_bounds_are_a_422(query: str, message: str) -> None:
    async with api_client() as http:
        response = await http.get(f"/articles?{query}")
    assert response.status_code == 422
    assert errors(response) == [message]


async def test_limit_and_offset_page_through_the_newest_first() -> None:
    async with api_client() as http:
        token = await register(http, "ann")
        for number in range(1, 6):
            await write_article(http, token, title=f"Article {number}")
        first = (await http.get("/articles", params={"limit": 2})).json()
        last = (await http.get("/articles", params={"limit": 2, "offset": 4})).json()
        beyond = (await http.get("/articles", params={"offset": 5})).json()
        default = (await http.get("/articles")).json()
    assert [a["title"] for a in first["articles"]] == ["Article 5", "Article 4"]
    assert [a["title"] for a in last["articles"]] == ["Article 1"]
    assert (beyond["articles"], beyond["articlesCount"]) == ([], 5)
    assert first["articlesCount"] == last["articlesCount"] == len(default["articles"]) == 5


async def test_the_feed_needs_a_token_and_holds_the_followed_authors_articles() -> None:
    async with api_client() as http:
        ann, bob, cid = await register(http, "ann"), await register(http, "bob"), await register(http, "cid")
        await write_article(http, bob, title="By bob")
        await write_article(http, cid, title="By cid")
        followed = await http.post("/profiles/bob/follow", headers=auth(ann))
        assert followed.json() == {"profile": {"username": "bob", "bio": "", "image": "", "following": True}}
        feed = await http.get("/articles/feed", headers=auth(ann))
        anonymous = await http.get("/articles/feed")
        unfollowed = await http.delete("/profiles/bob/follow", headers=auth(ann))
        emptied = await http.get("/articles/feed", headers=auth(ann))
    assert [a["title"] for a in feed.json()["articles"]] == ["By bob"]
    assert feed.json()["articles"][0]["author"]["following"] is True
    assert anonymous.status_code == 401
    assert unfollowed.json()["profile"]["following"] is False
    assert emptied.json() == {"articles": [], "articlesCount": 0}


async def test_following_oneself_is_refused_with_a_403() -> None:
    async with api_client() as http:
        token = await register(http, "ann")
        response = await http.post("/profiles/ann/follow", headers=auth(token))
    assert response.status_code == 403


async def test_tags_are_listed_most_used_first() -> None:
    async with api_client() as http:
        token = await register(http, "ann")
        await write_article(http, token, title="One", tagList=["dragons", "training"])
        await write_article(http, token, title="Two", tagList=["dragons"])
        response = await http.get("/tags")
    assert response.json() == {"tags": ["dragons", "training"]}


async def test_an_unknown_path_answers_in_the_contracts_error_shape() -> None:
    async with api_client() as http:
        response = await http.get("/no-such-thing")
    assert (response.status_code, errors(response)) == (404, ["Not Found"])
