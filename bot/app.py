"""The composition root of the core: database, services and the outbox sender.

Platform adapters (handlers/runtime.py for Telegram) take a Core and add their
transport and their update source; nothing here knows a chat platform.
"""
from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.config import ConfigError, Settings
from bot.intake import get_model
from bot.outbox import Sender, Transport
from bot.pacing import Pacer
from bot.scheduling import Jobs, Pass, SchedulerLock, attach_runner, build_scheduler, run_pass_in
from bot.cases import load_routing
from bot.checkins.service import CheckinService
from bot.points import ConfigError as PointsConfigError
from bot.points import load_points_config
from bot.services.admin import AdminService
from bot.services.broadcasts import BroadcastService
from bot.services.cases import CaseService
from bot.services.deadlines import DeadlineService
from bot.services.lessons import LessonService
from bot.services.albums import AlbumService
from bot.services.edits import EditService
from bot.services.migration import ChatMigration
from bot.services.needs import NeedsService
from bot.services.points import PointsService
from bot.services.reports import ReportService
from bot.services.surveys import SurveyService
from storage.db import create_engine, session_factory
from storage.migrate import upgrade_async
from storage.uow import UnitOfWork


log = logging.getLogger(__name__)
SWEEP_EVERY = 60  # seconds between deadline sweeps


@dataclass
class Core:
    settings: Settings
    engine: AsyncEngine
    sessions: async_sessionmaker[AsyncSession]
    cases: CaseService
    reports: ReportService
    admin: AdminService
    deadlines: DeadlineService
    jobs: Jobs
    scheduler_lock: SchedulerLock
    passes: dict[str, Pass] = field(default_factory=dict)  # stored job kind -> pass(uow, *ids)
    sender: Sender | None = field(default=None)
    lessons: LessonService | None = field(default=None)
    points: PointsService | None = field(default=None)
    checkins: CheckinService | None = field(default=None)
    broadcasts: BroadcastService | None = field(default=None)
    surveys: SurveyService | None = field(default=None)
    needs: NeedsService | None = field(default=None)
    migration: ChatMigration = field(default_factory=ChatMigration)

    @classmethod
    async def open(cls, settings: Settings, *, migrate: bool = True) -> Core:
        if migrate:
            await upgrade_async(settings.database_url)
        # Load (on a fresh checkout: build) the intake model now, off the event loop, rather
        # than inside the first rider message's handler, where it would stall every update.
        await asyncio.to_thread(get_model)
        engine = create_engine(settings.database_url)
        try:
            points_config = load_points_config(settings.points_file)
        except PointsConfigError as e:
            raise ConfigError(f"invalid SENTINEL_POINTS_FILE: {e}") from None
        points = PointsService(points_config, settings.tz, superadmins=frozenset(settings.superadmin_ids),
                               default_lang=settings.default_lang)
        cases = CaseService(load_routing(settings.routing_file), frozenset(settings.superadmin_ids), settings.tz,
                            points=points)
        jobs = Jobs(build_scheduler(settings.database_url, settings.tz))
        deadlines = DeadlineService(cases)
        core = cls(settings, engine, session_factory(engine), cases, ReportService(cases, settings.default_lang),
                   AdminService(cases), deadlines, jobs, SchedulerLock(settings.database_url))
        core.passes["deadline-sweep"] = lambda uow: deadlines.sweep(uow, cases.clock())
        core.lessons = LessonService(jobs, cases, settings.timezone, points=points)
        core.migration = ChatMigration(core.lessons)
        core.passes.update(core.lessons.passes())
        core.points = points
        core.checkins = CheckinService(settings.tz, frozenset(settings.superadmin_ids), awarder=points,
                                       default_lang=settings.default_lang)
        core.passes["leaderboard"] = lambda uow: points.leaderboard(uow)
        core.broadcasts = BroadcastService(jobs, cases, settings.sender.global_per_sec)
        core.surveys = SurveyService(jobs, core.broadcasts, points=points)
        core.needs = NeedsService(core.broadcasts)
        core.passes.update(core.broadcasts.passes() | core.surveys.passes())
        async with core.uow() as uow:  # the catalogue follows config; stock stays as it is
            await points.seed_catalogue(uow)
            await uow.commit()
        return core

    def services(self) -> dict[str, object]:
        """What handlers may ask for by name."""
        return {"settings": self.settings, "reports": self.reports, "cases": self.cases, "admin": self.admin,
                "lessons": self.lessons,
                "points": self.points, "checkins": self.checkins,
                "broadcasts": self.broadcasts, "surveys": self.surveys, "needs": self.needs,
                "migration": self.migration, "edits": EditService(self.reports),
                "albums": AlbumService(self.reports)}

    async def run_job(self, kind: str, *args: Any) -> None:
        """Run one stored job's pass now, as the scheduler would."""
        await run_pass_in(self.uow, self.passes)(kind, args)

    def start_jobs(self) -> bool:
        """Start the one scheduler, unless another process already runs it (False then)."""
        if not self.scheduler_lock.acquire():
            log.warning("another process runs the scheduler; this one serves updates and sends only")
            return False
        attach_runner(run_pass_in(self.uow, self.passes))
        self.jobs.every("deadline-sweep", "deadline-sweep", seconds=SWEEP_EVERY)
        if self.lessons is not None:
            self.lessons.start_jobs()
        self.jobs.cron("leaderboard-monthly", "leaderboard", day=1, hour=9, minute=0)
        self.jobs.scheduler.start()
        return True

    def stop_jobs(self) -> None:
        if self.jobs.scheduler.running:
            self.jobs.scheduler.shutdown(wait=False)
            attach_runner(None)
        self.scheduler_lock.release()

    def uow(self) -> UnitOfWork:
        """A unit of work that wakes the sender when it commits new outgoing messages."""
        return UnitOfWork(self.sessions, on_commit=self._wake)

    def _wake(self) -> None:
        if self.sender is not None:
            self.sender.wake()

    def attach(self, transport: Transport) -> Sender:
        s = self.settings.sender
        self.sender = Sender(self.uow, transport,
                             Pacer(s.global_per_sec, s.group_per_min, s.private_per_sec,
                                   group_window=s.group_window),
                             batch=s.batch, max_backoff=s.max_backoff, concurrency=s.concurrency,
                             on_migrate=self.migration.move)
        return self.sender

    async def close(self) -> None:
        await self.engine.dispose()
