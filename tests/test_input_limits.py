"""Input limits fit the columns that store them, and input right at a limit is stored whole.

The last tests are the inputs the hostile-input property test found failing, kept as fixed examples.
"""

from __future__ import annotations

import pytest
from tortoise import fields
from tortoise.models import Model

from core import ANONYMOUS, Invalid, NotFound, Role, accounts, blog, limits, notifications
from core.accounts.models import User
from core.blog.models import Comment, Post, Tag
from core.notifications.models import Notification

from .api_client import api_client
from .factories import PASSWORD, member, published, signed_in_as, with_role

# (limit, model, column): every text limit and the column its value is stored in.
STORED_IN = [
    (limits.USERNAME_MAX, User, "username"),
    (limits.USERNAME_MAX, Notification, "actor_name"),
    (limits.EMAIL_MAX, User, "email"),
    (limits.IMAGE_MAX, User, "image"),
    (limits.REASON_MAX, User, "banned_reason"),
    (limits.TITLE_MAX, Post, "title"),
    (limits.TITLE_MAX, Notification, "post_title"),
    (limits.DESCRIPTION_MAX, Post, "description"),
    (limits.TAG_MAX, Tag, "name"),
    (limits.DETAIL_MAX, Notification, "detail"),
]
UNBOUNDED_TEXT = [(limits.BODY_MAX, Post, "body"), (limits.COMMENT_MAX, Comment, "body"), (limits.BIO_MAX, User, "bio")]


@pytest.mark.parametrize(("limit", "model", "column"), STORED_IN, ids=lambda item: getattr(item, "__name__", item))
def test_no_input_limit_exceeds_its_column(limit: int, model: type[Model], column: str) -> None:
    field = model._meta.fields_map[column]
    assert isinstance(field, fields.CharField)
    assert limit <= field.max_length


@pytest.mark.parametrize(("limit", "model", "column"), UNBOUNDED_TEXT, ids=lambda item: getattr(item, "__name__", item))
def test_long_texts_go_to_unbounded_columns(limit: int, model: type[Model], column: str) -> None:
    assert isinstance(model._meta.fields_map[column], fields.TextField)
    assert limit > 0


def test_a_ban_notice_quotes_the_longest_reason_whole() -> None:
    assert len("banned you: ") + limits.REASON_MAX <= limits.DETAIL_MAX


async def test_every_field_at_its_limit_is_stored_whole() -> None:
    ann = await member("a" * limits.USERNAME_MAX)
    tags = [f"{n}{'t' * (limits.TAG_MAX - 1)}" for n in range(limits.TAGS_MAX)]
    title, body = "T" * limits.TITLE_MAX, "b" * limits.BODY_MAX
    post = await blog.create_post(
        ann, title=title, description="d" * limits.DESCRIPTION_MAX, body=body, tags=tags, publish=True
    )
    comment = await blog.add_comment(ann, post_id=post.id, body="c" * limits.COMMENT_MAX)
    await accounts.update_profile(ann, bio="b" * limits.BIO_MAX, image="https://x.example/" + "i" * 482)
    stored = await blog.get_post_by_id(ANONYMOUS, post.id)
    assert (stored.title, stored.body, stored.tags) == (title, body, tuple(sorted(tags)))
    assert comment.body == "c" * limits.COMMENT_MAX
    assert len((await accounts.get_user(ann, ann.username)).bio or "") == limits.BIO_MAX


async def test_a_moderators_longest_reason_reaches_the_author_whole_whatever_the_title() -> None:
    ann = await member("ann")
    post = await published(ann, title="T" * limits.TITLE_MAX)
    reason = "r" * limits.REASON_MAX
    await blog.unpublish_post(await with_role(Role.MODERATOR, "mod"), post_id=post.id, reason=reason)
    [notice] = await notifications.list_notifications(ann)
    assert notice.detail is not None
    assert notice.detail.startswith("unpublished “TTT")
    assert notice.detail.endswith(f"…: {reason}")


