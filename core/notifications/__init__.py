"""Notifications: what happened that concerns a user, shown live in their bell (code interface)."""

from .actions import mark_all_read
from .events import NotificationsChanged
from .models import NotificationKind
from .queries import list_notifications, unread_count
from .views import NotificationView

__all__ = [
    "NotificationKind",
    "NotificationView",
    "NotificationsChanged",
    "list_notifications",
    "mark_all_read",
    "unread_count",
]
