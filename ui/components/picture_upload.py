"""A control that uploads pictures: picked, dropped or handed to it, with progress; stored through core as the viewer.

NiceGUI's upload element posts each file over the page's own client (the viewer's session, no route of ours), and
Quasar's uploader shows each file's progress. Its size limit is checked in the browser first, so a file too large
is never sent; core decides everything again, whatever the browser was told.
"""

from __future__ import annotations

import inspect
from collections.abc import Awaitable, Callable

from nicegui import events, ui
from nicegui.elements.upload_files import FileUpload

from core import Actor, DomainError, Invalid, pictures

ACCEPTED = "image/jpeg,image/png,image/webp,image/gif"
MEGABYTES = pictures.PICTURE_BYTES_MAX // (1024 * 1024)
NOT_TAKEN = f"Not taken: use a JPEG, PNG, WebP or GIF picture of at most {MEGABYTES} MB."
LIMITS = (
    f"JPEG, PNG, WebP or GIF, up to {MEGABYTES} MB and {pictures.UPLOADS_PER_HOUR} an hour. Tidings keeps its own"
    " copy, without the file's metadata (GPS position, camera, date)."
)

Uploaded = Callable[[pictures.PictureView, str], Awaitable[None] | None]


class PictureUpload:
    """An uploader of pictures; `uploaded` hears each one stored (with the file's name), refusals show beneath it."""

    def __init__(self, viewer: Actor, label: str, uploaded: Uploaded, *, multiple: bool = False) -> None:
        self.viewer, self.uploaded = viewer, uploaded
        if why := pictures.upload_picture.why_not(viewer):  # a banned user: said, rather than refused after a wait
            ui.label(why).classes("text-sm text-gray-500")
        self.element = ui.upload(
            label=label,
            auto_upload=True,
            multiple=multiple,
            max_file_size=pictures.PICTURE_BYTES_MAX,
            on_upload=self._store,
            on_rejected=lambda: self.say(NOT_TAKEN),
        )
        self.element.props(f'accept="{ACCEPTED}" flat bordered').classes("w-full")
        self.element.set_enabled(not why)
        self.message = ui.label().classes("text-negative text-sm")
        self.message.set_visibility(False)

    def say(self, message: str) -> None:
        """Show why the last picture was not taken (an empty message hides it)."""
        self.message.text = message
        self.message.set_visibility(bool(message))

    async def _store(self, event: events.UploadEventArguments) -> None:
        data = await read_at_most(event.file, pictures.PICTURE_BYTES_MAX)
        try:
            picture = await pictures.upload_picture(self.viewer, data=data, filename=event.file.name)
        except Invalid as error:
            self.say(" ".join(message for messages in error.errors.values() for message in messages))
            return
        except DomainError as error:
            self.say(str(error))
            return
        self.say("")
        self.element.run_method("removeUploadedFiles")
        if inspect.isawaitable(result := self.uploaded(picture, event.file.name)):
            await result


async def read_at_most(file: FileUpload, limit: int) -> bytes:
    """The file's bytes, up to one more than `limit`: enough to tell it is too large without reading all of it."""
    chunks: list[bytes] = []
    size = 0
    async for chunk in file.iterate():
        chunks.append(chunk)
        size += len(chunk)
        if size > limit:
            break
    return b"".join(chunks)
