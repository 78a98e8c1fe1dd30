"""The blog: the code interface pages and the API may use (posts, comments, their events and input rules)."""

from .actions import add_comment, create_post, publish_post
from .events import FEED_TOPIC, CommentAdded, PostDrafted, PostPublished, post_topic
from .inputs import COMMENT_MAX, TITLE_MAX, AddComment, CreatePost
from .models import PostStatus
from .queries import PAGE_SIZE, get_comment, get_post, list_comments, list_posts
from .views import CommentView, PostView

__all__ = [
    "COMMENT_MAX",
    "FEED_TOPIC",
    "PAGE_SIZE",
    "TITLE_MAX",
    "AddComment",
    "CommentAdded",
    "CommentView",
    "CreatePost",
    "PostDrafted",
    "PostPublished",
    "PostStatus",
    "PostView",
    "add_comment",
    "create_post",
    "get_comment",
    "get_post",
    "list_comments",
    "list_posts",
    "post_topic",
    "publish_post",
]
