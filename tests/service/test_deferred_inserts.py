"""The rows a unit of work writes at commit (storage.deferred), and what a PostgreSQL checkout costs.

On PostgreSQL a commit's few rows per table go in one statement (data-modifying CTEs; issue 18,
"make a transition cheap"): the rows must come out exactly as one INSERT per table wrote them —
every row, in the order given (ids follow it), column defaults filled, the case's new id, an
idempotent table's existing keys skipped. SQLite keeps one statement per table. A batch's many
rows keep one executemany per table."""
from __future__ import annotations

from typing import Any

import asyncpg
import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlmodel import col, select

from storage.db import create_engine, session_factory
from storage.deferred import FOLD_ROWS
from storage.models import Case, CaseEvent, CaseWatcher, Chat, OutboxMessage, User, utcnow
from storage.uow import UnitOfWork
from tests.service.conftest import statements

GROUP, REPORTER, OTHER = -100900, 20001, 20002


@pytest.fixture
async def engine(database_url: str) -> Any:
    engine = create_engine(database_url)
    async with UnitOfWork(session_factory(engine)) as uow:
        uow.session.add(Chat(id=GROUP, type="supergroup", title="朝阳骑手"))
        uow.session.add_all([User(id=REPORTER, first_name="骑手"), User(id=OTHER, first_name="骑手二")])
        await uow.commit()
    yield engine
    await engine.dispose()


async def test_a_commit_writes_its_rows_as_one_insert_per_table_would(engine: AsyncEngine, database_url: str) -> None:
    sessions = session_factory(engine)
    async with UnitOfWork(sessions) as uow:  # a follower already stored: its second follow is skipped
        case = Case(category="lighting", urgency="normal", text="路灯坏了", reporter_id=REPORTER, chat_id=GROUP)
        uow.cases.add(case, REPORTER)
        await uow.commit()
    async with UnitOfWork(sessions) as uow:
        uow.cases.watch(case, OTHER, GROUP, 11, "zh")
        await uow.commit()

    async with UnitOfWork(sessions) as uow:
        fresh = Case(category="road", urgency="normal", text="井盖松了", reporter_id=REPORTER, chat_id=GROUP)
        uow.cases.add(fresh, REPORTER)  # not flushed: its id comes at commit
        for n in range(3):  # three messages to one chat: their order is their ids' order
            uow.deferred.add(OutboxMessage, {"chat_id": GROUP, "kind": "reply", "payload": {"n": n}}, fresh)
        uow.deferred.add(CaseEvent, {"kind": "note", "from_status": "new", "to_status": "new", "actor_id": REPORTER,
                                     "note": "已派人查看", "created_at": utcnow()}, fresh)
        uow.cases.watch(case, OTHER, GROUP, 12, "en")  # already following: skipped
        with statements(engine) as seen:
            await uow.commit()
    inserts = [s for s in seen if "INSERT" in s]
    # SQLite: one per table (the case's own, then events, messages, followers); PostgreSQL: the
    # case's, then one for the three tables
    assert len(inserts) == (4 if database_url.startswith("sqlite") else 2), inserts

    async with UnitOfWork(sessions) as uow:
        rows = (await uow.session.exec(select(OutboxMessage).where(OutboxMessage.case_id == fresh.id)
                                       .order_by(col(OutboxMessage.id)))).all()
        assert [r.payload["n"] for r in rows] == [0, 1, 2]
        assert all(r.status == "pending" and r.attempts == 0 and r.priority == 0 and r.lang == "zh"
                   and r.created_at is not None for r in rows)  # the columns' defaults
        events = await uow.cases.events(fresh.id or 0)
        assert [(e.kind, e.note) for e in events if e.kind == "note"] == [("note", "已派人查看")]
        assert all(e.created_at is not None for e in events)
        watchers = (await uow.session.exec(select(CaseWatcher).where(CaseWatcher.case_id == case.id))).all()
        assert [(w.message_id, w.lang) for w in watchers] == [(11, "zh")]  # the first follow stands


async def test_a_batch_of_many_rows_keeps_one_executemany_per_table(engine: AsyncEngine) -> None:
    sessions = session_factory(engine)
    many = FOLD_ROWS + 3
    async with UnitOfWork(sessions) as uow:
        for n in range(many):
            uow.deferred.add(OutboxMessage, {"chat_id": GROUP, "kind": "reply", "payload": {"n": n}})
        with statements(engine) as seen:
            await uow.commit()
    assert len([s for s in seen if "INSERT" in s]) == 1
    async with UnitOfWork(sessions) as uow:
        rows = (await uow.session.exec(select(OutboxMessage).order_by(col(OutboxMessage.id)))).all()
        assert [r.payload["n"] for r in rows] == list(range(many))


async def test_a_postgresql_checkout_is_checked_by_its_own_begin(database_url: str,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """No separate ping: the BEGIN the transaction needs is sent at checkout and is the check (a
    connection the server dropped fails it and is replaced: test_pg_reconnect)."""
    if not database_url.startswith("postgresql"):
        pytest.skip("PostgreSQL's round trips (SQLite's connection is in the process)")
    sent: list[str] = []
    execute = asyncpg.connection.Connection.execute

    async def recording(self: Any, query: str, *args: Any, **kw: Any) -> Any:
        sent.append(query)
        return await execute(self, query, *args, **kw)

    engine = create_engine(database_url)
    try:
        async with engine.connect() as conn:  # the pool's first connection, set up by the dialect
            await conn.execute(text("SELECT 1"))
        monkeypatch.setattr(asyncpg.connection.Connection, "execute", recording)
        for n in range(3):
            async with engine.begin() as conn:
                assert (await conn.execute(text(f"SELECT {n}"))).scalar() == n
        # what goes by the simple protocol: BEGIN and COMMIT of each unit of work, no ping between
        assert [q.strip(" ;").upper() for q in sent] == ["BEGIN", "COMMIT"] * 3, sent
    finally:
        await engine.dispose()
