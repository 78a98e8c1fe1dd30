"""The input rules of the blog actions, also used by pages for feedback while the user types."""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator, Field

from ..limits import (
    BODY_MAX,
    COMMENT_MAX,
    DESCRIPTION_MAX,
    REASON_MAX,
    REASON_MIN,
    TAG_MAX,
    TAG_TYPED_MAX,
    TAGS_MAX,
    TAGS_TYPED_MAX,
    TITLE_MAX,
)
from ..validation import Command

_TAG_WORDS = re.compile(r"[^\W_]+")


def normalize_tag(raw: str) -> str:
    """A tag as stored: lower case, its words joined by '-' ("Machine Learning" → "machine-learning")."""
    return "-".join(_TAG_WORDS.findall(raw.lower()))


def _tags(raw: list[str]) -> list[str]:
    tags = sorted({normalize_tag(item) for item in raw} - {""})
    if too_long := [tag for tag in tags if len(tag) > TAG_MAX]:
        raise ValueError(f"Keep each tag within {TAG_MAX} characters ({too_long[0][:TAG_MAX]}… is longer).")
    if len(tags) > TAGS_MAX:
        raise ValueError(f"Use at most {TAGS_MAX} tags.")
    return tags


Id = Annotated[int, Field(ge=1, le=2**31 - 1)]
Title = Annotated[str, Field(min_length=1, max_length=TITLE_MAX)]
Description = Annotated[str, Field(max_length=DESCRIPTION_MAX)]
Body = Annotated[str, Field(max_length=BODY_MAX)]
Tags = Annotated[
    list[Annotated[str, Field(max_length=TAG_TYPED_MAX)]], Field(max_length=TAGS_TYPED_MAX), AfterValidator(_tags)
]


class CreatePost(Command):
    """Start a post: a draft, or published at once with `publish`."""

    title: Title
    description: Description = ""
    body: Body = ""
    tags: Tags = Field(default_factory=list)
    publish: bool = False


class UpdatePost(Command):
    """Change a post; `version` is the one the author edited (None: whatever is current)."""

    post_id: Id
    version: Annotated[int, Field(ge=1)] | None = None
    title: Title | None = None
    description: Description | None = None
    body: Body | None = None
    tags: Tags | None = None


class PostRef(Command):
    """Act on one post (publish, unpublish, archive, restore, favourite, unfavourite)."""

    post_id: Id


Reason = Annotated[str, Field(min_length=REASON_MIN, max_length=REASON_MAX)]


class ModeratePost(Command):
    """Unpublish or archive a post; someone acting on another's post says why (the author is told)."""

    post_id: Id
    reason: Reason | None = None


class AddComment(Command):
    """Comment on a published post."""

    post_id: Id
    body: Annotated[str, Field(min_length=1, max_length=COMMENT_MAX)]


class DeleteComment(Command):
    """Remove a comment; someone deleting another's comment says why (its author is told)."""

    comment_id: Id
    reason: Reason | None = None
