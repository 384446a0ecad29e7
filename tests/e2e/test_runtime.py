"""Running modes and start-up errors: webhook mode, and config mistakes explained in one line."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

from tests.conftest import GROUP, LI, RunningBot

REPO = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def test_webhook_mode_answers_after_commit(settings, tg) -> None:
    port = _free_port()
    hooked = settings.model_copy(update={"webhook_url": f"http://127.0.0.1:{port}/webhook",
                                         "webhook_secret": "s3cret-token", "webhook_port": port})
    bot = RunningBot(hooked, tg)
    await bot.start(webhook=True)
    try:
        sent = await tg.send(GROUP, LI, "幸福小区3号门的路灯坏了")
        [reply] = await tg.wait(GROUP["id"], 1)
        assert reply["reply_to_message_id"] == sent["message_id"] and "C-000001" in reply["text"]
        assert (await tg.stats())["pending_updates"] == 0
    finally:
        await bot.stop()


def _sentinel(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("SENTINEL_")}
    return subprocess.run([sys.executable, "-m", "bot.cli", *args], env={**clean, **env, "PYTHONPATH": str(REPO)},
                          cwd="/", capture_output=True, text=True, timeout=60, check=False)


def test_missing_token_is_explained_in_one_line() -> None:
    run = _sentinel("run")
    assert run.returncode == 2
    assert run.stderr.strip().count("\n") == 0 and "SENTINEL_BOT_TOKEN" in run.stderr


def test_invalid_setting_is_explained_in_one_line() -> None:
    run = _sentinel("run", SENTINEL_BOT_TOKEN="1:x", SENTINEL_TIMEZONE="Mars/Olympus")
    assert run.returncode == 2 and "Traceback" not in run.stderr
    assert "SENTINEL_TIMEZONE" in run.stderr and run.stderr.strip().count("\n") == 0


async def test_only_one_process_runs_the_scheduler(settings) -> None:
    """A second bot on the same database serves but does not run the jobs; it can take over later."""
    from bot.app import Core

    first, second = await Core.open(settings), await Core.open(settings, migrate=False)
    try:
        assert first.start_jobs() and first.leading
        assert not second.start_jobs() and not second.leading
        first.stop_jobs()
        assert second.start_jobs() and second.leading
        assert "deadline-sweep" in second.jobs.ids()
    finally:
        first.stop_jobs()
        second.stop_jobs()
        await first.close()
        await second.close()


async def test_a_worker_that_loses_the_job_store_table_race_starts(settings, monkeypatch) -> None:
    """Two workers started at once on a fresh database both try to CREATE the scheduler's table;
    the loser's open fails once and must be tried again, not end the worker (bench_city found it)."""
    from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
    from sqlalchemy.exc import ProgrammingError

    from bot.app import Core

    real_start = SQLAlchemyJobStore.start
    raced: list[bool] = []

    def start_after_losing_the_race(self, scheduler, alias):  # type: ignore[no-untyped-def]
        if not raced:
            raced.append(True)
            self.jobs_t.create(self.engine, True)  # the other worker made it between check and CREATE
            raise ProgrammingError("CREATE TABLE apscheduler_jobs", {}, Exception("already exists"))
        real_start(self, scheduler, alias)

    monkeypatch.setattr(SQLAlchemyJobStore, "start", start_after_losing_the_race)
    core = await Core.open(settings)
    try:
        assert core.start_jobs() and core.leading and raced
        assert "deadline-sweep" in core.jobs.ids()
    finally:
        core.stop_jobs()
        await core.close()
