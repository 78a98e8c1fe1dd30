"""Pictures nothing shows any more are removed; never one a profile, a post (in any state) or a comment shows."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from core import Actor, Role, accounts, blog, pictures
from core.pictures.models import Picture

from .factories import draft, member, published, with_role
from .pictures import picture

NO_GRACE = timedelta(0)


async def upload(actor: Actor, colour: str) -> pictures.PictureView:
    return await pictures.upload_picture(actor, data=picture("PNG", colour=colour), filename=f"{colour}.png")


async def kept() -> set[str]:
    return {str(digest) for digest in await Picture.all().values_list("hash", flat=True)}


async def test_a_picture_nothing_references_is_removed_once_its_grace_is_over() -> None:
    ann = await member("ann")
    lost = await upload(ann, "red")
    assert await pictures.prune_pictures() == 0  # uploaded a moment ago: maybe about to be saved into a draft
    assert await kept() == {lost.hash}
    assert await pictures.prune_pictures(NO_GRACE) == 1
    assert await kept() == set()


async def test_pruning_never_removes_a_picture_that_a_profile_a_post_or_a_comment_shows() -> None:
    ann, bob = await member("ann"), await member("bob")
    shown = {name: await upload(ann, name) for name in ("red", "green", "blue", "gray", "navy", "olive", "white")}
    await accounts.update_profile(ann, image=shown["red"].avatar_url)
    await accounts.update_profile(bob, bio=f"Me on holiday: {shown['green'].markdown('me')}")
    await draft(ann, title="A draft", body=f"Soon: {shown['blue'].markdown()}")
    post = await published(ann, title="Published", body=f"Look: ![x]({shown['gray'].url} 'a title')")
    archived = await published(ann, title="Archived", body=f"Gone: {shown['navy'].markdown()}")
    await blog.archive_post(ann, post_id=archived.id)
    unpublished = await published(ann, title="Withdrawn", body=f"Back: {shown['olive'].markdown()}")
    await blog.unpublish_post(await with_role(Role.MODERATOR), post_id=unpublished.id, reason="Checking it")
    await blog.add_comment(bob, post_id=post.id, body=f"Mine too: {shown['white'].markdown()}")
    unreferenced = await upload(ann, "black")

    assert await pictures.prune_pictures(NO_GRACE) == 1
    assert await kept() == {picture.hash for picture in shown.values()}
    assert unreferenced.hash not in await kept()


async def test_a_picture_no_longer_shown_is_removed_and_one_uploaded_again_gets_its_grace_again() -> None:
    ann = await member("ann")
    first = await upload(ann, "red")
    await accounts.update_profile(ann, image=first.avatar_url)
    await accounts.update_profile(ann, image="")
    long_ago = datetime.now(UTC) - pictures.GRACE * 2
    await Picture.filter(hash=first.hash).update(uploaded_at=long_ago)
    await upload(ann, "red")  # the same picture again: about to be used
    assert await pictures.prune_pictures() == 0
    await Picture.filter(hash=first.hash).update(uploaded_at=long_ago)
    assert await pictures.prune_pictures() == 1


@pytest.mark.parametrize("address", ["/pictures/{hash}.webp", "/pictures/{hash}/avatar.webp"])
async def test_a_profile_takes_the_address_of_an_uploaded_picture(address: str) -> None:
    ann = await member("ann")
    uploaded = await upload(ann, "red")
    user = await accounts.update_profile(ann, image=address.format(hash=uploaded.hash))
    assert user.image == address.format(hash=uploaded.hash)
