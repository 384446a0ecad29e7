"""The one scheduler (APScheduler 3) of the one bot process.

Jobs have stable ids (replace_existing), coalesce missed runs and never overlap.
They carry no objects: each job asks the core to run a pass whose state lives in
the database (case deadlines and reminder marks), so a restart loses nothing
and a pass after downtime catches up once.
"""
from __future__ import annotations

import logging

from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot.app import Core

log = logging.getLogger(__name__)
SWEEP_EVERY = 60  # seconds


def start_scheduler(core: Core) -> AsyncIOScheduler:
    scheduler = AsyncIOScheduler(timezone=core.settings.tz,
                                 job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": 300})
    scheduler.add_job(core.sweep_deadlines, "interval", seconds=SWEEP_EVERY, id="deadline-sweep",
                      replace_existing=True)
    scheduler.start()
    return scheduler
