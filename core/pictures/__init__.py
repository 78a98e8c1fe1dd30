"""Pictures: the code interface pages and the API may use (upload, read, addresses)."""

from ..limits import AVATAR_SIDE, PICTURE_BYTES_MAX, PICTURE_PIXELS_MAX, PICTURE_SIDE_MAX, UPLOADS_PER_HOUR
from .addresses import PREFIX, is_picture_address
from .cleaning import DAMAGED, MORE_THAN_A_PICTURE, NOT_A_PICTURE, TOO_BIG, TOO_MANY_PIXELS
from .inputs import UploadPicture
from .pruning import GRACE, prune_pictures
from .queries import Size, find_picture, get_picture_file
from .uploads import upload_picture
from .views import PictureFile, PictureView

__all__ = [
    "AVATAR_SIDE",
    "DAMAGED",
    "GRACE",
    "MORE_THAN_A_PICTURE",
    "NOT_A_PICTURE",
    "PICTURE_BYTES_MAX",
    "PICTURE_PIXELS_MAX",
    "PICTURE_SIDE_MAX",
    "PREFIX",
    "TOO_BIG",
    "TOO_MANY_PIXELS",
    "UPLOADS_PER_HOUR",
    "PictureFile",
    "PictureView",
    "Size",
    "UploadPicture",
    "find_picture",
    "get_picture_file",
    "is_picture_address",
    "prune_pictures",
    "upload_picture",
]
