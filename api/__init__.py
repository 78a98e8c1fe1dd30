"""The JSON API: the RealWorld "Conduit" contract over the same core, mounted under /api."""

from .app import PREFIX, create_app, mount

__all__ = ["PREFIX", "create_app", "mount"]
