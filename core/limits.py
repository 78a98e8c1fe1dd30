"""Every limit on what people type, in one place: pages show them before anyone reaches them.

No limit exceeds the column that stores the value (tests/test_input_limits.py compares them), so what
passes validation always fits in the database.
"""

from __future__ import annotations

# Accounts
USERNAME_MIN = 3
USERNAME_MAX = 32  # users.username
EMAIL_MAX = 254  # users.email, and RFC 5321's longest address
PASSWORD_MIN = 8
PASSWORD_MAX = 128  # only a hash is stored: this bounds the hashing work
BIO_MAX = 1_000  # users.bio is text
IMAGE_MAX = 500  # users.image
TOKEN_MAX = 200  # a session token as handed out is 43 characters

# Posts and comments
TITLE_MAX = 200  # posts.title, notifications.post_title
DESCRIPTION_MAX = 300  # posts.description
BODY_MAX = 100_000  # posts.body is text
COMMENT_MAX = 5_000  # comments.body is text
TAG_MAX = 30  # tags.name: a tag as stored, once normalised
TAGS_MAX = 10  # tags on one post
# A tag as typed may carry spaces and punctuation that normalising drops ("C++ (2024)" → "c-2024"), and one
# list may repeat tags in other cases: generous bounds on the raw input keep huge inputs cheap to refuse.
TAG_TYPED_MAX = 100
TAGS_TYPED_MAX = 100

# Search: what is typed into a search box (never stored). Longer text is cut here, not refused: searching never fails.
SEARCH_MAX = 200

# Moderation: a reason is quoted whole in a notification (notifications.detail), after the words saying
# what was done, which are shortened to make room for it.
REASON_MIN = 3
REASON_MAX = 200
DETAIL_MAX = 300  # notifications.detail

# Pictures (core/pictures): what an upload may be, and what Tidings makes of it
PICTURE_BYTES_MAX = 10 * 1024 * 1024  # the file as uploaded
PICTURE_PIXELS_MAX = 50_000_000  # width times height, read from the header before any pixel is decoded (bombs)
PICTURE_SIDE_MAX = 1600  # the longer side of the picture as shown in posts (never enlarged)
AVATAR_SIDE = 256  # the square thumbnail shown as a profile picture
UPLOADS_PER_HOUR = 30  # per user
