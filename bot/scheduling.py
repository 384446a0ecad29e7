"""The one scheduler (APScheduler 3) of the one bot process.

Jobs live in a persistent SQLAlchemy job store next to our tables, so they
survive a restart; a run missed while the bot was down is run once late (within
its grace time, runs coalesced) or skipped with APScheduler's log line.

Jobs carry no objects: every stored job calls `run_job(kind, *ids)`, which opens
a unit of work and hands it, with the ids, to the pass registered under `kind`.
What a pass does lives in the database too, with idempotency keys on what it
sends, so a pass that runs twice announces nothing twice.
"""
from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from contextvars import ContextVar
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.date import DateTrigger
from apscheduler.triggers.interval import IntervalTrigger
from sqlalchemy.exc import SQLAlchemyError

if TYPE_CHECKING:
    from storage.uow import UnitOfWork

log = logging.getLogger(__name__)
JOB_FUNC = "bot.scheduling:run_job"  # a text reference: the job store pickles no functions
DEFAULT_GRACE = 300  # seconds a missed run may still be run late

Pass = Callable[..., Awaitable[Any]]  # (uow, *ids) -> None; the runner commits
_runner: Callable[[str, tuple[Any, ...]], Awaitable[None]] | None = None
# the id of the job a pass runs for, and the pass's task (Jobs._add)
_running: ContextVar[tuple[str, asyncio.Task[Any]] | None] = ContextVar("running_job", default=None)


def sync_url(url: str) -> str:
    """The job store is synchronous: the same database through a sync driver."""
    return (url.replace("sqlite+aiosqlite://", "sqlite://")
               .replace("postgresql+asyncpg://", "postgresql+psycopg://"))


def jobstore_url(url: str) -> str:
    """Where the jobs live: our database through a sync driver, except that on SQLite they get a
    file of their own beside it (`x.db` -> `x.jobs.db`). APScheduler writes its store from the
    event loop's thread; sharing the file's one write lock with our async connection deadlocks
    whenever a transaction of ours is open at that moment (the store waits for a lock only the
    blocked loop can release, 5 s, then "database is locked")."""
    sync = sync_url(url)
    prefix = "sqlite:///"
    if not sync.startswith(prefix) or sync == prefix or ":memory:" in sync:
        return sync
    path = Path(sync[len(prefix):])
    return prefix + str(path.with_name(f"{path.stem}.jobs{path.suffix or '.db'}"))


class SchedulerLock:
    """Only one process runs the jobs, whatever is started by mistake: an advisory lock held on a
    connection of its own (PostgreSQL), or a file lock beside the SQLite file. Both go with the
    process, so a killed bot frees them, and a waiting process takes them on its next try (the
    lease loop, `Core.keep_leading`)."""

    KEY = "rider-sentinel-scheduler"
    _TRY_LOCK = "SELECT pg_try_advisory_lock(hashtext(%s || current_database()))"
    _UNLOCK = "SELECT pg_advisory_unlock(hashtext(%s || current_database()))"

    def __init__(self, database_url: str) -> None:
        self._url = sync_url(database_url)
        self._held: Any = None

    def acquire(self) -> bool:
        if self._held is not None:
            return True
        if self._url.startswith("postgresql"):
            import psycopg
            conn = psycopg.connect(self._url.replace("postgresql+psycopg://", "postgresql://"), autocommit=True)
            got = conn.execute(self._TRY_LOCK, (self.KEY,)).fetchone()
            if not (got and got[0]):
                conn.close()
                return False
            self._held = conn
            return True
        path = jobstore_url(self._url).removeprefix("sqlite:///")
        if not path or ":memory:" in path:
            self._held = True
            return True
        import fcntl
        handle = open(path + ".lock", "w")  # held open for the process's life
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.close()
            return False
        self._held = handle
        return True

    def held_elsewhere(self) -> bool:
        """Whether another process holds the lock, asked without taking it for longer than the
        question and without leaving anything behind (`sentinel doctor`, a read-only check): on
        SQLite the lock file is opened only if it is there (a running bot made it, and holds it
        open), never created; `acquire` would create it, and the doctor left a
        `sentinel.jobs.db.lock` in the working folder."""
        if self._url.startswith("postgresql"):
            probe = SchedulerLock(self._url)
            try:
                return not probe.acquire()
            finally:
                probe.release()
        path = jobstore_url(self._url).removeprefix("sqlite:///")
        if not path or ":memory:" in path:
            return False  # one process's own database: nobody else can hold it
        import fcntl
        try:
            handle = open(path + ".lock")  # read only: never created here
        except FileNotFoundError:
            return False  # no bot has run on this database since the file was last removed
        with handle:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                return True
            fcntl.flock(handle, fcntl.LOCK_UN)
            return False

    def still_held(self) -> bool:
        """Whether the lock is still ours: a PostgreSQL session that died (server restart, network
        cut) took its advisory lock with it. A file lock lasts as long as the open file."""
        if self._held is None:
            return False
        if self._held is True or not self._url.startswith("postgresql"):
            return True
        try:
            self._held.execute("SELECT 1").fetchone()
            return True
        except Exception:  # any failure of the session means the lock is gone
            self.release()
            return False

    def release(self) -> None:
        """Let the lock go now. On PostgreSQL the lock is unlocked by statement before the
        connection closes: a close alone returns before the server's backend has ended, so a
        follower trying at once could still find the lock held (CI caught it) and would wait a
        whole lease period for jobs nobody runs."""
        held, self._held = self._held, None
        if held is None or held is True:
            return
        with contextlib.suppress(Exception):
            if self._url.startswith("postgresql"):
                held.execute(self._UNLOCK, (self.KEY,))
        with contextlib.suppress(Exception):
            held.close()  # closing the connection or the file lets the lock go


