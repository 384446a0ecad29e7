"""`sentinel doctor` checks, and only checks: it left a `sentinel.jobs.db.lock` in the working
folder, its scheduler line having taken the scheduler's file lock to see whether a bot held it, which
created the file (bot.scheduling.SchedulerLock.acquire); now it asks without creating anything
(`held_elsewhere`), and still tells a held lock."""
from __future__ import annotations

from pathlib import Path

import pytest

from bot.scheduling import SchedulerLock
from tests.e2e.test_cli_errors import sentinel

def _files(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir()}


def _line(out: str, name: str) -> list[str]:
    return [line for line in out.splitlines() if line[2:].startswith(f"{name}:")]


def test_doctor_leaves_nothing_behind_and_still_sees_a_held_lock(tmp_path: Path) -> None:
    assert sentinel(["db", "upgrade"], tmp_path).returncode == 0
    before = _files(tmp_path)
    assert before == {"sentinel.db"}, before
    done = sentinel(["doctor"], tmp_path)
    assert _line(done.stdout, "scheduler") == [
        "✗ scheduler: no process holds the scheduler lock: no bot is running jobs (start `sentinel run`)"], done.stdout
    assert _files(tmp_path) == before  # was: sentinel.jobs.db.lock left behind
    held = SchedulerLock(f"sqlite+aiosqlite:///{tmp_path / 'sentinel.db'}")  # a running bot's lock
    assert held.acquire()
    try:
        done = sentinel(["doctor"], tmp_path)
        assert _line(done.stdout, "scheduler") == [
            "✓ scheduler: a running bot holds the scheduler lock and runs the jobs"], done.stdout
    finally:
        held.release()
    assert held.acquire()  # the doctor let go of what it asked about
    held.release()


def test_a_held_lock_is_seen_on_postgresql_and_left_as_it_was() -> None:
    """The same question on PostgreSQL (an advisory lock: nothing is created either way)."""
    import os
    url = os.environ.get("SENTINEL_TEST_PG_URL")
    if not url:
        pytest.skip("SENTINEL_TEST_PG_URL is not set")
    held = SchedulerLock(url)
    if held.held_elsewhere():
        pytest.skip("another process runs jobs on this database")
    assert held.acquire()
    try:
        assert SchedulerLock(url).held_elsewhere()
    finally:
        held.release()
    assert not SchedulerLock(url).held_elsewhere()
