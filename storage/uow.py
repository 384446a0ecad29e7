"""Unit of work: one transaction, the repositories that share it, and an after-commit hook."""
from __future__ import annotations

from collections.abc import Callable
from types import TracebackType

from sqlalchemy.ext.asyncio import async_sessionmaker
from sqlmodel.ext.asyncio.session import AsyncSession

from storage.repositories import (CaseRepository, ChatRepository, OutboxRepository,
                                  UpdateRepository, UserRepository)


class UnitOfWork:
    def __init__(self, sessions: async_sessionmaker[AsyncSession],
                 on_commit: Callable[[], None] | None = None) -> None:
        self._sessions = sessions
        self._on_commit = on_commit

    async def __aenter__(self) -> UnitOfWork:
        self.session = self._sessions()
        self.users = UserRepository(self.session)
        self.chats = ChatRepository(self.session)
        self.cases = CaseRepository(self.session)
        self.outbox = OutboxRepository(self.session)
        self.updates = UpdateRepository(self.session)
        return self

    async def __aexit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                        tb: TracebackType | None) -> None:
        if exc_type is not None:
            await self.session.rollback()
        await self.session.close()

    async def commit(self) -> None:
        await self.session.commit()
        if self.outbox.added and self._on_commit:
            self._on_commit()
        self.outbox.added = False
