"""Engine and session factory for SQLite (embedded default) and PostgreSQL."""
from __future__ import annotations

import time
from typing import Any

from sqlalchemy import event, exc
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker, create_async_engine
from sqlmodel.ext.asyncio.session import AsyncSession

from storage.sqlite_inline import connector

SQLITE_BUSY_TIMEOUT = 30.0  # seconds a statement waits for another connection's write lock
IDLE_PING = 2.0  # seconds: a PostgreSQL connection idle longer than this is pinged before use


def is_sqlite(url: str) -> bool:
    return url.startswith("sqlite")


def create_engine(url: str, **kwargs: Any) -> AsyncEngine:
    """SQLite: one connection per process, so our own writers queue in asyncio instead of
    spinning in SQLite's busy handler; WAL lets other processes (tools, tests) read meanwhile.
    The connection runs on the event loop's thread (storage.sqlite_inline: no thread hand-off
    per call), and waits for another connection's lock by sleeping on the loop, not in SQLite."""
    if is_sqlite(url):
        engine = create_async_engine(url, async_creator=connector(url, SQLITE_BUSY_TIMEOUT), pool_size=1,
                                     max_overflow=0, **kwargs)

        @event.listens_for(engine.sync_engine, "connect")
        def _pragmas(dbapi_conn: Any, _record: Any) -> None:
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.execute("PRAGMA busy_timeout=0")  # waits are storage.sqlite_inline's, on the loop
            cur.execute("PRAGMA foreign_keys=ON")
            cur.close()

        return engine
    engine = create_async_engine(url, pool_size=10, max_overflow=5, **kwargs)
    ping_when_idle(engine)
    return engine


def ping_when_idle(engine: AsyncEngine, idle: float | None = None) -> None:
    """SQLAlchemy's pessimistic disconnect handling, for connections that sat idle only.

    `pool_pre_ping` costs three round trips on every checkout with asyncpg (BEGIN, a ping,
    ROLLBACK: scripts/bench_cases.py counted 16.4 socket sends per case transition, 3 of them
    the ping, each send ~0.1 ms of CPU on these machines). A connection checked in less than
    `idle` seconds ago has just worked; one that sat longer (a restart or a failover may have
    happened meanwhile) is pinged, and a failed ping invalidates the whole pool, so the caller
    gets a fresh connection. A busy bot whose database restarts under it meets the disconnect
    on its next statement instead: SQLAlchemy invalidates the pool and the error is retryable
    (storage.errors.is_retryable), so the update is tried again. Recipe: SQLAlchemy's "Disconnect
    Handling - Pessimistic" with a custom checkout handler."""
    dialect = engine.sync_engine.dialect
    idle = IDLE_PING if idle is None else idle

    @event.listens_for(engine.sync_engine, "checkin")
    def _checked_in(_dbapi_conn: Any, record: Any) -> None:
        record.info["checked_in"] = time.monotonic()

    @event.listens_for(engine.sync_engine, "checkout")
    def _checkout(dbapi_conn: Any, record: Any, _proxy: Any) -> None:
        last = record.info.get("checked_in")
        if last is None or time.monotonic() - last < idle:
            return  # a new connection, or one that has just worked
        try:
            alive = dialect.do_ping(dbapi_conn)
        except Exception as e:
            raise exc.InvalidatePoolError(f"idle connection failed its ping: {e}") from e
        if not alive:
            raise exc.InvalidatePoolError("idle connection failed its ping")


def session_factory(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return async_sessionmaker(engine, class_=AsyncSession, expire_on_commit=False)
