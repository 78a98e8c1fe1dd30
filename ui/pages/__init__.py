"""One module per page; importing this package registers every route."""

from . import editor, home, post, profile, settings, sign_in, sign_up

__all__ = ["editor", "home", "post", "profile", "settings", "sign_in", "sign_up"]
