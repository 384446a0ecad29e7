"""The composition root of the core: database, services and the outbox sender.

Platform adapters (handlers/runtime.py for Telegram) take a Core and add their
transport and their update source; nothing here knows a chat platform.
"""
from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.config import ConfigError, Settings
from bot.intake import get_model
from bot.outbox import Effects, Sender, Transport, settled_elsewhere, worker_id
from bot.sender_thread import MakeTransport, SenderThread, sender_in_thread
from bot.pacers import pacer_for
from bot.scheduling import Jobs, Pass, SchedulerLock, attach_runner, build_scheduler, run_pass_in, start_paused
from bot.cases import load_routing
from bot.checkins.service import CheckinService
from bot.deliberation.service import DeliberationService
from bot.points import ConfigError as PointsConfigError
from bot.points import load_points_config
from bot.services.admin import AdminService
from bot.services.broadcasts import BroadcastService
from bot.services.cases import CaseService
from bot.services.identities import LinkService
from bot.services.deadlines import DeadlineService
from bot.services.lessons import LessonService
from bot.services.albums import AlbumService
from bot.services.edits import EditService
from bot.services.migration import ChatMigration
from bot.services.needs import NeedsService
from bot.services.points import PointsService
from bot.services.reports import ReportService
from bot.services.surveys import SurveyService
from bot.media_store import MediaStore
from bot.voice.keeping import AudioKeeper
from bot.voice.service import VoiceService
from bot.voice.stt import SpeechToText, SttError, load_engine
from storage.db import create_engine, session_factory
from storage.migrate import upgrade_async
from storage.uow import EffectGate, UnitOfWork


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
    sender: Sender | SenderThread | None = field(default=None)
    lessons: LessonService | None = field(default=None)
    points: PointsService | None = field(default=None)
    checkins: CheckinService | None = field(default=None)
    broadcasts: BroadcastService | None = field(default=None)
    surveys: SurveyService | None = field(default=None)
    needs: NeedsService | None = field(default=None)
    deliberation: DeliberationService | None = field(default=None)
    _leading: bool = field(default=False, init=False)
    effects: EffectGate = field(default_factory=EffectGate, init=False)  # after-commit effects under way
    voice: VoiceService | None = field(default=None)
    stt: SpeechToText | None = field(default=None)  # off unless SENTINEL_STT names an engine
    keeper: AudioKeeper | None = field(default=None)  # voice copies, when SENTINEL_MEDIA_DIR is set
    migration: ChatMigration = field(default_factory=ChatMigration)
    worker: str = field(default_factory=worker_id)  # this process's name in outbox claims (bot/outbox.py)

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
        try:
            routing = load_routing(settings.routing_file)
        except ConfigError as e:
            raise ConfigError(f"invalid SENTINEL_ROUTING_FILE: {e}") from None
        cases = CaseService(routing, frozenset(settings.superadmin_ids), settings.tz, points=points,
                            default_lang=settings.default_lang)
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
        core.deliberation = DeliberationService(jobs, core.broadcasts, points=points,
                                                   default_lang=settings.default_lang)
        core.passes.update(core.deliberation.passes())
        try:  # a missing library or model is the operator's one-line error, at start
            core.stt = await asyncio.to_thread(load_engine, settings.stt)
        except SttError as e:
            raise ConfigError(str(e)) from None
        core.voice = VoiceService(cases, transcribing=core.stt is not None, default_lang=settings.default_lang)
        if settings.media_dir is not None:
            core.keeper = AudioKeeper(MediaStore(settings.media_dir), core.uow)
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
                "deliberation": self.deliberation,
                "voice": self.voice, "stt": self.stt, "keeper": self.keeper,
                "migration": self.migration, "edits": EditService(self.reports),
                "albums": AlbumService(self.reports), "links": LinkService(lambda: self.cases.clock())}

    async def run_job(self, kind: str, *args: Any) -> None:
        """Run one stored job's pass now, as the scheduler would."""
        await run_pass_in(self.uow, self.passes)(kind, args)

    @property
    def leading(self) -> bool:
        """Whether this process runs the stored jobs now."""
        return self._leading

    def start_jobs(self) -> bool:
        """Open the job store, and run the jobs unless another process already does (False then).

        Every process's scheduler is started, paused where it does not lead, so a job that a
        follower's service adds or cancels reaches the shared store at once; only the process
        holding the scheduler lock runs jobs. `keep_leading` keeps trying to take the lock.
        """
        scheduler = self.jobs.scheduler
        if not scheduler.running:
            start_paused(scheduler)
        if self._leading:
            return True
        if not self.scheduler_lock.acquire():
            log.warning("another process runs the scheduler; this one serves updates and sends, "
                        "and takes over the jobs if that process goes")
            return False
        self._leading = True
        attach_runner(run_pass_in(self.uow, self.passes))
        self.jobs.every("deadline-sweep", "deadline-sweep", seconds=SWEEP_EVERY)
        if self.lessons is not None:
            self.lessons.start_jobs()
        if self.deliberation is not None:
            self.deliberation.start_jobs()
        self.jobs.cron("leaderboard-monthly", "leaderboard", day=1, hour=9, minute=0)
        scheduler.resume()
        log.info("this process runs the scheduler")
        return True

    async def keep_leading(self, stop: asyncio.Event) -> None:
        """The lease loop: every `scheduler_lease` seconds a follower tries to take the lock (so a
        leader that died is replaced within one period) and a leader checks it still holds it
        (else it pauses, and tries again like a follower). A leader also wakes its scheduler, so
        a job that another process stored is seen within one period."""
        period = self.settings.scheduler_lease
        while not stop.is_set():
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), timeout=period)
            if stop.is_set():
                return
            try:
                if not self._leading:
                    await asyncio.to_thread(self.start_jobs)
                elif not await asyncio.to_thread(self.scheduler_lock.still_held):
                    log.warning("scheduler lock lost; pausing the jobs until it can be taken again")
                    self._leading = False
                    self.jobs.scheduler.pause()
                    attach_runner(None)
                else:
                    self.jobs.scheduler.wakeup()
            except Exception:  # the database may be away: try again next period
                log.warning("scheduler lease check failed; trying again in %.0fs", period, exc_info=True)

    def stop_jobs(self) -> None:
        if self.jobs.scheduler.running:
            self.jobs.scheduler.shutdown(wait=False)
        if self._leading:
            attach_runner(None)
        self._leading = False
        self.scheduler_lock.release()

    def uow(self) -> UnitOfWork:
        """A unit of work that wakes the sender when it commits new outgoing messages."""
        return UnitOfWork(self.sessions, on_commit=self._wake, effects=self.effects)

    async def sends_settled(self, chats: Collection[int]) -> None:
        """Before updates that reply to the bot in `chats` are read: the sends to those chats under
        way, this process's (bot/outbox.Unrecorded) and other workers' (`settled_elsewhere`), have
        their outcomes (which message is which case's) committed, bounded."""
        if self.sender is not None:
            await self.sender.settled(chats)
        await settled_elsewhere(self.uow, self.worker, chats)

    def _wake(self) -> None:
        if self.sender is not None:
            self.sender.wake()

    @property
    def sender_in_thread(self) -> bool:
        """Whether `sentinel run` gives the outbox sender a thread of its own (bot/sender_thread.py)."""
        return sender_in_thread(self.settings)

    def attach(self, transport: Transport) -> Sender:
        """The outbox sender on this loop, with this core's units of work (`run()` it as a task)."""
        sender = self._new_sender(self.uow, transport, self.effects)
        self.sender = sender
        return sender

    async def attach_thread(self, make_transport: MakeTransport) -> SenderThread:
        """The outbox sender on a loop and a pool of its own, in a thread (bot/sender_thread.py),
        started; `make_transport` makes the platform transport there. `stop()` and `join()` it."""
        sender = SenderThread(self.settings.database_url, make_transport, self._new_sender, self.effects)
        self.sender = sender
        await sender.start()
        return sender

    def _new_sender(self, uow: Callable[[], UnitOfWork], transport: Transport, effects: Effects) -> Sender:
        s = self.settings.sender
        return Sender(uow, transport, pacer_for(self.settings, transport.platform),
                      batch=s.batch, max_backoff=s.max_backoff, concurrency=s.concurrency,
                      effects=effects, on_migrate=self.migration.move, lease=s.lease, gather=s.gather,
                      worker=self.worker)

    async def close(self) -> None:
        if self.keeper is not None:  # voice copies under way finish (bounded) before the engine goes
            await self.keeper.drain()
        await self.engine.dispose()
