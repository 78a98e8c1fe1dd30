"""Calling the JSON API in-process, as an HTTP client would: through the ASGI app, with real tokens."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import httpx
from fastapi import FastAPI

import api
from core import Settings

from .factories import PASSWORD


@asynccontextmanager
async def api_client(host: Any = None) -> AsyncIterator[httpx.AsyncClient]:
    """A client of the API mounted under /api of `host` (default: a bare FastAPI app of its own)."""
    if host is None:
        host = FastAPI()
        api.mount(host, Settings())
    transport = httpx.ASGITransport(app=host)
    async with httpx.AsyncClient(transport=transport, base_url="http://test/api") as http:
        yield http


async def register(http: httpx.AsyncClient, name: str, password: str = PASSWORD) -> str:
    """Register `name` through the API; return their token."""
    user = {"username": name, "email": f"{name}@example.com", "password": password}
    response = await http.post("/users", json={"user": user})
    assert response.status_code == 201, response.text
    token: str = response.json()["user"]["token"]
    return token


async def log_in(http: httpx.AsyncClient, name: str, password: str = PASSWORD) -> str:
    """Log `name` in through the API; return the new token."""
    response = await http.post("/users/login", json={"user": {"email": f"{name}@example.com", "password": password}})
    assert response.status_code == 200, response.text
    token: str = response.json()["user"]["token"]
    return token


def auth(token: str) -> dict[str, str]:
    """The contract's header for `token`."""
    return {"Authorization": f"Token {token}"}


async def write_article(
    http: httpx.AsyncClient, token: str, title: str = "How to train your dragon", **fields: Any
) -> str:
    """Create an article through the API; return its slug."""
    article = {"title": title, "description": "Ever wonder how?", "body": "Very carefully.", **fields}
    response = await http.post("/articles", json={"article": article}, headers=auth(token))
    assert response.status_code == 201, response.text
    slug: str = response.json()["article"]["slug"]
    return slug


def errors(response: httpx.Response) -> list[str]:
    """The messages of an error answer (which must have the contract's shape)."""
    body = response.json()
    assert list(body) == ["errors"], body
    assert list(body["errors"]) == ["body"], body
    messages: list[str] = body["errors"]["body"]
    return messages
