"""Hostile input to every action, through the real runner on the real database: nothing but typed answers.

Each call either succeeds or raises one of core's typed errors: `Invalid` naming the input's own fields
(every missing, unknown or unstorable field among them) when the input breaks its rules, and `Forbidden`,
`NotFound`, `Conflict` or a business-rule `Invalid` only for input that passed validation.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

from core import Actor, Conflict, DomainError, Forbidden, Invalid, NotFound, accounts, blog
from core.actions import ACTIONS, Action
from core.validation import validate

from .hostile import HOSTILE_TEXT, PLAUSIBLE, SEARCHES, World, inputs, world

TOTAL_MIN = 10_000
PER_ACTION = math.ceil(TOTAL_MIN / len(ACTIONS))
TALLY: dict[str, Counter[str]] = {}  # generated inputs run per action, for the record

pytestmark = pytest.mark.long


def test_every_field_of_every_action_gets_generated_values() -> None:
    fields = {name for action in ACTIONS.values() for name in action.input_model.model_fields}
    assert fields <= set(PLAUSIBLE), f"no plausible values for {sorted(fields - set(PLAUSIBLE))}"
    assert PER_ACTION * len(ACTIONS) >= TOTAL_MIN


@pytest.fixture
async def rows() -> World:
    return await world()


@pytest.fixture
def ran(request: pytest.FixtureRequest, record_property: Any) -> Iterator[Counter[str]]:
    """Counts the generated inputs a test ran, by outcome; it fails unless all it asked for ran."""
    outcomes: Counter[str] = Counter()
    failed_before = request.session.testsfailed
    yield outcomes
    name, count = request.node.callspec.params["name"], outcomes.total()
    TALLY[name] = outcomes
    record_property("generated_inputs", dict(outcomes))
    total = Counter[str]()
    for each in TALLY.values():
        total.update(each)
    print(f"{name}: {count} generated inputs {dict(outcomes)}; so far {total.total()} {dict(total)}")
    if request.session.testsfailed == failed_before:  # a failure stops early: its own report says why
        assert count >= PER_ACTION, f"only {count} of {PER_ACTION} inputs ran"


@pytest.mark.parametrize("name", sorted(ACTIONS))
@settings(
    max_examples=PER_ACTION,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(data=st.data())
async def test_an_action_answers_hostile_input_with_a_typed_error_or_success(
    name: str, rows: World, ran: Counter[str], data: st.DataObject
) -> None:
    action = ACTIONS[name]
    actor = data.draw(st.sampled_from(rows.actors), label="actor")
    given_input = data.draw(inputs(action.input_model, rows), label="input")
    ran[await answers_in_types(action, actor, given_input)] += 1


async def answers_in_types(action: Action[Any, Any, Any, Any], actor: Actor, data: dict[str, Any]) -> str:
    """Run `action`; fail on anything but success or the typed error this input deserves; say which it was."""
    model = action.input_model
    expected = expected_errors(model, data)
    error = await typed_error(action, actor, data)  # anything untyped fails the test right there
    if isinstance(error, Invalid):
        assert error.errors, "an Invalid without a field"
        assert all(messages and all(isinstance(m, str) and m for m in messages) for messages in error.errors.values())
        if expected is None:  # a business rule: about the command's own fields
            assert set(error.errors) <= set(model.model_fields), error.errors
        else:
            assert error.errors == expected
            assert_names_the_broken_fields(model, data, error.errors)
            return "invalid input"
    elif error is not None:
        assert expected is None, f"{type(error).__name__} before the input's own errors {expected}"
    else:
        assert expected is None, f"accepted input with errors {expected}"
    return type(error).__name__ if error else "done"


async def typed_error(action: Action[Any, Any, Any, Any], actor: Actor, data: dict[str, Any]) -> DomainError | None:
    """The typed error the action raised, or None when it succeeded."""
    try:
        await action(actor, **data)
    except (Invalid, Forbidden, NotFound, Conflict) as error:
        return error
    return None


def expected_errors(model: type[BaseModel], data: dict[str, Any]) -> dict[str, list[str]] | None:
    """The field errors validation alone finds, or None for valid input."""
    try:
        validate(model, data)
    except Invalid as error:
        return error.errors
    return None


def assert_names_the_broken_fields(model: type[BaseModel], data: dict[str, Any], errors: dict[str, list[str]]) -> None:
    fields = model.model_fields
    unknown = {name.encode("utf-8", "backslashreplace").decode() for name in data.keys() - fields.keys()}
    for name in unknown:  # named with any broken character escaped, to be printable
        assert errors[name] == ["This field is not expected."]
    for name in fields.keys() - data.keys():
        if fields[name].is_required():
            assert errors[name] == ["This field is required."]
    for name, value in data.items():
        if name in fields and isinstance(value, str) and not storable(value):
            assert name in errors, f"{name} holds unstorable text and passed"
    assert set(errors) <= fields.keys() | unknown


def storable(text: str) -> bool:
    """Whether PostgreSQL can hold `text`: no NUL, valid Unicode (no lone surrogate)."""
    return "\x00" not in text and not any(0xD800 <= ord(c) <= 0xDFFF for c in text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    text=st.one_of(HOSTILE_TEXT, st.sampled_from(SEARCHES), st.text(alphabet="&|!:*()<>-\"' orpst", max_size=30)),
    who=st.integers(0, 5),
)
async def test_a_search_answers_any_text(rows: World, text: str, who: int) -> None:
    actor = rows.actors[who]  # members, a moderator, an admin, a banned member
    assert (await blog.search_posts(actor, text)).total <= len(rows.post_ids)
    assert (await blog.search_articles(actor, text)).total <= len(rows.post_ids)
    assert len(await accounts.search_people(actor, text)) <= len(rows.usernames)
    assert set(await blog.find_matches(actor, rows.post_ids[0], [text, "post"])) <= {text, "post"}
