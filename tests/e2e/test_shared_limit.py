"""One rate limit for the bot token across workers: two sender processes sharing the database and
Redis, against the emulator with Telegram's flood limits on (30/s overall, 1/s per private chat),
never get a 429 and together reach the global limit (their busiest second: at least 95 % of it).

Needs Redis (SENTINEL_TEST_REDIS_URL, default redis://127.0.0.1:6379/0; every development and CI
machine runs one): the test is skipped, saying so, only when nothing answers there.
"""
from __future__ import annotations

import asyncio
import os
import sys
import uuid
from pathlib import Path
from typing import Any

import pytest
import redis.asyncio as aioredis

from bot.domain import PRIORITY_CONVERSATION, Notice
from bot.outbox import enqueue
from storage.uow import UnitOfWork
from tests.conftest import TOKEN, until
from tests.e2e.test_outbox_claims import KIND, _all_sent

REPO = Path(__file__).resolve().parents[2]
REDIS_URL = os.environ.get("SENTINEL_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")
GROUPS = [-100_900 - i for i in range(40)]
PRIVATES = list(range(700_001, 700_021))
PER_GROUP, PER_PRIVATE = 10, 3
EMU_GLOBAL = 30  # the emulator's (Telegram's) limits, per second
EMU_PRIVATE = 1


@pytest.fixture
async def redis_url() -> str:
    client = aioredis.from_url(REDIS_URL)
    try:
        await client.ping()
    except (OSError, aioredis.ConnectionError) as e:
        pytest.skip(f"no Redis at {REDIS_URL}: {e}")
    finally:
        await client.aclose()
    return REDIS_URL


async def _worker(settings: Any, redis_url: str, prefix: str, tmp_path: Path, name: str) -> asyncio.subprocess.Process:
    env = {**os.environ, "SENTINEL_BOT_TOKEN": TOKEN, "SENTINEL_API_BASE": settings.api_base,
           "SENTINEL_DATABASE_URL": settings.database_url, "SENTINEL_REDIS_URL": redis_url,
           "SENTINEL_REDIS_PREFIX": prefix, "PYTHONPATH": str(REPO),
           # the emulator's own limits: a slot counts until one window after its answer, which is
           # safe at the limit itself (a send arrives between its dispatch and its answer)
           "SENTINEL_SENDER__GLOBAL_PER_SEC": str(EMU_GLOBAL), "SENTINEL_SENDER__PRIVATE_PER_SEC": str(EMU_PRIVATE)}
    proc = await asyncio.create_subprocess_exec(
        sys.executable, str(REPO / "tests" / "e2e" / "sender_worker.py"), cwd=tmp_path, env=env,
        stdout=asyncio.subprocess.PIPE, stderr=(tmp_path / f"{name}.log").open("ab"))
    assert proc.stdout is not None
    line = await asyncio.wait_for(proc.stdout.readline(), 120)
    assert line.strip() == b"ready", (tmp_path / f"{name}.log").read_text()[-2000:]
    return proc


async def test_two_workers_share_one_limit_no_429_and_near_full_rate(emu, tg, settings, db, redis_url,
                                                                       tmp_path) -> None:
    await tg.config(limits=True, global_per_sec=EMU_GLOBAL, private_per_sec=EMU_PRIVATE, latency_ms=0)
    for chat_id in GROUPS:
        await tg.http.post(f"{tg.base_url}/_emu/chat", json={"token": TOKEN, "chat": {
            "id": chat_id, "type": "supergroup", "title": f"limit {chat_id}"}})
    for user_id in PRIVATES:
        await tg.http.post(f"{tg.base_url}/_emu/chat", json={"token": TOKEN, "chat": {
            "id": user_id, "type": "private", "first_name": f"rider {user_id}"}})
    prefix = f"sentinel-test-{uuid.uuid4().hex[:8]}"
    procs = [await _worker(settings, redis_url, prefix, tmp_path, f"w{i}") for i in range(2)]
    try:
        async with UnitOfWork(db) as uow:  # both workers are up: the burst lands on both
            for n in range(PER_GROUP):
                for chat_id in GROUPS:
                    enqueue(uow, Notice(chat_id, KIND, "zh", priority=PRIORITY_CONVERSATION))
                if n < PER_PRIVATE:
                    for chat_id in PRIVATES:
                        enqueue(uow, Notice(chat_id, KIND, "zh", priority=PRIORITY_CONVERSATION))
            await uow.commit()
        await until(lambda: _all_sent(db), timeout=120)
    finally:
        for p in procs:
            p.terminate()
        for p in procs:
            await asyncio.wait_for(p.wait(), 30)
        client = aioredis.from_url(redis_url)
        keys = [k async for k in client.scan_iter(match=f"*{prefix}*")]
        if keys:
            await client.delete(*keys)
        await client.aclose()

    stats = await tg.stats()
    times: list[float] = []
    for chat_id in GROUPS + PRIVATES:
        got = [m["received_at"] for m in await tg.messages(chat_id)]
        assert len(got) == (PER_GROUP if chat_id < 0 else PER_PRIVATE), chat_id  # each once
        times += got
    times.sort()
    total = len(times)
    rate = (total - 1) / (times[-1] - times[0])
    busiest = max(sum(1 for u in times[i:] if u < t + 1.0) for i, t in enumerate(times))
    per_second = [sum(1 for u in times if times[0] + k <= u < times[0] + k + 1)
                  for k in range(int(times[-1] - times[0]) + 1)]
    print(f"busiest second {busiest}; per second {per_second}")
    print(f"shared limit: {total} messages by 2 workers in {times[-1] - times[0]:.2f} s = {rate:.1f}/s "
          f"({rate / EMU_GLOBAL:.0%} of {EMU_GLOBAL}/s); errors {stats['errors']}")
    assert stats["errors"].get("429", 0) == 0, stats["errors"]
    # The shared windows let the two workers together use the whole limit: their busiest second
    # reaches it. The average over the run also counts the workers' own pauses between passes
    # (on a loaded 2-core machine 75-84 %; see the closing note of issue 18), so it is printed,
    # and held only to a floor that a limiter letting through one worker's share would miss.
    assert busiest >= 0.95 * EMU_GLOBAL, f"busiest second {busiest} is under 95 % of {EMU_GLOBAL}/s"
    assert rate >= 0.6 * EMU_GLOBAL, f"{rate:.1f}/s on average"
