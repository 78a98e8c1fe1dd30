"""The audit trail as people read it: short values as before → after, texts as their changed lines; a post's history."""

from __future__ import annotations

import importlib.util
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tortoise import Tortoise

from core import ANONYMOUS, Invalid, Role, accounts, audit, blog
from core.audit import DiffLine, FieldChange, Span, readable
from core.audit.diffs import compact
from core.audit.models import AuditEntry
from core.audit.sentences import SENTENCES, facts_of, sentence
from core.db.config import MIGRATIONS

from .factories import draft, member, published, with_role

PARAGRAPHS = [f"Paragraph {n} says what the one before it said, at some length, so that it is long." for n in range(40)]


def body(changed: dict[int, str] | None = None) -> str:
    """A long Markdown body of one-line paragraphs, some of them changed."""
    return "\n\n".join({**dict(enumerate(PARAGRAPHS)), **(changed or {})}.values())


def test_short_values_read_as_before_and_after() -> None:
    changes = {"title": ["Old", "New"], "tags": [None, []], "favorited": [False, True], "status": [None, "draft"]}
    assert readable(changes) == (
        FieldChange("title", "Old", "New"),
        FieldChange("tags", "—", "(none)"),
        FieldChange("favorited", "no", "yes"),
        FieldChange("status", "—", "draft"),
    )


def test_a_changed_line_of_a_long_text_reads_as_that_line_among_a_few_kept_ones() -> None:
    [change] = readable({"body": [body(), body({20: "Paragraph 20 now says something else entirely."})]})
    kinds = [line.kind for line in change.lines]
    assert kinds == ["skipped", *["kept"] * 3, "removed", "added", *["kept"] * 3, "skipped"]
    assert change.lines[0].skipped + change.lines[-1].skipped == len(PARAGRAPHS) * 2 - 1 - 7
    assert change.lines[4].text == PARAGRAPHS[20]
    assert change.lines[5].text == "Paragraph 20 now says something else entirely."
    assert (change.before, change.after) == ("", "")  # no two whole texts cut to the same first words


def test_the_changed_words_of_a_long_line_are_marked_and_the_unchanged_stretches_shortened() -> None:
    words = " ".join(f"word{n}" for n in range(60))
    [change] = readable({"description": [words, words.replace("word30 ", "changed ")]})
    [removed, added] = change.lines
    assert [span for span in removed.spans if span.changed] == [Span("word30 ", changed=True)]
    assert [span for span in added.spans if span.changed] == [Span("changed ", changed=True)]
    assert removed.spans[0].text.startswith("…")
    assert removed.spans[-1].text.endswith("…")
    assert len(added.text) < len(words)


def test_a_new_line_among_unchanged_ones_is_added_alone() -> None:
    [change] = readable({"bio": ["First line\nSecond line", "First line\nA new one\nSecond line"]})
    assert change.lines == (
        DiffLine("kept", (Span("First line"),)),
        DiffLine("added", (Span("A new one"),)),
        DiffLine("kept", (Span("Second line"),)),
    )


LINES = st.lists(st.sampled_from(["", "alpha", "alpha beta", "beta  gamma", "x" * 200, "y " * 90]), max_size=12)


@settings(max_examples=200, deadline=None)
@given(before=LINES, after=LINES)
def test_two_different_texts_never_read_the_same(before: list[str], after: list[str]) -> None:
    old, new = "\n".join(before), "\n".join(after)
    if old == new:
        return
    for change in (readable({"text": [old, new]})[0], readable(compact({"text": [old * 20, new * 20]}))[0]):
        if not change.lines:
            assert change.before != change.after
            continue
        # Each side as the diff shows it, the marked words included: they never read the same.
        old_side = [(line.spans, line.skipped) for line in change.lines if line.kind != "added"]
        new_side = [(line.spans, line.skipped) for line in change.lines if line.kind != "removed"]
        assert old_side != new_side


async def test_a_long_body_edit_is_stored_as_its_changed_lines_and_reads_as_both_texts_would() -> None:
    ann = await member("ann")
    before, after = body() * 20, body() * 19 + body({20: "Paragraph 20, rewritten."})
    post = await published(ann, body=before)
    await blog.update_post(ann, post_id=post.id, body=after)
    entry = await AuditEntry.get(action="post.update")
    assert set(entry.changes["body"]) == {"diff"}
    assert len(json.dumps(entry.changes["body"])) < len(before) / 50
    assert readable(entry.changes) == readable({"body": [before, after]})  # as an entry written before reads


