"""Hostile input for core's actions: the inputs' own fields filled with plausible and with hostile values.

A field is filled by its name (`PLAUSIBLE`); a field no entry names makes the test fail, so a new action's
new field gets values too. Plausible values reach the rows the test made, so most calls go through to
the database; hostile ones are arbitrary text, huge strings, control characters, lone surrogates, NUL
bytes and values of the wrong type; fields go missing and unknown ones come along.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from types import UnionType
from typing import Annotated, Any, Union, get_args, get_origin

from hypothesis import strategies as st
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from core import ANONYMOUS, Actor, Role, accounts, blog, limits

from .factories import PASSWORD, draft, member, published, with_role
from .pictures import SVG, picture

LIMITS = tuple(value for name, value in vars(limits).items() if name.endswith(("_MIN", "_MAX")))
SEEDS = (
    "\x00",
    "a\x00b",
    "\ud800",
    "x\udfffy",
    "\u202eevil",
    "\x1b[31m",
    "\r\n\t\x0b\x0c",
    "'; DROP TABLE users; --",
    "<script>window.__xss=1</script>",
    "İ" * 200,  # grows when lower-cased
    "ﷺ" * 50,  # grows under NFKD
    " ",
    "",
)
# What people (and scripts) type into a search box: nothing, too much, only punctuation, tsquery's own operators,
# what PostgreSQL cannot hold, quotes left open.
SEARCHES = (
    "",
    "   ",
    "x" * 10_000,
    "lantern " * 1_000,
    "&|!:*()<>",
    "\x00",
    "lan\x00tern",
    "\ud800",
    "lantern\udfff",
    "'; DROP TABLE posts; --",
    '"',
    '"lantern',
    "or",
    "-",
    "- -lantern",
    "lantern or",
    "lantern:*",
    ":*",
    "\\'",
    "((lantern <-> !lantern <2> x",
    "🙂" * 100,
    "\u202elantern",
    "the",
    "İ" * 300,
)

# Every code point, lone surrogates (invalid Unicode) and control characters included.
ANY_CHARACTER = st.characters(codec=None, categories=None)
CONTROL = st.characters(categories=["Cc", "Cf", "Cs"])
HOSTILE_TEXT = st.one_of(
    st.text(ANY_CHARACTER, max_size=50),
    st.text(CONTROL, min_size=1, max_size=20),
    st.sampled_from(SEEDS),
    # Just over (or at) each limit, and far beyond all of them.
    st.builds(lambda c, n, d: c * (n + d), st.sampled_from("x é🙂<"), st.sampled_from(LIMITS), st.integers(-1, 2)),
    st.builds(lambda c, n: c * n, st.sampled_from(["x", "\x00", "🙂", "a b "]), st.integers(1_000, 150_000)),
)
WRONG_TYPE = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(),
    st.binary(max_size=10),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
    st.builds(object),
)
UNITS = st.text(min_size=1, max_size=4)  # repeated up to a field's limit
HOSTILE = st.one_of(HOSTILE_TEXT, WRONG_TYPE, st.lists(HOSTILE_TEXT, max_size=12))


@dataclass
class World:
    """Rows the plausible values point at, and the actors who act."""

    actors: list[Actor]
    usernames: list[str]
    post_ids: list[int]
    comment_ids: list[int]


async def world() -> World:
    """Members, a moderator, an admin and a banned member; a draft, published and archived posts; comments."""
    ann, bob = await member("ann"), await member("bob")
    moderator, admin = await with_role(Role.MODERATOR, "mod"), await with_role(Role.ADMIN, "root")
    await member("eve")
    await accounts.ban_user(admin, username="eve", reason="Spam")
    eve = await accounts.actor_for_session((await accounts.sign_in(ANONYMOUS, login="eve", password=PASSWORD)).token)
    first, second = await published(ann, title="Ann's post"), await published(bob, title="Bob's post")
    archived = await published(ann, title="Archived")
    await blog.archive_post(ann, post_id=archived.id)
    posts = [first, second, archived, await draft(ann)]
    comments = [await blog.add_comment(who, post_id=post.id, body="Hi") for who in (ann, bob) for post in posts[:2]]
    return World(
        actors=[ANONYMOUS, ann, bob, moderator, admin, eve],
        usernames=["ann", "bob", "mod", "root", "eve"],
        post_ids=[post.id for post in posts],
        comment_ids=[comment.id for comment in comments],
    )


def _username(w: World) -> st.SearchStrategy[Any]:
    return st.one_of(st.sampled_from(w.usernames), st.from_regex(r"[A-Za-z0-9_-]{3,32}", fullmatch=True))


def _password(_: World) -> st.SearchStrategy[Any]:
    return st.one_of(st.just(PASSWORD), st.text(min_size=1, max_size=140))


PLAUSIBLE: dict[str, Callable[[World], st.SearchStrategy[Any]]] = {
    "post_id": lambda w: st.sampled_from(w.post_ids),
    "comment_id": lambda w: st.sampled_from(w.comment_ids),
    "version": lambda _: st.none() | st.integers(1, 4),
    "title": lambda _: st.text(min_size=1, max_size=blog.TITLE_MAX),
    "description": lambda _: st.text(max_size=blog.DESCRIPTION_MAX),
    "body": lambda _: st.text(min_size=1),
    "tags": lambda _: st.lists(st.text(max_size=blog.TAG_MAX + 5), max_size=blog.TAGS_MAX + 2),
    "publish": lambda _: st.booleans(),
    "reason": lambda _: st.none() | st.text(min_size=limits.REASON_MIN, max_size=limits.REASON_MAX),
    "username": _username,
    "login": _username,
    "email": lambda _: st.emails() | st.text(max_size=60),
    "password": _password,
    "current_password": _password,
    "new_password": _password,
    "token": lambda _: st.text(min_size=1, max_size=60),
    "bio": lambda _: st.text(max_size=accounts.BIO_MAX + 10),
    "image": lambda _: st.sampled_from(["", "https://example.com/a.png", "javascript:alert(1)"]),
    "role": lambda _: st.sampled_from(["member", "moderator", "admin", "root"]),
    "address": lambda _: st.none() | st.ip_addresses().map(str) | st.text(max_size=70),
    "data": lambda _: st.sampled_from([picture("PNG"), picture("GIF"), picture("PNG") + SVG, SVG]) | st.binary(),
    "filename": lambda _: st.text(max_size=300),
}


@st.composite
def inputs(draw: st.DrawFn, model: type[BaseModel], w: World) -> dict[str, Any]:
    """Keyword arguments for an action taking `model`: mostly plausible, sometimes missing, hostile or unknown."""
    data: dict[str, Any] = {}
    for name, field in model.model_fields.items():
        # Of seven fields, three are plausible, one sits at its limit, one goes missing and two are hostile
        # (plausible first: hypothesis favours the smallest numbers).
        choice, longest = draw(st.integers(0, 6)), max_length(field)
        if choice == 4:
            continue
        if choice == 3 and longest:
            data[name] = draw(st.builds(_exactly, UNITS, st.sampled_from([longest, longest - 1])))
        else:
            data[name] = draw(HOSTILE if choice >= 5 else PLAUSIBLE[name](w))
    if draw(st.integers(0, 3)) == 3:  # and one input in four brings fields nobody asked for
        data.update(draw(st.dictionaries(st.text(ANY_CHARACTER, min_size=1, max_size=12), HOSTILE, max_size=2)))
    return data


def max_length(field: FieldInfo) -> int | None:
    """The longest text a field takes, if it says (a limit right at the edge is where overflows hide)."""
    lengths = _text_lengths(field.annotation, field.metadata)
    return min(lengths) if lengths else None


def _text_lengths(annotation: Any, metadata: list[Any]) -> list[int]:
    """The max_length constraints on `annotation` where it is text (through Annotated and `| None`)."""
    if get_origin(annotation) is Annotated:
        base, *extra = get_args(annotation)
        inner = [item for entry in extra for item in [entry, *getattr(entry, "metadata", [])]]
        return _text_lengths(base, [*metadata, *inner])
    if annotation is str:
        return [item.max_length for item in metadata if isinstance(getattr(item, "max_length", None), int)]
    if get_origin(annotation) in (Union, UnionType):
        return [length for arg in get_args(annotation) for length in _text_lengths(arg, metadata)]
    return []


def _exactly(unit: str, length: int) -> str:
    return (unit * length)[:length]
