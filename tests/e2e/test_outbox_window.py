"""The outbox window: killed without warning mid-burst, the bot doubles at most the sends in flight.

The Bot API takes no idempotency key, so a message the platform accepted in the instant before a
SIGKILL, whose row was not yet marked sent, goes again after restart. The sender keeps that to one
message per chat slot (a chat's next send waits for its last outcome's commit): at most
`SENTINEL_SENDER__CONCURRENCY` doubles per kill, and nothing lost.
"""
from __future__ import annotations

import asyncio
import signal
from collections import Counter

from storage.models import Case
from tests.conftest import LI, WANG, until
from tests.e2e.test_delivery import _count, _no_pending, _spawn

GROUPS = [{"id": -100_700 - i, "type": "supergroup", "title": f"骑手{i}群"} for i in range(20)]
PER_GROUP = 10
CONCURRENCY = 4


async def _sent(tg) -> int:
    return int((await tg.stats())["sent"])


async def test_sigkill_mid_burst_doubles_at_most_the_sends_in_flight(emu, tg, settings, db, tmp_path) -> None:
    await tg.config(latency_ms=15)  # answers take a while, as Telegram's do: sends overlap
    env = {"SENTINEL_SENDER__CONCURRENCY": str(CONCURRENCY)}
    proc = await _spawn(settings, tmp_path, env)
    reports: list[tuple[int, int]] = []
    try:
        for n in range(PER_GROUP):
            for i, group in enumerate(GROUPS):
                sent = await tg.send(group, LI if n % 2 else WANG, f"建国路{i * PER_GROUP + n + 1}号门口的路灯坏了")
                reports.append((group["id"], sent["message_id"]))
        await until(lambda: _at_least(tg, 40), timeout=60)
    finally:
        proc.send_signal(signal.SIGKILL)
        await proc.wait()
    at_kill = await _sent(tg)
    assert at_kill < len(reports), "the kill came too late to test anything"

    proc = await _spawn(settings, tmp_path, env)
    try:
        await until(lambda: _answered(tg, reports), timeout=120)
        await until(lambda: _no_pending(db), timeout=60)
        await asyncio.sleep(0.5)
    finally:
        proc.send_signal(signal.SIGTERM)
        assert await asyncio.wait_for(proc.wait(), 30) == 0
    replies = await _replies(tg)
    lost = [r for r in reports if replies[r] == 0]
    doubles = sum(replies[r] - 1 for r in reports if replies[r] > 1)
    print(f"outbox window: {at_kill} sent before the kill, {doubles} doubled, {len(lost)} lost")
    assert lost == []
    assert doubles <= CONCURRENCY, doubles
    assert await _count(db, Case) == len(reports)


async def _at_least(tg, n: int) -> bool:
    return await _sent(tg) >= n


async def _replies(tg) -> Counter[tuple[int, int]]:
    counts: Counter[tuple[int, int]] = Counter()
    for group in GROUPS:
        for m in await tg.messages(group["id"]):
            counts[(group["id"], m.get("reply_to_message_id"))] += 1
    return counts


async def _answered(tg, reports: list[tuple[int, int]]) -> bool:
    replies = await _replies(tg)
    return all(replies[r] for r in reports)
