"""Put a published post into an embedded database folder through the actions: `python -m tests.seed DIR TITLE BODY`.

For tests of a whole app process on its own embedded database (the test process's core is bound to the test one).
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

from core import Settings, runtime

from . import factories


async def seed(data_dir: Path, title: str, body: str) -> None:
    """Register an author and publish one post in the embedded database of `data_dir`."""
    await runtime.start(Settings(data_dir=data_dir, database_url=None))
    try:
        await factories.published(await factories.member("ann"), title, body)
    finally:
        await runtime.stop()


if __name__ == "__main__":
    asyncio.run(seed(Path(sys.argv[1]), sys.argv[2], sys.argv[3]))
