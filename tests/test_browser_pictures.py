"""Pictures in a real browser: an avatar uploaded on /settings (with progress, in the header at once), a picture
pasted into the editor's text (its Markdown at the cursor, the picture in the preview), and a picture uploaded
through one process served by another."""

from __future__ import annotations

import base64
import io
import json
import random
import re
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from selenium.webdriver.common.by import By

from .api_client import auth
from .browsers import Browser, sign_up
from .pictures import gps_of, photo_with_gps, picture
from .servers import AppProcess

pytestmark = [pytest.mark.long, pytest.mark.audit_elsewhere]  # the app processes under test write the audit entries
PICTURE_ADDRESS = re.compile(r"/pictures/[0-9a-f]{64}\.webp")
SLOW_UPLOAD = 48 * 1024  # bytes per second: a few seconds for the picture below, long enough to see it progress


def noisy_png(path: Path, side: int = 360) -> Path:
    """A PNG of random pixels (it compresses to nothing less than its pixels: three bytes a pixel)."""
    noise = random.Random(7).randbytes(side * side * 3)
    Image.frombytes("RGB", (side, side), noise).save(path)
    return path


def header_picture(user: Browser) -> str | None:
    """The address of the picture in the header's account button, once it has loaded (None until then)."""
    found = user.driver.execute_script(
        "const img = document.querySelector('header img');"
        "return img && img.complete && img.naturalWidth > 0 ? img.getAttribute('src') : null;"
    )
    return str(found) if found else None


def upload_progress(user: Browser) -> float | None:
    """The percentage the uploader shows as uploaded, while it shows one."""
    shown = user.driver.execute_script(
        "return [...document.querySelectorAll('.q-uploader__subtitle')].map((e) => e.innerText).join(' ')"
    )
    found = re.search(r"(\d+(?:\.\d+)?)%", str(shown))
    return float(found.group(1)) if found else None


def test_an_avatar_uploaded_on_settings_shows_its_progress_then_appears_in_the_header_at_once(
    two_processes: tuple[AppProcess, AppProcess], browser: Callable[[str], Browser], tmp_path: Path
) -> None:
    ann = browser(two_processes[0].url)
    sign_up(ann, "ann")
    ann.open("/settings")
    ann.should_see("Or upload a picture")
    assert header_picture(ann) is None  # the initial, for now
    ann.mark_document()
    ann.driver.set_network_conditions(
        offline=False, latency=0, download_throughput=10_000_000, upload_throughput=SLOW_UPLOAD
    )
    chooser = ann.driver.find_element(By.CSS_SELECTOR, ".q-uploader input[type=file]")
    chooser.send_keys(str(noisy_png(tmp_path / "me.png")))

    ann.wait_until(lambda: 0 < (upload_progress(ann) or 0) < 100, "the uploader to show its progress under way")
    ann.wait_until(lambda: header_picture(ann) is not None, "the new picture in the header", timeout=60)
    assert re.fullmatch(r"/pictures/[0-9a-f]{64}/avatar\.webp", header_picture(ann) or "")
    assert ann.same_document(), "the header changed in place, with no reload"
    assert ann.value_of("Picture (address of an image)") == header_picture(ann)


def test_a_picture_pasted_into_the_editors_text_goes_in_at_the_cursor_and_shows_in_the_preview(
    two_processes: tuple[AppProcess, AppProcess], browser: Callable[[str], Browser]
) -> None:
    ann = browser(two_processes[0].url)
    sign_up(ann, "ann")
    ann.open("/write")
    ann.until_connected()
    ann.type("Title", "A post with a picture")
    ann.type("Text (Markdown)", "First line.\nLast line.")
    ann.driver.execute_script(
        "const [b64] = arguments;"
        "const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));"
        "const data = new DataTransfer();"
        "data.items.add(new File([bytes], 'pasted.png', {type: 'image/png'}));"
        "const field = document.querySelector('textarea[data-pictures]');"
        "field.focus();"
        "field.setSelectionRange(11, 11);"  # the cursor after "First line."
        "field.dispatchEvent(new ClipboardEvent('paste', {clipboardData: data, bubbles: true, cancelable: true}));",
        base64.b64encode(picture("PNG", size=(90, 60))).decode(),
    )
    ann.wait_until(lambda: "/pictures/" in ann.value_of("Text (Markdown)"), "the picture's Markdown in the text")
    text = ann.value_of("Text (Markdown)")
    assert re.fullmatch(rf"First line\.\n!\[pasted\]\({PICTURE_ADDRESS.pattern}\)\n\nLast line\.", text), text
    address = PICTURE_ADDRESS.search(text)
    assert address is not None
    ann.wait_until(
        lambda: bool(
            ann.driver.execute_script(
                "const img = document.querySelector(`.nicegui-markdown img[src='${arguments[0]}']`);"
                "return Boolean(img && img.complete && img.naturalWidth === 90);",
                address.group(0),
            )
        ),
        "the picture in the preview",
    )
    ann.should_see("All changes saved")  # the draft holds it now


def test_a_picture_uploaded_through_one_process_is_served_by_another(
    two_processes: tuple[AppProcess, AppProcess],
) -> None:
    first, second = two_processes
    token = _api_token(first, "bob")
    upload = _api_upload(first, token, photo_with_gps())
    with urllib.request.urlopen(second.url + upload["url"], timeout=10) as answer:
        served, headers = answer.read(), answer.headers
    assert headers["Content-Type"] == "image/webp"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert gps_of(served) == {}
    with Image.open(io.BytesIO(served)) as image:
        assert image.size == (upload["width"], upload["height"])


def _api_token(server: AppProcess, name: str) -> str:
    body = f'{{"user": {{"username": "{name}", "email": "{name}@example.com", "password": "correct horse battery"}}}}'
    request = urllib.request.Request(
        server.url + "/api/users", data=body.encode(), headers={"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=10) as answer:
        return str(json.loads(answer.read())["user"]["token"])


def _api_upload(server: AppProcess, token: str, data: bytes) -> dict[str, Any]:
    boundary = "tidings-test-boundary"
    body = (
        (
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="photo.jpg"\r\n'
            "Content-Type: image/jpeg\r\n\r\n"
        ).encode()
        + data
        + f"\r\n--{boundary}--\r\n".encode()
    )
    headers = {"Content-Type": f"multipart/form-data; boundary={boundary}", **auth(token)}
    request = urllib.request.Request(server.url + "/api/uploads", data=body, headers=headers)
    with urllib.request.urlopen(request, timeout=30) as answer:
        assert answer.status == 201
        return dict(json.loads(answer.read())["upload"])
