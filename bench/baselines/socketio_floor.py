"""The floor: a plain python-socketio server that broadcasts each comment to every connected tab.

`python -m bench.baselines.socketio_floor PORT`. A tab GETs `/post` (a small HTML page with the 20 comments) and
connects; a `comment` event from any tab is broadcast as `update` to all.
"""

from __future__ import annotations

import html
import sys
from typing import Any

import socketio
import uvicorn

COMMENTS = [f"Comment number {n}: a few words about the post, as readers write them." for n in range(1, 21)]
sio = socketio.AsyncServer(async_mode="asgi", cors_allowed_origins=[])


@sio.on("comment")  # type: ignore[untyped-decorator]
async def comment(_sid: str, data: dict[str, Any]) -> None:
    """Keep the comment and send it to everyone."""
    COMMENTS.append(str(data["text"]))
    await sio.emit("update", {"text": data["text"]})


async def page(scope: dict[str, Any], receive: Any, send: Any) -> None:
    """Every other path: the page (or, for /health, a bare 200)."""
    body = "<html><body><h1>A post</h1>" + "".join(f"<p>{html.escape(c)}</p>" for c in COMMENTS) + "</body></html>"
    await send({"type": "http.response.start", "status": 200, "headers": [(b"content-type", b"text/html")]})
    await send({"type": "http.response.body", "body": body.encode()})


application = socketio.ASGIApp(sio, other_asgi_app=page)

if __name__ == "__main__":
    uvicorn.run(application, host="127.0.0.1", port=int(sys.argv[1]), log_level="warning", lifespan="off")
