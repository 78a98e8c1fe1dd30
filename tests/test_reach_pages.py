"""What crawlers and link previews read of each public page: its own head, and its content without JavaScript."""

from __future__ import annotations

from nicegui.testing import User

from core import Role, accounts

from .crawler import fetch, read
from .factories import member, published, with_role

SITE = "http://tidings.test"


async def test_a_post_tells_crawlers_and_link_previews_what_it_is(user: User) -> None:
    ann = await member("ann")
    await accounts.update_profile(ann, image="https://pictures.example/ann.png")
    post = await published(
        ann, title="Readable without scripts", body="First paragraph.\n\n![A view](https://pictures.example/view.jpg)"
    )
    answer = await fetch(f"/post/{post.slug}")
    head = read(answer.text)
    assert head.lang == "en-US"
    assert head.title == "Readable without scripts · Tidings"
    assert head.meta["description"] == "First paragraph."
    assert head.link("canonical") == f"{SITE}/post/{post.slug}"
    assert head.meta["og:type"] == "article"
    assert head.meta["og:title"] == "Readable without scripts"
    assert head.meta["og:url"] == f"{SITE}/post/{post.slug}"
    assert head.meta["og:image"] == "https://pictures.example/view.jpg"  # the post's first picture
    assert head.meta["article:author"] == "ann"
    assert head.meta["twitter:card"] == "summary_large_image"
    [article] = head.linked_data
    assert (article["@type"], article["headline"], article["author"]) == (
        "Article",
        "Readable without scripts",
        {"@type": "Person", "name": "ann", "url": f"{SITE}/profile/ann"},
    )
    assert "Readable without scripts" in head.readable
    assert "By ann" in head.readable
    assert "First paragraph." in head.readable


async def test_a_post_without_a_picture_is_previewed_with_its_authors(user: User) -> None:
    ann = await member("ann")
    await accounts.update_profile(ann, image="https://pictures.example/ann.png")
    post = await published(ann, title="No pictures", body="Words only.")
    head = read((await fetch(f"/post/{post.slug}")).text)
    assert head.meta["og:image"] == "https://pictures.example/ann.png"
    assert head.meta["twitter:card"] == "summary"


async def test_a_profile_the_home_page_and_a_tag_describe_themselves_and_their_feeds(user: User) -> None:
    ann = await member("ann")
    await accounts.update_profile(ann, bio="Writes about *databases*.")
    await published(ann, title="On indexes", tags=["postgres"])
    for path, title, feed in (
        ("/profile/ann", "ann · Tidings", "/feeds/author/ann.atom"),
        ("/", "Tidings", "/feeds/posts.atom"),
        ("/?tag=postgres", "#postgres · Tidings", "/feeds/tag/postgres.atom"),
    ):
        head = read((await fetch(path)).text)
        assert head.title == title, path
        assert head.meta["description"], path
        assert head.meta["og:title"], path
        assert head.link("canonical") == SITE + path, path
        assert head.link("alternate", "application/atom+xml") == SITE + feed, path
        assert head.link("alternate", "application/rss+xml") == SITE + feed.replace(".atom", ".rss"), path
        assert "On indexes" in head.readable, path
    assert read((await fetch("/profile/ann")).text).meta["description"] == "Writes about *databases*."


async def test_a_banned_persons_profile_stays_readable_but_asks_not_to_be_indexed(user: User) -> None:
    await member("bob")
    await accounts.ban_user(await with_role(Role.ADMIN, "root"), username="bob", reason="Spam everywhere")
    head = read((await fetch("/profile/bob")).text)
    assert head.meta["robots"] == "noindex"
    assert "robots" not in read((await fetch("/profile/root")).text).meta


async def test_the_readable_content_is_taken_out_by_the_first_script_a_browser_runs(user: User) -> None:
    post = await published(await member("ann"), title="Once only")
    html = (await fetch(f"/post/{post.slug}")).text
    block = html.index('<div class="tidings-readable">')
    assert html.index("<script>document.currentScript.previousElementSibling.remove()</script>", block) > block


async def test_a_search_describes_itself_and_its_results_but_asks_not_to_be_indexed(user: User) -> None:
    await published(await member("ann"), title="Indexes for tags", body="Partial ones.")
    head = read((await fetch("/search?q=indexes")).text)
    assert head.title == "indexes · Search · Tidings"
    assert head.meta["robots"] == "noindex"
    assert head.meta["description"]
    assert head.meta["og:title"] == "Search: indexes"
    assert head.link("canonical") == f"{SITE}/search?q=indexes"
    assert "Indexes for tags" in head.readable
