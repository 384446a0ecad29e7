"""PostgreSQL connections that the server dropped (a restart, a failover, an idle timeout) are not
handed to the bot: an idle one is pinged before use (storage.db.ping_when_idle), and a busy one
fails its next statement with an error the update's retry takes (storage.errors.is_retryable)."""
from __future__ import annotations

import asyncpg
import pytest
from sqlalchemy import text

import storage.db

from storage.db import create_engine
from storage.errors import is_retryable
from tests.conftest import _pg


async def _drop_connections(url: str) -> int:
    """Terminate the bot's connections on the server, as a restart would."""
    name = url.rsplit("/", 1)[1]
    conn = await asyncpg.connect(_pg(url, "postgres").replace("postgresql+asyncpg://", "postgresql://"))
    try:
        return int(await conn.fetchval("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                                       "WHERE datname = $1 AND pid <> pg_backend_pid()", name))
    finally:
        await conn.close()


def _postgres_only(url: str) -> None:
    if not url.startswith("postgresql"):
        pytest.skip("PostgreSQL's own connections (SQLite has no server to drop them)")


async def test_an_idle_connection_dropped_by_the_server_is_pinged_and_replaced(
        database_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    _postgres_only(database_url)
    monkeypatch.setattr(storage.db, "IDLE_PING", 0.0)  # every connection counts as having sat idle
    engine = create_engine(database_url)
    try:
        async with engine.connect() as conn:
            assert (await conn.execute(text("SELECT 1"))).scalar() == 1
        assert await _drop_connections(database_url) >= 1
        async with engine.connect() as conn:  # no error: the ping found it dead, a new one serves
            assert (await conn.execute(text("SELECT 2"))).scalar() == 2
    finally:
        await engine.dispose()


async def test_a_busy_connection_dropped_by_the_server_fails_once_retryably(database_url: str) -> None:
    _postgres_only(database_url)
    engine = create_engine(database_url)
    try:
        async with engine.connect() as conn:
            assert (await conn.execute(text("SELECT 1"))).scalar() == 1
        assert await _drop_connections(database_url) >= 1
        with pytest.raises(Exception) as failed:  # used a moment ago: not pinged, so the statement meets it
            async with engine.connect() as conn:
                await conn.execute(text("SELECT 2"))
        assert is_retryable(failed.value), repr(failed.value)
        async with engine.connect() as conn:  # the pool was invalidated: the retry gets a new connection
            assert (await conn.execute(text("SELECT 3"))).scalar() == 3
    finally:
        await engine.dispose()
