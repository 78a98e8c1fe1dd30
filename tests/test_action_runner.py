"""The action runner: validate → transaction → authorize → apply → audit → emit → commit, or nothing at all."""

from __future__ import annotations

import pytest

from core import ANONYMOUS, Forbidden, blog
from core.actions import ACTIONS, Action, Context
from core.audit.models import AuditEntry
from core.blog.inputs import CreatePost
from core.blog.models import Post

from .events import EventLog
from .factories import member


async def write_then(ctx: Context[CreatePost], failure: Exception | None, *, authorize: bool = True) -> None:
    if authorize:
        ctx.authorize()
    post = await Post.create(slug=f"s{ctx.actor.id}", title=ctx.input.title, body="", author_id=ctx.actor.id)
    ctx.audit("post", post.id)
    ctx.emit(blog.PostDrafted(post_id=post.id, author_id=ctx.actor.id or 0))
    if failure:
        raise failure


async def test_a_failure_after_writing_and_emitting_leaves_no_row_no_audit_and_no_event(events: EventLog) -> None:
    ann = await member("ann")
    await events.settled()
    await events.forget()
    failing = Action("post.create", CreatePost, lambda ctx: write_then(ctx, RuntimeError("boom")))
    with pytest.raises(RuntimeError, match="boom"):
        await failing(ann, title="Lost")
    assert not await Post.exists()
    assert not await AuditEntry.filter(action="post.create").exists()
    assert await events.settled() == []


async def test_an_action_that_never_asks_the_policy_writes_nothing() -> None:
    ann = await member("ann")
    careless = Action("post.create", CreatePost, lambda ctx: write_then(ctx, None, authorize=False))
    with pytest.raises(RuntimeError, match="never asked the policy"):
        await careless(ann, title="Sneaky")
    assert not await Post.exists()


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
