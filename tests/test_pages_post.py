"""The post page through simulated users: controls by policy, and everything live between two readers."""

from __future__ import annotations

import re
from collections.abc import Callable

from nicegui import ui
from nicegui.testing import User

from core import ANONYMOUS, blog

from .factories import member, published, signed_in_as
from .pages import LIVE, browser_storage, sign_in, value_of


async def test_write_publish_and_comment_through_the_pages(user: User) -> None:
    await member("ann")
    await sign_in(user, "ann")
    await user.open("/write")
    user.find(marker="title").type("Live from the pages")
    user.find(marker="tags").type("Pages, live")
    user.find(marker="body").type("Some **bold** words.")
    user.find(marker="publish").click()
    await user.should_see("No comments yet", retries=LIVE)
    user.find(marker="body").type("First!")
    user.find(marker="submit").click()
    await user.should_see("1 comment")
    [post] = (await blog.list_posts(ANONYMOUS)).items
    assert (post.title, post.tags) == ("Live from the pages", ("live", "pages"))


async def test_an_empty_comment_is_refused_under_the_box(user: User) -> None:
    post = await published(await member("ann"))
    await sign_in(user, "ann")
    await user.open(f"/post/{post.slug}")
    user.find(marker="submit").click()
    await user.should_see("This field can't be empty.")


async def test_anonymous_visitors_are_invited_to_sign_in_and_see_no_author_controls(user: User) -> None:
    post = await published(await member("ann"))
    await user.open(f"/post/{post.slug}")
    await user.should_see("Sign in first: members comment on published posts.")
    await user.should_see("Sign in to join the discussion")
    await user.should_not_see(kind=ui.textarea)
    for control in ("Edit", "Archive", "Unpublish"):
        await user.should_not_see(control)


async def test_only_the_author_sees_edit_and_archive(user: User, create_user: Callable[[], User]) -> None:
    post = await published(await member("ann"))
    await member("bob")
    bob = create_user()
    await sign_in(user, "ann")
    await sign_in(bob, "bob")
    await user.open(f"/post/{post.slug}")
    await bob.open(f"/post/{post.slug}")
    await user.should_see("Edit")
    await user.should_see("Archive")
    await bob.should_not_see("Archive")
    await bob.should_see(marker="locked-post.update")  # in place of Edit: a lock that says why not
    bob.find(marker="locked-post.update").click()
    await bob.should_see("Edit: Not allowed here: only its author edits a post (and not while it is archived).")


async def test_two_readers_see_each_others_comments_and_deletions_live(
    user: User, create_user: Callable[[], User]
) -> None:
    post = await published(await member("ann"), title="Discuss this")
    await member("bob")
    bob = create_user()
    await sign_in(user, "ann")
    await sign_in(bob, "bob")
    await user.open(f"/post/{post.slug}")
    await bob.open(f"/post/{post.slug}")
    bob.find(marker="body").type("Hello from Bob")
    bob.find(marker="submit").click()
    await user.should_see("Hello from Bob", retries=LIVE)
    user.find(marker="body").type("Hi Bob, Ann here")
    user.find(marker="submit").click()
    await bob.should_see("Hi Bob, Ann here", retries=LIVE)
    await bob.should_see("2 comments")
    [comment, _] = await blog.list_comments(ANONYMOUS, post.id)
    await blog.delete_comment(await signed_in_as("bob"), comment_id=comment.id)
    await user.should_not_see("Hello from Bob", retries=LIVE)
    await bob.should_see("1 comment", retries=LIVE)


async def test_two_readers_see_favourites_and_follows_live(user: User, create_user: Callable[[], User]) -> None:
    post = await published(await member("ann"))
    await member("bob")
    bob = create_user()
    await sign_in(bob, "bob")
    await user.open(f"/post/{post.slug}")
    await bob.open(f"/post/{post.slug}")
    bob.find(marker="favorite").click()
    await user.should_see(kind=ui.button, content="1", retries=LIVE)
    bob.find(marker="follow").click()
    await bob.should_see("Following", retries=LIVE)
    await user.open("/profile/ann")
    await user.should_see("1 follower")


async def test_two_readers_see_an_edit_and_an_archive_live(user: User, create_user: Callable[[], User]) -> None:
    ann = await member("ann")
    post = await published(ann, title="Before the edit", body="Old text")
    reader = create_user()
    await user.open(f"/post/{post.slug}")
    await reader.open(f"/post/{post.slug}")
    await blog.update_post(ann, post_id=post.id, title="After the edit", body="New text")
    await user.should_see("After the edit", retries=LIVE)
    await reader.should_see("New text", retries=LIVE)
    await blog.archive_post(ann, post_id=post.id)
    await reader.should_see("This post was withdrawn and is no longer visible to you.", retries=LIVE)


async def test_a_draft_shows_its_state_to_its_author_and_publishing_opens_comments(user: User) -> None:
    ann = await member("ann")
    post = await published(ann)
    await blog.unpublish_post(ann, post_id=post.id)  # a draft with an address: the one it was published at
    await sign_in(user, "ann")
    browser_storage(user)
    await user.open(f"/post/{post.slug}")
    await user.should_see("This is a draft: only you can see it.")
    await user.should_see("Not allowed here: members comment on published posts.")
    user.find("Publish").click()
    await user.should_see(kind=ui.textarea, retries=LIVE)
    await user.should_not_see("This is a draft: only you can see it.")


async def test_a_comment_being_typed_stays_while_the_post_changes_around_it(user: User) -> None:
    ann = await member("ann")
    post = await published(ann)
    await member("bob")
    await sign_in(user, "bob")
    await user.open(f"/post/{post.slug}")
    user.find(marker="body").type("Half a thought")
    await blog.favorite_post(ann, post_id=post.id)
    await blog.update_post(ann, post_id=post.id, title="A retitled post")
    await user.should_see("A retitled post", retries=LIVE)
    await user.should_see(marker="favorite", content="1")
    assert value_of(user, "body") == "Half a thought"


async def test_the_history_of_a_long_body_shows_the_changed_line_marked_not_two_cut_texts(user: User) -> None:
    ann = await member("ann")
    paragraphs = [
        f"Paragraph {n} of a long post, so long that its first eighty characters tell nothing." for n in range(30)
    ]
    post = await published(ann, title="A long post", body="\n\n".join(paragraphs))
    old, paragraphs[20] = paragraphs[20], "Paragraph 20, rewritten from start to end."
    await blog.update_post(ann, post_id=post.id, body="\n\n".join(paragraphs))
    await sign_in(user, "ann")
    browser_storage(user)
    await user.open(f"/post/{post.slug}")
    user.find(marker="history").click()
    await user.should_see(marker="change-body", retries=LIVE)
    diff = user.find(marker="change-body").elements.pop()
    assert isinstance(diff, ui.html)
    removed = re.findall(r"<del [^>]*>(.*?)</del>", diff.content)
    added = re.findall(r"<ins [^>]*>(.*?)</ins>", diff.content)
    assert [line.endswith(old) for line in removed] == [True]  # after its minus sign, whole
    assert [line.endswith(paragraphs[20]) for line in added] == [True]
    assert "Paragraph 5 of" not in diff.content  # far from the change: left out, and counted
    assert "unchanged lines" in diff.content
