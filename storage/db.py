"""Engine and session factory for SQLite (embedded default) and PostgreSQL."""
from __future__ import annotations

from typing import Any

from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker, create_async_engine
from sqlmodel.ext.asyncio.session import AsyncSession

from storage.sqlite_inline import connector

SQLITE_BUSY_TIMEOUT = 30.0  # seconds a statement waits for another connection's write lock


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
    return create_async_engine(url, pool_size=10, max_overflow=5, pool_pre_ping=True, **kwargs)


def session_factory(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return async_sessionmaker(engine, class_=AsyncSession, expire_on_commit=False)
