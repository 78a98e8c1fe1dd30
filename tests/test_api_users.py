"""The API's users and tokens: register, log in, the current user, and every way a token stops working."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import jwt
import pytest

from api.auth import LIFETIME, Tokens, signing_key
from core import ANONYMOUS, Settings, accounts, audit
from core.accounts.throttle import FREE_FAILURES_PER_ACCOUNT
from core.console import CONSOLE

from .api_client import api_client, auth, errors, log_in, register
from .factories import PASSWORD

NEW_PASSWORD = "a much longer passphrase"


async def test_registering_answers_201_with_the_user_and_a_token_for_them() -> None:
    async with api_client() as http:
        response = await http.post(
            "/users", json={"user": {"username": "ann", "email": "Ann@Example.com", "password": PASSWORD}}
        )
        assert response.status_code == 201
        user = response.json()["user"]
        assert {k: v for k, v in user.items() if k != "token"} == {
            "username": "ann",
            "email": "ann@example.com",
            "bio": "",
            "image": "",
        }
        me = await http.get("/user", headers=auth(user["token"]))
    assert me.status_code == 200
    assert me.json()["user"] == user


async def test_registering_a_taken_name_or_a_bad_address_is_a_422_naming_each_field() -> None:
    async with api_client() as http:
        await register(http, "ann")
        taken = await http.post(
            "/users", json={"user": {"username": "ANN", "email": "ann@example.com", "password": PASSWORD}}
        )
        malformed = await http.post("/users", json={"user": {"username": "bob", "email": "no", "password": "short"}})
    assert (taken.status_code, malformed.status_code) == (422, 422)
    assert errors(taken) == [f"username: {accounts.USERNAME_TAKEN}", f"email: {accounts.EMAIL_TAKEN}"]
    assert errors(malformed) == [
        "email: Use at least 3 characters.",
        "password: Use at least 8 characters.",
    ]


async def test_logging_in_gives_a_new_token_and_wrong_credentials_are_a_401() -> None:
    async with api_client() as http:
        first = await register(http, "ann")
        second = await log_in(http, "ann")
        assert second != first
        for email, password in (("ann@example.com", "wrong password"), ("nobody@example.com", PASSWORD)):
            response = await http.post("/users/login", json={"user": {"email": email, "password": password}})
            assert response.status_code == 401
            assert errors(response) == [accounts.WRONG_CREDENTIALS]


async def test_too_many_failed_logins_are_a_429_saying_when_to_retry() -> None:
    async with api_client() as http:
        await register(http, "ann")
        for password in [*["wrong password"] * FREE_FAILURES_PER_ACCOUNT, PASSWORD]:
            answer = await http.post("/users/login", json={"user": {"email": "ann@example.com", "password": password}})
    assert answer.status_code == 429  # the right password, refused unchecked
    assert answer.headers["Retry-After"] == "30"
    assert errors(answer) == ["Too many failed sign-ins. Wait 30 seconds, then try again."]
    [throttled, *_] = await audit.list_entries(CONSOLE, action="user.sign_in")
    assert throttled.changes["address"] == [None, "127.0.0.1"]  # the API's client, as the connection says


async def test_a_malformed_login_is_a_422_naming_the_missing_and_wrong_fields() -> None:
    async with api_client() as http:
        response = await http.post("/users/login", json={"user": {"email": 42}})
        assert response.status_code == 422
        assert errors(response) == ["email: Input should be a valid string", "password: Field required"]
        response = await http.post("/users/login", content=b"{not json", headers={"Content-Type": "application/json"})
        assert response.status_code == 422
        assert errors(response) == ["request body: JSON decode error"]


def forged(claims: dict[str, object], key: bytes = b"another key, of a good length too") -> str:
    return jwt.encode(claims, key, algorithm="HS256")


@pytest.mark.parametrize(
    ("header", "message"),
    [
        (None, "Sign in first: send 'Authorization: Token <token>'."),
        ("Bearer {token}", "Send the header as 'Authorization: Token <token>'."),
        ("Token not-a-jwt", "This token is not valid."),
        ("Token {forged}", "This token is not valid."),
        ("Token {no_session_claim}", "This token is not valid."),
        ("Token {expired}", "This token has expired: sign in again."),
    ],
    ids=["missing", "other scheme", "garbage", "forged", "no session", "expired"],
)
async def test_a_missing_forged_or_expired_token_is_a_401(header: str | None, message: str) -> None:
    async with api_client() as http:
        token = await register(http, "ann")
        signed_in = await accounts.sign_in(ANONYMOUS, login="ann", password=PASSWORD)
        secret = Settings().resolved_secret()
        long_ago = datetime.now(UTC) - LIFETIME - timedelta(minutes=1)
        values = {
            "token": token,
            "forged": forged(jwt.decode(token, options={"verify_signature": False})),
            "no_session_claim": forged({"sub": "1", "exp": datetime.now(UTC) + LIFETIME}, signing_key(secret)),
            "expired": Tokens(secret).issue(signed_in, now=long_ago),
        }
        headers = {"Authorization": header.format(**values)} if header else {}
        response = await http.get("/user", headers=headers)
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == "Token"
    assert errors(response) == [message]


async def test_signing_out_the_session_behind_a_token_revokes_the_token() -> None:
    async with api_client() as http:
        token = await register(http, "ann")
        session_token = jwt.decode(token, options={"verify_signature": False})["sid"]
        ann = await accounts.actor_for_session(session_token)
        await accounts.sign_out(ann, token=session_token)
        response = await http.get("/user", headers=auth(token))
    assert response.status_code == 401
    assert errors(response) == ["This token's session has ended: sign in again."]


async def test_a_bad_token_is_a_401_even_where_signing_in_is_optional() -> None:
    async with api_client() as http:
        assert (await http.get("/articles")).status_code == 200
        assert (await http.get("/articles", headers={"Authorization": "Token forged"})).status_code == 401


async def test_updating_the_user_changes_only_the_given_fields() -> None:
    async with api_client() as http:
        token = await register(http, "ann")
        changes = {"bio": "I write about dragons.", "image": "https://example.com/ann.png", "email": "ann@mail.com"}
        response = await http.put("/user", json={"user": changes}, headers=auth(token))
        assert response.status_code == 200
        assert response.json()["user"] == {"username": "ann", "token": token, **changes}
        response = await http.put("/user", json={"user": {"image": "", "bio": None}}, headers=auth(token))
    assert (response.json()["user"]["image"], response.json()["user"]["bio"]) == ("", "I write about dragons.")


async def test_a_picture_at_an_http_address_is_a_422_saying_why() -> None:
    async with api_client() as http:
        token = await register(http, "ann")
        response = await http.put("/user", json={"user": {"image": "http://example.com/ann.png"}}, headers=auth(token))
        assert response.status_code == 422
        assert errors(response) == [f"image: {accounts.PICTURE_NOT_HTTPS}"]
        assert (await http.get("/user", headers=auth(token))).json()["user"]["image"] == ""


async def test_a_new_password_needs_the_current_one_and_ends_the_other_tokens() -> None:
    async with api_client() as http:
        token = await register(http, "ann")
        other = await log_in(http, "ann")
        response = await http.put("/user", json={"user": {"password": NEW_PASSWORD}}, headers=auth(token))
        assert response.status_code == 422
        assert errors(response) == ["currentPassword: This field is required."]
        wrong = {"password": NEW_PASSWORD, "currentPassword": "not it", "bio": "Changed"}
        response = await http.put("/user", json={"user": wrong}, headers=auth(token))
        assert response.status_code == 422
        assert errors(response) == ["currentPassword: This is not your current password."]
        right = {"password": NEW_PASSWORD, "currentPassword": PASSWORD}
        response = await http.put("/user", json={"user": right}, headers=auth(token))
        assert response.status_code == 200
        assert response.json()["user"]["bio"] == ""  # the refused change above changed nothing
        assert (await http.get("/user", headers=auth(token))).status_code == 200
        assert (await http.get("/user", headers=auth(other))).status_code == 401
        assert await log_in(http, "ann", NEW_PASSWORD)
