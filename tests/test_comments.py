"""Comment actions: who may comment where, who may delete, and what the post's author is told."""

from __future__ import annotations

import pytest

from core import ANONYMOUS, Forbidden, Invalid, NotFound, Role, blog, notifications

from .events import EventLog
from .factories import draft, member, published, with_role


async def test_a_member_comments_on_a_published_post_and_everyone_sees_it(events: EventLog) -> None:
    ann, bob = await member("ann"), await member("bob")
    post = await published(ann)
    await events.forget()
    comment = await blog.add_comment(bob, post_id=post.id, body="Nice <b>post</b>")
    assert (comment.author.username, comment.post_author_id, comment.body) == ("bob", ann.id, "Nice <b>post</b>")
    assert "<b>" not in comment.body_html
    assert [c.id for c in await blog.list_comments(ANONYMOUS, post.id)] == [comment.id]
    received = await events.settled()
    assert blog.CommentAdded(comment_id=comment.id, post_id=post.id, author_id=bob.id or 0) in received


async def test_commenting_tells_the_posts_author_but_not_about_their_own_comments() -> None:
    ann, bob = await member("ann"), await member("bob")
    post = await published(ann, title="Dragons")
    await blog.add_comment(bob, post_id=post.id, body="Hello")
    await blog.add_comment(ann, post_id=post.id, body="Thanks")
    [notice] = await notifications.list_notifications(ann)
    assert (notice.text, notice.post_slug, notice.read) == ("bob commented on “Dragons”", post.slug, False)
    assert await notifications.list_notifications(bob) == []


async def test_comments_need_a_member_a_published_post_that_exists_and_some_text(events: EventLog) -> None:
    ann = await member("ann")
    post = await draft(ann)
    await events.settled()
    await events.forget()
    with pytest.raises(Forbidden):
        await blog.add_comment(ann, post_id=post.id, body="Too early")
    await blog.publish_post(ann, post_id=post.id)
    with pytest.raises(Forbidden):
        await blog.add_comment(ANONYMOUS, post_id=post.id, body="Who am I?")
    with pytest.raises(Invalid) as raised:
        await blog.add_comment(ann, post_id=post.id, body=" ")
    assert raised.value.errors == {"body": ["This field can't be empty."]}
    with pytest.raises(Invalid) as raised:
        await blog.add_comment(ann, post_id=post.id, body="x" * (blog.COMMENT_MAX + 1))
    assert raised.value.errors == {"body": [f"Use at most {blog.COMMENT_MAX} characters."]}
    with pytest.raises(NotFound):
        await blog.add_comment(ann, post_id=424242, body="Hello?")
    await blog.archive_post(ann, post_id=post.id)
    with pytest.raises(Forbidden):
        await blog.add_comment(ann, post_id=post.id, body="Archived")
    assert [type(e) for e in await events.settled()] == [blog.PostPublished, blog.PostArchived]


@pytest.mark.parametrize("deleter", ["comment author", "post author", "moderator", "admin"])
async def test_a_comment_is_deleted_by_its_author_the_posts_author_or_a_moderator(
    deleter: str, events: EventLog
) -> None:
    ann, bob = await member("ann"), await member("bob")
    post = await published(ann)
    comment = await blog.add_comment(bob, post_id=post.id, body="Regrettable")
    actors = {"comment author": bob, "post author": ann}
    actor = actors.get(deleter) or await with_role(Role.MODERATOR if deleter == "moderator" else Role.ADMIN)
    await events.settled()
    await events.forget()
    reason = {"reason": "Off topic"} if deleter in {"moderator", "admin"} else {}
    await blog.delete_comment(actor, comment_id=comment.id, **reason)
    assert await blog.list_comments(ANONYMOUS, post.id) == []
    assert blog.CommentDeleted(comment_id=comment.id, post_id=post.id) in await events.settled()
    told = [n.text for n in await notifications.list_notifications(bob)]
    assert told == (
        []
        if deleter == "comment author"
        else [f"{actor.username} deleted your comment on “{post.title}”" + (": Off topic" if reason else "")]
    )


async def test_a_moderator_must_say_why_and_the_author_is_told() -> None:
    ann = await member("ann")
    post = await published(ann, title="Spam magnet")
    comment = await blog.add_comment(ann, post_id=post.id, body="Buy now")
    moderator = await with_role(Role.MODERATOR, "mod")
    with pytest.raises(Invalid) as raised:
        await blog.delete_comment(moderator, comment_id=comment.id)
    assert raised.value.errors == {"reason": ["Say why: the author will be told."]}
    await blog.delete_comment(moderator, comment_id=comment.id, reason="Advertising")
    [notice, *_] = await notifications.list_notifications(ann)
    assert notice.text == "mod deleted your comment on “Spam magnet”: Advertising"


async def test_nobody_else_deletes_a_comment_and_a_deleted_one_is_gone() -> None:
    ann, bob, cat = await member("ann"), await member("bob"), await member("cat")
    post = await published(ann)
    comment = await blog.add_comment(bob, post_id=post.id, body="Mine")
    for intruder in (cat, ANONYMOUS):
        with pytest.raises(Forbidden):
            await blog.delete_comment(intruder, comment_id=comment.id)
    await blog.delete_comment(bob, comment_id=comment.id)
    with pytest.raises(NotFound):
        await blog.delete_comment(bob, comment_id=comment.id)
