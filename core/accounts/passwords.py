"""Password hashing with argon2id, off the event loop (a hash takes tens of milliseconds of CPU)."""

from __future__ import annotations

import asyncio

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

# OWASP's recommended minimum for argon2id (19 MiB, 2 passes, 1 lane): ~60 ms a hash on these machines.
# The library default (64 MiB, 3 passes, 4 lanes) takes ~180 ms, which caps sign-ins at ~10 a second per core.
STANDARD = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1)

_hasher = STANDARD
_dummy_hash = ""


def use_hasher(hasher: PasswordHasher) -> None:
    """Hash new passwords with `hasher` (tests use a cheap one; stored hashes keep their own parameters)."""
    global _hasher, _dummy_hash
    _hasher, _dummy_hash = hasher, ""


async def hash_password(password: str) -> str:
    """The argon2id hash of `password`."""
    return await asyncio.to_thread(_hasher.hash, password)


async def verify_password(password_hash: str | None, password: str) -> bool:
    """Whether `password` matches; with no hash (unknown user) it spends the same time and says no."""
    return await asyncio.to_thread(_verify, password_hash, password)


def _verify(password_hash: str | None, password: str) -> bool:
    try:
        return _hasher.verify(password_hash or _dummy(), password) and password_hash is not None
    except (VerificationError, InvalidHashError):
        return False


def _dummy() -> str:
    global _dummy_hash  # noqa: PLW0603
    if not _dummy_hash:
        _dummy_hash = _hasher.hash("a password nobody has")
    return _dummy_hash
