"""Pictures on the pages, through simulated users: an avatar uploaded on /settings, refusals said beneath the
uploader, and the header of every open page of the user following at once."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from nicegui import ui
from nicegui.testing import User

from core import ANONYMOUS, BANNED, Role, accounts, pictures
from core.pictures.models import Picture

from .factories import member, with_role
from .pages import LIVE, sign_in, until
from .pictures import SVG, picture


def account_markup(user: User) -> str:
    """The markup of the header's account button (its picture and name)."""
    with user:
        buttons = user.find(marker="account").elements
    return " ".join(part.content for button in buttons for part in button.descendants() if isinstance(part, ui.html))


async def header_shows(user: User, image: str) -> bool:
    """Whether the header's account button shows this picture."""
    return image in account_markup(user)


async def upload(user: User, name: str, data: bytes, content_type: str = "image/png") -> None:
    """Hand a file to the page's (only) uploader, as the browser does once it has sent it."""
    with user:
        uploader = next(iter(user.find(ui.upload).elements))
    await uploader.handle_uploads([ui.upload.SmallFileUpload(name, content_type, data)])


async def test_an_uploaded_avatar_becomes_the_profiles_picture_in_every_open_header_at_once(
    user: User, create_user: Callable[[], User]
) -> None:
    await member("ann")
    elsewhere = create_user()
    await sign_in(user, "ann")
    await sign_in(elsewhere, "ann")
    await elsewhere.open("/")
    await user.open("/settings")
    await upload(user, "me.png", picture("PNG"))
    await user.should_see("Picture saved", retries=LIVE)
    me = await accounts.get_user(ANONYMOUS, "ann")
    image = me.image or ""
    assert pictures.is_picture_address(image)
    assert image.endswith("/avatar.webp")
    for page in (user, elsewhere):  # this page and another of the same user, as the event reaches them
        await until(partial(header_shows, page, image), within=LIVE / 10)


async def test_a_refused_upload_says_why_beneath_the_uploader_and_changes_nothing(user: User) -> None:
    await member("ann")
    await sign_in(user, "ann")
    await user.open("/settings")
    await upload(user, "drawing.png", SVG, "image/svg+xml")
    await user.should_see(pictures.NOT_A_PICTURE, retries=LIVE)
    assert (await accounts.get_user(ANONYMOUS, "ann")).image is None
    assert await Picture.all().count() == 0


async def test_a_banned_user_is_told_why_they_cannot_upload_and_the_uploader_is_off(user: User) -> None:
    await member("ann")
    await accounts.ban_user(await with_role(Role.ADMIN), username="ann", reason="Testing bans")
    await sign_in(user, "ann")
    await user.open("/settings")
    await user.should_see("Or upload a picture")
    with user:
        uploader = next(iter(user.find(ui.upload).elements))
        said = [label.text for label in user.find(ui.label).elements if label.text == BANNED]
    assert said == [BANNED]  # beside the uploader (the page's banner says it in a sentence of its own)
    assert not uploader.enabled
