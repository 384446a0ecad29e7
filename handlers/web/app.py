"""The web application: one aiohttp app on the core, to which each part adds its routes.

Open311 (handlers/web/open311.py) and the dashboard (handlers/web/dashboard.py, under /dash/).
`WebServer` runs it alone (`sentinel web`) or beside the bot (`sentinel run` with
SENTINEL_WEB__ENABLED=true), on the same Core, so a web action takes the services' own path.
"""
from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

from aiohttp import web

from bot.app import Core
from bot.plaintext import without_controls

log = logging.getLogger(__name__)
CORE: web.AppKey[Core] = web.AppKey("core", Core)
MAX_BODY = 256 * 1024  # url-encoded forms; the photo upload is multipart, read part by part (forms.read_form)


@web.middleware
async def plain_query(request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]],
                      ) -> web.StreamResponse:
    """A query string's values lose their control characters (C0 but tab and line breaks, and
    DEL) before any route reads them, as a posted form's fields do (handlers/web/forms.read_form):
    `?department=%00` on the dashboard or `?service_code=%00` on Open311 reached PostgreSQL, which
    refuses a NUL in text, and answered 500."""
    query = request.rel_url.query
    if any(without_controls(v) != v for v in query.values()):
        cleaned = [(k, without_controls(v)) for k, v in query.items()]
        request = request.clone(rel_url=request.rel_url.with_query(cleaned))
    return await handler(request)


def build_app(core: Core) -> web.Application:
    from handlers.web import dashboard, open311
    app = web.Application(client_max_size=MAX_BODY, middlewares=[plain_query])
    app[CORE] = core
    open311.setup(app)
    dashboard.setup(app)
    return app


class WebServer:
    """The app on a host and port; `start` returns the port bound (port 0: a free one)."""

    def __init__(self, core: Core) -> None:
        self.core = core
        self.runner: web.AppRunner | None = None
        self.port = 0

    async def start(self, host: str, port: int) -> int:
        self.runner = web.AppRunner(build_app(self.core), access_log=None)
        await self.runner.setup()
        site = web.TCPSite(self.runner, host, port)
        await site.start()
        server: Any = site._server  # the bound socket: the real port when 0 was asked for
        self.port = server.sockets[0].getsockname()[1] if server and server.sockets else port
        log.info("web server on http://%s:%s (Open311: /open311/v2/services.json)", host, self.port)
        return self.port

    async def stop(self) -> None:
        if self.runner is not None:
            await self.runner.cleanup()
            self.runner = None
