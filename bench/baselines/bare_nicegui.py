"""What NiceGUI alone costs: a page with a title, 20 comments as labels and a comment box; each comment appends one
label to every open page. `python -m bench.baselines.bare_nicegui PORT`.
"""

from __future__ import annotations

import sys

from nicegui import Client, app, ui

COMMENTS = [f"Comment number {n}: a few words about the post, as readers write them." for n in range(1, 21)]
_lists: dict[str, ui.column] = {}


@ui.page("/post")
def post_page(client: Client) -> None:
    """The post, its comments, and the box to add one."""
    ui.label("A post with twenty comments").classes("text-2xl")
    with ui.column() as comments:
        for text in COMMENTS:
            ui.label(text)
    _lists[client.id] = comments
    client.on_delete(lambda: _lists.pop(client.id, None))
    box = ui.textarea(placeholder="Add to the discussion")
    ui.button("Comment", on_click=lambda: add(box.value))


def add(text: str) -> None:
    """Append the comment to every open page."""
    COMMENTS.append(text)
    for comments in list(_lists.values()):
        with comments:
            ui.label(text)


@app.get("/health")
def health() -> dict[str, bool]:
    """For the benchmark: the server is up."""
    return {"ok": True}


if __name__ in {"__main__", "__mp_main__"}:
    ui.run(port=int(sys.argv[1]), reload=False, show=False, show_welcome_message=False, uvicorn_logging_level="warning")
