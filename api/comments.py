"""Comments on an article: list, add, delete."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Response

from core import blog

from .auth import Member, Viewer
from .errors import documented
from .schemas import Comment, MultipleCommentsResponse, NewCommentRequest, SingleCommentResponse

router = APIRouter(prefix="/articles/{slug}/comments", tags=["Comments"])

# The ids are PostgreSQL integers: a larger number names no comment, and must not reach the database.
CommentId = Annotated[int, Path(ge=1, le=2**31 - 1, description="ID of the comment you want to delete")]


@router.get(
    "", operation_id="GetArticleComments", summary="Get comments for an article", responses=documented(401, 404, 422)
)
async def list_comments(slug: str, viewer: Viewer) -> MultipleCommentsResponse:
    """The comments of an article, oldest first."""
    post = await blog.get_article(viewer, slug)
    return MultipleCommentsResponse(comments=[Comment.of(c) for c in await blog.list_comments(viewer, post.id)])


@router.post(
    "",
    operation_id="CreateArticleComment",
    summary="Create a comment for an article",
    responses=documented(401, 404, 422),
)
async def add_comment(slug: str, body: NewCommentRequest, member: Member) -> SingleCommentResponse:
    """Comment on an article; every open page of it shows the comment at once."""
    post = await blog.get_article(member, slug)
    comment = await blog.add_comment(member, post_id=post.id, body=body.comment.body)
    return SingleCommentResponse(comment=Comment.of(comment))


@router.delete(
    "/{id}",
    operation_id="DeleteArticleComment",
    summary="Delete a comment for an article",
    status_code=204,
    response_class=Response,
    responses=documented(401, 403, 404, 422),
)
async def delete_comment(slug: str, id: CommentId, member: Member) -> None:
    """Delete a comment (its author's, or any on the caller's own article)."""
    post = await blog.get_article(member, slug)
    await blog.get_comment(member, id, on_post=post.id)  # NotFound for a comment under another article
    await blog.delete_comment(member, comment_id=id)
