"""The input rules of the account actions, also used by pages for feedback while the user types."""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator, Field, StringConstraints, ValidationInfo, field_validator

from ..actor import Role
from ..limits import (
    BIO_MAX,
    EMAIL_MAX,
    IMAGE_MAX,
    PASSWORD_MAX,
    PASSWORD_MIN,
    REASON_MAX,
    REASON_MIN,
    TOKEN_MAX,
    USERNAME_MAX,
    USERNAME_MIN,
)
from ..pictures.addresses import is_picture_address
from ..validation import Command, required

_USERNAME = re.compile(r"[A-Za-z0-9_-]+")
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
_IMAGE = re.compile(r"https://[^\s\"'<>]+", re.IGNORECASE)
NO_USERNAME = "Choose a username."
NO_EMAIL = "Enter your e-mail address."
# The pages' security policy shows pictures from https:// addresses only (ui/security_headers.py).
PICTURE_NOT_HTTPS = "Use an address starting with https://: pages here do not show pictures from http:// addresses."
# The accounts `python main.py seed` creates have addresses at this domain (`.invalid` is reserved: no one's mailbox
# is there), and no one else may take one: it is how seeding tells its own accounts from real people's.
SEEDED_DOMAIN = "seed.invalid"


def _username(value: str) -> str:
    if not _USERNAME.fullmatch(value):
        raise ValueError("Use only letters, digits, '-' and '_'.")
    return value


def _email(value: str) -> str:
    if not _EMAIL.fullmatch(value):
        raise ValueError("Enter an e-mail address like name@example.com.")
    if len(lowered := value.lower()) > EMAIL_MAX:  # some letters grow when lower-cased ("İ" → "i̇")
        raise ValueError(f"Use at most {EMAIL_MAX} characters.")
    if lowered.endswith(f"@{SEEDED_DOMAIN}"):
        raise ValueError(f"Addresses at {SEEDED_DOMAIN} are kept for seeded demonstration accounts.")
    return lowered


ROLES_GIVEN = (Role.MEMBER, Role.MODERATOR, Role.ADMIN)  # everyone signed in holds one of these


def _given_role(role: Role) -> Role:
    if role not in ROLES_GIVEN:
        raise ValueError("Choose member, moderator or admin: everyone signed in is at least a member.")
    return role


def _image(value: str) -> str | None:
    if not value:
        return None
    if is_picture_address(value):  # uploaded to Tidings (on /settings, or POST /api/uploads)
        return value
    if value.lower().startswith("http://"):
        raise ValueError(PICTURE_NOT_HTTPS)
    if not _IMAGE.fullmatch(value):
        raise ValueError("Enter the address of a picture, starting with https://, or upload one.")
    return value


# `required` comes last: it runs first, before the length rules (a validator before them would turn their errors
# into pydantic's generic ones).
Username = Annotated[
    str, Field(min_length=USERNAME_MIN, max_length=USERNAME_MAX), AfterValidator(_username), required(NO_USERNAME)
]
Email = Annotated[str, Field(min_length=3, max_length=EMAIL_MAX), AfterValidator(_email), required(NO_EMAIL)]
# Spaces in a password are part of it: never trimmed.
Password = Annotated[
    str,
    StringConstraints(strip_whitespace=False, min_length=PASSWORD_MIN, max_length=PASSWORD_MAX),
    required("Choose a password.", blank=False),
]
GivenPassword = Annotated[
    str,
    StringConstraints(strip_whitespace=False, min_length=1, max_length=PASSWORD_MAX),
    required("Enter your password.", blank=False),
]
Name = Annotated[str, Field(min_length=1, max_length=USERNAME_MAX)]  # of someone else: looked up, not checked
Bio = Annotated[str, Field(max_length=BIO_MAX)]
Image = Annotated[str, Field(max_length=IMAGE_MAX), AfterValidator(_image)]


class RegisterUser(Command):
    """Sign up with a username, an e-mail address and a password."""

    username: Username
    email: Email
    password: Password


class SignIn(Command):
    """Sign in with a username or e-mail address and the password, from a client address (for throttling)."""

    login: Annotated[str, Field(min_length=1, max_length=EMAIL_MAX), required("Enter your username or e-mail address.")]
    password: GivenPassword
    address: Annotated[str, Field(max_length=64)] | None = None


class SignOut(Command):
    """End the session that `token` stands for."""

    token: Annotated[str, Field(min_length=1, max_length=TOKEN_MAX)]


class SignOutEverywhere(Command):
    """End every session of the actor's account, the current one included."""


class UpdateProfile(Command):
    """Change what others see of the actor (fields left out stay as they are; an empty picture removes it)."""

    username: Username | None = None
    email: Email | None = None
    bio: Bio | None = None
    image: Image | None = None

    @field_validator("username", "email")
    @classmethod
    def _not_removed(cls, value: str | None, info: ValidationInfo) -> str:
        # Left out, they stay as they are; given as None they would remove what an account must have.
        if value is None:
            raise ValueError(NO_USERNAME if info.field_name == "username" else NO_EMAIL)
        return value


class ChangePassword(Command):
    """Replace the actor's password, proving the current one."""

    current_password: GivenPassword
    new_password: Password


class FollowUser(Command):
    """Start or stop following the user with this name."""

    username: Name


class ChangeRole(Command):
    """Give a user another role."""

    username: Name
    role: Annotated[Role, AfterValidator(_given_role)]


class BanUser(Command):
    """Stop a user from writing, saying why (the user is told)."""

    username: Name
    reason: Annotated[str, Field(min_length=REASON_MIN, max_length=REASON_MAX)]


class UnbanUser(Command):
    """Let a banned user write again."""

    username: Name
