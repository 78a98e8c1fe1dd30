"""Markdown as readers get it: code highlighted on the server, and nothing but code's own classes let through."""

from __future__ import annotations

from core import blog


def test_code_in_a_known_language_is_highlighted_with_token_classes() -> None:
    html = blog.render_markdown('```python\ndef f():\n    return "<b>"\n```')
    assert '<code class="language-python">' in html
    assert '<span class="k">def</span>' in html
    assert "&lt;b&gt;" in html  # the code's text stays text


def test_code_in_an_unknown_language_is_shown_as_it_is() -> None:
    html = blog.render_markdown("```no-such-language\nplain <b>\n```")
    assert "<span" not in html
    assert "plain &lt;b&gt;" in html


def test_a_language_name_that_is_no_class_name_is_dropped() -> None:
    assert blog.render_markdown('```"onmouseover=alert(1)\nx\n```') == "<pre><code>x\n</code></pre>\n"
