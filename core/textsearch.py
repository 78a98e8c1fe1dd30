"""Full-text search, shared by the contexts: what people type made into a tsquery, and the matched words marked.

Text is read as `websearch_to_tsquery` reads it, the way search engines read theirs: every word must be there,
"quoted words" together and in that order, `or` between alternatives, `-word` left out; anything else
(punctuation, `&|!:*()<>`) separates words. The last word also matches the words it begins while it is being
typed (`postg` finds PostgreSQL), until a space or a closing quote ends it. Typed text reaches PostgreSQL only as
a parameter, and only what PostgreSQL can hold.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from .db.sql import fetch_one, storable
from .limits import SEARCH_MAX

# 'english' for posts (stems: "databases" finds "database"; words like "the" ignored), 'simple' for names (not
# English words to stem: "james" must stay "james"). The last word is matched as typed, in 'simple': a stem of half
# a word ("runni") is no prefix of anything.
Config = Literal["english", "simple"]

START, STOP = "\x02", "\x03"  # around each matched word in ts_headline's output; taken out of the text beforehand
_MARKS_SQL = "chr(2) || chr(3)"
_LAST_WORD = re.compile(r"[^\W_]+$")  # letters and digits: safe in to_tsquery's syntax, as a word and as a prefix
_OPERATORS = {"or"}  # websearch_to_tsquery's own word


@dataclass(frozen=True, slots=True)
class Terms:
    """A search as PostgreSQL takes it: its text, and the last word while it is being typed ('' when finished)."""

    text: str
    typing: str


def terms(typed: str) -> Terms:
    """What was typed, made safe to search with: cut to SEARCH_MAX characters, and what PostgreSQL cannot hold (NUL,
    lone surrogates) turned into spaces, which separate words as punctuation does."""
    text = "".join(char if storable(char) else " " for char in typed[:SEARCH_MAX])
    last = _LAST_WORD.search(text)
    if last is None or last.group().lower() in _OPERATORS:
        return Terms(text.strip(), "")
    before = text[: last.start()]
    left_out = before.endswith("-") and (len(before) == 1 or before[-2].isspace())  # `-word` is not a prefix
    return Terms(text.strip(), "" if left_out else last.group().lower())


def tsquery_sql(config: Config, text: str, typing: str) -> str:
    """SQL for the tsquery of a search whose text and word being typed are the SQL expressions `text` and `typing`.

    The word being typed is put in place of itself, as itself or any word it begins (ts_rewrite keeps `or`, quotes
    and `-` as they were). A word that is no word to the configuration (a stop word: "the" on its way to "theory")
    is added as a prefix the text must match too.
    """
    query = f"websearch_to_tsquery('{config}', {text})"
    word, prefix = f"to_tsquery('{config}', {typing})", f"to_tsquery('simple', {typing} || ':*')"
    return (
        f"(CASE WHEN {typing} = '' THEN {query}"
        f" WHEN numnode({word}) = 0 THEN {query} && {prefix}"
        f" ELSE ts_rewrite({query}, {word}, {word} || {prefix}) END)"
    )


async def tsquery(config: Config, search: Terms) -> str | None:
    """The tsquery of a search, as text; None when it has no word to look for (only punctuation or stop words)."""
    if not search.text:
        return None
    row = await fetch_one(
        f"SELECT q::text AS query, numnode(q) AS nodes FROM (SELECT {tsquery_sql(config, '$1', '$2')} AS q) s",
        search.text,
        search.typing,
    )
    return str(row["query"]) if row and row["nodes"] else None


def headline_sql(config: Config, text: str, query: str, options: str) -> str:
    """SQL for `text` with the words the tsquery `query` matches between START and STOP (`options`: ts_headline's)."""
    assert "'" not in options, "the options are written into the SQL"
    marks = f"'StartSel=' || chr(2) || ', StopSel=' || chr(3) || ', {options}'"
    return f"ts_headline('{config}', translate({text}, {_MARKS_SQL}, ''), {query}, {marks})"


def plain_sql(markdown: str) -> str:
    """SQL for Markdown text with its markup taken out (link targets, emphasis, headings, code marks), for excerpts."""
    return rf"regexp_replace({markdown}, '\]\([^)]*\)|[#*`\[\]]+', '', 'g')"


@dataclass(frozen=True, slots=True)
class Marked:
    """A text with the words a search matched marked: its parts in order, each with whether it is a match."""

    parts: tuple[tuple[str, bool], ...]

    @property
    def text(self) -> str:
        """The text without its marks."""
        return "".join(part for part, _ in self.parts)

    @property
    def matches(self) -> tuple[str, ...]:
        """The matched words, in order."""
        return tuple(part for part, matched in self.parts if matched)


def marked(headline: str | None) -> Marked:
    """ts_headline's output, with START and STOP around the matches, as parts."""
    parts: list[tuple[str, bool]] = []
    for number, piece in enumerate((headline or "").split(START)):
        match, _, rest = piece.partition(STOP) if number else ("", "", piece)
        parts += [(text, matched) for text, matched in ((match, True), (rest.replace(STOP, ""), False)) if text]
    return Marked(tuple(parts))
