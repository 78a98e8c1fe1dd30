"""Account pages through simulated users: sign-up and sign-in forms, settings, profiles, signing out."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from nicegui import ui
from nicegui.testing import User

from core import ANONYMOUS, accounts, blog
from core.accounts.models import Session
from core.accounts.throttle import FREE_FAILURES_PER_ACCOUNT, FREE_FAILURES_PER_ADDRESS

from .factories import PASSWORD, failed_sign_ins, member, published
from .pages import LIVE, SIMULATED_ADDRESS, addresses, fill_in, sign_in, switch_tabs, until, value_of


async def test_sign_up_shows_each_error_under_its_field_and_keeps_what_was_typed(user: User) -> None:
    await fill_in(user, "/sign-up", username="a b", email="not-an-address", password="short")
    await user.should_see("Use only letters, digits, '-' and '_'.")
    await user.should_see("Enter an e-mail address like name@example.com.")
    await user.should_see("Use at least 8 characters.")
    assert value_of(user, "username") == "a b"


async def test_every_empty_field_of_sign_up_and_sign_in_says_what_to_enter(user: User) -> None:
    await fill_in(user, "/sign-up")
    for message in ("Choose a username.", "Enter your e-mail address.", "Choose a password."):
        await user.should_see(message)
    await user.should_not_see("Use at least")
    await fill_in(user, "/sign-in")
    await user.should_see("Enter your username or e-mail address.")
    await user.should_see("Enter your password.")
    await user.should_not_see("This field can't be empty.")


async def test_every_emptied_field_of_the_settings_says_what_to_enter(user: User) -> None:
    await member("ann")
    await sign_in(user, "ann")
    await user.open("/settings")
    user.find(marker="username").clear()
    user.find(marker="email").clear()
    user.find(marker="save-profile").click()
    await user.should_see("Choose a username.")
    await user.should_see("Enter your e-mail address.")
    user.find(marker="change-password").click()
    await user.should_see("Enter your password.")
    await user.should_see("Choose a password.")
    for vague in ("Use at least", "This field can't be empty."):
        await user.should_not_see(vague)


async def test_a_field_is_checked_by_the_actions_own_rules_when_left(user: User) -> None:
    await user.open("/sign-up")
    user.find(marker="username").type("x").trigger("blur")
    await user.should_see("Use at least 3 characters.")
    user.find(marker="username").type("yz")
    await user.should_not_see("Use at least 3 characters.")


async def test_signing_up_signs_in_and_a_taken_name_is_explained(user: User) -> None:
    await member("taken")
    await fill_in(user, "/sign-up", username="taken", email="new@example.com", password=PASSWORD)
    await user.should_see(accounts.USERNAME_TAKEN)
    user.find(marker="username").clear().type("fresh")
    user.find(marker="submit").click()
    await user.should_see(marker="account", retries=LIVE)
    await user.should_see("fresh")


async def test_wrong_credentials_are_shown_under_the_password(user: User) -> None:
    await member("ann")
    await fill_in(user, "/sign-in", login="ann", password="not the password")
    await user.should_see("Wrong username, e-mail or password.")


async def test_the_sign_in_page_says_how_long_to_wait_after_too_many_failures(user: User) -> None:
    await member("ann")
    await failed_sign_ins("ann", FREE_FAILURES_PER_ACCOUNT, address="198.51.100.20")
    await fill_in(user, "/sign-in", login="ann", password=PASSWORD)
    await user.should_see("Too many failed sign-ins. Wait 30 seconds, then try again.")
    await user.should_not_see(marker="account")


async def test_the_sign_in_page_is_throttled_by_its_browsers_address(user: User) -> None:
    await member("ann")
    for number in range(FREE_FAILURES_PER_ADDRESS // 4):  # someone at this address tried many accounts
        await failed_sign_ins(f"someone{number}", 4, address=SIMULATED_ADDRESS)
    await fill_in(user, "/sign-in", login="ann", password=PASSWORD)
    await user.should_see("Too many failed sign-ins.")
    assert await accounts.sign_in(ANONYMOUS, login="ann", password=PASSWORD, address="198.51.100.20")


async def test_signing_in_again_in_the_same_browser_ends_its_old_session(user: User) -> None:
    ann = await member("ann")
    await sign_in(user, "ann")
    await sign_in(user, "ann")
    # the factory's session, and the browser's latest one; never the browser's first
    assert await Session.filter(user_id=ann.id).count() == 2


async def test_signing_out_everywhere_signs_out_every_page_of_the_user_live(
    user: User, create_user: Callable[[], User]
) -> None:
    await member("ann")
    other = create_user()
    await sign_in(user, "ann")
    await sign_in(other, "ann")
    await other.open("/profile/ann")
    await user.open("/settings")
    user.find(marker="sign-out-everywhere").click()
    for page in (other, user):
        await page.should_see("Sign up", retries=LIVE)  # the header of a visitor
        await page.should_not_see(marker="account")


async def test_settings_change_the_profile_and_show_errors_under_fields(user: User) -> None:
    await member("ann")
    await member("bob")
    await sign_in(user, "ann")
    await user.open("/settings")
    user.find(marker="bio").type("Dragon trainer")
    user.find(marker="username").clear().type("bob")
    user.find(marker="save-profile").click()
    await user.should_see(accounts.USERNAME_TAKEN)
    user.find(marker="username").clear().type("ann")
    user.find(marker="image").type("not a url")
    await user.should_see("Enter the address of a picture, starting with https://, or upload one.")
    user.find(marker="image").clear()
    user.find(marker="save-profile").click()
    await until(lambda: bio_of("ann", "Dragon trainer"))
    await user.open("/profile/ann")
    await user.should_see("Dragon trainer")


async def test_settings_refuse_a_picture_at_an_http_address_under_its_field(user: User) -> None:
    await member("ann")
    await sign_in(user, "ann")
    await user.open("/settings")
    user.find(marker="image").type("http://example.com/ann.png")
    user.find(marker="save-profile").click()
    await user.should_see(accounts.PICTURE_NOT_HTTPS)
    assert (await accounts.get_user(ANONYMOUS, "ann")).image is None


async def test_a_password_change_signs_out_the_other_browser_live(user: User, create_user: Callable[[], User]) -> None:
    await member("ann")
    other = create_user()
    await sign_in(user, "ann")
    await sign_in(other, "ann")
    await user.open("/settings")
    user.find(marker="current_password").type(PASSWORD)
    user.find(marker="new_password").type("a brand new secret")
    user.find(marker="change-password").click()
    await other.should_see("Sign in", retries=LIVE)
    await other.should_not_see(marker="account")
    await user.open("/")
    await user.should_see(marker="account")


async def test_a_profile_shows_counts_that_follow_live(user: User, create_user: Callable[[], User]) -> None:
    ann = await member("ann")
    await member("bob")
    await published(ann, title="Ann writes")
    bob = create_user()
    await sign_in(bob, "bob")
    await user.open("/profile/ann")
    await user.should_see("1 post")
    await user.should_see("0 followers")
    await user.should_see("Ann writes")
    await bob.open("/profile/ann")
    bob.find(marker="follow").click()
    await user.should_see("1 follower", retries=LIVE)


async def test_the_profile_tab_is_in_the_address_so_a_reload_or_a_link_opens_it(
    user: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    ann = await member("ann")
    liked = await published(await member("bob"), title="Bob's post Ann likes")
    await blog.favorite_post(ann, post_id=liked.id)
    await published(ann, title="Ann writes")
    shown = addresses(monkeypatch)
    await user.open("/profile/ann")
    await switch_tabs(user, shown, ("Favourites", "/profile/ann?tab=favourites"), ("Posts", "/profile/ann"))
    await user.open("/profile/ann?tab=favourites")
    await user.should_see("Bob's post Ann likes", retries=LIVE)
    await user.should_not_see("Ann writes")  # the Posts tab is not even loaded
    await user.open("/profile/ann?tab=drafts")  # a visitor has no Drafts tab: the default one
    await user.should_see("Ann writes", retries=LIVE)


async def test_a_bio_shows_as_markdown_keeping_its_line_breaks(user: User) -> None:
    ann = await member("ann")
    await accounts.update_profile(ann, bio="**Dragon** trainer\nLives in Lisbon.\n<script>alert(1)</script>")
    await user.open("/profile/ann")
    bio = user.find(marker="bio").elements.pop()
    assert isinstance(bio, ui.html)
    assert bio.content == (
        "<p><strong>Dragon</strong> trainer<br>\nLives in Lisbon.<br>\n&lt;script&gt;alert(1)&lt;/script&gt;</p>\n"
    )


async def bio_of(username: str, bio: str) -> bool:
    return (await accounts.get_user(ANONYMOUS, username)).bio == bio


async def test_an_empty_profile_says_nothing_is_published_yet_and_a_full_one_where_it_ends(user: User) -> None:
    await member("ann")
    await user.open("/profile/ann")
    await user.should_see("ann hasn't published anything yet.", retries=LIVE)
    await sign_in(user, "ann")
    await user.open("/profile/ann")
    await user.should_see("You haven't published anything yet.", retries=LIVE)
    await published(await member("bob"), title="Bob's only post")
    await user.open("/profile/bob")
    await user.should_see("Bob's only post", retries=LIVE)
    await user.should_see("That's everything bob has published.")
