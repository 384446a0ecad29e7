"""Scheduler leadership heals itself: a waiting process takes over within one lease period of the
leader's death (SIGKILL, no goodbye), and no job ever runs in two processes."""
from __future__ import annotations

import asyncio
import os
import signal
import sys
import time
from pathlib import Path

from tests.conftest import until
from tests.e2e.scheduler_probe import open_core

REPO = Path(__file__).resolve().parents[2]
LEASE = 1.0  # seconds; production default is 10 (SENTINEL_SCHEDULER_LEASE)
SLACK = 1.5  # seconds of scheduling noise allowed on a loaded machine


def _runs(path: Path) -> list[tuple[int, float]]:
    if not path.exists():
        return []
    return [(int(pid), float(at)) for pid, at in (line.split() for line in path.read_text().splitlines())]


async def test_follower_takes_over_within_one_lease_of_the_leaders_kill(database_url, tmp_path) -> None:
    runs = tmp_path / "runs.txt"
    leader = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "tests.e2e.scheduler_probe", database_url, str(runs), str(LEASE),
        cwd=REPO, env={**os.environ, "PYTHONPATH": str(REPO)},
        stdout=asyncio.subprocess.PIPE, stderr=(tmp_path / "leader.log").open("wb"))
    follower = None
    stop = asyncio.Event()
    try:
        assert leader.stdout is not None
        line = await asyncio.wait_for(leader.stdout.readline(), 120)
        assert line.strip() == b"leading", (tmp_path / "leader.log").read_text()[-2000:]

        follower = await open_core(database_url, runs, LEASE)
        assert not follower.start_jobs() and not follower.leading  # the leader holds the lock
        keeping = asyncio.create_task(follower.keep_leading(stop))
        await until(lambda: _count(runs, leader.pid, 3), timeout=30)
        await asyncio.sleep(2 * LEASE)
        assert not follower.leading  # a live leader keeps it, however often the follower tries

        leader.send_signal(signal.SIGKILL)
        await leader.wait()
        killed = time.time()
        await until(lambda: _leads(follower), timeout=LEASE + SLACK + 5)
        took_over = time.time() - killed
        await until(lambda: _count(runs, os.getpid(), 3), timeout=30)
        stop.set()
        await keeping
    finally:
        if leader.returncode is None:
            leader.kill()
            await leader.wait()
        if follower is not None:
            follower.stop_jobs()
            await follower.close()
    print(f"scheduler lease: follower took over {took_over:.2f} s after the leader's kill (lease {LEASE} s)")
    assert took_over <= LEASE + SLACK
    by_leader = [at for pid, at in _runs(runs) if pid == leader.pid]
    by_follower = [at for pid, at in _runs(runs) if pid == os.getpid()]
    assert {pid for pid, _ in _runs(runs)} == {leader.pid, os.getpid()}
    assert max(by_leader) < killed < min(by_follower)  # never both at once


async def _count(runs: Path, pid: int, n: int) -> bool:
    return sum(1 for p, _ in _runs(runs) if p == pid) >= n


async def _leads(core) -> bool:
    return core.leading


def test_a_released_lock_is_free_at_once(database_url) -> None:
    """A leader that stops lets the lock go before `release` returns, so a follower trying the
    next instant takes it (stop 40's CI found a closed PostgreSQL connection still holding it)."""
    from bot.scheduling import SchedulerLock

    leader, follower = SchedulerLock(database_url), SchedulerLock(database_url)
    for _ in range(300):
        assert leader.acquire()
        assert not follower.acquire()
        leader.release()
        assert follower.acquire()
        follower.release()
