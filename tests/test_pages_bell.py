"""The notification bell: a live unread count, and the latest notifications when opened."""

from __future__ import annotations

from nicegui import ui
from nicegui.testing import User

from core import blog, notifications

from .factories import member, published
from .pages import LIVE, open_bell, sign_in


async def test_the_bell_counts_live_and_lists_then_marks_read(user: User) -> None:
    ann, bob = await member("ann"), await member("bob")
    post = await published(ann, title="Dragons")
    await sign_in(user, "ann")
    await user.open("/")
    await user.should_not_see(kind=ui.badge)
    await blog.add_comment(bob, post_id=post.id, body="Hello")
    await user.should_see(kind=ui.badge, content="1", retries=LIVE)
    open_bell(user)
    await user.should_see("bob commented on “Dragons”", retries=LIVE)
    await user.should_not_see(kind=ui.badge, retries=LIVE)
    assert await notifications.unread_count(ann) == 0
