"""Pictures in a post's text: dropped, pasted or picked, uploaded with progress, inserted as Markdown at the cursor.

The text field names its uploader (data-pictures), so ui/static/pictures.js hands it what is dropped or pasted.
"""

from __future__ import annotations

import json
from pathlib import PurePath

from nicegui import ui

from core import Actor, pictures

from ..picture_upload import LIMITS, PictureUpload

LABEL = "Pictures: drop or paste them into the text, or pick them here"


class TextPictures:
    """The uploader beside a post's text; each picture stored goes into the text where the cursor is."""

    def __init__(self, viewer: Actor, text: ui.element) -> None:
        self.upload = PictureUpload(viewer, LABEL, self.insert, multiple=True)
        self.upload.element.props("dense")
        text.props(f"data-pictures={self.upload.element.id}")
        ui.label(LIMITS).classes("text-xs text-gray-500")

    def insert(self, picture: pictures.PictureView, filename: str) -> None:
        """Put the picture's Markdown into the text at the cursor (the preview follows, as for typing)."""
        alt = PurePath(filename).stem.replace("_", " ").replace("-", " ")
        markdown = json.dumps(picture.markdown(alt))
        ui.run_javascript(f"tidingsPictures.insert({self.upload.element.id}, {markdown})")
