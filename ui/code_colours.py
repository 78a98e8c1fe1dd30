"""The colours of highlighted code in posts and comments, one theme for light pages and one for dark."""

from __future__ import annotations

from functools import cache

from pygments.formatters import HtmlFormatter

LIGHT, DARK = "vs", "github-dark"  # both keep their tokens readable on their own background


@cache
def css() -> str:
    """The stylesheet: Pygments' token classes under posts' code blocks, the dark theme under NiceGUI's dark body."""
    return "\n".join(
        _theme(style, scope) for style, scope in ((LIGHT, ".tidings-text pre"), (DARK, ".body--dark .tidings-text pre"))
    )


def _theme(style: str, scope: str) -> str:
    formatter = HtmlFormatter(style=style)
    rules = [*formatter.get_background_style_defs(scope), *formatter.get_token_style_defs(scope)]  # type: ignore[no-untyped-call]
    return "\n".join(str(rule) for rule in rules)