def build_scheduler(database_url: str, timezone: Any) -> AsyncIOScheduler:
    return AsyncIOScheduler(
        jobstores={"default": SQLAlchemyJobStore(url=jobstore_url(database_url), tablename="apscheduler_jobs")},
        timezone=timezone,
        job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": DEFAULT_GRACE})


def start_paused(scheduler: AsyncIOScheduler, tries: int = 3) -> None:
    """Start the scheduler paused, opening its job store.

    Opening the store creates its table when missing (CREATE after a check, not atomic): two workers
    started at once on a fresh database both see no table and one CREATE fails (PostgreSQL:
    duplicate pg_type key; SQLite: "table already exists"). The table is there for the loser's next
    try, so a failed open is tried again before it is an error. Raises the store's error after
    `tries` failures.
    """
    for attempt in range(1, tries + 1):
        try:
            scheduler.start(paused=True)
            return
        except SQLAlchemyError:
            if attempt == tries:
                raise
            log.info("job store table made by another process meanwhile; opening it again")


async def run_job(kind: str, *args: Any, job_id: str | None = None) -> None:
    """What every stored job calls (`job_id`: its own id; jobs stored before it was passed have none)."""
    if _runner is None:
        log.warning("job %s%s ran with no core attached; skipped", kind, args)
        return
    task = asyncio.current_task()
    token = _running.set((job_id, task) if job_id is not None and task is not None else None)
    try:
        await _runner(kind, args)
    finally:
        _running.reset(token)


def attach_runner(runner: Callable[[str, tuple[Any, ...]], Awaitable[None]] | None) -> None:
    global _runner
    _runner = runner


class Jobs:
    """The port through which services schedule work: stable ids, kinds and ids, no objects.

    Add jobs inside the unit of work that commits their cause: if that commit fails
    the job finds nothing to do; if the process dies after it, the job is stored.
    """

    def __init__(self, scheduler: AsyncIOScheduler) -> None:
        self.scheduler = scheduler

    def _add(self, job_id: str, trigger: Any, kind: str, args: tuple[Any, ...], grace: int | None) -> None:
        """Store the job (from the event loop or a thread of it). A pass that arms its own next run
        (a broadcast's delivery check, every second while messages are pending: `bc-report:<run>`)
        has it stored once the pass has ended: APScheduler skips a run that comes while its job is
        still running ("maximum number of running instances reached"), and a date job has no other
        run, so on a loaded machine the check was lost and the secretary never got the report. The
        pass's task calls back APScheduler's executor first (it counts the run as over), then this,
        which stores the job in a thread as the pass would have."""
        def add() -> None:
            self.scheduler.add_job(JOB_FUNC, trigger=trigger, args=[kind, *args], kwargs={"job_id": job_id},
                                   id=job_id, name=kind, replace_existing=True,
                                   misfire_grace_time=grace or DEFAULT_GRACE)
        running = _running.get()
        if running is None or running[0] != job_id:
            add()
            return
        task = running[1]
        loop = task.get_loop()

        def stored(future: asyncio.Future[None]) -> None:  # nobody awaits it: a failure is logged here
            if not future.cancelled() and (error := future.exception()) is not None:
                log.error("job %s could not arm its next run", job_id, exc_info=error)
        loop.call_soon_threadsafe(task.add_done_callback,
                                  lambda _task: loop.run_in_executor(None, add).add_done_callback(stored))

    def every(self, job_id: str, kind: str, *args: Any, seconds: float, grace: int | None = None) -> None:
        self._add(job_id, IntervalTrigger(seconds=seconds), kind, args, grace)

    def cron(self, job_id: str, kind: str, *args: Any, grace: int | None = None, **fields: Any) -> None:
        """`fields` as CronTrigger takes them: day_of_week="mon,wed", hour=14, minute=5 …"""
        self._add(job_id, CronTrigger(timezone=self.scheduler.timezone, **fields), kind, args, grace)

    def at(self, job_id: str, kind: str, *args: Any, when: datetime, grace: int | None = None) -> None:
        self._add(job_id, DateTrigger(run_date=when), kind, args, grace)

    def cancel(self, job_id: str) -> bool:
        if self.scheduler.get_job(job_id) is None:
            return False
        self.scheduler.remove_job(job_id)
        return True

    def next_run(self, job_id: str) -> datetime | None:
        job = self.scheduler.get_job(job_id)
        return getattr(job, "next_run_time", None) if job else None

    def ids(self, prefix: str = "") -> list[str]:
        return sorted(j.id for j in self.scheduler.get_jobs() if j.id.startswith(prefix))


def run_pass_in(uow_factory: Callable[[], UnitOfWork], passes: dict[str, Pass]) -> Callable[
        [str, tuple[Any, ...]], Awaitable[None]]:
    """The runner: one unit of work per run, committed when the pass returns."""
    async def runner(kind: str, args: tuple[Any, ...]) -> None:
        handler = passes.get(kind)
        if handler is None:
            log.warning("no pass for stored job kind %r; skipped", kind)
            return
        async with uow_factory() as uow:
            await handler(uow, *args)
            await uow.commit()
    return runner
