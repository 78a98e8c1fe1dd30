"""Moderation through simulated users: live downgrades, the admin area, why-not answers, presence."""

from __future__ import annotations

from collections.abc import Callable

from nicegui import ui
from nicegui.testing import User

from core import ANONYMOUS, Role, accounts, blog
from core.policy import BANNED
from ui import theme

from .factories import member, published, signed_in_as, with_role
from .pages import LIVE, browser_storage, sign_in


async def test_a_ban_signs_the_user_out_of_every_open_page_at_once_and_says_why_when_they_return(
    user: User, create_user: Callable[[], User]
) -> None:
    post = await published(await member("ann"))
    await member("bob")
    moderator = await with_role(Role.MODERATOR, "mod")
    other = create_user()
    await sign_in(user, "bob")
    await user.open(f"/post/{post.slug}")
    await other.open(f"/post/{post.slug}")
    await user.should_see(kind=ui.textarea)
    await accounts.ban_user(moderator, username="bob", reason="Spam")
    await user.should_see("Sign up", retries=LIVE)  # the header of a visitor
    await user.should_not_see(marker="account")
    await user.should_not_see(kind=ui.textarea)
    await sign_in(user, "bob")  # signing in again is allowed: a banned user keeps reading
    await user.open(f"/post/{post.slug}")
    await user.should_see(f"{BANNED} Your notifications say why.")
    await user.should_not_see(kind=ui.textarea)
    await user.should_see(BANNED)  # in place of the comment box, the policy's own answer
    await other.should_see("No comments yet")  # an anonymous reader's page stays as it was


async def test_the_admin_area_refuses_members_and_says_why(user: User) -> None:
    await member("ann")
    await sign_in(user, "ann")
    await user.open("/admin")
    await user.should_see("Not with your role: moderators and admins open the admin area.")
    await user.should_not_see("Users")


async def test_an_admin_searches_users_changes_a_role_and_bans(user: User) -> None:
    await with_role(Role.ADMIN, "root")
    for name in ("ann", "bob", "annabel"):
        await member(name)
    await sign_in(user, "root")
    await user.open("/admin")
    await user.should_see("ann@example.com", retries=LIVE)
    user.find(marker="user-search").type("ann")
    await user.should_not_see("bob@example.com", retries=LIVE)
    await user.should_see("annabel@example.com")
    select = user.find(marker="role-ann").elements.pop()
    assert isinstance(select, ui.select)
    select.value = "moderator"
    await user.should_see(marker="ban-ann", retries=LIVE)
    for _ in range(LIVE):
        if (await signed_in_as("ann")).role == Role.MODERATOR:
            break
        await user.should_see(marker="ban-ann", retries=1)
    assert (await signed_in_as("ann")).role == Role.MODERATOR
    user.find(marker="user-search").clear()
    await user.should_see(marker="ban-bob", retries=LIVE)
    user.find(marker="ban-bob").click()
    await user.should_see(marker="reason", retries=LIVE)
    user.find(marker="reason").type("Testing the ban")
    user.find(marker="confirm").click()
    await user.should_see(marker="unban-bob", retries=LIVE)
    assert (await signed_in_as("bob")).banned


async def test_the_moderation_queue_and_the_audit_trail_are_live(user: User) -> None:
    await with_role(Role.MODERATOR, "mod")
    ann = await member("ann")
    post = await published(ann, title="Queue me")
    await sign_in(user, "mod")
    await user.open("/admin")
    await user.should_see("Queue me", retries=LIVE)
    comment = await blog.add_comment(ann, post_id=post.id, body="Fresh comment for the queue")
    await user.should_see(marker=f"queued-comment-{comment.id}", retries=LIVE)
    await user.should_see("ann commented on “Queue me”", retries=LIVE)  # the audit trail's newest entry
    user.find(marker=f"delete-comment-{comment.id}").click()
    await user.should_see(marker="reason", retries=LIVE)
    user.find(marker="reason").type("Off topic")
    user.find(marker="confirm").click()
    await user.should_not_see(marker=f"queued-comment-{comment.id}", retries=LIVE)
    assert await blog.list_comments(ANONYMOUS, post.id) == []


async def test_an_author_sees_the_history_of_their_post(user: User) -> None:
    ann = await member("ann")
    post = await published(ann, title="With a past")
    await blog.update_post(ann, post_id=post.id, title="With a longer past")
    await sign_in(user, "ann")
    browser_storage(user)
    await user.open(f"/post/{post.slug}")
    user.find(marker="history").click()
    await user.should_see("ann edited “With a longer past”", retries=LIVE)
    await user.should_see("title: With a past → With a longer past")
    await user.should_see("status: published")  # set where there was none: no "— →"


async def test_readers_of_a_post_see_each_other_come_and_go(user: User, create_user: Callable[[], User]) -> None:
    post = await published(await member("ann"))
    await member("bob")
    guest = create_user()
    await sign_in(user, "bob")
    await user.open(f"/post/{post.slug}")
    await user.should_see("1 reading: bob", retries=LIVE)
    guest_tab = await guest.open(f"/post/{post.slug}")
    await user.should_see("2 reading: bob and 1 guest", retries=LIVE)
    guest_tab.delete()  # what NiceGUI does when a closed tab does not come back
    await user.should_see("1 reading: bob", retries=LIVE)


def contrast(colour: str, background: str) -> float:
    """WCAG's contrast ratio of two colours written #rrggbb."""

    def luminance(hex_colour: str) -> float:
        channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    light, dark = sorted((luminance(colour), luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


async def test_the_activity_chart_is_drawn_in_the_themes_green_and_colours_that_show_on_light_and_dark(
    user: User,
) -> None:
    await with_role(Role.ADMIN, "root")
    await sign_in(user, "root")
    await user.open("/admin?tab=Activity")
    [chart] = user.find(kind=ui.echart).elements
    assert isinstance(chart, ui.echart)
    colours = chart.options["color"]
    assert colours[0] == theme.PRIMARY
    assert len(colours) == len(chart.options["series"])  # one for each: posts, comments, sign-ups
    for colour in colours:
        assert contrast(colour, "#ffffff") >= 3, colour
        assert contrast(colour, "#121212") >= 3, colour  # the dark page
