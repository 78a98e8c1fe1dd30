"""The contract's bodies, named as in openapi.yml, and how core's read models become them.

Request bodies check shape and types only; every rule about the values is core's, so a value core refuses
comes back as a 422 with core's own message.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, PlainSerializer, WithJsonSchema
from pydantic.alias_generators import to_camel

from core import accounts, blog


def _timestamp(moment: datetime) -> str:
    # Always with milliseconds and a Z, as JavaScript writes them: the collection's pattern needs a fraction.
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


Timestamp = Annotated[
    datetime, PlainSerializer(_timestamp, return_type=str), WithJsonSchema({"type": "string", "format": "date-time"})
]


class Schema(BaseModel):
    """Fields in the contract's camelCase on the wire, snake_case in Python."""

    model_config = ConfigDict(alias_generator=to_camel, populate_by_name=True)


# Requests


class LoginUser(Schema):
    email: str
    password: str


class LoginUserRequest(Schema):
    user: LoginUser


class NewUser(Schema):
    username: str
    email: str
    password: str


class NewUserRequest(Schema):
    user: NewUser


class UpdateUser(Schema):
    """What to change (null: leave as it is); a new `password` needs `currentPassword`, Tidings' addition."""

    email: str | None = None
    password: str | None = None
    username: str | None = None
    bio: str | None = None
    image: str | None = None
    current_password: str | None = None

    def changes(self) -> dict[str, Any]:
        """The given fields, as `accounts.update_account` takes them."""
        return _given(self, {"password": "new_password"})


class UpdateUserRequest(Schema):
    user: UpdateUser


class NewArticle(Schema):
    title: str
    description: str
    body: str
    tag_list: list[str] = []


class NewArticleRequest(Schema):
    article: NewArticle


class UpdateArticle(Schema):
    """What to change (null: leave as it is); `tagList` too, which the contract leaves out."""

    title: str | None = None
    description: str | None = None
    body: str | None = None
    tag_list: list[str] | None = None

    def changes(self) -> dict[str, Any]:
        """The given fields, as `blog.update_post` takes them."""
        return _given(self, {"tag_list": "tags"})


class UpdateArticleRequest(Schema):
    article: UpdateArticle


class NewComment(Schema):
    body: str


class NewCommentRequest(Schema):
    comment: NewComment


# Responses


class User(Schema):
    email: str
    token: str
    username: str
    bio: str
    image: str


class UserResponse(Schema):
    user: User

    @classmethod
    def of(cls, user: accounts.UserView, token: str) -> UserResponse:
        """The signed-in user (their own view, e-mail included) with their token."""
        return cls(
            user=User(
                email=user.email or "",
                token=token,
                username=user.username,
                bio=_text(user.bio),
                image=_text(user.image),
            )
        )


class Profile(Schema):
    username: str
    bio: str
    image: str
    following: bool

    @classmethod
    def of_author(cls, author: blog.Author) -> Profile:
        """The author of a post or comment, as the viewer sees them."""
        return cls(
            username=author.username, bio=_text(author.bio), image=_text(author.image), following=author.following
        )


class ProfileResponse(Schema):
    profile: Profile

    @classmethod
    def of(cls, profile: accounts.Profile) -> ProfileResponse:
        """A user's profile, as the viewer sees it."""
        user = profile.user
        return cls(
            profile=Profile(
                username=user.username, bio=_text(user.bio), image=_text(user.image), following=profile.following
            )
        )


class ArticleSummary(Schema):
    """An article in a list: everything but its body (as the contract's list item)."""

    slug: str
    title: str
    description: str
    tag_list: list[str]
    created_at: Timestamp
    updated_at: Timestamp
    favorited: bool
    favorites_count: int
    author: Profile

    @classmethod
    def of(cls, post: blog.PostSummary) -> ArticleSummary:
        """A post of a feed as the viewer sees it."""
        return cls(**_summary_fields(post))


class Article(ArticleSummary):
    body: str

    @classmethod
    def of_post(cls, post: blog.PostView) -> Article:
        """A whole post as the viewer sees it."""
        return cls(**_summary_fields(post), body=post.body)


class SingleArticleResponse(Schema):
    article: Article

    @classmethod
    def of(cls, post: blog.PostView) -> SingleArticleResponse:
        """One whole post as the viewer sees it."""
        return cls(article=Article.of_post(post))


class MultipleArticlesResponse(Schema):
    articles: list[ArticleSummary]
    articles_count: int


class Comment(Schema):
    id: int
    created_at: Timestamp
    updated_at: Timestamp
    body: str
    author: Profile

    @classmethod
    def of(cls, comment: blog.CommentView) -> Comment:
        """A comment as the viewer sees it."""
        return cls(
            id=comment.id,
            created_at=comment.created_at,
            updated_at=comment.updated_at,
            body=comment.body,
            author=Profile.of_author(comment.author),
        )


class SingleCommentResponse(Schema):
    comment: Comment


class MultipleCommentsResponse(Schema):
    comments: list[Comment]


class TagsResponse(Schema):
    tags: list[str]


class GenericErrors(Schema):
    body: list[str]


class GenericErrorModel(Schema):
    errors: GenericErrors


def _summary_fields(post: blog.PostSummary) -> dict[str, Any]:
    return {
        "slug": post.slug or "",  # never empty: articles are published posts, and publishing gives the slug
        "title": post.title,
        "description": post.description,
        "tag_list": list(post.tags),
        # An article exists for readers from its publication on (the feeds' order, and what the pages show).
        "created_at": post.published_at or post.created_at,
        "updated_at": post.updated_at,
        "favorited": post.favorited,
        "favorites_count": post.favorites_count,
        "author": Profile.of_author(post.author),
    }


def _given(request: Schema, core_names: Mapping[str, str]) -> dict[str, Any]:
    """The fields a request gave (null means "leave as it is"), under the names core's action takes."""
    return {core_names.get(name, name): value for name, value in request.model_dump(exclude_none=True).items()}


def _text(value: str | None) -> str:
    """The contract's strings are never null: no bio or picture is an empty string."""
    return value or ""
