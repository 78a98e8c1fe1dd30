"""The API's comments: listed oldest first, added by members, deleted by their author or the article's."""

from __future__ import annotations

from .api_client import api_client, auth, errors, register, write_article


async def test_comments_are_added_listed_and_deleted_by_their_author() -> None:
    async with api_client() as http:
        ann, bob = await register(http, "ann"), await register(http, "bob")
        slug = await write_article(http, ann)
        added = await http.post(f"/articles/{slug}/comments", json={"comment": {"body": "First!"}}, headers=auth(bob))
        await http.post(f"/articles/{slug}/comments", json={"comment": {"body": "Second"}}, headers=auth(ann))
        listed = await http.get(f"/articles/{slug}/comments")
        comment = added.json()["comment"]
        deleted = await http.delete(f"/articles/{slug}/comments/{comment['id']}", headers=auth(bob))
        remaining = await http.get(f"/articles/{slug}/comments")
    assert added.status_code == 200  # the contract's status for a new comment
    assert (comment["body"], comment["author"]["username"]) == ("First!", "bob")
    assert [c["body"] for c in listed.json()["comments"]] == ["First!", "Second"]
    assert (deleted.status_code, deleted.content) == (204, b"")
    assert [c["body"] for c in remaining.json()["comments"]] == ["Second"]


async def test_someone_elses_comment_cannot_be_deleted_but_the_article_author_may() -> None:
    async with api_client() as http:
        ann, bob, cid = await register(http, "ann"), await register(http, "bob"), await register(http, "cid")
        slug = await write_article(http, ann)
        added = await http.post(f"/articles/{slug}/comments", json={"comment": {"body": "Hi"}}, headers=auth(bob))
        path = f"/articles/{slug}/comments/{added.json()['comment']['id']}"
        refused = await http.delete(path, headers=auth(cid))
        anonymous = await http.delete(path)
        by_article_author = await http.delete(path, headers=auth(ann))
    assert (refused.status_code, anonymous.status_code, by_article_author.status_code) == (403, 401, 204)


async def test_a_comment_is_found_only_under_its_own_article() -> None:
    async with api_client() as http:
        ann = await register(http, "ann")
        first = await write_article(http, ann, title="First")
        second = await write_article(http, ann, title="Second")
        added = await http.post(f"/articles/{first}/comments", json={"comment": {"body": "Hi"}}, headers=auth(ann))
        comment_id = added.json()["comment"]["id"]
        elsewhere = await http.delete(f"/articles/{second}/comments/{comment_id}", headers=auth(ann))
        too_large = await http.delete(f"/articles/{first}/comments/{2**31}", headers=auth(ann))
        kept = await http.get(f"/articles/{first}/comments")
    assert (elsewhere.status_code, errors(elsewhere)) == (404, ["Comment not found."])
    assert (too_large.status_code, errors(too_large)) == (422, ["id: Input should be less than or equal to 2147483647"])
    assert len(kept.json()["comments"]) == 1


async def test_an_empty_or_missing_comment_is_a_422_naming_the_field() -> None:
    async with api_client() as http:
        ann = await register(http, "ann")
        slug = await write_article(http, ann)
        empty = await http.post(f"/articles/{slug}/comments", json={"comment": {"body": "  "}}, headers=auth(ann))
        missing = await http.post(f"/articles/{slug}/comments", json={"comment": {}}, headers=auth(ann))
    assert (empty.status_code, errors(empty)) == (422, ["body: This field can't be empty."])
    assert (missing.status_code, errors(missing)) == (422, ["body: Field required"])
