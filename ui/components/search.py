"""The results of a search, kept live: posts best first and more on request, people found, and posts published or
edited meanwhile that match held in a "1 new result" bar, so that what the reader is reading stays where it is."""

from __future__ import annotations

import asyncio

from nicegui import context, ui

from core import ANONYMOUS, Actor, DomainError, Event, accounts, blog

from .. import live
from .found import FOUND_CLASSES, match_html, people_html

ASK = "Type a few words to search posts and people."
CAPPED = f"These are the best of the newest {blog.SEARCH_RESULTS_MAX} posts that match: add a word to find older ones."
_open: set[SearchResults] = set()  # the searches open on this process's pages: one query checks a post against all


class SearchResults:
    """One viewer's results for the text they search, as it changes."""

    def __init__(self, viewer: Actor) -> None:
        self.viewer, self.text = viewer, ""
        self.asked = 0  # searches started: the answer to one overtaken by newer typing is dropped
        self.shown: dict[int, tuple[ui.html, blog.PostMatch]] = {}
        self.waiting: dict[int, blog.PostMatch] = {}  # matching posts published or edited since, until asked for
        self.next: int | None = None
        self.people = ui.html().classes("w-full column gap-3").mark("people")
        self.bar = ui.button(on_click=self.show_waiting).props("unelevated rounded color=primary icon=arrow_upward")
        self.bar.classes("self-center").set_visibility(False)
        self.column = ui.column().classes("w-full gap-3").mark("results")
        self.status = ui.label(ASK).classes("text-gray-500 self-center py-4 text-center")
        self.more = ui.button("More results", on_click=self.load_more).props("flat").classes("self-center")
        self.more.set_visibility(False)
        _open.add(self)
        context.client.on_delete(lambda: _open.discard(self))
        live.subscribe(blog.FEED_TOPIC, self.on_event)

    async def search(self, text: str) -> None:
        """Show the results for `text` in place of what was shown."""
        self.asked += 1
        asked, self.text = self.asked, text  # as typed: a space after the last word says it is finished
        if not text.strip():
            self._show([], None)
            return
        self.status.text = "Searching…"
        try:
            posts, people = await asyncio.gather(
                blog.search_posts(self.viewer, text), accounts.search_people(self.viewer, text)
            )
        except DomainError as error:
            self.status.text = f"The search failed ({error}). Try again in a moment."
            return
        if asked == self.asked:
            self._show(people, posts)

    async def load_more(self) -> None:
        """Append the next page of results."""
        if self.next is None:
            return
        self.more.set_visibility(False)
        try:
            page = await blog.search_posts(self.viewer, self.text, offset=self.next)
        except DomainError as error:
            self.status.text = f"More results could not be loaded ({error}). Try again in a moment."
            self.status.set_visibility(True)
            self.more.set_visibility(True)
            return
        self._append(page)

    def show_waiting(self) -> None:
        """Put the matches held in the bar on top."""
        for match in self.waiting.values():
            self._add(match).move(target_index=0)
        self.waiting.clear()
        self._refresh()

    async def on_event(self, event: Event) -> None:
        """Hold newly matching posts in the bar, keep shown ones current, and take away those withdrawn."""
        if not self.text.strip():
            return
        if isinstance(event, blog.PostArchived | blog.PostUnpublished):
            self._withdraw(event.post_id)
        elif isinstance(event, blog.PostPublished | blog.PostRestored | blog.PostUpdated):
            text = self.text
            found = await live.load_once(
                event, lambda: blog.find_matches(ANONYMOUS, event.post_id, _searched()), what="search"
            )
            if text == self.text:
                self._arrived(event.post_id, found.get(text))

    def _arrived(self, post_id: int, match: blog.PostMatch | None) -> None:
        if match is None:  # no longer a match, or no longer public: gone, unless it is one only this viewer sees
            if post_id in self.shown and self.shown[post_id][1].post.notice is None:
                self._withdraw(post_id)
            self.waiting.pop(post_id, None)
        elif post_id in self.shown:
            card, _ = self.shown[post_id]
            card.content = match_html(match)
            self.shown[post_id] = (card, match)
        else:
            self.waiting[post_id] = match
            if not self.shown:  # nothing is being read: nothing to keep in place
                self.show_waiting()
        self._refresh()

    def _show(self, people: list[accounts.PersonMatch], page: blog.SearchPage | None) -> None:
        self.column.clear()
        self.shown.clear()
        self.waiting.clear()
        self.people.content = people_html(people)
        self.people.set_visibility(bool(people))
        self.next = None
        if page is None:
            self._refresh()
        else:
            self._append(page)

    def _append(self, page: blog.SearchPage) -> None:
        for match in page.matches:
            if match.post.id not in self.shown:
                self._add(match)
        self.next = page.next_offset
        self._refresh(page)

    def _add(self, match: blog.PostMatch) -> ui.html:
        with self.column:
            card = ui.html(match_html(match)).classes(FOUND_CLASSES)
        self.shown[match.post.id] = (card, match)
        return card

    def _withdraw(self, post_id: int) -> None:
        if shown := self.shown.pop(post_id, None):
            shown[0].delete()
        self.waiting.pop(post_id, None)
        self._refresh()

    def _refresh(self, page: blog.SearchPage | None = None) -> None:
        count = len(self.waiting)
        self.bar.text = f"{count} new result{'' if count == 1 else 's'}"
        self.bar.set_visibility(count > 0)
        self.more.set_visibility(self.next is not None)
        if not self.shown:
            self.status.text = self._empty(page)
        elif page is not None:  # the last page of a search that matched more than it ranks says how to reach them
            self.status.text = CAPPED if page.next_offset is None and page.total >= blog.SEARCH_RESULTS_MAX else ""
        self.status.set_visibility(not self.shown or bool(self.status.text))

    def _empty(self, page: blog.SearchPage | None) -> str:
        if not self.text.strip():
            return ASK
        if page is not None and not page.words:
            return f"“{page.searched}” has no words to search for: try letters or numbers."
        what = "posts" if self.people.visible else "posts or people"
        return f"No {what} match “{self.text.strip()}”. Try fewer or different words."


def _searched() -> set[str]:
    return {results.text for results in _open if results.text.strip()}
