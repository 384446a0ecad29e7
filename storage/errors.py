"""Which failures a retry can fix.

An update is retried only when the database (or the way to it) was briefly unwell:
the connection dropped, a serialization failure or deadlock chose us as the victim,
a lock or statement timed out, SQLite was busy. Anything else (a value that does
not fit a column, a bug, bad input that slipped past the edge) fails the same way
every time, so retrying it only blocks the updates behind it.
"""
from __future__ import annotations

import asyncio
import sqlite3

from sqlalchemy import exc as sa_exc

# SQLSTATE classes and codes a retry can fix (PostgreSQL, via asyncpg)
RETRYABLE_SQLSTATE_CLASSES = ("08",  # connection exception
                              "53",  # insufficient resources (too many connections)
                              "57")  # operator intervention: admin shutdown, query/lock timeout
RETRYABLE_SQLSTATES = {"40001",  # serialization_failure
                       "40P01",  # deadlock_detected
                       "55P03"}  # lock_not_available
SQLITE_BUSY = ("database is locked", "database is busy", "database table is locked")


def _chain(exc: BaseException) -> list[BaseException]:
    """The exception, what SQLAlchemy wrapped, and its causes."""
    seen: list[BaseException] = []
    todo: list[BaseException | None] = [exc]
    while todo:
        e = todo.pop()
        if e is None or any(e is s for s in seen) or len(seen) > 20:
            continue
        seen.append(e)
        todo += [getattr(e, "orig", None), e.__cause__, e.__context__]
    return seen


def is_retryable(exc: BaseException) -> bool:
    """True when trying the same update again later may succeed."""
    for e in _chain(exc):
        if isinstance(e, sa_exc.DBAPIError) and e.connection_invalidated:
            return True
        if isinstance(e, (sa_exc.TimeoutError, ConnectionError, asyncio.TimeoutError)):
            return True  # the pool had no connection in time; the network to the database
        state = getattr(e, "sqlstate", None) or getattr(e, "pgcode", None)
        if isinstance(state, str) and (state in RETRYABLE_SQLSTATES or state[:2] in RETRYABLE_SQLSTATE_CLASSES):
            return True
        if isinstance(e, sqlite3.OperationalError) and str(e).lower().startswith(SQLITE_BUSY):
            return True
        if type(e).__name__ in ("ConnectionDoesNotExistError", "InterfaceError") and "connection" in str(e).lower():
            return True  # asyncpg: the connection went away mid-query
    return False
