"""The composition root of the core: database, services and the outbox sender.

Platform adapters (handlers/runtime.py for Telegram) take a Core and add their
transport and their update source; nothing here knows a chat platform.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.config import Settings
from bot.outbox import Sender, Transport
from bot.pacing import Pacer
from bot.services.reports import ReportService
from storage.db import create_engine, session_factory
from storage.migrate import upgrade_async
from storage.uow import UnitOfWork


@dataclass
class Core:
    settings: Settings
    engine: AsyncEngine
    sessions: async_sessionmaker[AsyncSession]
    reports: ReportService
    sender: Sender | None = field(default=None)

    @classmethod
    async def open(cls, settings: Settings, *, migrate: bool = True) -> Core:
        if migrate:
            await upgrade_async(settings.database_url)
        engine = create_engine(settings.database_url)
        return cls(settings, engine, session_factory(engine), ReportService(settings.default_lang))

    def uow(self) -> UnitOfWork:
        """A unit of work that wakes the sender when it commits new outgoing messages."""
        return UnitOfWork(self.sessions, on_commit=self._wake)

    def _wake(self) -> None:
        if self.sender is not None:
            self.sender.wake()

    def attach(self, transport: Transport) -> Sender:
        s = self.settings.sender
        self.sender = Sender(self.uow, transport,
                             Pacer(s.global_per_sec, s.group_per_min, s.private_per_sec),
                             batch=s.batch, max_backoff=s.max_backoff)
        return self.sender

    async def close(self) -> None:
        await self.engine.dispose()
