"""The editor: write or edit a post with a live preview; drafts save themselves, nothing typed is lost.

A post is edited at /edit/<its id>: an address that does not depend on its title, which the author is still
changing (the post's own address, /post/<slug>, is made from the title when it is first published).
"""

from __future__ import annotations

from fastapi.responses import RedirectResponse
from nicegui import context, ui

from core import Actor, NotFound, blog

from .. import session
from ..components.editor.editor import Editor
from ..components.frame import frame
from ..components.missing import not_found
from ..components.posts import edit_path
from ..components.returning import sign_in_path
from ..components.why import why_not

ID_MAX = 2**31 - 1


@ui.page("/write")
async def new_post_page() -> RedirectResponse | None:
    """The editor for a new post."""
    viewer = await session.viewer()
    if viewer.is_anonymous:
        return RedirectResponse(sign_in_path("/write"))
    async with frame(viewer, "Write"):
        if not blog.create_post.can(viewer):
            context.client.status_code = 403
            why_not(viewer, blog.create_post)
            return None
        Editor(viewer, None)
    return None


@ui.page("/edit/{key}")
async def edit_post_page(key: str) -> RedirectResponse | None:
    """The editor for an existing post (`key`: its id; an old /edit/<slug> link leads there too)."""
    viewer = await session.viewer()
    try:
        post = await _post_to_edit(viewer, key)
    except NotFound:
        async with frame(viewer, "Edit"):
            not_found("This post does not exist, or is not visible to you.")
        return None
    if key != str(post.id):
        return RedirectResponse(edit_path(post))
    async with frame(viewer, "Edit"):
        if not blog.update_post.can(viewer, post):
            context.client.status_code = 403
            why_not(viewer, blog.update_post, post)
            return None
        Editor(viewer, post)
    return None


async def _post_to_edit(viewer: Actor, key: str) -> blog.PostView:
    if key.isdigit() and int(key) <= ID_MAX:
        return await blog.get_post_by_id(viewer, int(key))
    return await blog.get_post(viewer, key)
