"""The API's floor: a bare FastAPI app on uvicorn answering GET /api/articles and GET /api/tags with fixed bytes
(Tidings' own answers, captured in the same run). `python -m bench.baselines.json_floor PORT ARTICLES TAGS`.
"""

from __future__ import annotations

import sys
from pathlib import Path

import uvicorn
from fastapi import FastAPI, Response

app = FastAPI()
ARTICLES = Path(sys.argv[2]).read_bytes() if len(sys.argv) > 3 else b"{}"
TAGS = Path(sys.argv[3]).read_bytes() if len(sys.argv) > 3 else b"{}"


@app.get("/api/articles")
async def articles() -> Response:
    """The articles, as Tidings answered them."""
    return Response(ARTICLES, media_type="application/json")


@app.get("/api/tags")
async def tags() -> Response:
    """The tags, as Tidings answered them."""
    return Response(TAGS, media_type="application/json")


if __name__ == "__main__":
    uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[1]), log_level="warning")
