"""Post actions: drafts, publishing, slugs, tags, edits with optimistic locking, archiving."""

from __future__ import annotations

from html.parser import HTMLParser
from typing import Any

import pytest

from core import ANONYMOUS, Conflict, Forbidden, Invalid, NotFound, Role, blog
from core.audit.models import AuditEntry
from core.blog.models import Post

from .events import EventLog
from .factories import draft, member, published, with_role


async def test_creating_a_post_makes_a_draft_seen_by_its_author_only(events: EventLog) -> None:
    ann, bob = await member("ann"), await member("bob")
    post = await blog.create_post(ann, title="  Hello  ", body="")
    assert (post.title, post.status, post.published_at, post.version) == ("Hello", blog.PostStatus.DRAFT, None, 1)
    assert (await blog.get_post_by_id(ann, post.id)).id == post.id
    for outsider in (bob, ANONYMOUS, await with_role(Role.ADMIN)):
        with pytest.raises(NotFound):
            await blog.get_post_by_id(outsider, post.id)
    assert (await blog.list_posts(ann)).items == []
    assert [p.id for p in await blog.list_drafts(ann)] == [post.id]
    assert blog.PostDrafted(post_id=post.id, author_id=post.author_id) in await events.settled()


async def test_a_post_can_be_published_at_once_with_its_tags_normalised_and_sorted() -> None:
    ann = await member("ann")
    post = await blog.create_post(
        ann, title="Tagged", body="text", tags=["Python", " machine   Learning ", "python", "", "C++"], publish=True
    )
    assert post.status == blog.PostStatus.PUBLISHED
    assert post.published_at is not None
    assert post.tags == ("c", "machine-learning", "python")


async def test_publishing_at_once_needs_some_text() -> None:
    with pytest.raises(Invalid) as raised:
        await blog.create_post(await member("ann"), title="Empty", body="  ", publish=True)
    assert raised.value.errors == {"body": [blog.posts.EMPTY_BODY]}
    assert not await Post.exists()


async def test_slugs_come_from_the_title_are_unique_and_never_change() -> None:
    ann = await member("ann")
    first = await blog.create_post(ann, title="Hello, Wörld! It's me", body="Text", publish=True)
    second = await blog.create_post(ann, title="Hello, Wörld! It's me", body="Text", publish=True)
    odd = await blog.create_post(ann, title="!!! ???", body="Text", publish=True)
    assert first.slug == "hello-world-it-s-me"
    assert str(second.slug).startswith("hello-world-it-s-me-")
    assert second.slug != first.slug
    assert odd.slug == "post"
    edited = await blog.update_post(ann, post_id=first.id, title="Something else entirely")
    assert edited.slug == first.slug


async def test_a_draft_has_no_address_until_it_is_published_with_the_title_it_has_then() -> None:
    ann = await member("ann")
    post = await blog.create_post(ann, title="My", body="Text")  # the first autosave, mid-word
    assert post.slug is None
    await blog.update_post(ann, post_id=post.id, title="x" * blog.TITLE_MAX)  # pasted for a moment
    await blog.update_post(ann, post_id=post.id, title="My first real post")
    published = await blog.publish_post(ann, post_id=post.id)
    assert published.slug == "my-first-real-post"
    assert (await blog.get_post(ANONYMOUS, "my-first-real-post")).id == post.id


async def test_a_published_post_keeps_its_address_when_unpublished_retitled_and_published_again() -> None:
    ann = await member("ann")
    post = await blog.create_post(ann, title="First title", body="Text", publish=True)
    await blog.unpublish_post(ann, post_id=post.id)
    await blog.update_post(ann, post_id=post.id, title="Second title")
    again = await blog.publish_post(ann, post_id=post.id)
    assert (again.slug, again.title) == ("first-title", "Second title")


