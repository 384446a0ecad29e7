"""Nothing is lost, nothing doubles: 429s, 5xx, restarts and SIGKILL."""
from __future__ import annotations

import asyncio
import os
import signal
import sys
from collections import Counter
from pathlib import Path

from sqlmodel import func, select

from storage.models import Case, OutboxMessage
from tests.conftest import GROUP, LI, TOKEN, WANG

REPO = Path(__file__).resolve().parents[2]


async def _count(db, model, *where) -> int:
    async with db() as s:
        return int((await s.exec(select(func.count()).select_from(model).where(*where))).one())


async def _until(predicate, timeout: float = 15.0) -> None:
    for _ in range(int(timeout / 0.05)):
        if await predicate():
            return
        await asyncio.sleep(0.05)
    raise AssertionError("condition not reached in time")


async def test_429_then_200_is_delivered_once(bot, tg) -> None:
    await tg.fault("sendMessage", 429, count=1, retry_after=1)
    await tg.send(GROUP, LI, "幸福小区门口路灯坏了")
    msgs = await tg.wait(GROUP["id"], 1)
    await asyncio.sleep(0.3)
    assert len(await tg.messages(GROUP["id"])) == 1 == len(msgs)
    stats = await tg.stats()
    assert stats["errors"].get("429") == 1 and stats["calls"]["sendMessage"] == 2


async def test_500_twice_is_delivered_once(bot, tg) -> None:
    await tg.fault("sendMessage", 500, count=2)
    await tg.send(GROUP, LI, "光华路积水很深 过不去")
    await tg.wait(GROUP["id"], 1)
    await asyncio.sleep(0.3)
    assert len(await tg.messages(GROUP["id"])) == 1
    assert (await tg.stats())["calls"]["sendMessage"] == 3


async def test_pending_outbox_is_delivered_after_restart_once(bot, tg, db) -> None:
    await tg.fault("sendMessage", 502, count=10_000)  # Telegram is down
    await tg.send(GROUP, LI, "建设路的井盖没了 晚上很危险")
    await _until(lambda: _count(db, Case))
    await bot.stop()
    assert await _count(db, OutboxMessage, OutboxMessage.status == "pending") >= 1
    await tg.http.delete(f"{tg.base_url}/_emu/faults")  # Telegram is back
    await bot.start()
    await tg.wait(GROUP["id"], 1)
    await _until(lambda: _no_pending(db))
    await asyncio.sleep(0.3)
    msgs = await tg.messages(GROUP["id"])
    assert len([m for m in msgs if "已登记工单 <b>C-000001</b>" in m["text"]]) == 1
    assert len(msgs) == await _count(db, OutboxMessage)


async def _no_pending(db) -> bool:
    return await _count(db, OutboxMessage, OutboxMessage.status == "pending") == 0


async def _spawn(settings, tmp_path: Path, extra: dict[str, str] | None = None) -> asyncio.subprocess.Process:
    env = {**os.environ, **(extra or {}), "SENTINEL_BOT_TOKEN": TOKEN, "SENTINEL_API_BASE": settings.api_base,
           "SENTINEL_DATABASE_URL": settings.database_url, "SENTINEL_POLL_TIMEOUT": "5",
           "SENTINEL_SENDER__GROUP_PER_MIN": "100000", "SENTINEL_SENDER__GLOBAL_PER_SEC": "10000",
           "PYTHONPATH": str(REPO)}
    return await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot.cli", "run", cwd=tmp_path, env=env,
        stdout=asyncio.subprocess.DEVNULL, stderr=(tmp_path / "bot.log").open("ab"))


async def test_sigkill_mid_burst_every_report_answered_exactly_once(emu, tg, settings, db, tmp_path) -> None:
    """Kill -9 while a burst of updates is being handled: after restart, one reply per report.

    Sends fail (502) while the kill happens, so the one window no bot can close (the
    platform accepted a message, the process died before recording it) stays shut and
    what is measured is the update path: confirmed only after commit, never handled twice.
    """
    proc = await _spawn(settings, tmp_path)
    reports = []

    async def burst(n: int) -> None:
        for i in range(n):
            n = len(reports)  # a different building each time: no report is a duplicate of another
            sent = await tg.send(GROUP, LI if i % 2 else WANG, f"朝阳路{n}号门口的路灯坏了")
            reports.append(sent["message_id"])

    await burst(10)
    await tg.wait(GROUP["id"], 10, timeout=30)
    await _until(lambda: _no_pending(db))
    await tg.fault("sendMessage", 502, count=100_000)
    await burst(200)
    await _until(lambda: _count_at_least(db, 60), timeout=60)
    proc.send_signal(signal.SIGKILL)
    await proc.wait()
    assert await _count(db, Case) < 210, "the kill came too late to test anything"

    await tg.http.delete(f"{tg.base_url}/_emu/faults")
    proc = await _spawn(settings, tmp_path)
    try:
        await tg.wait(GROUP["id"], 210, timeout=120)
        await _until(lambda: _no_pending(db), timeout=60)
        await asyncio.sleep(0.5)
    finally:
        proc.send_signal(signal.SIGTERM)
        assert await asyncio.wait_for(proc.wait(), 30) == 0
    replies = Counter(m["reply_to_message_id"] for m in await tg.messages(GROUP["id"]))
    assert all(replies[r] == 1 for r in reports), [r for r in reports if replies[r] != 1]
    assert await _count(db, Case) == 210


async def _count_at_least(db, n: int) -> bool:
    return await _count(db, Case) >= 10 + n


async def test_sigterm_finishes_cleanly(emu, tg, settings, tmp_path) -> None:
    proc = await _spawn(settings, tmp_path)
    await tg.send(GROUP, LI, "幸福小区3号门路灯坏了")
    await tg.wait(GROUP["id"], 1, timeout=30)
    proc.send_signal(signal.SIGTERM)
    assert await asyncio.wait_for(proc.wait(), 30) == 0
