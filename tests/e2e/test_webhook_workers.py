"""Two webhook workers behind one proxy, sharing the database (and Redis, when it answers): a burst
of reports across groups, one worker killed with SIGKILL mid-burst, and every report is answered
exactly once — its updates go to the other worker (Telegram, here the emulator, delivers again
what was not answered 200), and its outbox claims are taken over once their lease runs out.

As in tests/e2e/test_delivery.py, sends fail (502) while the kill happens, so the one window no
bot can close (the platform accepted a message, the process died before recording it) stays shut
and what is measured is the multi-worker path itself.
"""
from __future__ import annotations

import asyncio
import os
import signal
import sys
import uuid
from collections import Counter
from pathlib import Path
from typing import Any


from emulator.balancer import RoundRobin
from storage.models import Case, ProcessedUpdate
from tests.conftest import LI, TOKEN, WANG, until
from tests.e2e.test_delivery import _count, _no_pending
from tests.e2e.test_metrics import _free_port
from tests.e2e.test_shared_limit import REDIS_URL

REPO = Path(__file__).resolve().parents[2]
GROUPS = [{"id": -100_950 - i, "type": "supergroup", "title": f"骑手{i}群"} for i in range(4)]
REPORTS = 40
LEASE = 3  # seconds: a dead worker's claims are taken over this soon


async def _redis_up() -> bool:
    import redis.asyncio as aioredis
    client = aioredis.from_url(REDIS_URL)
    try:
        return bool(await client.ping())
    except (OSError, aioredis.ConnectionError):
        return False
    finally:
        await client.aclose()


async def _worker(settings: Any, tmp_path: Path, name: str, port: int, proxy: int,
                  redis: dict[str, str]) -> asyncio.subprocess.Process:
    env = {**os.environ, **redis, "SENTINEL_BOT_TOKEN": TOKEN, "SENTINEL_API_BASE": settings.api_base,
           "SENTINEL_DATABASE_URL": settings.database_url, "SENTINEL_WEBHOOK_URL": f"http://127.0.0.1:{proxy}/webhook",
           "SENTINEL_WEBHOOK_PORT": str(port), "SENTINEL_SENDER__LEASE": str(LEASE),
           "SENTINEL_SENDER__GROUP_PER_MIN": "100000", "SENTINEL_SENDER__GLOBAL_PER_SEC": "10000",
           "SENTINEL_SCHEDULER_LEASE": "2", "PYTHONPATH": str(REPO)}
    return await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot.cli", "run", "--webhook", cwd=tmp_path, env=env,
        stdout=asyncio.subprocess.DEVNULL, stderr=(tmp_path / f"{name}.log").open("ab"))


async def _listening(port: int) -> bool:
    try:
        _r, w = await asyncio.open_connection("127.0.0.1", port)
    except OSError:
        return False
    w.close()
    return True


