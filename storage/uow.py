"""Unit of work: one transaction, the repositories that share it, and an after-commit hook."""
from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable, Iterator
from contextvars import ContextVar
from types import TracebackType

from sqlalchemy.ext.asyncio import async_sessionmaker
from sqlalchemy.orm import Session
from sqlmodel.ext.asyncio.session import AsyncSession

from storage.deferred import DeferredInserts
from storage.models import OutboxMessage
from storage.repositories import (BranchRepository, CaseRepository, ChatRepository, OutboxRepository,
                                  UpdateRepository, UserRepository)
from storage.repositories.audit import AuditRepository
from storage.repositories.broadcasts import BroadcastRepository, NeedsRepository, SurveyRepository
from storage.repositories.checkins import CheckinRepository
from storage.repositories.deadletters import DeadLetterRepository
from storage.repositories.deliberation import DeliberationRepository
from storage.repositories.lessons import LessonRepository
from storage.repositories.voice import VoiceRepository
from storage.repositories.gazetteer import GazetteerRepository
from storage.repositories.identities import IdentityRepository

log = logging.getLogger(__name__)


class EffectGate:
    """After-commit effects under way in this process (changes to the job store), so that the
    sender can wait for them: a message a commit caused ("已安排", "已取消") goes out only once
    that commit's effects are done, and what it says is then true everywhere."""

    def __init__(self) -> None:
        self._running = 0
        self._idle = asyncio.Event()
        self._idle.set()

    @property
    def is_idle(self) -> bool:
        return self._running == 0

    @contextlib.contextmanager
    def running(self) -> Iterator[None]:
        self._running += 1
        self._idle.clear()
        try:
            yield
        finally:
            self._running -= 1
            if self._running == 0:
                self._idle.set()

    async def idle(self) -> None:
        await self._idle.wait()


CURRENT: ContextVar[UnitOfWork | None] = ContextVar("current_unit_of_work", default=None)


class UnitOfWork:
    def __init__(self, sessions: async_sessionmaker[AsyncSession],
                 on_commit: Callable[[], None] | None = None, effects: EffectGate | None = None) -> None:
        self._sessions = sessions
        self._on_commit = on_commit
        self._gate = effects

    @staticmethod
    def current() -> UnitOfWork | None:
        """The unit of work open in this task, if any (an adapter defers its answers to it)."""
        return CURRENT.get()

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
        self.deadletters = DeadLetterRepository(*repo_args)
        self.audit = AuditRepository(*repo_args)
        self.voice = VoiceRepository(*repo_args)
        self.places = GazetteerRepository(*repo_args)
        self.deliberation = DeliberationRepository(*repo_args)
        self.identities = IdentityRepository(*repo_args)
        self._after: list[Callable[[], Awaitable[None]]] = []
        self._token = CURRENT.set(self)
        return self

    async def __aexit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                        tb: TracebackType | None) -> None:
        with contextlib.suppress(ValueError):  # left in another context: nothing to restore there
            CURRENT.reset(self._token)
        if exc_type is not None:
            await self.rollback()
        await self.session.close()
        await asyncio.sleep(0)  # let whoever waits for the connection take it (SQLite has one) before we reuse it

    def after_commit(self, effect: Callable[[], Awaitable[None]]) -> None:
        """Run `effect` once this unit of work has committed (never if it rolls back): for what
        lives outside our transaction, such as the scheduler's job store."""
        self._after.append(effect)

    def _write_and_commit(self, session: Session) -> None:
        self.deferred.write_sync(session)
        session.commit()

    async def rollback(self) -> None:
        self.deferred.clear()
        self._after.clear()
        await self.session.rollback()

    async def commit(self) -> None:
        """Write the deferred rows and commit, then run the after-commit effects in order, then wake
        the sender. While the effects run, the gate holds the sender back from what this commit
        enqueued. The rows and the commit go in one greenlet hop (`AsyncSession.run_sync`): each
        hop costs about what a statement does on SQLite, and every unit of work ends here."""
        wake = self.deferred.has(OutboxMessage)
        effects, self._after = self._after, []
        gate = self._gate.running() if self._gate is not None and effects else contextlib.nullcontext()
        with gate:
            await self.session.run_sync(self._write_and_commit)
            for effect in effects:
                try:
                    await effect()
                except Exception:  # committed is committed; the effect's owner repairs it
                    log.exception("after-commit effect failed")
        if wake and self._on_commit:
            self._on_commit()
