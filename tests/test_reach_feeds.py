"""Feeds (Atom, RSS), the sitemap and robots.txt: valid, cheap to poll, current at once, and never private."""

from __future__ import annotations

import re

import feedparser
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from nicegui.testing import User

from core import Role, accounts, blog

from .conftest import empty_all_tables
from .crawler import fetch
from .factories import draft, member, published, with_role

FEEDS = ("/feeds/posts", "/feeds/tag/postgres", "/feeds/author/ann")


@pytest.mark.parametrize("kind", ["atom", "rss"])
async def test_every_feed_is_valid_and_carries_the_whole_sanitised_text(user: User, kind: str) -> None:
    ann = await member("ann")
    await published(
        ann, title="On indexes", body="Use a **partial** index.\n\n<script>alert(1)</script>", tags=["postgres"]
    )
    for path in FEEDS:
        answer = await fetch(f"{path}.{kind}")
        assert answer.status_code == 200, path
        assert answer.headers["content-type"].startswith(f"application/{kind}+xml")
        parsed = feedparser.parse(answer.content)
        assert not parsed.bozo, (path, parsed.get("bozo_exception"))
        [entry] = parsed.entries
        assert entry.title == "On indexes"
        assert entry.link.startswith("http://tidings.test/post/on-indexes")
        text = entry.content[0].value
        assert "<strong>partial</strong>" in text
        assert "<script>" not in text


async def test_a_feed_answers_304_to_a_reader_who_has_it_and_changes_with_a_new_post(user: User) -> None:
    ann = await member("ann")
    await published(ann, title="First")
    first = await fetch("/feeds/posts.atom")
    tag, modified = first.headers["etag"], first.headers["last-modified"]
    assert (await fetch("/feeds/posts.atom", **{"If-None-Match": tag})).status_code == 304
    assert (await fetch("/feeds/posts.atom", **{"If-Modified-Since": modified})).status_code == 304
    await published(ann, title="Second")
    again = await fetch("/feeds/posts.atom", **{"If-None-Match": tag})
    assert again.status_code == 200  # a new post is in its feeds at once
    assert [entry.title for entry in feedparser.parse(again.content).entries] == ["Second", "First"]


async def test_an_unknown_authors_feed_is_not_found(user: User) -> None:
    assert (await fetch("/feeds/author/nobody.atom")).status_code == 404
    assert (await fetch("/feeds/posts.json")).status_code == 404


async def test_the_sitemap_lists_published_posts_and_profiles_and_robots_points_to_it(user: User) -> None:
    ann = await member("ann")
    post = await published(ann, title="Listed")
    index = (await fetch("/sitemap.xml")).text
    parts = re.findall(r"<loc>([^<]+)</loc>", index)
    assert "http://tidings.test/sitemaps/posts-0.xml" in parts
    listed = " ".join([(await fetch(part.removeprefix("http://tidings.test"))).text for part in parts])
    assert f"http://tidings.test/post/{post.slug}" in listed
    assert "http://tidings.test/profile/ann" in listed
    robots = (await fetch("/robots.txt")).text
    assert "Sitemap: http://tidings.test/sitemap.xml" in robots
    for private in ("/admin", "/settings", "/write", "/edit/"):
        assert f"Disallow: {private}" in robots


async def test_feeds_and_sitemaps_set_no_cookie(user: User) -> None:
    for path in ("/feeds/posts.rss", "/sitemap.xml", "/robots.txt"):
        assert "set-cookie" not in (await fetch(path)).headers, path


STATES = st.sampled_from(["draft", "published", "archived", "unpublished", "banned author"])


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(states=st.lists(STATES, min_size=1, max_size=5))
async def test_nothing_private_reaches_a_feed_a_sitemap_or_a_pages_head(user: User, states: list[str]) -> None:
    await empty_all_tables()
    admin = await with_role(Role.ADMIN)
    shown: list[str] = []
    private: list[str] = []  # titles, and the addresses of those that had one
    for number, state in enumerate(states):
        author = await member()
        title = f"Post number {number} {state}"
        post = await (draft(author, title=title) if state == "draft" else published(author, title=title, tags=["t"]))
        if state == "archived":
            await blog.archive_post(author, post_id=post.id)
        elif state == "unpublished":
            await blog.unpublish_post(author, post_id=post.id)
        elif state == "banned author":
            await accounts.ban_user(admin, username=author.username, reason="Testing what travels")
        if state == "published":
            shown.append(title)
        else:
            private += [title, *([f"/post/{post.slug}"] if post.slug else [])]
    feeds = [(await fetch(path)).text for path in ("/feeds/posts.atom", "/feeds/tag/t.rss")]
    sitemaps = [(await fetch(path)).text for path in ("/sitemaps/posts-0.xml", "/sitemaps/profiles-0.xml")]
    heads = [(await fetch(path)).text.split("</head>")[0] for path in ("/", "/?tag=t")]
    everything = " ".join(feeds + sitemaps + heads)
    for leak in private:
        assert leak not in everything
    for title in shown:
        assert title in feeds[0]


pytestmark = pytest.mark.audit_elsewhere  # the property test empties the tables between its examples


async def test_the_sitemap_is_split_into_files_of_at_most_its_size(user: User, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("core.blog.syndication.SITEMAP_MAX", 2)  # 50,000 in earnest
    ann = await member("ann")
    posts = [await published(ann, title=f"Post {number}") for number in range(5)]
    parts = re.findall(
        r"<loc>http://tidings.test(/sitemaps/posts-[0-9]+\.xml)</loc>", (await fetch("/sitemap.xml")).text
    )
    assert len(parts) == 3
    listed = [re.findall(r"/post/[a-z0-9-]+", (await fetch(part)).text) for part in parts]
    assert [len(addresses) for addresses in listed] == [2, 2, 1]
    assert sorted(address for addresses in listed for address in addresses) == sorted(
        f"/post/{post.slug}" for post in posts
    )
