"""Missing things answer 404 with Tidings' own page; what the viewer may not see answers exactly the same."""

from __future__ import annotations

import re

import httpx
from nicegui import __version__, app
from nicegui.testing import User

from core import blog

from .factories import draft, member, published
from .pages import sign_in

POST_GONE = "This post does not exist, or is not visible to you."
NOBODY = "There is nobody by that name here."
NOTHING_HERE = "There is nothing at this address."
HEADER = "nicegui-header"  # Tidings' frame: NiceGUI's own error page has none
WAY_BACK = "Back to the latest posts"
ANY_ID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


async def get(path: str, http: httpx.AsyncClient | None = None) -> httpx.Response:
    """GET `path` as a browser asks for a page (NiceGUI answers Markdown to some other Accept values)."""
    if http is not None:
        return await http.get(path, headers={"Accept": "text/html"})
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test") as anonymous:
        return await get(path, anonymous)


def assert_not_found_page(response: httpx.Response, sentence: str) -> None:
    """A 404 answer that is Tidings' own page: the header, the sentence, and a way back."""
    assert response.status_code == 404, response.text[:500]
    assert "text/html" in response.headers["content-type"]
    for part in (HEADER, sentence, WAY_BACK):
        assert part in response.text, f"{part!r} missing"


def same_page(first: httpx.Response, second: httpx.Response) -> bool:
    """Whether two answers are the same but for the identifiers of their page's client."""
    return (first.status_code, ANY_ID.sub("-", first.text)) == (second.status_code, ANY_ID.sub("-", second.text))


async def test_a_missing_post_answers_404_with_tidings_own_page(user: User) -> None:
    for path in ("/post/no-such-post", "/post/99999999999999"):
        assert_not_found_page(await get(path), POST_GONE)


async def test_a_draft_and_an_archived_post_answer_exactly_like_a_missing_one(user: User) -> None:
    ann = await member("ann")
    secret = await published(ann, title="Secret draft")
    await blog.unpublish_post(ann, post_id=secret.id)  # a draft again, at the address it had
    withdrawn = await published(ann, title="Withdrawn")
    await blog.archive_post(ann, post_id=withdrawn.id)
    missing = await get("/post/no-such-post")
    for post in (secret, withdrawn):
        answer = await get(f"/post/{post.slug}")
        assert_not_found_page(answer, POST_GONE)
        assert post.title not in answer.text
        assert same_page(answer, missing)


async def test_another_members_draft_is_missing_for_them_too(user: User) -> None:
    ann = await member("ann")
    secret = await published(ann, title="Secret draft")
    await blog.unpublish_post(ann, post_id=secret.id)
    never_published = await draft(ann, title="Never published")
    await member("bob")
    await sign_in(user, "bob")
    for path in (f"/post/{secret.slug}", f"/edit/{secret.id}", f"/edit/{never_published.id}"):
        answer = await get(path, user.http_client)
        assert_not_found_page(answer, POST_GONE)
        assert "Secret draft" not in answer.text
        assert "Never published" not in answer.text
        assert "bob" in answer.text  # the header of the signed-in viewer


async def test_a_missing_profile_answers_404_with_tidings_own_page(user: User) -> None:
    assert_not_found_page(await get("/profile/nobody"), NOBODY)


async def test_the_editor_of_a_missing_post_answers_404(user: User) -> None:
    await member("ann")
    await sign_in(user, "ann")
    assert_not_found_page(await get("/edit/99999999", user.http_client), POST_GONE)


async def test_the_editor_of_someone_elses_post_still_says_who_may_edit_it(user: User) -> None:
    post = await published(await member("ann"))
    await member("bob")
    await sign_in(user, "bob")
    answer = await get(f"/edit/{post.id}", user.http_client)
    assert answer.status_code == 403
    assert "only its author edits a post" in answer.text


async def test_an_unknown_address_answers_404_with_tidings_own_page(user: User) -> None:
    for path in ("/no-such-page", "/post", "/profile/ann/more"):
        answer = await get(path)
        assert_not_found_page(answer, NOTHING_HERE)
        assert "HTTPException" not in answer.text


async def test_missing_things_that_are_not_pages_still_answer_json(user: User) -> None:
    library = await get(f"/_nicegui/{__version__}/libraries/no-such-library")
    assert (library.status_code, library.json()) == (404, {"detail": 'library "no-such-library" not found'})
    api = await get("/api/articles/no-such-article")
    assert (api.status_code, api.json()) == (404, {"errors": {"body": ["Article not found."]}})
    route = await get("/api/no-such-route")
    assert (route.status_code, route.json()) == (404, {"errors": {"body": ["Not Found"]}})
