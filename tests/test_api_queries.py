"""Lists cost a fixed number of database queries whatever their size: no query per article or comment."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from tortoise.backends.asyncpg.client import AsyncpgDBClient

from core import blog

from .api_client import api_client, auth, register
from .factories import member, published

EXECUTE = ("execute_query", "execute_query_dict", "execute_insert", "execute_many", "execute_script")


@pytest.fixture
def statements(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every SQL statement this process sends through Tortoise's connections from now on."""
    sent: list[str] = []

    def counting(original: Callable[..., Awaitable[Any]]) -> Callable[..., Awaitable[Any]]:
        async def execute(self: AsyncpgDBClient, query: str, *args: Any, **kwargs: Any) -> Any:
            # A read never notifies: a pg_notify is presence's heartbeat, or another task's, meanwhile.
            if not query.startswith("SELECT pg_notify"):
                sent.append(" ".join(query.split())[:120])
            return await original(self, query, *args, **kwargs)

        return execute

    for name in EXECUTE:
        monkeypatch.setattr(AsyncpgDBClient, name, counting(getattr(AsyncpgDBClient, name)))
    return sent


async def test_an_article_list_costs_the_same_queries_for_1_10_and_100_articles(statements: list[str]) -> None:
    authors = [await member(f"author{n}") for n in range(4)]
    for number in range(blog.PAGE_MAX + 1):
        post = await published(authors[number % 4], title=f"Post {number}", tags=["dragons", f"tag{number % 7}"])
        await blog.favorite_post(authors[(number + 1) % 4], post_id=post.id)
    await blog.favorite_post(authors[0], post_id=post.id)
    async with api_client() as http:
        token = await register(http, "reader")
        await http.post("/profiles/author1/follow", headers=auth(token))
        counts: dict[tuple[int, str], list[str]] = {}
        for limit in (1, 10, 100):
            for who, headers in (("anonymous", {}), ("signed in", auth(token))):
                statements.clear()
                response = await http.get("/articles", params={"limit": limit, "tag": "dragons"}, headers=headers)
                assert len(response.json()["articles"]) == limit
                assert response.json()["articlesCount"] == blog.PAGE_MAX + 1
                counts[limit, who] = list(statements)
        statements.clear()
        feed = await http.get("/articles/feed", params={"limit": 100}, headers=auth(token))
        feed_queries = list(statements)
    assert len(feed.json()["articles"]) == 25  # author1 wrote posts 1, 5, 9, ... 97
    # The tag's id, the page (with counts, flags and tags) and its total; signed in, the session lookup before them.
    for limit in (1, 10, 100):
        assert len(counts[limit, "anonymous"]) == 3, counts[limit, "anonymous"]
        assert len(counts[limit, "signed in"]) == 4, counts[limit, "signed in"]
    assert len(feed_queries) == 3, feed_queries


async def test_a_comment_list_costs_the_same_queries_for_1_and_30_comments(statements: list[str]) -> None:
    author = await member("ann")
    few, many = await published(author, title="Few"), await published(author, title="Many")
    await blog.add_comment(author, post_id=few.id, body="Only one")
    for number in range(30):
        await blog.add_comment(author, post_id=many.id, body=f"Comment {number}")
    counts: dict[str, int] = {}
    async with api_client() as http:
        for post in (few, many):
            statements.clear()
            response = await http.get(f"/articles/{post.slug}/comments")
            assert len(response.json()["comments"]) in (1, 30)
            counts[post.title] = len(statements)
    assert counts == {"Few": 2, "Many": 2}  # the article, then its comments with their authors
