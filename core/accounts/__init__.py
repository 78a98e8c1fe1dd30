"""Accounts: the code interface pages and the API may use (users, profiles, follows, sessions)."""

from ..limits import BIO_MAX, EMAIL_MAX, PASSWORD_MIN, REASON_MAX, USERNAME_MAX
from .auth import (
    PASSWORD_CHANGED,
    SIGNED_OUT_EVERYWHERE,
    WRONG_CREDENTIALS,
    change_password,
    register,
    sign_in,
    sign_out,
    sign_out_everywhere,
)
from .combined import sign_up, update_account
from .directory import PAGE as PAGE_SIZE
from .directory import count_users, list_users
from .events import (
    USERS_TOPIC,
    FollowChanged,
    ProfileUpdated,
    SessionEnded,
    StandingChanged,
    UserRegistered,
    session_topic,
    user_topic,
)
from .inputs import (
    NO_EMAIL,
    NO_USERNAME,
    PICTURE_NOT_HTTPS,
    ROLES_GIVEN,
    BanUser,
    ChangePassword,
    ChangeRole,
    RegisterUser,
    SignIn,
    UpdateProfile,
)
from .profiles import follow, unfollow, update_profile
from .queries import actor_for_session, followed_ids, get_profile, get_user
from .search import search_people
from .standing import LAST_ADMIN, ban_user, change_role, unban_user
from .uniqueness import EMAIL_TAKEN, USERNAME_TAKEN
from .views import PersonMatch, Profile, SignedIn, UserRow, UserView

__all__ = [
    "BIO_MAX",
    "EMAIL_MAX",
    "EMAIL_TAKEN",
    "LAST_ADMIN",
    "NO_EMAIL",
    "NO_USERNAME",
    "PAGE_SIZE",
    "PASSWORD_CHANGED",
    "PASSWORD_MIN",
    "PICTURE_NOT_HTTPS",
    "REASON_MAX",
    "ROLES_GIVEN",
    "SIGNED_OUT_EVERYWHERE",
    "USERNAME_MAX",
    "USERNAME_TAKEN",
    "USERS_TOPIC",
    "WRONG_CREDENTIALS",
    "BanUser",
    "ChangePassword",
    "ChangeRole",
    "FollowChanged",
    "PersonMatch",
    "Profile",
    "ProfileUpdated",
    "RegisterUser",
    "SessionEnded",
    "SignIn",
    "SignedIn",
    "StandingChanged",
    "UpdateProfile",
    "UserRegistered",
    "UserRow",
    "UserView",
    "actor_for_session",
    "ban_user",
    "change_password",
    "change_role",
    "count_users",
    "follow",
    "followed_ids",
    "get_profile",
    "get_user",
    "list_users",
    "register",
    "search_people",
    "session_topic",
    "sign_in",
    "sign_out",
    "sign_out_everywhere",
    "sign_up",
    "unban_user",
    "unfollow",
    "update_account",
    "update_profile",
    "user_topic",
]
