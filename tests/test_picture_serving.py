"""Pictures are served from one path with their type, `nosniff` and a year of caching; no session is made for them."""

from __future__ import annotations

import io

import httpx
from nicegui import app
from nicegui.testing import User
from PIL import Image

from core import pictures

from .factories import member
from .pictures import gps_of, photo_with_gps

FOREVER = "public, max-age=31536000, immutable"


def client() -> httpx.AsyncClient:
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test")


async def test_a_picture_is_served_at_its_address_clean_typed_and_cached_for_good(user: User) -> None:
    ann = await member("ann")
    uploaded = await pictures.upload_picture(ann, data=photo_with_gps(), filename="IMG_0001.jpg")
    async with client() as http:
        shown = await http.get(uploaded.url)
        thumbnail = await http.get(uploaded.avatar_url)
        again = await http.get(uploaded.url, headers={"If-None-Match": shown.headers["ETag"]})
    for answer in (shown, thumbnail):
        assert answer.status_code == 200
        assert answer.headers["Content-Type"] == "image/webp"
        assert answer.headers["X-Content-Type-Options"] == "nosniff"
        assert answer.headers["Cache-Control"] == FOREVER
        assert "set-cookie" not in answer.headers
        assert gps_of(answer.content) == {}
    with Image.open(io.BytesIO(thumbnail.content)) as image:
        assert image.size == (pictures.AVATAR_SIDE, pictures.AVATAR_SIDE)
    assert (again.status_code, again.content) == (304, b"")


async def test_an_unknown_picture_is_a_404_that_is_not_kept(user: User) -> None:
    async with client() as http:
        answers = [
            await http.get(f"/pictures/{'0' * 64}.webp"),
            await http.get(f"/pictures/{'0' * 64}/avatar.webp"),
            await http.get("/pictures/not-a-hash.webp"),
            await http.get("/pictures/"),
        ]
    assert [answer.status_code for answer in answers] == [404, 404, 404, 404]
    assert answers[0].headers["Cache-Control"] == "no-store"


async def test_an_upload_longer_than_a_picture_may_be_is_refused_before_it_is_read(user: User) -> None:
    too_long = {"Content-Length": str(pictures.PICTURE_BYTES_MAX + 1024 * 1024), "Authorization": "Token x"}
    async with client() as http:
        api = await http.post("/api/uploads", content=b"--x--", headers=too_long)
        page = await http.post("/_nicegui/client/0f0e/upload/12", content=b"--x--", headers=too_long)
    for answer in (api, page):
        assert answer.status_code == 413
        assert answer.json() == {"errors": {"body": [f"file: {pictures.TOO_BIG}"]}}
        assert answer.headers["X-Content-Type-Options"] == "nosniff"
