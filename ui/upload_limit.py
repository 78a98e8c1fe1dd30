"""A ceiling on the bodies of uploads, enforced before a byte of them is read.

NiceGUI's upload element and FastAPI's multipart parsing both spool a body of any size to disk before a handler
sees it; core refuses a picture over its limit, but only after it has been received whole. Here an upload declares
its length (browsers, curl and HTTP libraries all do) and one longer than a picture may be is answered 413 at once.
"""

from __future__ import annotations

import json
import re

from starlette.types import ASGIApp, Receive, Scope, Send

from core import pictures

from .security_headers import headers_for

# Where uploads are posted: the pages' upload elements (NiceGUI's route for each) and the API's.
UPLOAD_PATHS = re.compile(r"/_nicegui/client/[^/]+/upload/\d+|/api/uploads")
ENVELOPE = 64 * 1024  # the multipart boundaries and part headers around the file
LIMIT = pictures.PICTURE_BYTES_MAX + ENVELOPE


class UploadLimit:
    """ASGI middleware: an upload over LIMIT, or of no declared length, is refused unread (413, 411)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] == "POST" and UPLOAD_PATHS.fullmatch(scope["path"]):
            length = dict(scope["headers"]).get(b"content-length", b"")
            if not length.isdigit():
                await _refuse(send, scope, 411, "Send the upload with its Content-Length.")
                return
            if int(length) > LIMIT:
                await _refuse(send, scope, 413, f"file: {pictures.TOO_BIG}")
                return
        await self.app(scope, receive, send)


async def _refuse(send: Send, scope: Scope, status: int, message: str) -> None:
    body = json.dumps({"errors": {"body": [message]}}).encode()  # the API's error shape
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    headers += [(name.lower().encode(), value.encode()) for name, value in headers_for(scope["path"]).items()]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
