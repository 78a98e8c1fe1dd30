"""Accounts: the code interface pages and the API may use (users, profiles, follows, sessions)."""

from .auth import change_password, register, sign_in, sign_out
from .events import FollowChanged, ProfileUpdated, SessionEnded, UserRegistered, session_topic, user_topic
from .inputs import BIO_MAX, PASSWORD_MIN, USERNAME_MAX, ChangePassword, RegisterUser, SignIn, UpdateProfile
from .profiles import follow, unfollow, update_profile
from .queries import actor_for_session, followed_ids, get_profile, get_user
from .uniqueness import EMAIL_TAKEN, USERNAME_TAKEN
from .views import Profile, SignedIn, UserView

__all__ = [
    "BIO_MAX",
    "EMAIL_TAKEN",
    "PASSWORD_MIN",
    "USERNAME_MAX",
    "USERNAME_TAKEN",
    "ChangePassword",
    "FollowChanged",
    "Profile",
    "ProfileUpdated",
    "RegisterUser",
    "SessionEnded",
    "SignIn",
    "SignedIn",
    "UpdateProfile",
    "UserRegistered",
    "UserView",
    "actor_for_session",
    "change_password",
    "follow",
    "followed_ids",
    "get_profile",
    "get_user",
    "register",
    "session_topic",
    "sign_in",
    "sign_out",
    "unfollow",
    "update_profile",
    "user_topic",
]
