"""A reply to the bot's message read before the sender recorded which message it was.

The platform shows a message the moment it is sent; which outbox row (which case) it was is
committed a little later, with the sender's outcomes. A rider who replied within that window — a
pin correcting a case's place, as a reply to the bot's answer — was answered "nothing is waiting for
a pin" (a CI run's flake, then 1 in 23 runs under load): the update is now read only once the
sends begun before it have their outcomes committed (bot/outbox.Unrecorded). Here the outcome
commit is held back 0.6 s, so every such reply lands inside the window, in polling and webhook mode,
and with two workers, where the one reading the reply is not the one that sent the message replied to
(bot/outbox.settled_elsewhere).
"""
from __future__ import annotations

import asyncio
import socket
from collections.abc import AsyncIterator
from typing import Any

import pytest

from bot.domain import PRIORITY_CONVERSATION, Notice
from bot.outbox import Unrecorded, enqueue, settled_elsewhere
from storage.repositories.outbox import OutboxRepository
from storage.uow import UnitOfWork
from tests.conftest import LI, RunningBot, said
from tests.e2e.test_checkins import NEAR
from tests.e2e.test_outbox_claims import KIND, Worker, _rows
from tests.e2e.test_pin_trial import HINT, PIN
from tests.factories import read_cases_at_least

LAG = 0.6  # seconds the sender's outcome commit is held back


@pytest.fixture
def slow_outcomes(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every batch of sent outcomes is committed LAG seconds late (on whichever loop the sender runs)."""
    real = OutboxRepository.mark_sent_many

    async def late(self: OutboxRepository, sent: list[tuple[int, int | None]]) -> None:
        await asyncio.sleep(LAG)
        await real(self, sent)
    monkeypatch.setattr(OutboxRepository, "mark_sent_many", late)


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def _pin_corrected_by_a_reply(tg: Any, db: Any) -> None:
    """LI reports, pins the place, and at once corrects the pin as a reply to the bot's answer (whose
    outcome is not committed yet): the correction is read as one, and moves the case."""
    assert "C-000001" in (await said(tg, LI["id"], LI, "/report 路灯坏了 晚上黑乎乎的"))["plain_text"]
    placed = await said(tg, LI["id"], LI, location=PIN)
    assert "C-000001" in placed["plain_text"]
    fixed = await said(tg, LI["id"], LI, location=NEAR, reply_to_message_id=placed["message_id"])
    assert "C-000001" in fixed["plain_text"] and HINT["zh"] not in fixed["plain_text"], fixed["plain_text"]
    [case] = await read_cases_at_least(db, 1)
    assert (case.lat, case.lon) == (NEAR["latitude"], NEAR["longitude"])


@pytest.mark.parametrize("webhook", [False, True], ids=["polling", "webhook"])
async def test_reply_inside_the_outcome_window_is_read_as_a_reply(settings, tg, db, slow_outcomes,
                                                                   webhook: bool) -> None:
    if webhook:
        port = _port()
        settings = settings.model_copy(update={"webhook_url": f"http://127.0.0.1:{port}/webhook",
                                               "webhook_port": port})
    bot = RunningBot(settings, tg)
    await bot.start(webhook=webhook)
    try:
        await _pin_corrected_by_a_reply(tg, db)
    finally:
        await bot.stop()


async def test_settled_waits_for_the_chats_sends_begun_before_it_and_no_longer_than_its_bound() -> None:
    sends = Unrecorded()
    first, elsewhere = sends.begin(1), sends.begin(2)
    assert await sends.settled({1, 3}, timeout=0.05) is False  # chat 1's send is under way
    assert await sends.settled({3}, timeout=5) is True  # another chat's send is not waited for
    waiting = asyncio.ensure_future(sends.settled({1}, timeout=5))
    await asyncio.sleep(0.02)
    later = sends.begin(1)  # begun after the wait started: not waited for
    assert not waiting.done()
    sends.end(first)
    assert await asyncio.wait_for(waiting, 1) is True
    assert await sends.settled({1}, timeout=0.05) is False  # `later` never ends: the wait gives up
    sends.end(later)
    sends.end(elsewhere)
    assert await sends.settled({1, 2}, timeout=0.05) is True


@pytest.fixture
def idle_own_sender(monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """The running bot's own sender claims nothing (the worker named in the dict, once known):
    every message goes out through another worker, as behind a load balancer that gave it the update."""
    idle: dict[str, str] = {}
    real = OutboxRepository.claim

    async def claim(self: OutboxRepository, worker: str, *args: Any, **kwargs: Any) -> list[Any]:
        return [] if worker == idle.get("worker") else await real(self, worker, *args, **kwargs)
    monkeypatch.setattr(OutboxRepository, "claim", claim)
    return idle


@pytest.fixture
async def worker_a(settings: Any) -> AsyncIterator[Worker]:
    """Another worker's sender (its own engine and name), not started."""
    worker = Worker(settings, "worker-a")
    yield worker
    await worker.close()


async def test_reply_to_another_workers_send_waits_for_its_outcome(settings, tg, db, slow_outcomes,
                                                                   idle_own_sender, worker_a) -> None:
    """Two workers (issue 18): the one reading the reply did not send the message replied to; the
    other's outcome commit is LAG late. The reply is still read as one."""
    bot = RunningBot(settings, tg)
    await bot.start()
    assert bot.core is not None
    idle_own_sender["worker"] = bot.core.worker
    worker_a.start()
    try:
        await _pin_corrected_by_a_reply(tg, db)
        claimers = {r.claimed_by for r in await _rows(db)}
        assert claimers == {"worker-a"}, claimers  # every answer went out through the other worker
    finally:
        await bot.stop()


async def test_settled_elsewhere_waits_for_other_workers_claims_made_before_it(db) -> None:
    uow = lambda: UnitOfWork(db)  # noqa: E731
    async with uow() as u:
        for chat_id in (1, 2):
            enqueue(u, Notice(chat_id, KIND, "zh", priority=PRIORITY_CONVERSATION))
        await u.commit()
    async with uow() as u:
        [first] = await u.outbox.claim("worker-a", 1, lease=60)  # chat 1's row, under way elsewhere
        await u.commit()
    assert await settled_elsewhere(uow, "worker-b", {2, 3}, timeout=5) is True  # other chats: not waited for
    assert await settled_elsewhere(uow, "worker-a", {1}, timeout=5) is True  # its own claims: not "elsewhere"
    assert await settled_elsewhere(uow, "worker-b", {1}, timeout=0.05) is False  # under way: bounded
    waiting = asyncio.ensure_future(settled_elsewhere(uow, "worker-b", {1}, timeout=30, poll=0.01))
    async with uow() as u:
        [later] = await u.outbox.claim("worker-c", 5, lease=60)  # chat 2's
        await u.commit()
    async with uow() as u:
        assert await u.outbox.claimed_elsewhere("worker-b", {1, 2}) == {first.id, later.id}
        # a claim made after the wait began is not waited for
        assert await u.outbox.claimed_elsewhere("worker-b", {1, 2}, among={first.id}) == {first.id}
        await u.outbox.mark_sent_many([(first.id, 77)])
        await u.commit()
    assert await asyncio.wait_for(waiting, 10) is True
    async with uow() as u:
        assert await u.outbox.claimed_elsewhere("worker-b", {1, 2}, among={first.id}) == set()
        assert await u.outbox.claimed_elsewhere("worker-b", {1, 2}) == {later.id}
