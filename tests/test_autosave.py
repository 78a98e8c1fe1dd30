"""When the editor saves by itself: the bookkeeping behind autosave, without a page or a database."""

from __future__ import annotations

from ui.components.editor.saving import AUTOSAVE_AFTER, RETRY_AFTER, Saving


def test_a_draft_saves_itself_after_a_pause_in_the_typing_not_during_it() -> None:
    saving = Saving()
    saving.typed(now=10.0)
    assert not saving.due(now=10.0 + AUTOSAVE_AFTER / 2)
    assert saving.due(now=10.0 + AUTOSAVE_AFTER)
    saving.done(saving.edits)
    assert not saving.due(now=100.0)


def test_refused_edits_are_never_sent_again_as_they_are_but_new_ones_are() -> None:
    saving = Saving()
    saving.typed(now=0.0)
    saving.refuse(saving.edits)
    assert not saving.due(now=100.0)
    saving.typed(now=100.0)
    assert saving.due(now=100.0 + AUTOSAVE_AFTER)


def test_a_refusal_for_good_stops_autosave_whatever_is_typed_next() -> None:
    saving = Saving()
    saving.typed(now=0.0)
    saving.refuse(saving.edits, for_good=True)
    saving.typed(now=1.0)
    assert not saving.due(now=100.0)


def test_an_unreachable_database_is_tried_again_a_little_later_with_the_same_edits() -> None:
    saving = Saving()
    saving.typed(now=0.0)
    saving.unreachable(now=AUTOSAVE_AFTER)
    assert not saving.due(now=AUTOSAVE_AFTER + RETRY_AFTER / 2)
    assert saving.due(now=AUTOSAVE_AFTER + RETRY_AFTER)


def test_no_second_save_starts_while_one_is_on_its_way() -> None:
    saving = Saving()
    saving.typed(now=0.0)
    saving.busy = True
    assert not saving.due(now=100.0)
