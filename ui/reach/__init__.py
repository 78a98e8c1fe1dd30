"""Reaching readers beyond the app: what pages say to crawlers and link previews, feeds, the sitemap."""

from .head import Description, describe
from .pages import EVERYONE_FEED, feed_page, post_page, profile_page, search_page, tag_feed
from .routes import routes
from .site import configure

__all__ = [
    "EVERYONE_FEED",
    "Description",
    "configure",
    "describe",
    "feed_page",
    "post_page",
    "profile_page",
    "routes",
    "search_page",
    "tag_feed",
]