@pytest.mark.parametrize(
    ("fields", "errors"),
    [
        ({"title": "   "}, {"title": ["This field can't be empty."]}),
        ({"title": "x" * (blog.TITLE_MAX + 1)}, {"title": [f"Use at most {blog.TITLE_MAX} characters."]}),
        (
            {"title": "t", "description": "d" * 301},
            {"description": [f"Use at most {blog.DESCRIPTION_MAX} characters."]},
        ),
        ({"title": "t", "tags": [f"t{n}" for n in range(11)]}, {"tags": [f"Use at most {blog.TAGS_MAX} tags."]}),
        (
            {"title": "t", "tags": ["x" * 31]},
            {"tags": ["Keep each tag within 30 characters (xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx… is longer)."]},
        ),
        ({"title": "t", "tags": "python"}, {"tags": ["Input should be a valid list"]}),
        ({"body": "no title"}, {"title": ["This field is required."]}),
    ],
    ids=["blank-title", "long-title", "long-description", "too-many-tags", "long-tag", "tags-not-a-list", "no-title"],
)
async def test_creating_a_post_checks_every_field(fields: dict[str, Any], errors: dict[str, list[str]]) -> None:
    with pytest.raises(Invalid) as raised:
        await blog.create_post(await member("ann"), **fields)
    assert raised.value.errors == errors


async def test_only_members_create_posts() -> None:
    with pytest.raises(Forbidden):
        await blog.create_post(ANONYMOUS, title="Hello")


async def test_editing_bumps_the_version_and_emits_post_updated(events: EventLog) -> None:
    ann = await member("ann")
    post = await published(ann, tags=["old"])
    await events.forget()
    edited = await blog.update_post(ann, post_id=post.id, version=1, body="New *text*", tags=["New"])
    assert (edited.version, edited.body, edited.tags, edited.title) == (2, "New *text*", ("new",), post.title)
    assert "<em>text</em>" in edited.body_html
    assert await events.settled() == [blog.PostUpdated(post_id=post.id, author_id=post.author_id, version=2)]


async def test_an_edit_from_a_stale_version_fails_with_the_current_version_and_changes_nothing(
    events: EventLog,
) -> None:
    ann = await member("ann")
    post = await published(ann)
    await blog.update_post(ann, post_id=post.id, version=1, title="Mine first")
    await events.settled()
    await events.forget()
    with pytest.raises(Conflict) as raised:
        await blog.update_post(ann, post_id=post.id, version=1, title="Stale")
    current = raised.value.current
    assert isinstance(current, blog.PostView)
    assert (current.title, current.version) == ("Mine first", 2)
    assert (await blog.get_post_by_id(ann, post.id)).title == "Mine first"
    assert await events.settled() == []


async def test_only_the_author_edits_and_a_published_post_keeps_some_text() -> None:
    ann, bob = await member("ann"), await member("bob")
    post = await published(ann)
    for intruder in (bob, ANONYMOUS, await with_role(Role.ADMIN)):
        with pytest.raises(Forbidden):
            await blog.update_post(intruder, post_id=post.id, title="Mine now")
    with pytest.raises(Invalid) as raised:
        await blog.update_post(ann, post_id=post.id, body=" ")
    assert raised.value.errors == {"body": ["A published post needs some text."]}
    with pytest.raises(NotFound):
        await blog.update_post(ann, post_id=999_999, title="Nothing there")


async def test_publishing_a_draft_shows_it_to_everyone(events: EventLog) -> None:
    ann = await member("ann")
    post = await draft(ann)
    await events.forget()
    done = await blog.publish_post(ann, post_id=post.id)
    assert done.status == blog.PostStatus.PUBLISHED
    assert [p.id for p in (await blog.list_posts(ANONYMOUS)).items] == [post.id]
    assert await events.settled() == [blog.PostPublished(post_id=post.id, author_id=post.author_id)]


async def test_only_the_author_publishes_and_never_an_empty_or_published_post(events: EventLog) -> None:
    ann, bob = await member("ann"), await member("bob")
    post, empty = await draft(ann), await draft(ann, body="   ")
    await events.settled()
    await events.forget()
    for intruder in (bob, ANONYMOUS):
        with pytest.raises(Forbidden):
            await blog.publish_post(intruder, post_id=post.id)
    with pytest.raises(Invalid) as raised:
        await blog.publish_post(ann, post_id=empty.id)
    assert raised.value.errors == {"body": [blog.posts.EMPTY_BODY]}
    await blog.publish_post(ann, post_id=post.id)
    with pytest.raises(Invalid):
        await blog.publish_post(ann, post_id=post.id)
    assert [type(e) for e in await events.settled()] == [blog.PostPublished]


