"""How a notification reads, in the bell's menu and on the notifications page alike: one element of markup each."""

from __future__ import annotations

from html import escape
from urllib.parse import quote

from core import notifications

from .when import when_html

DOT = '<span class="inline-block shrink-0 w-2 h-2 rounded-full{}" aria-hidden="true"></span>'
UNREAD = DOT.format(" bg-primary") + '<span class="sr-only">Unread:</span>'
READ = DOT.format("")  # keeps the texts of read and unread notifications in line


def notice_html(notice: notifications.NotificationView) -> str:
    """A dot while unread, what happened (a link to the post, or to who did it) and when."""
    target = f"/post/{quote(notice.post_slug)}" if notice.post_slug else f"/profile/{quote(notice.actor_name)}"
    return (
        f'<div class="row items-baseline gap-2 no-wrap">{READ if notice.read else UNREAD}'
        f'<a class="nicegui-link text-sm no-underline" href="{escape(target)}">{escape(notice.text)}</a>'
        f"{when_html(notice.created_at)}</div>"
    )
