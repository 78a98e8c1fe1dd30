"""Take the README's screenshots: python docs/screenshots.py (needs Chromium and ChromeDriver).

Starts Tidings on a throw-away embedded database, writes a few posts through core's actions, and
photographs the home page, a post and the editor in a headless Chromium on a desktop, then a post in dark mode,
and the home page and a post on a phone (390 px wide, light and dark).
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from core import ANONYMOUS, Settings, accounts, blog, runtime  # noqa: E402
from tests.browsers import Browser, chromium  # noqa: E402
from tests.servers import AppProcess  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
PASSWORD = "correct horse battery"
POSTS = [
    (
        "ada",
        "Why LISTEN/NOTIFY is all the pub-sub we needed",
        "One channel, one listener per process.",
        ["postgres", "architecture"],
    ),
    ("grace", "Drafts that save themselves", "Nothing typed is ever lost, even offline.", ["ux", "editor"]),
    (
        "linus",
        "Keyset pagination, page fifty as fast as page one",
        "OFFSET is a trap on big tables.",
        ["postgres", "performance"],
    ),
]
BODY = """Every change anyone commits appears at once on every open page.

## How it works

1. A click travels over the WebSocket to the page's handler.
2. The handler calls **one** action of `core`, with the viewer as actor.
3. The action commits and sends its event with `pg_notify`.

> Each open page updates itself with what its own viewer may see.

```python
await blog.add_comment(viewer, post_id=post.id, body=text)
```
"""


async def seed(data_dir: Path) -> str:
    """Write users, posts, follows, favourites and comments; return the address of the post to show."""
    await runtime.start(Settings(data_dir=data_dir))
    try:
        actors = {}
        for name in ("ada", "grace", "linus"):
            await accounts.register(ANONYMOUS, username=name, email=f"{name}@example.com", password=PASSWORD)
            signed_in = await accounts.sign_in(ANONYMOUS, login=name, password=PASSWORD)
            actors[name] = await accounts.actor_for_session(signed_in.token)
            await accounts.update_profile(actors[name], bio=f"{name.title()} writes about software that lasts.")
        posts = []
        for author, title, description, tags in POSTS:
            posts.append(
                await blog.create_post(
                    actors[author], title=title, description=description, body=BODY, tags=tags, publish=True
                )
            )
        await accounts.follow(actors["grace"], username="ada")
        for fan in ("grace", "linus"):
            await blog.favorite_post(actors[fan], post_id=posts[0].id)
        await blog.add_comment(actors["grace"], post_id=posts[0].id, body="One listener per process: *lovely*.")
        await blog.add_comment(actors["linus"], post_id=posts[0].id, body="And it survives a database restart?")
        return f"/post/{posts[0].slug}"
    finally:
        await runtime.stop()


def photograph(base_url: str, post_path: str) -> None:
    """Sign in as ada and take the pictures."""
    OUT.mkdir(parents=True, exist_ok=True)
    browser = Browser(chromium(), base_url)
    try:
        browser.driver.set_window_size(1280, 860)
        browser.open("/sign-in")
        browser.type("Username or e-mail", "ada")
        browser.type("Password", PASSWORD)
        browser.click("Sign in")
        browser.should_see("Popular tags")
        browser.screenshot(str(OUT / "home.png"))
        browser.open(post_path)
        browser.should_see("2 comments")
        browser.screenshot(str(OUT / "post.png"))
        browser.open("/write")
        browser.type("Title", "A post about live pages")
        browser.type("Short description", "Written in the editor, previewed as it is typed.")
        browser.type("Tags, separated by commas", "nicegui, live")
        browser.type("Text (Markdown)", BODY)
        browser.should_see("All changes saved")
        browser.screenshot(str(OUT / "editor.png"))
        for name, path, width, dark in (
            ("post-dark", post_path, 1280, True),
            ("home-mobile", "/", 390, False),
            ("post-mobile-dark", post_path, 390, True),
        ):
            browser.prefer_dark(dark)
            browser.driver.set_window_size(width, 860)
            browser.open(path)
            browser.should_see("Tidings")
            time.sleep(0.5)  # the dark theme settles
            browser.screenshot(str(OUT / f"{name}.png"))
    finally:
        browser.driver.quit()


def main() -> None:
    data_dir = Path(tempfile.mkdtemp(prefix="tidings-screenshots-"))
    post_path = asyncio.run(seed(data_dir))
    app = AppProcess("--data-dir", str(data_dir), env={"DATABASE_URL": None, "TIDINGS_SESSION_SECRET": None}).start()
    try:
        photograph(app.url, post_path)
    finally:
        app.stop()
    print(f"wrote {', '.join(sorted(p.name for p in OUT.glob('*.png')))} to {OUT}")


if __name__ == "__main__":
    main()
