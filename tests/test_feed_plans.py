"""On 100,000 posts every feed is served by an index, never by a sequential scan of the posts."""

from __future__ import annotations

import pytest
from tortoise import connections

from core import Actor, Role, blog
from core.blog.feeds import feed_query

POSTS = 100_000
SEED = f"""
INSERT INTO users (username, email, password_hash, role, created_at, updated_at)
    SELECT 'user' || n, 'user' || n || '@example.com', 'x', 'member', now(), now() FROM generate_series(1, 1000) n;
INSERT INTO posts (slug, title, description, body, author_id, status, archived, version, published_at,
                   created_at, updated_at)
    SELECT 'post-' || n, 'Post ' || n, '', 'Text of post ' || n,
           (SELECT min(id) FROM users) + n % 1000,
           CASE WHEN n % 10 = 0 THEN 'draft' ELSE 'published' END, n % 50 = 0, 1,
           CASE WHEN n % 10 = 0 THEN NULL ELSE now() - n * interval '1 minute' END, now(), now()
    FROM generate_series(1, {POSTS}) n;
INSERT INTO tags (name) SELECT 'tag' || n FROM generate_series(1, 200) n;
-- Posts are tagged and favourited by their place in the seed, not by their id: ids go on counting from test to
-- test, and an id-based pattern could fall on drafts only and leave a feed empty.
WITH first AS (SELECT min(id) AS id FROM posts)
INSERT INTO post_tags (post_id, tag_id)
    SELECT p.id, (SELECT min(id) FROM tags) + (p.id - first.id) % 200 FROM posts p, first;
INSERT INTO follows (follower_id, followed_id, created_at)
    SELECT u.id, f.id, now() FROM users u JOIN users f ON f.id % 97 = u.id % 97 AND f.id <> u.id;
WITH first AS (SELECT min(id) AS id FROM posts)
INSERT INTO favorites (user_id, post_id, created_at)
    SELECT (SELECT min(id) FROM users) + (p.id - first.id) % 1000, p.id, now() FROM posts p, first
    WHERE (p.id - first.id) % 3 = 0;
ANALYZE;
"""
FEEDS = {
    "global": blog.Feed(),
    "following": blog.Feed(following=True),
    "tag": blog.Feed(tag="tag7"),
    "author": blog.Feed(author="user5"),
    "favorited": blog.Feed(favorited_by="user9"),
}


@pytest.fixture
async def many_posts() -> Actor:
    connection = connections.get("default")
    await connection.execute_script(SEED)
    [viewer] = await connection.execute_query_dict("SELECT id FROM users WHERE username = 'user3'")
    return Actor(id=viewer["id"], username="user3", role=Role.MEMBER)


async def test_every_feed_page_is_read_through_an_index(many_posts: Actor) -> None:
    # One test for all feeds: seeding 100,000 posts costs more than the five plans together.
    for name, feed in FEEDS.items():
        first = await blog.list_posts(many_posts, feed)
        assert first.items, f"the {name} feed is empty: its plan would prove nothing"
        tag_id = None
        if feed.tag is not None:  # list_posts looks the tag up first and writes its id into the page's query
            [tag] = await connections.get("default").execute_query_dict(
                "SELECT id FROM tags WHERE name = $1", [feed.tag]
            )
            tag_id = tag["id"]
        for page in (None, first.next):
            sql, params = feed_query(many_posts, feed, page, 0, blog.PAGE_SIZE, tag_id=tag_id)
            plan = "\n".join(
                row["QUERY PLAN"]
                for row in await connections.get("default").execute_query_dict(f"EXPLAIN {sql}", params)
            )
            assert "Seq Scan on posts" not in plan, f"{name}:\n{plan}"
            assert "Index" in plan, f"{name}:\n{plan}"
