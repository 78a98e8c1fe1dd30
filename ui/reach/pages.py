"""How each public page describes itself to crawlers and link previews, and what it reads like without JavaScript."""

from __future__ import annotations

import re
from collections.abc import Sequence
from html import escape, unescape
from urllib.parse import quote

from core import accounts, blog

from .head import SITE, Description
from .site import absolute

FIRST_PICTURE = re.compile(r'<img\b[^>]*\bsrc="([^"]+)"')
EVERYONE_FEED = ("Everyone's posts", "/feeds/posts.atom")
TAGLINE = "Posts, comments and follows that appear on every open page the moment they are written."


def post_page(post: blog.PostView) -> Description:
    """A post: an article by its author."""
    author = post.author.username
    summary = post.description or post.excerpt or f"A post by {author} on {SITE}."
    picture = _first_picture(post.body_html)
    image = picture or post.author.image
    path = f"/post/{post.slug}"
    return Description(
        title=post.title,
        summary=summary,
        path=path,
        kind="article",
        image=image,
        large_image=picture is not None,
        author=author,
        published=post.published_at,
        modified=post.updated_at,
        feeds=(_author_feed(author), EVERYONE_FEED),
        readable=_article(post),
        linked_data=_article_data(post, path, image),
        tags=post.tags,
    )


def profile_page(profile: accounts.Profile, posts: Sequence[blog.PostSummary]) -> Description:
    """A person: who they are, and what they published lately."""
    user = profile.user
    summary = user.bio or f"{user.username} on {SITE}: {profile.posts} posts, {profile.followers} followers."
    readable = f"<h1>{escape(user.username)}</h1>"
    if user.bio:
        readable += blog.render_markdown(user.bio, breaks=True)
    return Description(
        title=user.username,
        summary=summary,
        path=_profile(user.username),
        kind="profile",
        image=user.image,
        feeds=(_author_feed(user.username),),
        readable=readable + _post_list(posts),
        indexed=not user.banned,  # a banned person's page stays readable, but is not promoted
    )


def feed_page(title: str, path: str, posts: Sequence[blog.PostSummary], feed: tuple[str, str]) -> Description:
    """A list of posts: the home page, a tag."""
    return Description(
        title=title,
        summary=TAGLINE if path == "/" else f"The latest posts on {SITE} about {title}.",
        path=path,
        feeds=(feed,) if feed == EVERYONE_FEED else (feed, EVERYONE_FEED),
        readable=f"<h1>{escape(title)}</h1>{_post_list(posts)}",
    )


def search_page(text: str, path: str, posts: Sequence[blog.PostSummary]) -> Description:
    """A search's results: described and readable, but not for indexes (they change by the minute)."""
    title = f"Search: {text.strip()}" if text.strip() else "Search"
    summary = f"Posts and people on {SITE} matching “{text.strip()}”." if text.strip() else f"Search {SITE}."
    return Description(
        title=title,
        summary=summary,
        path=path,
        feeds=(EVERYONE_FEED,),
        readable=f"<h1>{escape(title)}</h1>{_post_list(posts)}",
        indexed=False,
    )


def tag_feed(tag: str) -> tuple[str, str]:
    """The feed of one tag: its title and the path of its Atom version."""
    return (f"Posts tagged #{tag}", f"/feeds/tag/{quote(tag)}.atom")


def _author_feed(username: str) -> tuple[str, str]:
    return (f"Posts by {username}", f"/feeds/author/{quote(username)}.atom")


def _article(post: blog.PostView) -> str:
    author = escape(post.author.username)
    byline = f'By <a href="{_profile(post.author.username)}" rel="author">{author}</a>'
    if post.published_at:
        byline += f' · <time datetime="{post.published_at.isoformat()}">{post.published_at:%d %B %Y}</time>'
    tags = " ".join(f'<a href="/?tag={quote(tag)}">#{escape(tag)}</a>' for tag in post.tags)
    return f"<article><h1>{escape(post.title)}</h1><p>{byline}</p>{post.body_html}<p>{tags}</p></article>"


def _post_list(posts: Sequence[blog.PostSummary]) -> str:
    items = "".join(
        f'<li><a href="/post/{quote(post.slug or "")}">{escape(post.title)}</a>'
        f" by {escape(post.author.username)}<p>{escape(post.excerpt)}</p></li>"
        for post in posts
        if post.slug
    )
    return f"<ul>{items}</ul>" if items else ""


def _article_data(post: blog.PostView, path: str, image: str | None) -> dict[str, object]:
    data: dict[str, object] = {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": post.title[:110],
        "description": post.description or post.excerpt,
        "author": {"@type": "Person", "name": post.author.username, "url": absolute(_profile(post.author.username))},
        "datePublished": post.published_at.isoformat() if post.published_at else None,
        "dateModified": post.updated_at.isoformat(),
        "mainEntityOfPage": absolute(path),
        "keywords": list(post.tags),
    }
    if image:
        data["image"] = absolute(image)
    return {key: value for key, value in data.items() if value is not None}


def _profile(username: str) -> str:
    return f"/profile/{quote(username)}"


def _first_picture(html: str) -> str | None:
    found = FIRST_PICTURE.search(html)
    return unescape(found.group(1)) if found else None
