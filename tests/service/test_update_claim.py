"""An update is claimed by its unit of work's first statement (handlers/updates.py, issue 18).

`once` used to look the update up, run it, and insert its mark at commit: two of the four
statements a chit-chat message costs. Now one INSERT … ON CONFLICT DO NOTHING claims it: a
redelivery finds it claimed and runs nothing; a rolled-back update leaves no claim behind, so
its next delivery runs; a second delivery while the first is still running (another worker)
waits for it, then finds it claimed. On the real database, SQLite and PostgreSQL.
"""
from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import dataclass

import pytest
from sqlmodel import select

from handlers.updates import once
from storage.db import create_engine, session_factory
from storage.models import Chat, ProcessedUpdate
from storage.uow import UnitOfWork
from tests.service.conftest import statements


@dataclass
class Db:
    uow: object
    statements: list[str]  # as sent (tests.service.conftest.statements)

    def verbs(self) -> list[str]:
        """Each statement's first word: what kind of statement it was."""
        return [s.split()[0].upper() for s in self.statements]


@pytest.fixture
async def db(database_url: str) -> AsyncIterator[Db]:
    engine = create_engine(database_url)
    sessions = session_factory(engine)
    with statements(engine) as seen:
        yield Db(lambda: UnitOfWork(sessions), seen)
    await engine.dispose()


async def _never(error: BaseException) -> None:
    raise AssertionError(f"given up: {error!r}")


async def _claimed(d: Db) -> list[int]:
    async with d.uow() as uow:
        return sorted((await uow.session.exec(select(ProcessedUpdate.update_id))).all())


async def test_a_chit_chat_update_costs_its_own_statements_and_one_claim(db: Db) -> None:
    ran: list[int] = []

    async def run(uow: UnitOfWork) -> None:  # what a known rider's chit-chat reads: chat and sender
        ran.append(1)
        await uow.chats.ensure(-700, "supergroup", "g")

    await once(db.uow, 1, run, _never)          # the chat is new: inserted
    db.statements.clear()
    await once(db.uow, 2, run, _never)
    assert db.verbs() == ["INSERT", "SELECT"]  # the claim, then the handler's own read
    assert ran == [1, 1] and await _claimed(db) == [1, 2]


async def test_a_redelivered_update_runs_nothing(db: Db) -> None:
    ran: list[int] = []

    async def run(uow: UnitOfWork) -> None:
        ran.append(1)
        await uow.chats.ensure(-701, "supergroup", "g")

    await once(db.uow, 5, run, _never)
    db.statements.clear()
    assert await once(db.uow, 5, run, _never) is None
    assert ran == [1] and db.verbs() == ["INSERT"]


async def test_a_rolled_back_update_leaves_no_claim_and_runs_when_delivered_again(db: Db) -> None:
    given_up: list[BaseException] = []

    async def broken(uow: UnitOfWork) -> None:
        await uow.chats.ensure(-702, "supergroup", "g")
        raise ValueError("a bug")

    async def give_up(error: BaseException) -> None:
        given_up.append(error)

    await once(db.uow, 9, broken, give_up)
    assert [type(e) for e in given_up] == [ValueError]
    assert await _claimed(db) == []              # nothing of it was committed, the claim neither

    async def fixed(uow: UnitOfWork) -> None:
        await uow.chats.ensure(-702, "supergroup", "g")

    await once(db.uow, 9, fixed, _never)
    assert await _claimed(db) == [9]
    async with db.uow() as uow:
        assert (await uow.session.exec(select(Chat.id).where(Chat.id == -702))).all() == [-702]


async def test_a_second_delivery_while_the_first_runs_waits_then_skips(database_url: str, db: Db) -> None:
    """Two workers (two engines) get the same update: it runs once."""
    other = create_engine(database_url)
    sessions = session_factory(other)
    second_uow = lambda: UnitOfWork(sessions)  # noqa: E731
    ran: list[str] = []
    first_inside = asyncio.Event()

    async def slow(uow: UnitOfWork) -> None:
        ran.append("first")
        first_inside.set()
        await asyncio.sleep(0.3)  # the second delivery arrives meanwhile
        await uow.chats.ensure(-703, "supergroup", "g")

    async def quick(uow: UnitOfWork) -> None:
        ran.append("second")

    try:
        first = asyncio.create_task(once(db.uow, 12, slow, _never))
        await first_inside.wait()
        await once(second_uow, 12, quick, _never)
        await first
    finally:
        await other.dispose()
    assert ran == ["first"]
    assert await _claimed(db) == [12]
