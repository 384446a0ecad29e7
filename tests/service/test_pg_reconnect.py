"""PostgreSQL connections that the server dropped (a restart, a failover, an idle timeout) are not
handed to the bot: the pool pings a connection before lending it (`pool_pre_ping`) and replaces a
dead one, so the next unit of work just works."""
from __future__ import annotations

import asyncpg
import pytest
from sqlalchemy import text

from storage.db import create_engine
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


async def test_a_connection_dropped_by_the_server_is_replaced_before_use(database_url: str) -> None:
    if not database_url.startswith("postgresql"):
        pytest.skip("PostgreSQL's own connections (SQLite has no server to drop them)")
    engine = create_engine(database_url)
    try:
        async with engine.connect() as conn:
            assert (await conn.execute(text("SELECT 1"))).scalar() == 1
        assert await _drop_connections(database_url) >= 1
        async with engine.connect() as conn:  # no error: the ping found it dead, a new one serves
            assert (await conn.execute(text("SELECT 2"))).scalar() == 2
    finally:
        await engine.dispose()
