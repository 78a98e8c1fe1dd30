"""One module per page; importing this package registers every route."""

from . import admin, editor, home, notifications, post, profile, search, settings, sign_in, sign_up

__all__ = ["admin", "editor", "home", "notifications", "post", "profile", "search", "settings", "sign_in", "sign_up"]
