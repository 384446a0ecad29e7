"""A stored job that arms its own next run under its own id (a broadcast's delivery check:
`bc-report:<run>`, re-armed each second while messages are pending) must not lose that run when it
comes while the pass that armed it is still returning. Under load (tests/e2e/test_broadcasts.py at a
load average of 9) APScheduler logged "Execution of job bc-report … skipped: maximum number of running
instances reached (1)", dropped the date job, and the secretary never got the delivery report."""
from __future__ import annotations

import asyncio
from datetime import timedelta
from pathlib import Path
from typing import Any

from bot.scheduling import Jobs, attach_runner, build_scheduler
from storage.models.core import utcnow


async def test_a_job_that_rearms_itself_while_still_running_runs_again(tmp_path: Path) -> None:
    scheduler = build_scheduler(f"sqlite+aiosqlite:///{tmp_path / 'jobs.db'}", "UTC")
    jobs = Jobs(scheduler)
    runs: list[int] = []
    done = asyncio.Event()

    async def runner(kind: str, args: tuple[Any, ...]) -> None:
        runs.append(args[0])
        if args[0] < 3:  # the next check, due before this pass has returned; stored from a thread, as
            # bot.services.broadcasts.after_commit does (the job store's connection is synchronous)
            await asyncio.to_thread(jobs.at, "check:1", "check", args[0] + 1,
                                    when=utcnow() + timedelta(seconds=0.05))
        else:
            done.set()
        await asyncio.sleep(0.5)  # what is left of this pass (its commit, on a slow machine)

    attach_runner(runner)
    scheduler.start()
    try:
        jobs.at("check:1", "check", 1, when=utcnow())
        await asyncio.wait_for(done.wait(), timeout=10)
    finally:
        scheduler.shutdown(wait=False)
        attach_runner(None)
    assert runs == [1, 2, 3]