async def test_two_webhook_workers_one_killed_every_report_answered_once(emu, tg, settings, db, tmp_path) -> None:
    ports, proxy_port = [_free_port(), _free_port()], _free_port()
    proxy = RoundRobin(ports, timeout=30)
    await proxy.start(proxy_port)
    redis = ({"SENTINEL_REDIS_URL": REDIS_URL, "SENTINEL_REDIS_PREFIX": f"sentinel-test-{uuid.uuid4().hex[:8]}"}
             if await _redis_up() else {})
    procs = [await _worker(settings, tmp_path, f"w{i}", port, proxy_port, redis) for i, port in enumerate(ports)]
    reports: list[tuple[int, int]] = []
    try:
        for port in ports:
            await until(lambda port=port: _listening(port), timeout=180)
        for n in range(REPORTS // 2):  # the first half: both workers take updates and send
            group = GROUPS[n % len(GROUPS)]
            sent = await tg.send(group, LI if n % 2 else WANG, f"建国路{n + 1}号门口的路灯坏了")
            reports.append((group["id"], sent["message_id"]))
        await until(lambda: _answered(tg, reports), timeout=120)
        await tg.fault("sendMessage", 502, count=100_000)  # nothing more leaves while the kill happens
        for n in range(REPORTS // 2, REPORTS):
            group = GROUPS[n % len(GROUPS)]
            sent = await tg.send(group, LI if n % 2 else WANG, f"建国路{n + 1}号门口的路灯坏了")
            reports.append((group["id"], sent["message_id"]))
        await until(lambda: _cases_at_least(db, REPORTS - 8), timeout=120)
        procs[0].send_signal(signal.SIGKILL)  # mid-burst: its claims and unanswered updates are left
        await procs[0].wait()
        await tg.http.delete(f"{tg.base_url}/_emu/faults")
        await until(lambda: _answered(tg, reports), timeout=120)
        await until(lambda: _no_pending(db), timeout=60)
        await asyncio.sleep(LEASE + 1)  # a takeover that sent again would show now
    finally:
        for p in procs:
            if p.returncode is None:
                p.send_signal(signal.SIGTERM)
        for p in procs:
            await asyncio.wait_for(p.wait(), 60)
        await proxy.stop()
    replies = await _replies(tg)
    assert [r for r in reports if replies[r] != 1] == [], {r: replies[r] for r in reports if replies[r] != 1}
    assert await _count(db, Case) == REPORTS


async def _cases_at_least(db: Any, n: int) -> bool:
    return await _count(db, Case) >= n


async def _replies(tg: Any) -> Counter[tuple[int, int]]:
    counts: Counter[tuple[int, int]] = Counter()
    for group in GROUPS:
        for m in await tg.messages(group["id"]):
            counts[(group["id"], m.get("reply_to_message_id"))] += 1
    return counts


async def _answered(tg: Any, reports: list[tuple[int, int]]) -> bool:
    replies = await _replies(tg)
    return all(replies[r] for r in reports)


ORDER_GROUPS = [{"id": -100_970 - i, "type": "supergroup", "title": f"顺序{i}群"} for i in range(16)]


async def test_a_chats_updates_are_processed_in_order_across_two_workers(emu, tg, settings, db, tmp_path) -> None:
    """A report naming no place, then at once the rider's next message naming it, in 16 groups
    together: the emulator, as Telegram, has many chats' updates in flight at once but a chat's next
    only after its previous was answered, and the round-robin proxy gives a chat's two updates to
    different workers. Each case gets its place from the answer — the answer never overtook its
    report (a worker that answered Telegram before committing, or two workers on one chat at once,
    would leave cases still asking, and the answers taken for chit-chat)."""
    ports, proxy_port = [_free_port(), _free_port()], _free_port()
    proxy = RoundRobin(ports, timeout=30)
    await proxy.start(proxy_port)
    redis = ({"SENTINEL_REDIS_URL": REDIS_URL, "SENTINEL_REDIS_PREFIX": f"sentinel-test-{uuid.uuid4().hex[:8]}"}
             if await _redis_up() else {})
    await tg.config(latency_ms=20)  # sends take a while: both workers are busy while updates come
    procs = [await _worker(settings, tmp_path, f"w{i}", port, proxy_port, redis) for i, port in enumerate(ports)]
    try:
        for port in ports:
            await until(lambda port=port: _listening(port), timeout=180)
        await until(lambda: _webhook_set(tg), timeout=60)
        for round_ in range(2):
            for i, group in enumerate(ORDER_GROUPS):  # back to back: nothing waits for an answer
                rider = LI if (i + round_) % 2 else WANG
                await tg.send(group, rider, "路灯坏了 晚上太黑")
                await tg.send(group, rider, f"在光华路{100 * round_ + i + 1}号门口")
        expected = {(g["id"], f"光华路{100 * r + i + 1}号门口") for r in range(2) for i, g in enumerate(ORDER_GROUPS)}
        await until(lambda: _all_processed(db, 4 * len(ORDER_GROUPS)), timeout=180)
    finally:
        for p in procs:
            p.send_signal(signal.SIGTERM)
        for p in procs:
            await asyncio.wait_for(p.wait(), 60)
        await proxy.stop()
    cases = await _all_cases(db)
    assert {(c.chat_id, c.location) for c in cases} == expected
    assert [c.id for c in cases if c.awaiting_location] == []
    assert all(proxy.served[port] >= len(ORDER_GROUPS) for port in ports), proxy.served  # both took a share


async def _webhook_set(tg: Any) -> bool:
    info = await tg.http.get(f"{tg.base_url}/bot{TOKEN}/getWebhookInfo")
    return bool((await info.json())["result"]["url"])


async def _all_cases(db: Any) -> list[Case]:
    from sqlmodel import select
    async with db() as s:
        return list((await s.exec(select(Case).order_by(Case.id))).all())


async def _all_processed(db: Any, n: int) -> bool:
    return await _count(db, ProcessedUpdate) >= n
