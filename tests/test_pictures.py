"""Uploading pictures: what is refused (with a reason, nothing stored), and what is served of what is taken."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from core import ANONYMOUS, Forbidden, Invalid, Role, Throttled, accounts, blog, pictures
from core.pictures.models import Picture

from .events import EventLog
from .factories import member, signed_in_as, with_role
from .pictures import HTML, SVG, gps_of, photo_with_gps, picture, png_declaring, zip_archive

REFUSED = [
    pytest.param(bytes(pictures.PICTURE_BYTES_MAX + 1), "big.jpg", pictures.TOO_BIG, id="over 10 MB"),
    pytest.param(SVG, "drawing.svg", pictures.NOT_A_PICTURE, id="SVG"),
    pytest.param(b"Dear diary, today I renamed a text file.", "notes.png", pictures.NOT_A_PICTURE, id="text as .png"),
    pytest.param(HTML, "page.png", pictures.NOT_A_PICTURE, id="HTML as .png"),
    pytest.param(picture("BMP"), "old.bmp", pictures.NOT_A_PICTURE, id="BMP (Pillow reads it; not taken)"),
    pytest.param(picture("TIFF"), "scan.png", pictures.NOT_A_PICTURE, id="TIFF named .png"),
    pytest.param(png_declaring(20_000, 20_000), "bomb.png", pictures.TOO_MANY_PIXELS, id="bomb of 400 megapixels"),
    pytest.param(png_declaring(8_000, 8_000), "bomb.png", pictures.TOO_MANY_PIXELS, id="bomb of 64 megapixels"),
    pytest.param(picture("PNG") + zip_archive(), "a.png", pictures.MORE_THAN_A_PICTURE, id="PNG + ZIP polyglot"),
    pytest.param(picture("PNG") + HTML, "a.png", pictures.MORE_THAN_A_PICTURE, id="PNG + HTML polyglot"),
    pytest.param(picture("GIF") + zip_archive(), "a.gif", pictures.MORE_THAN_A_PICTURE, id="GIFAR"),
    pytest.param(picture("JPEG") + zip_archive(), "a.jpg", pictures.MORE_THAN_A_PICTURE, id="JPEG + ZIP polyglot"),
    pytest.param(picture("WEBP") + HTML, "a.webp", pictures.MORE_THAN_A_PICTURE, id="WebP + HTML polyglot"),
    pytest.param(picture("PNG")[:-30], "cut.png", pictures.DAMAGED, id="PNG cut short"),
    pytest.param(b"", "empty.png", "This file is empty: choose a picture.", id="empty file"),
]


@pytest.mark.parametrize(("data", "filename", "reason"), REFUSED)
async def test_an_upload_that_is_not_a_clean_picture_is_refused_saying_why_and_nothing_is_stored(
    data: bytes, filename: str, reason: str, events: EventLog
) -> None:
    ann = await member("ann")
    await events.forget()
    with pytest.raises(Invalid) as refused:
        await pictures.upload_picture(ann, data=data, filename=filename)
    assert refused.value.errors == {"data": [reason]}
    assert await Picture.all().count() == 0
    assert await events.settled() == []
    assert events.audited() == []


@pytest.mark.parametrize("kind", ["JPEG", "PNG", "WEBP", "GIF"])
async def test_each_format_taken_is_served_as_tidings_own_webp(kind: str) -> None:
    ann = await member("ann")
    uploaded = await pictures.upload_picture(ann, data=picture(kind), filename=f"a.{kind.lower()}")
    served = await pictures.get_picture_file(ann, uploaded.hash)
    assert served.content_type == "image/webp"
    with Image.open(io.BytesIO(served.content)) as image:
        assert (image.format, image.size) == ("WEBP", (120, 80))
    assert uploaded.url == f"/pictures/{uploaded.hash}.webp"


async def test_what_is_served_of_a_phone_photo_has_no_gps_no_exif_and_stands_upright() -> None:
    original = photo_with_gps(size=(400, 200), orientation=6)
    assert gps_of(original), "the test photo carries GPS coordinates"
    ann = await member("ann")
    uploaded = await pictures.upload_picture(ann, data=original, filename="IMG_0001.jpg")
    for size in ("display", "avatar"):
        served = (await pictures.get_picture_file(ann, uploaded.hash, size)).content
        assert gps_of(served) == {}
        with Image.open(io.BytesIO(served)) as image:
            assert not image.getexif()
            assert not {"exif", "xmp", "icc_profile", "comment"} & set(image.info)
    assert (uploaded.width, uploaded.height) == (200, 400)  # turned as the camera was held


async def test_a_big_photo_is_served_at_display_size_and_as_a_square_avatar() -> None:
    ann = await member("ann")
    uploaded = await pictures.upload_picture(ann, data=picture("JPEG", size=(4000, 3000)), filename="big.jpg")
    assert (uploaded.width, uploaded.height) == (pictures.PICTURE_SIDE_MAX, 1200)
    avatar = (await pictures.get_picture_file(ann, uploaded.hash, "avatar")).content
    with Image.open(io.BytesIO(avatar)) as image:
        assert image.size == (pictures.AVATAR_SIDE, pictures.AVATAR_SIDE)


async def test_the_same_picture_uploaded_twice_is_kept_once_at_the_same_address() -> None:
    ann, bob = await member("ann"), await member("bob")
    first = await pictures.upload_picture(ann, data=picture("PNG"), filename="a.png")
    second = await pictures.upload_picture(bob, data=picture("PNG"), filename="copy.png")
    assert second.url == first.url
    assert await Picture.all().count() == 1


async def test_uploads_past_the_hourly_count_are_refused_saying_how_long_to_wait(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("core.pictures.uploads.UPLOADS_PER_HOUR", 3)
    ann, bob = await member("ann"), await member("bob")
    for colour in ("red", "green", "blue"):
        await pictures.upload_picture(ann, data=picture("PNG", colour=colour))
    with pytest.raises(Throttled) as refused:
        await pictures.upload_picture(ann, data=picture("PNG", colour="white"))
    assert refused.value.errors["data"] == [
        "You uploaded 3 pictures in the last hour, the most Tidings takes: wait 60 minutes, then try again."
    ]
    assert 3500 < refused.value.retry_after.total_seconds() <= 3600
    assert await Picture.all().count() == 3
    await pictures.upload_picture(bob, data=picture("PNG", colour="white"))  # the count is each user's own


async def test_visitors_and_banned_users_cannot_upload() -> None:
    await member("banned")
    await accounts.ban_user(await with_role(Role.ADMIN), username="banned", reason="Testing bans")
    for actor in (ANONYMOUS, await signed_in_as("banned")):
        with pytest.raises(Forbidden):
            await pictures.upload_picture(actor, data=picture("PNG"))
    assert await Picture.all().count() == 0


async def test_an_unknown_or_malformed_address_is_not_found() -> None:
    for digest in ("0" * 64, "../../etc/passwd", "A" * 64):
        assert await pictures.find_picture(ANONYMOUS, digest) is None


def test_a_posts_text_shows_pictures_uploaded_to_tidings_or_at_https_addresses_and_no_other() -> None:
    digest = "ab" * 32
    html = blog.render_markdown(
        f"![mine](/pictures/{digest}.webp) ![theirs](https://example.com/a.png) ![plain](http://example.com/a.png)"
        " ![here](/settings) ![script](javascript:alert(1))"
    )
    assert f'<img src="/pictures/{digest}.webp" alt="mine">' in html
    assert '<img src="https://example.com/a.png" alt="theirs">' in html
    assert html.count("src=") == 2
