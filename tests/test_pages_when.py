"""Every date a page shows is one <time> element: the day as the server writes it (what a reader without JavaScript
sees), the instant in its datetime and the exact time in its title; ui/static/when.js says it as people do."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from nicegui import ui
from nicegui.testing import User

from core import blog

from .factories import member, published
from .pages import LIVE, open_bell, sign_in

TIME = re.compile(r'<time class="tidings-when[^"]*" datetime="([^"]+)" title="([^"]+)">([^<]+)</time>')


def times_shown(user: User) -> list[tuple[datetime, str, str]]:
    """Each <time> on the page: its instant, its title and its text."""
    markup = "".join(element.content for element in user.find(kind=ui.html).elements)
    return [(datetime.fromisoformat(instant), title, text) for instant, title, text in TIME.findall(markup)]


def today() -> str:
    now = datetime.now(UTC)
    return f"{now.day} {now:%b %Y}"


async def test_a_card_a_post_and_its_comments_show_their_times_as_time_elements(user: User) -> None:
    ann = await member("ann")
    post = await published(ann, title="Dated")
    await blog.add_comment(await member("bob"), post_id=post.id, body="Timely")
    await user.open("/")
    await user.should_see("Dated", retries=LIVE)
    [(instant, title, text)] = times_shown(user)
    assert post.published_at is not None
    assert instant == post.published_at.replace(microsecond=0)
    assert text == today()
    assert title.endswith("UTC")
    assert f"{instant:%H:%M}" in title
    await user.open(f"/post/{post.slug}")
    await user.should_see("Timely")
    assert [text for _, _, text in times_shown(user)] == [today(), today()]  # the post's, the comment's


async def test_the_bell_dates_each_notification(user: User) -> None:
    ann = await member("ann")
    post = await published(ann, title="Noticed")
    await blog.add_comment(await member("bob"), post_id=post.id, body="Hello")
    await sign_in(user, "ann")
    await user.open("/")
    open_bell(user)
    await user.should_see("bob commented on “Noticed”", retries=LIVE)
    assert [text for _, _, text in times_shown(user)][-1] == today()
