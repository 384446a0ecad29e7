"""Outbox claims for N workers: any worker may send, each row goes out exactly once, a chat's
messages keep their order, and a dead worker's claims are taken over once their lease runs out.

Each "worker" here is a sender with its own database engine (its own connections, as another
process would have) and its own name, against the emulator over HTTP and a real database.
"""
from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import AsyncIterator
from datetime import timedelta
from typing import Any

import pytest
from sqlmodel import col, select

from handlers.telegram_limits import TELEGRAM
from bot.config import Settings
from bot.domain import PRIORITY_CONVERSATION, Notice
from bot.outbox import Sender, enqueue
from bot.pacing import Pacer
from handlers.telegram_aiogram.runtime import make_bot
from handlers.telegram_aiogram.transport import TelegramTransport
from storage.db import create_engine, session_factory
from storage.models import OutboxMessage, utcnow
from storage.uow import UnitOfWork
from tests.conftest import until

GROUPS = [-100_800 - i for i in range(12)]
PER_CHAT = 15
KIND = "admin-unbind-none"  # any catalogue text without arguments


class Worker:
    """A sender as one worker process runs it: its engine, its bot session, its name."""

    def __init__(self, settings: Settings, name: str, lease: float = 30.0, batch: int = 20) -> None:
        self.engine = create_engine(settings.database_url)
        sessions = session_factory(self.engine)
        self.bot = make_bot(settings)
        self.sender = Sender(lambda: UnitOfWork(sessions), TelegramTransport(self.bot),
                             Pacer(10_000, 100_000, 1_000, is_group=TELEGRAM.is_group), batch=batch, concurrency=4, worker=name, lease=lease)
        self.task: asyncio.Task[None] | None = None

    def start(self) -> None:
        self.task = asyncio.create_task(self.sender.run())

    async def close(self) -> None:
        if self.task is not None:
            self.sender.stop()
            await self.task
        await self.bot.session.close()
        await self.engine.dispose()


@pytest.fixture
async def workers(settings: Settings) -> AsyncIterator[list[Worker]]:
    made: list[Worker] = []
    yield made
    for w in made:
        await w.close()


async def _groups(tg: Any) -> None:
    for chat_id in GROUPS:
        await tg.http.post(f"{tg.base_url}/_emu/chat", json={"token": tg.token, "chat": {
            "id": chat_id, "type": "supergroup", "title": f"claims {chat_id}"}})


async def _enqueue(db: Any, n_per_chat: int) -> None:
    async with UnitOfWork(db) as uow:
        for n in range(n_per_chat):
            for chat_id in GROUPS:
                enqueue(uow, Notice(chat_id, KIND, "zh", payload={"n": n}, priority=PRIORITY_CONVERSATION))
        await uow.commit()


async def _rows(db: Any) -> list[OutboxMessage]:
    async with db() as s:
        return list((await s.exec(select(OutboxMessage).order_by(col(OutboxMessage.id)))).all())


async def _claimed_by(db: Any, worker: str) -> bool:
    return any(r.claimed_by == worker for r in await _rows(db))


async def _all_sent(db: Any) -> bool:
    return all(r.status == "sent" for r in await _rows(db))


async def test_two_workers_send_each_message_once_in_chat_order(emu, tg, settings, db, workers) -> None:
    # Sends take a while, as Telegram's do, so a worker's pass (a batch of 20 at 4 at a time) is
    # long enough for the other to claim rows too. The second worker starts once the first holds
    # claims: both then compete for the rest (started together, one may win every claim on a
    # loaded machine; a share for each is what the test needs, not a race).
    await tg.config(latency_ms=100)
    await _groups(tg)
    await _enqueue(db, PER_CHAT)
    workers += [Worker(settings, "worker-a"), Worker(settings, "worker-b")]
    workers[0].start()
    await until(lambda: _claimed_by(db, "worker-a"), timeout=60)
    workers[1].start()
    await until(lambda: _all_sent(db), timeout=120)

    rows = await _rows(db)
    assert len(rows) == len(GROUPS) * PER_CHAT
    for chat_id in GROUPS:
        got = await tg.messages(chat_id)
        assert len(got) == PER_CHAT, (chat_id, len(got))  # once each: none lost, none doubled
        ids = [r.sent_message_id for r in rows if r.chat_id == chat_id]
        assert ids == sorted(ids), f"chat {chat_id} out of order: {ids}"  # sent in the order caused
    claimers = Counter(r.claimed_by for r in rows)
    assert set(claimers) <= {"worker-a", "worker-b"}, claimers
    assert len(claimers) == 2, f"one worker did everything: {claimers}"


async def test_a_dead_workers_claims_are_taken_over_after_the_lease(emu, tg, settings, db, workers) -> None:
    await _groups(tg)
    await _enqueue(db, 2)
    async with UnitOfWork(db) as uow:  # a worker claims everything, then dies before sending
        claimed = await uow.outbox.claim("dead-worker", 1000, lease=3.0)
        await uow.commit()
    assert len(claimed) == 2 * len(GROUPS)

    live = Worker(settings, "live-worker")
    workers.append(live)
    assert await live.sender.drain_once() is False  # the lease holds: nothing is taken yet
    assert (await tg.stats())["sent"] == 0
    live.start()
    await until(lambda: _all_sent(db), timeout=30)  # once the lease ran out, all of them
    rows = await _rows(db)
    assert {r.claimed_by for r in rows} == {"live-worker"}
    for chat_id in GROUPS:
        assert len(await tg.messages(chat_id)) == 2


async def test_a_chat_held_by_one_worker_is_not_sent_to_by_another(emu, tg, settings, db, workers) -> None:
    """The claim of a chat's first message holds back its later ones for every other worker,
    so two workers never send into one chat at once (which would break its order)."""
    await _groups(tg)
    await _enqueue(db, 3)
    first = (await _rows(db))[0]
    async with db() as s:  # worker A holds the first message of one chat (and is still sending it)
        row = await s.get(OutboxMessage, first.id)
        row.claimed_by, row.claimed_until = "worker-a", utcnow() + timedelta(seconds=30)
        await s.commit()
    b = Worker(settings, "worker-b", batch=100)
    workers.append(b)
    assert await b.sender.drain_once() is True
    rows = await _rows(db)
    held_chat = [r for r in rows if r.chat_id == first.chat_id]
    assert [r.status for r in held_chat] == ["pending"] * 3  # nothing of that chat overtook A
    assert all(r.status == "sent" for r in rows if r.chat_id != first.chat_id)
    assert len(await tg.messages(first.chat_id)) == 0
