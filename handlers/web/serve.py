"""`sentinel web`: the web server alone, on its own Core (the bot, running elsewhere on the same
database, sends what it queues: the outbox is shared)."""
from __future__ import annotations

import asyncio
import contextlib
import signal
from collections.abc import Callable

from bot.app import Core
from bot.config import Settings
from bot.ops.errors import listening
from handlers.web.app import WebServer


async def serve(settings: Settings, *, host: str | None = None, port: int | None = None,
                stop: asyncio.Event | None = None, ready: Callable[[WebServer], None] | None = None) -> None:
    """Serve until `stop` is set (or SIGTERM/SIGINT when no `stop` is given)."""
    if stop is None:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGINT):
            with contextlib.suppress(NotImplementedError, RuntimeError):
                loop.add_signal_handler(sig, stop.set)
    given_host, given_port = host, port
    core = await Core.open(settings)
    server = WebServer(core)
    host, port = host or settings.web.host, settings.web.port if port is None else port
    try:
        with listening(host, port, port_setting="SENTINEL_WEB__PORT" if given_port is None else "--port",
                       host_setting="SENTINEL_WEB__HOST" if given_host is None else "--host"):
            await server.start(host, port)
        if ready is not None:
            ready(server)
        await stop.wait()
    finally:
        await server.stop()
        await core.close()
