"""Accounts: the code interface pages and the API may use (users, sign-up, sign-in, sessions)."""

from .actions import register, sign_in, sign_out
from .events import SessionEnded, UserRegistered, session_topic
from .inputs import PASSWORD_MIN, USERNAME_MAX, RegisterUser, SignIn
from .queries import actor_for_session
from .views import SignedIn, UserView

__all__ = [
    "PASSWORD_MIN",
    "USERNAME_MAX",
    "RegisterUser",
    "SessionEnded",
    "SignIn",
    "SignedIn",
    "UserRegistered",
    "UserView",
    "actor_for_session",
    "register",
    "session_topic",
    "sign_in",
    "sign_out",
]
