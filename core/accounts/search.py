"""Finding people by name and bio (the same syntax as posts), names first."""

from __future__ import annotations

from ..actor import Actor
from ..db.sql import fetch
from ..textsearch import headline_sql, marked, plain_sql, terms, tsquery
from .views import PersonMatch

PEOPLE_MAX = 10  # people shown for a search: a name is found in the first few, or the search says too little
NAME_MARKS = "HighlightAll=true"
BIO_MARKS = "MaxWords=24, MinWords=12, ShortWord=0"


async def search_people(actor: Actor, text: str, *, limit: int = PEOPLE_MAX) -> list[PersonMatch]:
    """The people whose name or bio matches `text`, best first (a name weighs more than a bio); profiles are public."""
    query = await tsquery("simple", terms(text))
    if query is None:
        return []
    found = await fetch(
        f"""
        SELECT u.username, u.image, {headline_sql("simple", "u.username", "$1::tsquery", NAME_MARKS)} AS marked_name,
               {headline_sql("simple", plain_sql("coalesce(u.bio, '')"), "$1::tsquery", BIO_MARKS)} AS marked_bio
        FROM users u WHERE u.search @@ $1::tsquery
        ORDER BY ts_rank(u.search, $1::tsquery) DESC, u.username LIMIT $2
        """,
        query,
        max(1, min(limit, 100)),
    )
    return [
        PersonMatch(
            username=row["username"], image=row["image"], name=marked(row["marked_name"]), bio=marked(row["marked_bio"])
        )
        for row in found
    ]
