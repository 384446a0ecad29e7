"""A bot process reduced to its scheduler, for tests/e2e/test_scheduler_lease.py.

`python -m tests.e2e.scheduler_probe DATABASE_URL RUNS_FILE LEASE_SECONDS` opens the real Core,
registers a `probe` pass that appends "<pid> <unix time>" to RUNS_FILE, stores a probe job every
0.3 s when it leads, keeps the lease, and prints "leading" once it runs the jobs.
"""
from __future__ import annotations

import asyncio
import os
import sys
import time
from pathlib import Path
from typing import Any

from bot.app import Core
from bot.config import load_settings

PROBE_EVERY = 0.3  # seconds


def probe_pass(runs: Path) -> Any:
    async def probe(uow: Any) -> None:
        with runs.open("a") as f:
            f.write(f"{os.getpid()} {time.time():.3f}\n")
    return probe


async def open_core(url: str, runs: Path, lease: float) -> Core:
    settings = load_settings(_env_file=None, bot_token="1:probe", database_url=url, scheduler_lease=lease)
    core = await Core.open(settings, migrate=False)
    core.passes["probe"] = probe_pass(runs)
    return core


async def main(url: str, runs: Path, lease: float) -> None:
    core = await open_core(url, runs, lease)
    stop = asyncio.Event()
    if core.start_jobs():
        core.jobs.every("probe", "probe", seconds=PROBE_EVERY)
    lease_task = asyncio.create_task(core.keep_leading(stop))
    while not core.leading:
        await asyncio.sleep(0.05)
    print("leading", flush=True)
    await lease_task


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], Path(sys.argv[2]), float(sys.argv[3])))
