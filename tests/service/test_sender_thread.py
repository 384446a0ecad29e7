"""The outbox sender in a thread of its own (bot/sender_thread.py) keeps sending, and recording what
it sent, while the bot's event loop is busy — the time from a send to its committed outcome is what a
SIGKILL can double, and on the bot's loop that time included all the loop's other work.

The loop is blocked here as a CPU-bound handler would block it (time.sleep holds the loop, not the
interpreter lock). With concurrency 1 a chat's next send waits for the last outcome's commit, so every
send made during the block after the first proves a commit made during it too.
"""
from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from sqlmodel import select

from bot.config import SenderSettings, load_settings
from bot.domain import PRIORITY_CONVERSATION, Notice
from bot.outbox import Outgoing, Sender, enqueue
from bot.pacing import Pacer
from bot.sender_thread import SenderThread, sender_in_thread
from handlers.telegram_limits import TELEGRAM
from storage.db import is_sqlite
from storage.models import OutboxMessage
from storage.uow import EffectGate, UnitOfWork
from tests.service.conftest import Factory

CHAT = 4242  # a private chat
ROWS = 5
BLOCK = 1.5  # seconds the bot's loop is held


class Recording:
    """A transport that answers at once and notes which thread sent what, when."""
    platform = TELEGRAM

    def __init__(self) -> None:
        self.sends: list[tuple[int, float, int]] = []  # (thread id, monotonic time, outbox row id)

    async def deliver(self, message: Outgoing) -> int | None:
        self.sends.append((threading.get_ident(), time.monotonic(), message.id))
        return 1000 + len(self.sends)


def _maker(transport: Recording) -> Callable[[Callable[[], UnitOfWork]], Awaitable[tuple[Any, Any]]]:
    async def make(_uow: Callable[[], UnitOfWork]) -> tuple[Any, Callable[[], Awaitable[None]]]:
        async def close() -> None:
            transport.closed = True  # type: ignore[attr-defined]
        return transport, close
    return make


def _sender(uow: Callable[[], UnitOfWork], transport: Any, effects: Any) -> Sender:
    return Sender(uow, transport, Pacer(10_000, 100_000, 1_000, is_group=TELEGRAM.is_group),
                  concurrency=1, effects=effects)


@pytest.fixture
def database_url(database_url: str) -> str:
    """PostgreSQL only: the thread is never used on SQLite (`sender_in_thread`), whose second writer
    in one process would meet the first's snapshot (SQLITE_BUSY_SNAPSHOT) rather than wait for it."""
    if is_sqlite(database_url):
        pytest.skip("the sender's thread runs on PostgreSQL only")
    return database_url


async def _enqueue(uows: Factory, n: int) -> None:
    async with uows() as uow:
        for i in range(n):
            enqueue(uow, Notice(CHAT, "admin-unbind-none", "zh", payload={"n": i}, priority=PRIORITY_CONVERSATION))
        await uow.commit()


async def test_the_sender_thread_sends_and_records_while_the_bots_loop_is_held(uows: Factory,
                                                                               database_url: str) -> None:
    transport = Recording()
    gate = EffectGate()
    thread = SenderThread(database_url, _maker(transport), _sender, gate)
    await thread.start()
    try:
        with gate.running():  # as while a commit's effects run: the sender takes none of them yet
            await _enqueue(uows, ROWS)
        start = time.monotonic()
        thread.wake()  # as the commit's hook does; it reaches the sender's loop, not this one
        time.sleep(BLOCK)  # the bot's loop held, as by a long CPU-bound update
        end = time.monotonic()
        during = [s for s in transport.sends if start <= s[1] <= end]
        assert len(during) == ROWS, f"{len(during)} of {ROWS} sent while the loop was held"
        assert {s[0] for s in during} == {thread.ident} != {threading.get_ident()}
        async with uows() as uow:
            rows = (await uow.session.exec(select(OutboxMessage))).all()
        assert sorted(r.status for r in rows) == ["sent"] * ROWS
        assert sorted(r.sent_message_id for r in rows) == list(range(1001, 1001 + ROWS))
    finally:
        thread.stop()
        await thread.join()
    assert getattr(transport, "closed", False), "the transport is closed on the sender's own loop"


async def test_a_sender_thread_that_cannot_start_says_why(database_url: str) -> None:
    async def broken(_uow: Callable[[], UnitOfWork]) -> tuple[Any, Any]:
        raise RuntimeError("no transport today")
    thread = SenderThread(database_url, broken, _sender, EffectGate())
    with pytest.raises(RuntimeError, match="no transport today"):
        await thread.start()
    await thread.join()


async def test_the_effect_gate_holds_the_thread_back(uows: Factory, database_url: str) -> None:
    """A message a commit caused waits while that commit's after-commit effects run in the bot's loop
    (storage.uow.EffectGate), seen from the sender's thread."""
    transport = Recording()
    gate = EffectGate()
    thread = SenderThread(database_url, _maker(transport), _sender, gate)
    await thread.start()
    try:
        with gate.running():
            await _enqueue(uows, 1)
            thread.wake()
            await asyncio.sleep(0.8)
            assert transport.sends == [], "sent while the commit's effects were still running"
        for _ in range(100):
            if transport.sends:
                break
            await asyncio.sleep(0.05)
        assert len(transport.sends) == 1
    finally:
        thread.stop()
        await thread.join()


def test_sqlite_keeps_the_sender_on_the_bots_loop() -> None:
    def settings(url: str, **more: Any) -> Any:
        return load_settings(_env_file=None, bot_token="1:x", database_url=url, **more)
    assert sender_in_thread(settings("postgresql+asyncpg://h/d"))
    assert not sender_in_thread(settings("sqlite+aiosqlite:///x.db"))
    assert not sender_in_thread(settings("postgresql+asyncpg://h/d", sender=SenderSettings(thread=False)))
