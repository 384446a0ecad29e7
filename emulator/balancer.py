"""A round-robin HTTP load balancer for webhook workers (tests and scripts/bench_city.py).

Stands where nginx or HAProxy stands in a deployment (docs/scale/README.md): each update the
emulator delivers goes to the next worker; a worker that is gone, or dies mid-request, is
skipped and the next one gets the update, as a proxy with passive health checks does.
"""
from __future__ import annotations

import asyncio
import itertools
from collections import Counter

import aiohttp
from aiohttp import web


class RoundRobin:
    """POST /webhook on `start(port)` → POST /webhook on 127.0.0.1:<each of `ports` in turn>.

    `served` counts the 2xx answers per worker port; `timeout` (seconds) bounds one forward."""

    def __init__(self, ports: list[int], timeout: float = 60.0) -> None:
        self.ports, self.timeout = ports, timeout
        self._next = itertools.cycle(range(len(ports)))
        self.runner: web.AppRunner | None = None
        self.http: aiohttp.ClientSession | None = None
        self.served: Counter[int] = Counter()

    async def start(self, port: int) -> None:
        self.http = aiohttp.ClientSession()
        app = web.Application()
        app.router.add_post("/webhook", self._forward)
        self.runner = web.AppRunner(app)
        await self.runner.setup()
        await web.TCPSite(self.runner, "127.0.0.1", port).start()

    async def _forward(self, request: web.Request) -> web.Response:
        assert self.http is not None
        body = await request.read()
        headers = {k: v for k, v in request.headers.items() if k.lower().startswith(("content-type", "x-telegram"))}
        for _ in self.ports:
            port = self.ports[next(self._next)]
            try:
                async with self.http.post(f"http://127.0.0.1:{port}/webhook", data=body, headers=headers,
                                          timeout=aiohttp.ClientTimeout(total=self.timeout)) as r:
                    self.served[port] += r.status < 300
                    return web.Response(status=r.status, body=await r.read())
            except (aiohttp.ClientError, asyncio.TimeoutError):
                continue  # that worker is gone (or died mid-request): the next one
        return web.Response(status=502)

    async def stop(self) -> None:
        if self.runner is not None:
            await self.runner.cleanup()
        if self.http is not None:
            await self.http.close()
