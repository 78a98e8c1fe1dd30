"""When something happened, as one <time> element wherever a date is shown.

The server writes the date (what a reader without JavaScript, a crawler, or a page built from cached markup sees:
every viewer of a comment shares its markup, so it cannot say "3 min ago" for long); ui/static/when.js rewrites it
in the browser as people say it ("just now", "3 min ago", "yesterday") and keeps it current, the exact local date
and time in its title.
"""

from __future__ import annotations

from datetime import UTC, datetime

from nicegui import ui

WHEN_CLASSES = "text-xs text-gray-500"


def when_html(moment: datetime | None, classes: str = WHEN_CLASSES) -> str:
    """`moment` as a <time> element's markup (nothing when there is no moment)."""
    if moment is None:
        return ""
    utc = moment.astimezone(UTC)
    return (
        f'<time class="tidings-when {classes}" datetime="{utc.isoformat(timespec="seconds")}"'
        f' title="{exact(utc)}">{day(utc)}</time>'
    )


def when(moment: datetime | None, classes: str = WHEN_CLASSES) -> ui.html:
    """`moment` as one element on the page."""
    return ui.html(when_html(moment, classes), tag="span")


def day(moment: datetime) -> str:
    """The day, as the server writes it before the browser says it better."""
    return f"{moment.day} {moment:%b %Y}"


def exact(moment: datetime) -> str:
    """The exact time, in UTC (the browser replaces it with the reader's local time)."""
    return f"{moment.day} {moment:%B %Y}, {moment:%H:%M} UTC"
