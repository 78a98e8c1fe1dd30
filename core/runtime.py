"""Start and stop what core needs in this process: the database (embedded or not), the schema, the event hub.

`start` and `stop` nest: the web server's lifespan and the test fixtures may both hold the runtime, and
only the last `stop` tears it down.
"""

from __future__ import annotations

import asyncio
import atexit
import logging

from . import db, hub, presence
from .db.embedded import EmbeddedPostgres
from .pictures.pruning import Pruner
from .settings import Settings

log = logging.getLogger(__name__)


class Runtime:
    """The started state of core in this process."""

    def __init__(self) -> None:
        self._holders = 0
        self._lock = asyncio.Lock()
        self._embedded: EmbeddedPostgres | None = None
        self._pruner = Pruner()
        self.database_url = ""

    async def start(self, settings: Settings) -> None:
        """Make the database ready (migrated to head) and listen for events; nested calls only count."""
        async with self._lock:
            self._holders += 1
            if self._holders > 1:
                return
            try:
                self.database_url = await self._database(settings)
                applied = await db.connect(self.database_url)
                if applied:
                    log.info("applied migrations: %s", ", ".join(applied))
                # The listener lost its connection: the pool's are likely dead too (a restart, a failover).
                await hub.start(self.database_url, on_reconnect=db.expire_connections)
                await presence.start()
                self._pruner.start()  # pictures nothing shows any more: no other program to run for it
            except BaseException:
                self._holders -= 1
                await self._teardown()
                raise

    async def stop(self) -> None:
        """Release one hold; the last one stops listening, closes the pool and the embedded server."""
        async with self._lock:
            if self._holders == 0:
                return
            self._holders -= 1
            if self._holders == 0:
                await self._teardown()

    async def _database(self, settings: Settings) -> str:
        if settings.database_url:
            return settings.database_url
        self._embedded = EmbeddedPostgres(settings.data_dir / "postgres")
        atexit.register(self._embedded.stop)  # in case the process ends without a clean shutdown
        return await asyncio.to_thread(self._embedded.start)

    async def _teardown(self) -> None:
        await self._pruner.stop()
        await presence.stop()
        await hub.stop()
        await db.disconnect()
        if self._embedded is not None:
            atexit.unregister(self._embedded.stop)
            await asyncio.to_thread(self._embedded.stop)
            self._embedded = None


_runtime = Runtime()
start = _runtime.start
stop = _runtime.stop


def database_url() -> str:
    """The URL of the database this process uses (valid between `start` and `stop`)."""
    return _runtime.database_url
