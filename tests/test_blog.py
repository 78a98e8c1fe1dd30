"""Blog actions and queries: drafts, publishing, comments, and who may see and do what."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from core import ANONYMOUS, Actor, Forbidden, Invalid, NotFound, Role, blog

from .events import EventLog
from .factories import draft, member, published


async def test_creating_a_post_makes_a_draft_seen_by_its_author_only(events: EventLog) -> None:
    ann, bob = await member("ann"), await member("bob")
    post = await blog.create_post(ann, title="  Hello  ", body="")
    assert (post.title, post.status, post.published_at) == ("Hello", blog.PostStatus.DRAFT, None)
    assert (await blog.get_post(ann, post.id)).id == post.id
    for outsider in (bob, ANONYMOUS):
        with pytest.raises(NotFound):
            await blog.get_post(outsider, post.id)
    assert await blog.list_posts(ann) == []
    assert [type(e).__name__ for e in await events.settled()][-1] == "PostDrafted"


async def test_creating_a_post_needs_a_title_and_a_signed_in_author() -> None:
    ann = await member("ann")
    with pytest.raises(Invalid) as raised:
        await blog.create_post(ann, title="   ", body="x")
    assert raised.value.errors == {"title": ["This field can't be empty."]}
    with pytest.raises(Invalid) as raised:
        await blog.create_post(ann, title="x" * (blog.TITLE_MAX + 1))
    assert raised.value.errors == {"title": [f"Use at most {blog.TITLE_MAX} characters."]}
    with pytest.raises(Forbidden):
        await blog.create_post(ANONYMOUS, title="Hello")


async def test_publishing_sets_published_at_shows_the_post_to_everyone_and_emits(events: EventLog) -> None:
    ann = await member("ann")
    post = await draft(ann)
    events.received.clear()
    done = await blog.publish_post(ann, post_id=post.id)
    assert done.status == blog.PostStatus.PUBLISHED
    assert done.published_at is not None
    assert [p.id for p in await blog.list_posts(ANONYMOUS)] == [post.id]
    assert (await blog.get_post(ANONYMOUS, post.id)).title == post.title
    assert await events.settled() == [blog.PostPublished(post_id=post.id, author_id=ann.id)]  # type: ignore[arg-type]


async def test_only_the_author_can_publish_and_nothing_is_emitted_when_refused(events: EventLog) -> None:
    ann, bob = await member("ann"), await member("bob")
    post = await draft(ann)
    await events.settled()
    events.received.clear()
    for intruder in (bob, ANONYMOUS):
        with pytest.raises(Forbidden):
            await blog.publish_post(intruder, post_id=post.id)
    assert (await blog.get_post(ann, post.id)).status == blog.PostStatus.DRAFT
    assert await events.settled() == []


async def test_an_empty_body_cannot_be_published() -> None:
    ann = await member("ann")
    post = await draft(ann, body="   \n ")
    with pytest.raises(Invalid) as raised:
        await blog.publish_post(ann, post_id=post.id)
    assert raised.value.errors == {"body": ["Write something before publishing."]}
    assert (await blog.get_post(ann, post.id)).published_at is None


async def test_publishing_twice_or_a_missing_post_is_refused() -> None:
    ann = await member("ann")
    post = await published(ann)
    with pytest.raises(Invalid):
        await blog.publish_post(ann, post_id=post.id)
    with pytest.raises(NotFound):
        await blog.publish_post(ann, post_id=999_999)
    with pytest.raises(Invalid) as raised:
        await blog.publish_post(ann, post_id="one")
    assert raised.value.errors == {"post_id": ["This value has the wrong type."]}


async def test_a_member_comments_on_a_published_post_and_everyone_sees_it(events: EventLog) -> None:
    ann, bob = await member("ann"), await member("bob")
    post = await published(ann)
    events.received.clear()
    comment = await blog.add_comment(bob, post_id=post.id, body="Nice <b>post</b>")
    assert comment.author_name == "bob"
    assert [c.id for c in await blog.list_comments(ANONYMOUS, post.id)] == [comment.id]
    expected = blog.CommentAdded(comment_id=comment.id, post_id=post.id, author_id=bob.id)  # type: ignore[arg-type]
    assert await events.settled() == [expected]


async def test_comments_need_a_signed_in_author_a_published_post_and_some_text(events: EventLog) -> None:
    ann = await member("ann")
    post = await draft(ann)
    await events.settled()
    events.received.clear()
    with pytest.raises(Forbidden):
        await blog.add_comment(ann, post_id=post.id, body="Too early")
    await blog.publish_post(ann, post_id=post.id)
    with pytest.raises(Forbidden):
        await blog.add_comment(ANONYMOUS, post_id=post.id, body="Who am I?")
    with pytest.raises(Invalid) as raised:
        await blog.add_comment(ann, post_id=post.id, body=" ")
    assert raised.value.errors == {"body": ["This field can't be empty."]}
    with pytest.raises(NotFound):
        await blog.add_comment(ann, post_id=424242, body="Hello?")
    assert [type(e) for e in await events.settled()] == [blog.PostPublished]


async def test_markdown_is_rendered_and_no_script_survives() -> None:
    ann = await member("ann")
    body = "# Title\n\n*em* <script>alert(1)</script> [x](javascript:alert(1)) <img src=x onerror=alert(1)>"
    post = await published(ann, body=body)
    html = (await blog.get_post(ANONYMOUS, post.id)).body_html
    tags = elements(html)
    assert ("h1", []) in tags
    assert ("em", []) in tags
    assert all(tag not in {"script", "img"} for tag, _ in tags)
    assert all(not name.startswith("on") and "javascript:" not in (value or "") for _, a in tags for name, value in a)


def elements(html: str) -> list[tuple[str, list[tuple[str, str | None]]]]:
    """Every element of an HTML fragment with its attributes, as a browser's parser sees them."""
    found: list[tuple[str, list[tuple[str, str | None]]]] = []

    class Collector(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            found.append((tag, attrs))

    Collector().feed(html)
    return found


async def test_the_feed_is_newest_first_and_pages_by_keyset() -> None:
    ann = await member("ann")
    ids = [(await published(ann, title=f"Post {n}")).id for n in range(5)]
    first = await blog.list_posts(ANONYMOUS, limit=2)
    assert [p.id for p in first] == ids[::-1][:2]
    last = first[-1]
    assert last.published_at is not None
    second = await blog.list_posts(ANONYMOUS, before=(last.published_at, last.id), limit=2)
    assert [p.id for p in second] == ids[::-1][2:4]


async def test_moderators_and_admins_act_as_members_too() -> None:
    ann = await member("ann")
    post = await published(ann)
    moderator = Actor(id=ann.id, username="ann", role=Role.MODERATOR)
    assert (await blog.add_comment(moderator, post_id=post.id, body="As a moderator")).author_name == "ann"
