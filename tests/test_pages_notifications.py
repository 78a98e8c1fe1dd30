"""The notifications page: every notification of the signed-in user, newest first, page after page, new ones live;
showing them marks them read, as the bell does, whose menu leads here."""

from __future__ import annotations

from nicegui import ui
from nicegui.testing import User

from core import blog, notifications

from .factories import member, published
from .pages import LIVE, open_bell, sign_in, until


def shown(user: User) -> list[str]:
    """The notifications on the page, newest first, as markup."""
    [column] = user.find(marker="notifications").elements
    return [child.content for child in column.default_slot.children if isinstance(child, ui.html)]


async def test_a_visitor_is_sent_to_sign_in_and_back(user: User) -> None:
    answer = await user.http_client.get("/notifications")
    assert (answer.status_code, answer.headers["location"]) == (307, "/sign-in?next=/notifications")


async def test_every_notification_shows_newest_first_is_marked_read_and_new_ones_arrive_on_top(user: User) -> None:
    ann, bob = await member("ann"), await member("bob")
    post = await published(ann, title="Dragons")
    await blog.add_comment(bob, post_id=post.id, body="Hello")
    await blog.favorite_post(bob, post_id=post.id)
    await sign_in(user, "ann")
    await user.open("/notifications")
    await user.should_see("bob favourited “Dragons”")
    assert ["favourited" in shown(user)[0], "commented" in shown(user)[1]] == [True, True]
    assert all("Unread:" in notice for notice in shown(user))  # as they were when shown

    async def all_read() -> bool:
        return await notifications.unread_count(ann) == 0

    await until(all_read)
    await blog.add_comment(bob, post_id=post.id, body="Again")

    async def arrived() -> bool:
        return len(shown(user)) == 3

    await until(arrived, within=LIVE / 10)
    assert "commented on “Dragons”" in shown(user)[0]
    await until(all_read)


async def test_older_notifications_load_on_request(user: User) -> None:
    ann, bob = await member("ann"), await member("bob")
    post = await published(ann, title="Popular")
    for number in range(32):
        await blog.add_comment(bob, post_id=post.id, body=f"Comment {number}")
    await sign_in(user, "ann")
    await user.open("/notifications")
    await user.should_see("Older notifications")
    assert len(shown(user)) == 30
    user.find("Older notifications").click()

    async def all_shown() -> bool:
        return len(shown(user)) == 32

    await until(all_shown)
    await user.should_not_see("Older notifications")


async def test_someone_without_notifications_is_told_what_will_show(user: User) -> None:
    await member("ann")
    await sign_in(user, "ann")
    await user.open("/notifications")
    await user.should_see("No notifications yet.")


async def test_the_bells_menu_leads_to_every_notification(user: User) -> None:
    await member("ann")
    await sign_in(user, "ann")
    await user.open("/")
    open_bell(user)
    await user.should_see(marker="all-notifications", retries=LIVE)
    link = user.find(marker="all-notifications").elements.pop()
    assert isinstance(link, ui.link)
    assert link.props["href"] == "/notifications"
