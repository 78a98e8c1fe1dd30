"""What people may see, beyond the actions: the rules of the policy table no action carries, asked like actions.

`access.ADMIN_AREA.can(viewer)`, `access.ADMIN_AREA.why_not(viewer)`: pages ask these before they show something;
the queries behind it require the same.
"""

from __future__ import annotations

from .actor import Actor
from .policy import Permission

ADMIN_AREA = Permission("admin.view")  # the admin area and its lists: users, the moderation queue, activity
AUDIT_TRAIL = Permission("audit.read")  # every entry of the audit trail
POST_HISTORY = Permission("audit.read_post")  # the history of one post (its author)
EMAIL = Permission("user.read_email")  # someone's e-mail address
POST = Permission("post.read")  # a post (the read filters of the queries are this rule's twin)


def can_read_history(actor: Actor, post: object) -> bool:
    """Whether `actor` may read the history of `post` (a read model carrying its author): theirs, or all of them."""
    return AUDIT_TRAIL.can(actor) or POST_HISTORY.can(actor, post)