def test_short_texts_are_stored_whole() -> None:
    assert compact({"bio": ["a\nb", "a\nc"], "tags": [None, ["x"]]}) == {
        "bio": ["a\nb", "a\nc"],
        "tags": [None, ["x"]],
    }


async def test_a_posts_history_holds_what_changed_the_post_not_its_favourites() -> None:
    ann, bob = await member("ann"), await member("bob")
    post = await published(ann)
    await blog.favorite_post(bob, post_id=post.id)
    await blog.unfavorite_post(bob, post_id=post.id)
    await blog.update_post(ann, post_id=post.id, title="Retitled")
    history = await audit.post_history(ann, post.id)
    assert [entry.action for entry in history] == ["post.create", "post.update"]
    moderator = await with_role(Role.MODERATOR, "mod")
    favourites = await audit.list_entries(moderator, record_type="favorite", record_id=post.id)
    assert [(entry.action, entry.actor_name) for entry in favourites] == [
        ("post.unfavorite", "bob"),
        ("post.favorite", "bob"),
    ]


async def test_favourites_recorded_on_the_post_before_leave_its_history_with_the_migration() -> None:
    ann, bob = await member("ann"), await member("bob")
    post = await published(ann)
    await blog.favorite_post(bob, post_id=post.id)
    await AuditEntry.filter(action="post.favorite").update(record_type="post")  # as favourites were recorded before
    path = next((MIGRATIONS / "models").glob("6_*_favourites_audited_as_their_own_record.py"))
    spec = importlib.util.spec_from_file_location("favourites_migration", path)
    assert spec is not None
    assert spec.loader is not None
    migration = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(migration)
    connection = Tortoise.get_connection("default")
    await connection.execute_script(await migration.upgrade(connection))
    assert [entry.action for entry in await audit.post_history(ann, post.id)] == ["post.create"]


def test_a_value_set_where_there_was_none_reads_as_just_the_value() -> None:
    address, role, reason = readable(
        {"address": [None, "127.0.0.1"], "role": ["member", "moderator"], "banned_reason": ["spam", None]}
    )
    assert address.text == "address: 127.0.0.1"
    assert role.text == "role: member → moderator"
    assert reason.text == "banned reason: spam → —"
    assert readable({"address": [None, None]})[0].text == "address: —"  # not known: no "null"


def test_every_action_reads_as_a_sentence_naming_only_what_entries_record() -> None:
    assert set(audit.action_names()) <= set(SENTENCES)
    for template in SENTENCES.values():
        assert template.format_map(facts_of("ann", {}, "“Title”"))  # no name a template could miss
    assert sentence("post.pin", "ann", {}, "“Title”") == "ann did “post.pin” to “Title”"  # an action without one
    assert (audit.action_labels()["post.publish"], audit.action_labels()["user.register"]) == (
        "published …",
        "signed up",
    )


async def test_the_trail_tells_what_happened_in_sentences_naming_posts_and_people() -> None:
    mod = await with_role(Role.MODERATOR, "mod")
    ann, carol = await member("ann"), await member("carol")
    post = await published(ann, title="Dragons")
    await draft(ann, title="Half done")
    await blog.add_comment(carol, post_id=post.id, body="Roar")
    await accounts.follow(carol, username="ann")
    await blog.unpublish_post(mod, post_id=post.id, reason="Needs sources")
    await accounts.ban_user(mod, username="carol", reason="Spam")
    with pytest.raises(Invalid):
        await accounts.sign_in(ANONYMOUS, login="ann", password="not the password", address="10.0.0.7")
    said = [entry.sentence for entry in await audit.list_entries(mod)]
    assert said[:7] == [
        "A sign-in as ann was refused: wrong credentials",
        "mod banned carol: Spam",
        "mod unpublished “Dragons”: Needs sources",
        "carol followed ann",
        "carol commented on “Dragons”",
        "ann started a draft, “Half done”",
        "ann published “Dragons”",
    ]
    assert "ann signed in" in said
    assert "carol signed up" in said
