"""Several processes behind nginx (deploy/nginx.conf) with Redis: browsers pinned to different processes see each
other's changes live, and a browser moved to another process stays signed in.

A publish, a comment, presence and a ban each cross between the processes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from core import ANONYMOUS, blog

from .browsers import Browser, sign_up, write_draft
from .cluster import ROUTE_COOKIE, Nginx, Redis
from .servers import AppProcess, run_main

pytestmark = pytest.mark.audit_elsewhere  # the app processes under test write the audit entries


@dataclass
class Cluster:
    database_url: str
    redis: Redis
    first: AppProcess
    second: AppProcess
    nginx: Nginx


@pytest.fixture(scope="module")
def cluster(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Cluster]:
    """Redis, two app processes (each with a storage folder of its own, as on two machines) and nginx before them."""
    folder: Path = tmp_path_factory.mktemp("cluster")
    redis = Redis(folder)
    first, second = (
        AppProcess(env={"NICEGUI_REDIS_URL": redis.url, "NICEGUI_STORAGE_PATH": str(folder / name)}).start()
        for name in ("first", "second")
    )
    nginx = Nginx(folder, [first.port, second.port])
    yield Cluster(database_url, redis, first, second, nginx)
    nginx.stop()
    first.stop()
    second.stop()
    redis.stop()


def pin(user: Browser, route: str) -> None:
    """Make nginx send every later request of this browser to the process `route` leads to."""
    user.open("/sign-in")
    user.driver.add_cookie({"name": ROUTE_COOKIE, "value": route, "path": "/"})


def test_browsers_on_two_processes_behind_nginx_see_each_others_changes_live(
    cluster: Cluster, browser: Callable[[str], Browser]
) -> None:
    to_first, to_second = cluster.nginx.route_to(cluster.first.port), cluster.nginx.route_to(cluster.second.port)
    ann, reader = browser(cluster.nginx.url), browser(cluster.nginx.url)
    pin(ann, to_first)
    pin(reader, to_second)
    sign_up(ann, "ann")
    sign_up(reader, "reader")

    # A publish crosses: the reader's feed, served by the second process, shows the post the moment it is.
    write_draft(ann, "Across the balancer", "Served by *two* processes.")
    reader.open("/")
    reader.should_see("Popular tags")
    ann.click("Publish")
    reader.should_see("Across the balancer")
    ann.should_see("No comments yet")
    path = urlsplit(ann.driver.current_url).path

    # A comment crosses back: made on the second process, it appears on the page the first one serves.
    reader.open(path)
    reader.should_see("No comments yet")
    reader.type_in_textarea("Read on the other process.")
    reader.click("Comment")
    ann.should_see("Read on the other process.")
    ann.should_see("1 comment")

    # Presence crosses: each process counts the reader the other one serves.
    ann.should_see("2 reading: ann and reader")
    reader.should_see("2 reading: ann and reader")

    # A ban crosses: made on the first process by an admin, it signs the reader out of their page on the second,
    # at once; they keep reading as a visitor.
    made = run_main("role", "ann", "admin", DATABASE_URL=cluster.database_url)
    assert made.returncode == 0, made.stderr
    ann.open("/admin")
    ann.click("Ban")
    ann.type("Reason (the author will be told)", "Testing the balancer.")
    ann.click("Ban")
    reader.should_see(blog.add_comment.why_not(ANONYMOUS) or "")
    reader.should_see("ann banned your account: “Testing the balancer.”")  # said on the page, with the reason
    reader.should_see("Read on the other process.")  # still reading the same post

    # A browser moved to the other process (its own went away, say) is still signed in: sessions live in Redis.
    pin(ann, to_second)
    ann.open(path)
    ann.should_see("Write")  # only signed-in users have it
    ann.should_see("ann")
    assert cluster.redis.keys("nicegui:user-*"), "user storage is kept in Redis"
