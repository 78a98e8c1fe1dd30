"""Read filters agree with the policy: for generated actors and posts, "the policy allows reading it" is
exactly "the queries return it" (a search among them)."""

from __future__ import annotations

from dataclasses import dataclass, replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core import ANONYMOUS, Actor, NotFound, Role, blog
from core.policy import allowed

from .conftest import empty_all_tables
from .factories import member, with_role

ROLES = st.sampled_from([Role.MEMBER, Role.MODERATOR, Role.ADMIN])
POSTS = st.lists(
    st.tuples(st.integers(0, 2), st.booleans(), st.booleans()), min_size=1, max_size=6
)  # (author index, published, archived)

pytestmark = pytest.mark.audit_elsewhere  # each generated example empties the tables


@dataclass(frozen=True)
class Facts:
    """What the policy's post.read rules look at."""

    author_id: int
    status: str
    archived: bool


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(roles=st.lists(ROLES, min_size=3, max_size=3), posts=POSTS, viewer=st.integers(-1, 2), banned=st.booleans())
async def test_a_post_is_readable_exactly_when_the_policy_says_so(
    roles: list[Role], posts: list[tuple[int, bool, bool]], viewer: int, banned: bool
) -> None:
    await empty_all_tables()
    users = [await with_role(role) if role != Role.MEMBER else await member() for role in roles]
    # The viewer may be banned since they wrote (as a ban leaves them: signed in again, reading only).
    actor: Actor = ANONYMOUS if viewer < 0 else replace(users[viewer], banned=banned)
    created: list[tuple[blog.PostView, Facts]] = []
    for author, publish, archive in posts:
        post = await blog.create_post(users[author], title="T", body="text", publish=publish)
        if archive:
            await blog.archive_post(users[author], post_id=post.id)
        created.append((post, Facts(post.author_id, post.status, archive)))

    for post, facts in created:
        assert allowed(actor, "post.read", facts) == await readable(actor, post.id), facts
    feed = {p.id for p in (await blog.list_posts(actor)).items}
    assert feed == {post.id for post, facts in created if allowed(ANONYMOUS, "post.read", facts)}
    found = {match.post.id for match in (await blog.search_posts(actor, "text")).matches}
    assert found == {post.id for post, facts in created if allowed(actor, "post.read", facts)}
    articles = {match.post.id for match in (await blog.search_articles(actor, "text")).matches}
    assert articles == feed
    drafts = {p.id for p in await blog.list_drafts(actor)}
    own_drafts = {p.id for p, f in created if f.author_id == actor.id and f.status == "draft" and not f.archived}
    assert drafts == {post_id for post_id in own_drafts if allowed(actor, "post.read", facts_of(created, post_id))}


def facts_of(created: list[tuple[blog.PostView, Facts]], post_id: int) -> Facts:
    return next(facts for post, facts in created if post.id == post_id)


async def readable(actor: Actor, post_id: int) -> bool:
    try:
        await blog.get_post_by_id(actor, post_id)
    except NotFound:
        return False
    return True