async def test_a_ban_with_the_longest_reason_is_told_whole() -> None:
    await member("ann")
    reason = "r" * limits.REASON_MAX
    await accounts.ban_user(await with_role(Role.MODERATOR, "mod"), username="ann", reason=reason)
    [notice] = await notifications.list_notifications(await signed_in_as("ann"))
    assert notice.detail == f"banned you: {reason}"


async def test_a_login_longer_than_any_username_is_looked_up_as_an_email_only() -> None:
    with pytest.raises(Invalid) as raised:
        await accounts.sign_in(ANONYMOUS, login="0" * (limits.EMAIL_MAX - 1), password=PASSWORD)
    assert raised.value.errors == {"password": [accounts.WRONG_CREDENTIALS]}


async def test_an_email_that_grows_when_lower_cased_past_the_limit_is_refused() -> None:
    address = "İ" * 150 + "@example.com"  # 162 characters; 312 once lower-cased
    with pytest.raises(Invalid) as raised:
        await accounts.register(ANONYMOUS, username="ann", email=address, password=PASSWORD)
    assert raised.value.errors == {"email": [f"Use at most {limits.EMAIL_MAX} characters."]}
    with pytest.raises(Invalid) as raised:
        await accounts.sign_in(ANONYMOUS, login=address[: limits.EMAIL_MAX], password=PASSWORD)
    assert raised.value.errors == {"password": [accounts.WRONG_CREDENTIALS]}


@pytest.mark.parametrize("field", ["username", "email"])
async def test_a_name_or_address_given_as_none_is_refused_not_removed(field: str) -> None:
    ann = await member("ann")
    with pytest.raises(Invalid) as raised:
        await accounts.update_profile(ann, **{field: None})
    assert raised.value.errors == {field: [accounts.NO_USERNAME if field == "username" else accounts.NO_EMAIL]}


@pytest.mark.parametrize("text", ["a\x00b", "\ud800", "x\udfffy"])
async def test_text_holding_nul_or_broken_unicode_is_refused_under_its_field(text: str) -> None:
    ann = await member("ann")
    post = await published(ann)
    with pytest.raises(Invalid) as raised:
        await blog.update_post(ann, post_id=post.id, title=text, body=text, tags=["ok", text])
    unstorable = ["Remove the control character NUL or the broken character from this text."]
    expected = {"title": unstorable, "body": unstorable}
    if "\x00" not in text:
        expected["tags"] = unstorable  # a NUL in a tag splits it into words, like any punctuation
    assert raised.value.errors == expected


async def test_an_unknown_field_with_a_broken_name_is_named_printably() -> None:
    with pytest.raises(Invalid) as raised:
        await blog.create_post(await member("ann"), title="T", **{"x\ud800": 1})  # type: ignore[arg-type]
    assert raised.value.errors == {"x\\ud800": ["This field is not expected."]}


@pytest.mark.parametrize("text", ["\x00", "a\x00b", "\ud800"])
async def test_looking_up_text_no_row_can_hold_finds_nothing(text: str) -> None:
    admin = await with_role(Role.ADMIN, "root")
    await published(admin, tags=["a"])
    with pytest.raises(NotFound):
        await blog.get_post(ANONYMOUS, text)
    with pytest.raises(NotFound):
        await accounts.get_profile(ANONYMOUS, text)
    for feed in (blog.Feed(tag=text), blog.Feed(author=text), blog.Feed(favorited_by=text)):
        assert (await blog.list_posts(ANONYMOUS, feed)).items == []
        assert await blog.count_posts(ANONYMOUS, feed) == 0
    assert await accounts.list_users(admin, text) == []
    assert await accounts.count_users(admin, text) == 0


@pytest.mark.parametrize(
    ("path", "status"),
    [("/articles/%00", 404), ("/profiles/%00", 404), ("/articles?tag=%00", 200), ("/articles?author=a%00", 200)],
)
async def test_the_api_answers_a_nul_in_an_address_as_nothing_found(path: str, status: int) -> None:
    async with api_client() as http:
        response = await http.get(path)
    assert response.status_code == status
    if status == 200:
        assert response.json()["articlesCount"] == 0
