"""The action runner: validate → transaction → authorize → apply → audit → emit → commit, or nothing at all."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import pytest

from core import ANONYMOUS, Event, Forbidden, Invalid, Role, blog
from core.actions import ACTIONS, REASON_NEEDED, Action, Context, nothing
from core.audit.models import AuditEntry
from core.blog.inputs import CreatePost
from core.blog.models import Post

from .events import EventLog
from .factories import member, with_role


async def write_then(ctx: Context[CreatePost, None], failure: Exception | None, event: Event | None = None) -> None:
    post = await Post.create(slug=f"s{ctx.actor.id}", title=ctx.input.title, body="", author_id=ctx.actor.id)
    ctx.audit("post", post.id)
    ctx.emit(event or blog.PostDrafted(post_id=post.id, author_id=ctx.actor.id or 0))
    if failure:
        raise failure


def declared(
    body: Callable[[Context[CreatePost, None]], Awaitable[None]],
) -> Action[..., CreatePost, None, None]:
    """An action of the post.create policy row with this body (not registered: the real one is)."""
    return Action("post.create", CreatePost, body, loads=nothing, emits=[blog.PostDrafted])


async def test_a_failure_after_writing_and_emitting_leaves_no_row_no_audit_and_no_event(events: EventLog) -> None:
    ann = await member("ann")
    await events.settled()
    await events.forget()
    failing = declared(lambda ctx: write_then(ctx, RuntimeError("boom")))
    with pytest.raises(RuntimeError, match="boom"):
        await failing(ann, title="Lost")
    assert not await Post.exists()
    assert not await AuditEntry.filter(action="post.create").exists()
    assert await events.settled() == []


async def test_the_policy_is_asked_before_the_body_runs() -> None:
    ran: list[str] = []

    async def body(ctx: Context[CreatePost, None]) -> None:
        ran.append(ctx.input.title)

    with pytest.raises(Forbidden):
        await declared(body)(ANONYMOUS, title="Sneaky")
    assert ran == []


async def test_an_event_the_action_does_not_declare_is_refused_and_nothing_is_written() -> None:
    ann = await member("ann")
    undeclared = blog.PostPublished(post_id=1, author_id=ann.id or 0)
    with pytest.raises(RuntimeError, match="does not declare"):
        await declared(lambda ctx: write_then(ctx, None, undeclared))(ann, title="Loud")
    assert not await Post.exists()


async def test_a_state_the_row_is_not_in_is_refused_in_the_requirements_words_before_the_body_runs() -> None:
    ann = await member("ann")
    post = await blog.create_post(ann, title="Out already", body="Text", publish=True)
    with pytest.raises(Invalid) as raised:
        await blog.publish_post(ann, post_id=post.id)
    assert raised.value.errors == {"post_id": ["This post is already published."]}
    assert blog.publish_post.why_not(ann, post) == "This post is already published."
    assert not blog.publish_post.can(ann, post)


async def test_a_reason_is_asked_of_exactly_those_the_declaration_names() -> None:
    ann, moderator = await member("ann"), await with_role(Role.MODERATOR, "mod")
    post = await blog.create_post(ann, title="Said", body="Text", publish=True)
    assert not blog.archive_post.needs_reason(ann, post)
    assert blog.archive_post.needs_reason(moderator, post)
    with pytest.raises(Invalid) as raised:
        await blog.archive_post(moderator, post_id=post.id)
    assert raised.value.errors == {"reason": [REASON_NEEDED]}
    await blog.archive_post(ann, post_id=post.id)  # its author needs none


def test_an_action_named_in_no_policy_row_is_refused_when_declared() -> None:
    with pytest.raises(ValueError, match=r"names 'post\.pinn'"):
        Action("post.pinn", CreatePost, write_then_nothing, loads=nothing)


async def write_then_nothing(ctx: Context[CreatePost, None]) -> None:
    """A body for declarations that never run."""


async def test_a_successful_action_writes_one_audit_entry_in_its_transaction() -> None:
    ann = await member("ann")
    post = await blog.create_post(ann, title="Audited")
    entry = await AuditEntry.get(action="post.create")
    assert (entry.actor_id, entry.actor_name, entry.record_type, entry.record_id) == (ann.id, "ann", "post", post.id)
    assert entry.changes == {"title": [None, "Audited"], "status": [None, "draft"]}  # what the new post holds


async def test_a_refused_actor_leaves_no_audit_entry() -> None:
    with pytest.raises(Forbidden):
        await blog.create_post(ANONYMOUS, title="Nope")
    assert not await AuditEntry.filter(action="post.create").exists()


def test_every_action_is_registered_under_its_policy_name() -> None:
    assert {"user.register", "user.sign_in", "user.sign_out", "post.create", "post.publish", "comment.add"} <= set(
        ACTIONS
    )
