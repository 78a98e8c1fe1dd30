"""POST /api/uploads: a program uploads a picture with its token and gets the picture's addresses."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from core import ANONYMOUS, pictures
from core.pictures.models import Picture

from .api_client import api_client, auth, errors, register
from .pictures import SVG, gps_of, photo_with_gps, picture, png_declaring


async def test_an_uploaded_picture_is_answered_with_its_addresses_and_served_clean_there() -> None:
    async with api_client() as http:
        token = await register(http, "ann")
        response = await http.post(
            "/uploads", files={"file": ("IMG_0001.jpg", photo_with_gps(), "image/jpeg")}, headers=auth(token)
        )
        assert response.status_code == 201, response.text
        upload = response.json()["upload"]
        digest = upload["url"].removeprefix("/pictures/").removesuffix(".webp")
        assert upload == {
            "url": f"/pictures/{digest}.webp",
            "avatarUrl": f"/pictures/{digest}/avatar.webp",
            "width": 200,
            "height": 400,
        }
        # and a profile can show it
        me = await http.put("/user", json={"user": {"image": upload["avatarUrl"]}}, headers=auth(token))
        assert me.json()["user"]["image"] == upload["avatarUrl"]
    served = await pictures.get_picture_file(ANONYMOUS, digest)
    assert gps_of(served.content) == {}
    with Image.open(io.BytesIO(served.content)) as image:
        assert image.format == "WEBP"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (SVG, pictures.NOT_A_PICTURE),
        (b"just some text", pictures.NOT_A_PICTURE),
        (png_declaring(20_000, 20_000), pictures.TOO_MANY_PIXELS),
        (picture("PNG") + SVG, pictures.MORE_THAN_A_PICTURE),
        (bytes(pictures.PICTURE_BYTES_MAX + 5), pictures.TOO_BIG),
    ],
    ids=["SVG", "text", "bomb", "polyglot", "over 10 MB"],
)
async def test_a_refused_upload_is_a_422_saying_why_and_nothing_is_stored(data: bytes, reason: str) -> None:
    async with api_client() as http:
        token = await register(http, "ann")
        response = await http.post("/uploads", files={"file": ("a.png", data, "image/png")}, headers=auth(token))
    assert response.status_code == 422
    assert errors(response) == [f"file: {reason}"]
    assert await Picture.all().count() == 0


async def test_uploading_needs_a_token_and_a_file() -> None:
    async with api_client() as http:
        anonymous = await http.post("/uploads", files={"file": ("a.png", picture("PNG"), "image/png")})
        token = await register(http, "ann")
        no_file = await http.post("/uploads", data={"other": "x"}, headers=auth(token))
    assert anonymous.status_code == 401
    assert no_file.status_code == 422
    assert errors(no_file) == ["file: Field required"]


async def test_past_the_hourly_count_an_upload_is_a_429_saying_when_to_retry(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("core.pictures.uploads.UPLOADS_PER_HOUR", 1)
    async with api_client() as http:
        token = await register(http, "ann")
        first = await http.post("/uploads", files={"file": ("a.png", picture("PNG"), "image/png")}, headers=auth(token))
        second = await http.post(
            "/uploads", files={"file": ("b.png", picture("GIF"), "image/gif")}, headers=auth(token)
        )
    assert first.status_code == 201
    assert second.status_code == 429
    assert 3500 < int(second.headers["Retry-After"]) <= 3600
    assert errors(second) == [
        "You uploaded 1 pictures in the last hour, the most Tidings takes: wait 60 minutes, then try again."
    ]
    assert await Picture.all().count() == 1
