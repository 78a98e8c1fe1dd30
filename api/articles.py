"""Articles, Favorites and Tags: the contract's articles are Tidings' published posts.

Creating an article publishes it at once; deleting one archives it (core keeps it, restorable by its author).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Response

from core import ANONYMOUS, Actor, Invalid, blog, limits

from .auth import Member, Viewer
from .errors import documented
from .schemas import (
    ArticleSummary,
    MultipleArticlesResponse,
    NewArticleRequest,
    SingleArticleResponse,
    TagsResponse,
    UpdateArticleRequest,
)

router = APIRouter()

Offset = Annotated[
    int,
    Query(
        ge=0, le=blog.OFFSET_MAX, description="The number of items to skip before starting to collect the result set."
    ),
]
Limit = Annotated[int, Query(ge=1, le=blog.PAGE_MAX, description="The numbers of items to return.")]
SEARCH = (
    "Tidings' addition to the contract: search. The articles whose title, description, tags or body match, best"
    " first (a title weighs most, then description and tags, then body), among the newest"
    f' {blog.SEARCH_RESULTS_MAX} that match; `articlesCount` counts those. Words must all be there, "quoted words"'
    " together, `or` between alternatives, `-word` left out; the last word also matches the words it begins, unless"
    f" a space ends it. Up to {limits.SEARCH_MAX} characters are read. Not combined with tag, author or favorited."
)
ALONE = "Search alone: tag, author and favorited do not apply to a search."


@router.get("/articles/feed", tags=["Articles"], operation_id="GetArticlesFeed", responses=documented(401, 422))
async def feed(member: Member, offset: Offset = 0, limit: Limit = blog.PAGE_SIZE) -> MultipleArticlesResponse:
    """The most recent articles by the users the caller follows."""
    return await _page(member, blog.Feed(following=True), offset, limit)


@router.get(
    "/articles",
    tags=["Articles"],
    operation_id="GetArticles",
    summary="Get recent articles globally",
    responses=documented(401, 422),
)
async def list_articles(
    *,
    viewer: Viewer,
    tag: Annotated[str | None, Query(description="Filter by tag")] = None,
    author: Annotated[str | None, Query(description="Filter by author (username)")] = None,
    favorited: Annotated[str | None, Query(description="Filter by favorites of a user (username)")] = None,
    q: Annotated[str | None, Query(description=SEARCH)] = None,
    offset: Offset = 0,
    limit: Limit = blog.PAGE_SIZE,
) -> MultipleArticlesResponse:
    """The most recent articles, of every author or filtered; newest first. With `q`: the articles matching it, best
    first."""
    if q is not None:
        if tag is not None or author is not None or favorited is not None:
            raise Invalid.field("q", ALONE)
        return await _found(viewer, q, offset, limit)
    return await _page(viewer, blog.Feed(tag=tag, author=author, favorited_by=favorited), offset, limit)


@router.post(
    "/articles",
    tags=["Articles"],
    operation_id="CreateArticle",
    summary="Create an article",
    status_code=201,
    responses=documented(401, 422),
)
async def create_article(body: NewArticleRequest, member: Member) -> SingleArticleResponse:
    """Write an article, published at once."""
    new = body.article
    post = await blog.create_post(
        member, title=new.title, description=new.description, body=new.body, tags=new.tag_list, publish=True
    )
    return SingleArticleResponse.of(post)


@router.get(
    "/articles/{slug}",
    tags=["Articles"],
    operation_id="GetArticle",
    summary="Get an article",
    responses=documented(401, 404, 422),
)
async def get_article(slug: str, viewer: Viewer) -> SingleArticleResponse:
    """One article."""
    return SingleArticleResponse.of(await blog.get_article(viewer, slug))


@router.put(
    "/articles/{slug}",
    tags=["Articles"],
    operation_id="UpdateArticle",
    summary="Update an article",
    responses=documented(401, 403, 404, 422),
)
async def update_article(slug: str, body: UpdateArticleRequest, member: Member) -> SingleArticleResponse:
    """Change an article's title, description, body or tags (its slug stays, so links keep working)."""
    post = await blog.get_article(member, slug)
    return SingleArticleResponse.of(await blog.update_post(member, post_id=post.id, **body.article.changes()))


@router.delete(
    "/articles/{slug}",
    tags=["Articles"],
    operation_id="DeleteArticle",
    summary="Delete an article",
    status_code=204,
    response_class=Response,
    responses=documented(401, 403, 404, 422),
)
async def delete_article(slug: str, member: Member) -> None:
    """Take an article down (archived: its author can restore it from their profile page)."""
    await blog.archive_post(member, post_id=(await blog.get_article(member, slug)).id)


@router.post(
    "/articles/{slug}/favorite",
    operation_id="CreateArticleFavorite",
    summary="Favorite an article",
    tags=["Favorites"],
    responses=documented(401, 404, 422),
)
async def favorite(slug: str, member: Member) -> SingleArticleResponse:
    """Favourite an article (again: nothing changes)."""
    post = await blog.get_article(member, slug)
    return SingleArticleResponse.of(await blog.favorite_post(member, post_id=post.id))


@router.delete(
    "/articles/{slug}/favorite",
    operation_id="DeleteArticleFavorite",
    summary="Unfavorite an article",
    tags=["Favorites"],
    responses=documented(401, 404, 422),
)
async def unfavorite(slug: str, member: Member) -> SingleArticleResponse:
    """Stop favouriting an article (not a favourite: nothing changes)."""
    post = await blog.get_article(member, slug)
    return SingleArticleResponse.of(await blog.unfavorite_post(member, post_id=post.id))


@router.get("/tags", operation_id="GetTags", summary="Get tags", tags=["Tags"], responses=documented(422))
async def tags() -> TagsResponse:
    """The tags of published articles, most used first (the first hundred)."""
    return TagsResponse(tags=[tag.name for tag in await blog.popular_tags(ANONYMOUS, limit=blog.PAGE_MAX)])


async def _found(actor: Actor, text: str, offset: int, limit: int) -> MultipleArticlesResponse:
    page = await blog.search_articles(actor, text, offset=offset, limit=limit)
    return MultipleArticlesResponse(
        articles=[ArticleSummary.of(match.post) for match in page.matches], articles_count=page.total
    )


async def _page(actor: Actor, feed: blog.Feed, offset: int, limit: int) -> MultipleArticlesResponse:
    # Two queries whatever the page size: the page (counts, flags and tags in the same query) and its total.
    page = await blog.list_posts(actor, feed, offset=offset, limit=limit)
    return MultipleArticlesResponse(
        articles=[ArticleSummary.of(post) for post in page.items], articles_count=await blog.count_posts(actor, feed)
    )