async def test_unpublishing_turns_a_post_back_into_a_draft(events: EventLog) -> None:
    ann, bob = await member("ann"), await member("bob")
    post = await published(ann)
    with pytest.raises(Forbidden):
        await blog.unpublish_post(bob, post_id=post.id)
    await events.forget()
    done = await blog.unpublish_post(ann, post_id=post.id)
    assert done is not None
    assert (done.status, done.published_at) == (blog.PostStatus.DRAFT, None)
    assert (await blog.list_posts(ANONYMOUS)).items == []
    with pytest.raises(Invalid):
        await blog.unpublish_post(ann, post_id=post.id)
    assert await events.settled() == [blog.PostUnpublished(post_id=post.id, author_id=post.author_id)]


async def test_archiving_hides_a_post_everywhere_but_keeps_it_for_its_author_to_restore(events: EventLog) -> None:
    ann, bob = await member("ann"), await member("bob")
    post = await published(ann, tags=["kept"])
    with pytest.raises(Forbidden):
        await blog.archive_post(bob, post_id=post.id)
    await events.forget()
    await blog.archive_post(ann, post_id=post.id)
    assert (await blog.list_posts(ANONYMOUS)).items == []
    assert await blog.popular_tags(ANONYMOUS) == []
    with pytest.raises(NotFound):
        await blog.get_post_by_id(bob, post.id)
    assert await Post.exists(id=post.id)
    assert [p.id for p in await blog.list_archived(ann)] == [post.id]
    with pytest.raises(Forbidden):
        await blog.update_post(ann, post_id=post.id, title="Edit while archived")
    with pytest.raises(Forbidden):
        await blog.restore_post(bob, post_id=post.id)
    restored = await blog.restore_post(ann, post_id=post.id)
    assert (restored.archived, restored.status) == (False, blog.PostStatus.PUBLISHED)
    assert [p.id for p in (await blog.list_posts(bob)).items] == [post.id]
    assert [type(e) for e in await events.settled()] == [blog.PostArchived, blog.PostRestored]


async def test_an_admin_can_restore_an_archived_post_but_a_moderator_cannot() -> None:
    ann = await member("ann")
    post = await published(ann)
    await blog.archive_post(ann, post_id=post.id)
    with pytest.raises(Forbidden):
        await blog.restore_post(await with_role(Role.MODERATOR), post_id=post.id)
    assert not (await blog.restore_post(await with_role(Role.ADMIN), post_id=post.id)).archived


async def test_markdown_is_rendered_and_no_script_survives() -> None:
    body = "# Title\n\n*em* <script>alert(1)</script> [x](javascript:alert(1)) <img src=x onerror=alert(1)>"
    post = await published(await member("ann"), body=body)
    tags = elements((await blog.get_post_by_id(ANONYMOUS, post.id)).body_html)
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


async def test_an_update_records_only_the_fields_that_changed_and_nothing_when_nothing_did() -> None:
    ann = await member("ann")
    post = await blog.create_post(ann, title="Kept", body="First text", tags=["python", "web"])
    await blog.update_post(ann, post_id=post.id, title="Kept", body="Second text", tags=["web", "Python"])
    unchanged = await blog.update_post(ann, post_id=post.id, title="Kept", body="Second text", tags=["python", "web"])
    updates = await AuditEntry.filter(action="post.update").order_by("id")
    assert [entry.changes for entry in updates] == [{"body": ["First text", "Second text"]}, {}]
    assert unchanged.version == post.version + 1  # the second update wrote nothing


async def test_whether_someone_has_written_anything_counts_drafts_and_archived_posts_too() -> None:
    ann, bob = await member("ann"), await member("bob")
    assert not await blog.has_posts(ANONYMOUS)
    assert not await blog.has_posts(ann)
    post = await draft(ann)
    assert await blog.has_posts(ann)
    assert not await blog.has_posts(bob)
    await blog.archive_post(ann, post_id=post.id)
    assert await blog.has_posts(ann)
