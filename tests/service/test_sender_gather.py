"""The sender's passes under a steady stream of commits (bot/outbox.py, `Sender._spaced`).

Each commit that queues a message wakes the sender. Without spacing, a stream of commits a few
milliseconds apart made a pass (a claim, its commit, the outcomes' commit) for every message;
with `gather` the passes are at least that far apart while nothing is backlogged, so one pass
takes what the commits queued meanwhile. A message after a quiet spell still goes at once.
"""
from __future__ import annotations

import asyncio
import time
from typing import Any

from bot.domain import PRIORITY_CONVERSATION, Notice
from bot.outbox import Outgoing, Sender, enqueue
from bot.pacing import Pacer
from handlers.telegram_limits import TELEGRAM
from tests.service.conftest import Factory

CHAT = 4343  # a private chat (the pacer below lets everything through)
GATHER = 1.0  # seconds: far above what a claim and a commit take on a loaded machine (one took 0.27 s on
#               2 cores with CI alongside, over the 0.25 s a gather of 0.5 s left), far below the timeouts
STREAM = 12


class Recording:
    """A transport that answers at once and notes when it sent what."""
    platform = TELEGRAM

    def __init__(self) -> None:
        self.sends: list[tuple[float, int]] = []  # (monotonic time, outbox row id)

    async def deliver(self, message: Outgoing) -> int | None:
        self.sends.append((time.monotonic(), message.id))
        return 1000 + len(self.sends)


class Counting(Sender):
    """The sender, counting the passes whose claim found anything."""

    passes = 0

    async def _due(self) -> list[Any]:
        rows = await super()._due()
        self.passes += bool(rows)
        return rows


async def _queue_one(uows: Factory, sender: Sender, n: int) -> None:
    async with uows() as uow:
        enqueue(uow, Notice(CHAT, "admin-unbind-none", "zh", payload={"n": n}, priority=PRIORITY_CONVERSATION))
        await uow.commit()
    sender.wake()  # as the commit's hook does


async def _until(condition: Any, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "the sender did not get there in time"
        await asyncio.sleep(0.005)


async def test_a_stream_of_commits_is_sent_in_few_passes_and_a_lone_message_at_once(uows: Factory) -> None:
    transport = Recording()
    sender = Counting(uows, transport, Pacer(10_000, 100_000, 10_000, is_group=TELEGRAM.is_group),
                      gather=GATHER)
    task = asyncio.create_task(sender.run())
    try:
        await asyncio.sleep(0.1)  # the sender started and found nothing
        await _queue_one(uows, sender, 0)
        woken = time.monotonic()  # the sender is woken, not run yet: its claim and send come after this
        await _until(lambda: len(transport.sends) == 1)
        assert transport.sends[0][0] - woken < GATHER / 2, "a message after a quiet spell waits for nothing"

        await asyncio.sleep(GATHER)  # quiet again
        before, start = sender.passes, time.monotonic()
        for n in range(1, STREAM + 1):  # one commit each, a few milliseconds apart, as handled updates are
            await _queue_one(uows, sender, n)
            await asyncio.sleep(0.005)
        streamed = time.monotonic() - start
        await _until(lambda: len(transport.sends) == STREAM + 1)
        passes = sender.passes - before
        assert passes <= streamed / GATHER + 2, f"{STREAM} messages queued over {streamed:.2f} s took {passes} passes"
        assert [row for _t, row in transport.sends] == sorted(row for _t, row in transport.sends), "in order"
    finally:
        sender.stop()
        await task
