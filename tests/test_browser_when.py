"""Times in a real browser: ui/static/when.js says them as people do and keeps them current, the exact local time
in their title, for the times on the page when it opens and for those that arrive later."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime

import pytest

from core import blog

from .browsers import Browser
from .factories import member, published
from .servers import AppProcess

pytestmark = [pytest.mark.long, pytest.mark.audit_elsewhere]  # the app process under test writes its audit entries

# Times arriving after the page opened (as a live comment does), at moments the browser computes in its own zone.
ARRIVE = """
const now = new Date();
const yesterday = new Date(now.getFullYear(), now.getMonth(), now.getDate() - 1, 0, 0, 1);
const moments = {
    minutes: new Date(now - 5 * 60 * 1000), hours: new Date(now - 3 * 3600 * 1000), yesterday,
    long_ago: new Date(now.getFullYear() - 2, 5, 15, 12),
};
for (const [name, moment] of Object.entries(moments)) {
    const time = document.createElement('time');
    time.dateTime = moment.toISOString();
    time.textContent = 'as the server wrote it';
    time.id = 'arrived-' + name;
    document.body.append(time);
}
"""
READ = "return [...document.querySelectorAll(arguments[0])].map((time) => [time.textContent, time.title])"


@pytest.fixture(scope="module")
def server(database_url: str) -> Iterator[AppProcess]:
    """`python main.py` on the test database."""
    app = AppProcess().start()
    yield app
    app.stop()


async def test_a_time_reads_just_now_then_minutes_hours_yesterday_or_a_date_with_the_exact_time_on_hover(
    server: AppProcess, browser: Callable[[str], Browser]
) -> None:
    post = await published(await member("ann"), title="Just in")
    await blog.add_comment(await member("bob"), post_id=post.id, body="First!")
    reader = browser(server.url)
    reader.open(f"/post/{post.slug}")
    reader.should_see("First!")
    year = datetime.now(UTC).year
    shown = reader.driver.execute_script(READ, "time.tidings-when")
    assert [text for text, _ in shown] == ["just now", "just now"]  # the post's and the comment's
    for _, title in shown:
        assert str(year) in title
        assert "UTC" not in title  # the reader's own zone

    reader.driver.execute_script(ARRIVE)
    reader.wait_until(
        lambda: "as the server wrote it" not in reader.text(), "a time that arrived later was not rewritten"
    )
    arrived = reader.driver.execute_script(READ, "[id^=arrived]")
    said = dict(zip(["minutes", "hours", "yesterday", "long_ago"], arrived, strict=True))
    assert said["minutes"][0] == "5 min ago"
    assert said["hours"][0] == "3 h ago"
    assert said["yesterday"][0] == "yesterday"
    assert str(year - 2) in said["long_ago"][0]
    assert all(title for _, title in said.values())
