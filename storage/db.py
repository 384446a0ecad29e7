"""Engine and session factory for SQLite (embedded default) and PostgreSQL."""
from __future__ import annotations

from typing import Any

from sqlalchemy import event, exc
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, async_sessionmaker, create_async_engine
from sqlalchemy.orm import SessionTransaction
from sqlalchemy.util import await_only
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
    engine = create_async_engine(url, pool_size=10, max_overflow=5, **kwargs)
    event.listen(engine.sync_engine, "checkout", _ping)
    return engine


def _ping(dbapi_conn: Any, _record: Any, _proxy: Any) -> None:
    """Before a pooled PostgreSQL connection is lent, check the server still has it (a restart,
    a failover or an idle timeout drops connections); a dead one is replaced (SQLAlchemy's
    pessimistic disconnect handling: DisconnectionError at checkout makes the pool discard it
    and take another, up to three times).

    The check is the lender's transaction's BEGIN, sent now instead of before the first
    statement (SQLAlchemy's asyncpg adapter begins lazily, with `_start_transaction`, and skips
    it once begun): a round trip the unit of work makes anyway, so the check costs none.
    `pool_pre_ping` sends BEGIN, a query and ROLLBACK (a transaction kept for pgbouncer's
    transaction mode), then the unit of work's own BEGIN: every update checks out a connection,
    and these were a third of a chit-chat update's round trips (issue 18). A connection that
    will not begin (autocommit) is checked with a simple-protocol query, which needs no
    transaction; one that changes its isolation level first rolls the BEGIN back (the adapter's
    `set_isolation_level`), as it would any transaction."""
    try:
        if getattr(dbapi_conn, "_transaction", None) is None and not dbapi_conn.autocommit:
            await_only(dbapi_conn._start_transaction())
        else:
            await_only(dbapi_conn.driver_connection.execute("SELECT 1"))
    except Exception as e:
        raise exc.DisconnectionError(f"the database dropped this connection: {e!r}") from e


class Session(AsyncSession):
    """sqlmodel's AsyncSession, whose `connection()` gives the transaction's connection without a
    trip through a greenlet once the transaction has one.

    Why: every call of an AsyncSession method runs its sync twin in a new greenlet (greenlet_spawn),
    which costs about as much as the statement that follows on SQLite; a unit of work asks for its
    connection before each Core statement (repositories, deferred inserts, the points bank), four
    to eight times per case transition (issue 18). The connection of a session's transaction is
    the same object for the whole transaction (one engine), so it is kept with the transaction
    it belongs to (`Session.get_transaction()`, SQLAlchemy's own) and asked for again only when
    that transaction is over (committed, rolled back, closed) or other options are asked for."""

    _held: tuple[SessionTransaction, AsyncConnection] | None = None

    async def connection(self, bind_arguments: Any = None, execution_options: Any = None,
                         **kw: Any) -> AsyncConnection:
        plain = bind_arguments is None and execution_options is None and not kw
        held, transaction = self._held, self.sync_session.get_transaction()
        if plain and held is not None and transaction is held[0] and transaction.is_active:
            sync = held[1].sync_connection
            if sync is not None and not sync.closed:
                return held[1]
        conn = await super().connection(bind_arguments, execution_options, **kw)
        transaction = self.sync_session.get_transaction()
        self._held = (transaction, conn) if plain and transaction is not None else None
        return conn


def session_factory(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return async_sessionmaker(engine, class_=Session, expire_on_commit=False)
