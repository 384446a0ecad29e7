"""SQLite on the event loop's thread (storage.sqlite_inline): a connection that finds the
database locked by another connection waits by sleeping on the loop, so the loop keeps running
(the holder on the same loop can finish) and the statement goes through once the lock is free.
With SQLite's own busy handler (a blocking wait) inside the loop, the holder could never commit:
both would stall until the busy timeout and the waiter would fail with "database is locked".

SQLite only: PostgreSQL's driver waits for locks on the server, never in this process."""
from __future__ import annotations

import asyncio
import sqlite3
import time
from pathlib import Path

import pytest
from sqlalchemy import text

from storage.db import create_engine
from storage.sqlite_inline import InlineConnection, connector


async def test_a_writer_waits_for_another_on_the_same_loop_without_stalling_it(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'locks.db'}"
    holder, waiter = create_engine(url), create_engine(url)
    try:
        async with holder.begin() as conn:
            await conn.execute(text("CREATE TABLE t (x INTEGER)"))
        ticks: list[float] = []
        holding = asyncio.Event()

        async def tick() -> None:  # proof that the loop runs while the waiter waits
            while True:
                ticks.append(time.monotonic())
                await asyncio.sleep(0.01)

        async def hold() -> None:
            async with holder.begin() as conn:
                await conn.execute(text("INSERT INTO t VALUES (1)"))  # takes the write lock
                holding.set()
                await asyncio.sleep(0.5)  # holds it across a real await, as a unit of work may

        async def wait() -> float:
            await holding.wait()
            started = time.monotonic()
            async with waiter.begin() as conn:
                await conn.execute(text("INSERT INTO t VALUES (2)"))
            return started

        ticker = asyncio.create_task(tick())
        _, started = await asyncio.wait_for(asyncio.gather(hold(), wait()), timeout=20)
        ticker.cancel()
        assert len([t for t in ticks if t >= started]) >= 10, "the loop stalled while the waiter waited"
        async with waiter.connect() as conn:
            assert sorted((await conn.execute(text("SELECT x FROM t"))).scalars().all()) == [1, 2]
    finally:
        await holder.dispose()
        await waiter.dispose()


async def test_the_wait_ends_at_the_busy_timeout(tmp_path: Path) -> None:
    path = tmp_path / "held.db"
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("PRAGMA journal_mode=WAL")
    other.execute("CREATE TABLE t (x INTEGER)")
    other.execute("BEGIN IMMEDIATE")  # another process's writer that does not let go
    try:
        conn: InlineConnection = await connector(f"sqlite+aiosqlite:///{path}", busy_timeout=0.3)()
        cursor = conn.cursor()
        started = time.monotonic()
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            await cursor.execute("INSERT INTO t VALUES (1)")
        assert 0.3 <= time.monotonic() - started < 10
        await conn.close()
    finally:
        other.execute("ROLLBACK")
        other.close()
