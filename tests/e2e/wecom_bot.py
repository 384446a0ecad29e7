"""The WeCom tests' shared pieces: the emulator's control API, and the callback route on a real port
with a handler that records what it is given (tests/e2e/test_wecom_*.py)."""
from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
from aiohttp import web

from emulator.wecom import WeComConfig, WeComEmulator
from handlers.wecom.callback import CallbackKeys, ReplyBook, WeComCallback
from bot.events import ChatEvent
from handlers.wecom.ids import IdBook, StoredIds
from storage.db import create_engine, session_factory
from storage.uow import UnitOfWork


async def control(emu: WeComEmulator, path: str, body: dict[str, Any] | None = None,
                  query: dict[str, str] | None = None) -> Any:
    async with aiohttp.ClientSession() as s:
        if body is None:
            async with s.get(f"{emu.base_url}/_emu/{path}", params=query or {}) as r:
                return await r.json()
        async with s.post(f"{emu.base_url}/_emu/{path}", json=body) as r:
            return await r.json()


class Bot:
    """The callback route on a real port, with a handler that records what it was given."""

    def __init__(self, emu: WeComEmulator, ids: IdBook | None = None) -> None:
        self.events: list[ChatEvent] = []
        self.deliveries: list[int] = []  # each event's delivery number (the processed-update key)
        self.gate: asyncio.Event | None = None  # when set, the handler waits for it
        self.entered = asyncio.Event()
        self.fail = False
        self.ids, self.replies = ids or IdBook(), ReplyBook()
        cfg = emu.config
        self.callback = WeComCallback(self.handle, ids=self.ids, replies=self.replies,
                                      app=CallbackKeys(cfg.token, cfg.encoding_aes_key, cfg.corp_id),
                                      aibot=CallbackKeys(cfg.token, cfg.encoding_aes_key, ""))
        self.app = web.Application()
        self.callback.add_routes(self.app)
        self.runner = web.AppRunner(self.app)

    async def handle(self, event: ChatEvent, delivery: int) -> None:
        self.entered.set()
        if self.gate is not None:
            await self.gate.wait()
        if self.fail:
            raise RuntimeError("the handler failed")
        self.events.append(event)
        self.deliveries.append(delivery)

    async def start(self, emu: WeComEmulator) -> None:
        await self.runner.setup()
        site = web.TCPSite(self.runner, "127.0.0.1", 0)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        await control(emu, "config", {"app_callback_url": f"http://127.0.0.1:{port}/wecom/app",
                                      "aibot_callback_url": f"http://127.0.0.1:{port}/wecom/aibot"})


class StoredBook:
    """An IdBook on a migrated test database (the identity table), and its engine to dispose."""

    def __init__(self, database_url: str) -> None:
        self.engine = create_engine(database_url)
        sessions = session_factory(self.engine)
        self.uow = lambda: UnitOfWork(sessions)
        self.book = IdBook(StoredIds(self.uow))


@contextlib.asynccontextmanager
async def running_emulator() -> AsyncIterator[WeComEmulator]:
    """A WeCom emulator with the default config, started and stopped (each module's `emu` fixture)."""
    emu = WeComEmulator(WeComConfig())
    await emu.start()
    try:
        yield emu
    finally:
        await emu.stop()


@contextlib.asynccontextmanager
async def stored_bot(emu: WeComEmulator, database_url: str) -> AsyncIterator[Bot]:
    """The callback route on a real port, its ids kept in the identity table as in production."""
    stored = StoredBook(database_url)
    bot = Bot(emu, stored.book)
    await bot.start(emu)
    try:
        yield bot
    finally:
        await bot.runner.cleanup()
        await stored.engine.dispose()
