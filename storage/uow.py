"""Unit of work: one transaction, the repositories that share it, and an after-commit hook."""
from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from types import TracebackType

from sqlalchemy.ext.asyncio import async_sessionmaker
from sqlmodel.ext.asyncio.session import AsyncSession

from storage.deferred import DeferredInserts
from storage.models import OutboxMessage
from storage.repositories import (BranchRepository, CaseRepository, ChatRepository, OutboxRepository,
                                  UpdateRepository, UserRepository)
from storage.repositories.broadcasts import BroadcastRepository, NeedsRepository, SurveyRepository
from storage.repositories.checkins import CheckinRepository
from storage.repositories.lessons import LessonRepository
from storage.repositories.voice import VoiceRepository

log = logging.getLogger(__name__)


class UnitOfWork:
    def __init__(self, sessions: async_sessionmaker[AsyncSession],
                 on_commit: Callable[[], None] | None = None) -> None:
        self._sessions = sessions
        self._on_commit = on_commit

    async def __aenter__(self) -> UnitOfWork:
        self.session = self._sessions()
        self.deferred = DeferredInserts()
        repo_args = (self.session, self.deferred)
        self.users = UserRepository(*repo_args)
        self.chats = ChatRepository(*repo_args)
        self.cases = CaseRepository(*repo_args)
        self.outbox = OutboxRepository(*repo_args)
        self.updates = UpdateRepository(*repo_args)
        self.branches = BranchRepository(*repo_args)
        self.checkins = CheckinRepository(*repo_args)
        self.broadcasts = BroadcastRepository(*repo_args)
        self.surveys = SurveyRepository(*repo_args)
        self.needs = NeedsRepository(*repo_args)
        self.lessons = LessonRepository(*repo_args)
        self.voice = VoiceRepository(*repo_args)
        self._after: list[Callable[[], Awaitable[None]]] = []
        return self

    async def __aexit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                        tb: TracebackType | None) -> None:
        if exc_type is not None:
            await self.rollback()
        await self.session.close()
        await asyncio.sleep(0)  # let whoever waits for the connection take it (SQLite has one) before we reuse it

    def after_commit(self, effect: Callable[[], Awaitable[None]]) -> None:
        """Run `effect` once this unit of work has committed (never if it rolls back): for what
        lives outside our transaction, such as the scheduler's job store."""
        self._after.append(effect)

    async def rollback(self) -> None:
        self.deferred.clear()
        self._after.clear()
        await self.session.rollback()

    async def commit(self) -> None:
        wake = self.deferred.has(OutboxMessage)
        await self.deferred.write(self.session)
        await self.session.commit()
        if wake and self._on_commit:
            self._on_commit()
        effects, self._after = self._after, []
        for effect in effects:
            try:
                await effect()
            except Exception:  # noqa: BLE001  (committed is committed; the effect's owner repairs it)
                log.exception("after-commit effect failed")
