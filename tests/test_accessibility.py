"""No page keeps anyone out: axe-core finds no serious or critical violation, in light and dark, wide and narrow,
and no page makes a phone scroll sideways.

Every page a visitor or a member reaches is checked in a real Chromium at 1280 and 390 px wide, with the
system's colour scheme light and dark (a first visit follows it).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from core import Role, blog

from .accessibility import axe_source, grave, violations
from .browsers import Browser, sign_in
from .factories import member, published, with_role
from .servers import AppProcess

pytestmark = [pytest.mark.long, pytest.mark.audit_elsewhere]  # the app process under test writes the audit entries

BODY = """A paragraph with a [link](https://example.com) and `code`.

## A section

```python
print("highlighted")
```

> A quotation.
"""
VISITOR_PAGES = ("/", "POST", "/profile/ada", "/search?q=section", "/sign-in", "/sign-up", "/no-such-page")
MEMBER_PAGES = ("/", "POST", "/write", "/profile/ada", "/settings", "/admin", "/search?q=section")


@pytest.fixture(scope="module")
def server(database_url: str) -> Iterator[AppProcess]:
    process = AppProcess().start()
    yield process
    process.stop()


async def site() -> str:
    """An admin who writes, a reader who comments: the address of the post."""
    ada = await with_role(Role.ADMIN, "ada")
    post = await published(ada, "Readable by everyone", BODY, tags=["access"])
    for tags in (["architecture", "performance", "postgres"], ["typography", "accessibility", "javascript"]):
        await published(ada, f"On {tags[0]}", "Many tags, more than a phone's width of them.", tags=tags)
    reader = await member("grace")
    await blog.add_comment(reader, post_id=post.id, body="Thank you, **clear**.")
    assert post.slug is not None
    return f"/post/{post.slug}"


def pages_seen(
    browser: Callable[[str], Browser], url: str, post: str, width: int, dark: bool = False
) -> Iterator[tuple[str, Browser]]:
    """Open every page, as a visitor and then as a member, in a window `width` wide; yield who sees which page."""
    for signed_in, pages in ((False, VISITOR_PAGES), (True, MEMBER_PAGES)):
        user = browser(url)
        user.prefer_dark(dark)
        if signed_in:
            sign_in(user, "ada")
        user.driver.set_window_size(width, 900)
        for page in pages:
            path = post if page == "POST" else page
            user.open(path)
            user.should_see("Tidings")
            yield f"{'member' if signed_in else 'visitor'} {path}", user


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
@pytest.mark.parametrize("width", [1280, 390])
async def test_no_page_has_a_serious_or_critical_accessibility_violation(
    server: AppProcess, browser: Callable[[str], Browser], dark: bool, width: int
) -> None:
    post, source = await site(), axe_source()
    found: dict[str, list[str]] = {}
    for seen, user in pages_seen(browser, server.url, post, width, dark):
        if problems := grave(violations(user, source)):
            found[seen] = problems
    assert not found, "\n".join(f"{page}:\n  " + "\n  ".join(problems) for page, problems in found.items())


async def test_no_page_scrolls_sideways_on_a_small_phone(server: AppProcess, browser: Callable[[str], Browser]) -> None:
    post = await site()
    wide = {}
    for seen, user in pages_seen(browser, server.url, post, 360):
        width = user.driver.execute_script("return [document.documentElement.scrollWidth, window.innerWidth]")
        if width[0] > width[1]:
            wide[seen] = width
    assert not wide, f"wider than the screen (page width, screen width): {wide}"
