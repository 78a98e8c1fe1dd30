"""Searching posts by title, description, tags and text: best first, with the matched words marked.

PostgreSQL keeps each post's document (migration 7: title weighing most, then description and tags, then text) and
its GIN index. Ranking every match of a common word would cost as much as the posts that hold it (a million at a
million posts), so the ranked results are drawn from the newest CANDIDATES matches: all of them for most searches,
the newest for a word in every other post. A common word then walks the newest posts until enough match, a rare one
comes from the index of words; `fetch_planned` lets PostgreSQL choose for each search.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from ..actor import Actor
from ..db.sql import fetch, fetch_planned
from ..textsearch import headline_sql, marked, plain_sql, terms, tsquery, tsquery_sql
from . import rows
from .feeds import OFFSET_MAX, PAGE_MAX, PAGE_SIZE
from .views import PostMatch, SearchPage

CANDIDATES = 100  # the newest matches ranked, and so the most results one search pages through
EXCERPT_FROM = 5_000  # characters of the text the excerpt is taken from (ts_headline reads all it is given)
TITLE_MARKS = "HighlightAll=true"
EXCERPT_MARKS = 'MaxFragments=2, MaxWords=20, MinWords=8, ShortWord=0, FragmentDelimiter=" … "'


async def search_posts(actor: Actor, text: str, *, offset: int = 0, limit: int = PAGE_SIZE) -> SearchPage:
    """The posts `actor` may read (their drafts, an admin's archive too) that match `text`, best first."""
    return await _search(actor, text, offset, limit, beyond_public=True)


async def search_articles(actor: Actor, text: str, *, offset: int = 0, limit: int = PAGE_SIZE) -> SearchPage:
    """The published posts that match `text`, best first (the JSON API's articles: never a draft)."""
    return await _search(actor, text, offset, limit, beyond_public=False)


async def find_matches(actor: Actor, post_id: int, searches: Collection[str]) -> dict[str, PostMatch]:
    """Which of `searches` the post matches, as `actor` may see it, each with its own marks.

    One query for every search open on a process's pages: a page learns from it whether a post just published or
    edited belongs in its results.
    """
    wanted = [(text, search) for text in set(searches) if (search := terms(text)).text]
    if not wanted:
        return {}
    query = tsquery_sql("english", "s.text", "s.typing")
    found = await fetch(
        f"""
        WITH searches AS (
            SELECT s.n, {query} AS q FROM unnest($2::text[], $3::text[]) WITH ORDINALITY AS s(text, typing, n)
        )
        SELECT s.n, {_rank("p.search", "s.q")} AS rank, {rows.SUMMARY_COLUMNS}, {_marks("s.q")}
        FROM {rows.POSTS} JOIN searches s ON numnode(s.q) > 0 AND p.search @@ s.q
        WHERE p.id = $4 AND {rows.readable(actor)}
        """,
        actor.id,
        [search.text for _, search in wanted],
        [search.typing for _, search in wanted],
        post_id,
    )
    return {wanted[row["n"] - 1][0]: _match(row) for row in found}  # keyed by the texts as given


async def _search(actor: Actor, text: str, offset: int, limit: int, *, beyond_public: bool) -> SearchPage:
    wanted = terms(text)
    query = await tsquery("english", wanted)
    offset, limit = max(0, min(offset, OFFSET_MAX)), max(1, min(limit, PAGE_MAX))
    if query is None:
        return SearchPage(searched=wanted.text, words=False, matches=(), total=0, offset=offset)
    hidden = rows.hidden(actor) if beyond_public else []
    found = await fetch_planned(page_sql(hidden), actor.id, query, CANDIDATES, limit, offset)
    matches = tuple(_match(row) for row in found if row["id"] is not None)
    return SearchPage(searched=wanted.text, words=True, matches=matches, total=found[0]["total"], offset=offset)


def page_sql(hidden: list[str]) -> str:
    """The SQL of a page of a search ($2, a tsquery) as $1 sees it, with `hidden` the posts beyond the public ones they
    may read: the newest $3 matches ranked, $4 of them from the $5th, and how many there are (one row with no post
    when the page is past the end). The benchmark EXPLAINs it."""
    branches = [_candidates(rows.PUBLIC, "p.published_at DESC, p.id DESC")]
    # Their drafts, an admin's archive: each from its own partial index, walked newest first, so that a word in
    # every draft stops early and a rare one is found through the index of words.
    branches += [_candidates(condition, "p.id DESC") for condition in hidden]
    return f"""
        WITH candidates AS ({" UNION ALL ".join(branches)}),
        ranked AS (
            SELECT c.id, {_rank("c.search", "$2::tsquery")} AS rank FROM candidates c
            ORDER BY rank DESC, c.id DESC LIMIT $4 OFFSET $5
        )
        SELECT t.total, r.rank, {rows.SUMMARY_COLUMNS}, {_marks("$2::tsquery")}
        FROM (SELECT count(*) AS total FROM candidates) t
        LEFT JOIN (ranked r JOIN {rows.POSTS} ON p.id = r.id) ON true
        ORDER BY r.rank DESC, r.id DESC
        """


def _candidates(condition: str, order: str) -> str:
    return (
        f"(SELECT p.id, p.search FROM posts p WHERE p.search @@ $2::tsquery AND {condition} ORDER BY {order} LIMIT $3)"
    )


def _rank(document: str, query: str) -> str:
    # ts_rank's default weights put the title (A) at 1.0, description and tags (B) at 0.4, the text (C) at 0.2. It
    # ranks `a & !b` as if b had to be there too (0 for every match): querytree() leaves the words to find.
    return f"ts_rank({document}, querytree({query})::tsquery)"


def _marks(query: str) -> str:
    excerpt = plain_sql(f"p.description || E'\\n\\n' || left(p.body, {EXCERPT_FROM})")
    return (
        f"{headline_sql('english', 'p.title', query, TITLE_MARKS)} AS marked_title,"
        f" {headline_sql('english', excerpt, query, EXCERPT_MARKS)} AS marked_excerpt"
    )


def _match(row: dict[str, Any]) -> PostMatch:
    return PostMatch(
        post=rows.summary(row),
        title=marked(row["marked_title"]),
        excerpt=marked(row["marked_excerpt"]),
        rank=float(row["rank"]),
    )
