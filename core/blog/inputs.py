"""The input rules of the blog actions, also used by pages for feedback while the user types."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from ..validation import Command

TITLE_MAX = 200
BODY_MAX = 100_000
COMMENT_MAX = 5_000

Id = Annotated[int, Field(ge=1, le=2**31 - 1)]


class CreatePost(Command):
    """Start a draft."""

    title: Annotated[str, Field(min_length=1, max_length=TITLE_MAX)]
    body: Annotated[str, Field(max_length=BODY_MAX)] = ""


class PublishPost(Command):
    """Publish a draft."""

    post_id: Id


class AddComment(Command):
    """Comment on a published post."""

    post_id: Id
    body: Annotated[str, Field(min_length=1, max_length=COMMENT_MAX)]
