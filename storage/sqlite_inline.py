"""SQLite driven on the event loop's own thread, for SQLAlchemy's aiosqlite dialect.

aiosqlite runs every call (cursor, execute, fetch, close, commit) in a thread of its own and
hands each result back through the event loop: four hand-offs a statement, about 4 ms of CPU
per case transition (issue 18), more than the SQL itself. SQLite is a library, not a server: a
statement on a local file takes microseconds, so here each call runs at once where it is
awaited. SQLAlchemy's dialect (SQL, types, pooling) is unchanged; only the connection under it
is this module's (`create_async_engine(..., async_creator=connector(url))`).

The one thing a thread was good for is waiting for a lock another connection holds: run
inline, SQLite's busy handler would stall the whole event loop, and a writer on this loop (a
second engine on the same file, as tests have) could never finish while we wait for it. So
SQLite's own busy wait is off (`busy_timeout` 0) and a busy statement is retried here,
sleeping on the loop between tries, until the same deadline the busy handler had. Only a plain
SQLITE_BUSY is retried: SQLITE_BUSY_SNAPSHOT (a stale read snapshot that wants to write) fails
at once, as it does under the busy handler.
"""
from __future__ import annotations

import asyncio
import sqlite3
import time
from collections.abc import Awaitable, Callable, Iterable, Sequence
from typing import Any, TypeVar

from sqlalchemy.dialects.sqlite.pysqlite import SQLiteDialect_pysqlite
from sqlalchemy.engine import make_url

T = TypeVar("T")
SQLITE_BUSY = 5  # the primary result code; extended ones (BUSY_SNAPSHOT = 517) are not waited for
FIRST_PAUSE, LONGEST_PAUSE = 0.001, 0.05  # seconds between tries of a busy statement


def connector(url: str, busy_timeout: float = 30.0) -> Callable[[], Awaitable[InlineConnection]]:
    """The `async_creator` for `url` (a sqlite+aiosqlite URL, read as SQLAlchemy's pysqlite
    dialect reads it: the file, `uri=true`, `timeout`...). `busy_timeout`: seconds a statement
    waits for another connection's lock before it fails with "database is locked"."""
    (database, *_rest), opts = SQLiteDialect_pysqlite().create_connect_args(make_url(url))
    opts = {**opts, "timeout": 0, "check_same_thread": False}

    async def connect() -> InlineConnection:
        return InlineConnection(sqlite3.connect(database, **opts), busy_timeout)

    return connect


def _busy(error: sqlite3.OperationalError) -> bool:
    return getattr(error, "sqlite_errorcode", None) == SQLITE_BUSY


async def _retrying(call: Callable[[], T], deadline_s: float) -> T:
    """`call()`, tried again while SQLite answers SQLITE_BUSY, sleeping on the loop between tries."""
    try:
        return call()
    except sqlite3.OperationalError as e:
        if not _busy(e):
            raise
    deadline, pause = time.monotonic() + deadline_s, FIRST_PAUSE
    while True:
        await asyncio.sleep(pause)
        try:
            return call()
        except sqlite3.OperationalError as e:
            if not _busy(e) or time.monotonic() >= deadline:
                raise
        pause = min(LONGEST_PAUSE, pause * 2)


class InlineCursor:
    """aiosqlite's Cursor surface, as SQLAlchemy's adapter uses it."""

    __slots__ = ("_cursor", "_wait")

    def __init__(self, cursor: sqlite3.Cursor, wait: float) -> None:
        self._cursor = cursor
        self._wait = wait

    async def __aenter__(self) -> InlineCursor:
        return self

    async def __aexit__(self, *_exc: object) -> None:
        self._cursor.close()

    async def execute(self, sql: str, parameters: Any = ()) -> InlineCursor:
        await _retrying(lambda: self._cursor.execute(sql, parameters), self._wait)
        return self

    async def executemany(self, sql: str, parameters: Iterable[Any]) -> InlineCursor:
        rows = list(parameters)  # an iterator would be spent by a busy first try
        def run() -> sqlite3.Cursor:
            return self._cursor.executemany(sql, rows)

        if self._cursor.connection.isolation_level is None:  # autocommit: rows before a busy one are
            run()  # committed already, so it is never tried again (SQLAlchemy's units never run so)
        else:
            await _retrying(run, self._wait)
        return self

    async def fetchone(self) -> Any:
        return self._cursor.fetchone()

    async def fetchmany(self, size: int | None = None) -> list[Any]:
        return self._cursor.fetchmany(size if size is not None else self._cursor.arraysize)

    async def fetchall(self) -> list[Any]:
        return self._cursor.fetchall()

    async def close(self) -> None:
        self._cursor.close()

    async def setinputsizes(self, *_sizes: object) -> None:
        return None

    @property
    def description(self) -> Sequence[Any] | None:
        return self._cursor.description

    @property
    def rowcount(self) -> int:
        return self._cursor.rowcount

    @property
    def lastrowid(self) -> int | None:
        return self._cursor.lastrowid

    @property
    def arraysize(self) -> int:
        return self._cursor.arraysize

    @arraysize.setter
    def arraysize(self, value: int) -> None:
        self._cursor.arraysize = value


class _Inline:
    """Stands for aiosqlite's request queue: SQLAlchemy's adapter puts (future, function) on
    `_tx` to set the isolation level; here the function runs as it is put."""

    @staticmethod
    def put_nowait(item: tuple[asyncio.Future[Any], Callable[[], Any]]) -> None:
        future, function = item
        try:
            future.set_result(function())
        except Exception as e:  # handed to the awaiting caller, as aiosqlite's thread does
            future.set_exception(e)


class InlineConnection:
    """aiosqlite's Connection surface, as SQLAlchemy's adapter uses it."""

    _tx = _Inline()

    def __init__(self, connection: sqlite3.Connection, busy_timeout: float) -> None:
        self._connection: sqlite3.Connection | None = connection
        self._wait = busy_timeout

    @property
    def _conn(self) -> sqlite3.Connection:
        if self._connection is None:
            raise ValueError("no active connection")
        return self._connection

    @property
    def isolation_level(self) -> str | None:
        return self._conn.isolation_level

    @property
    def in_transaction(self) -> bool:
        return self._conn.in_transaction

    def cursor(self) -> InlineCursor:
        return InlineCursor(self._conn.cursor(), self._wait)

    async def commit(self) -> None:
        await _retrying(self._conn.commit, self._wait)

    async def rollback(self) -> None:
        self._conn.rollback()

    async def create_function(self, name: str, num_params: int, func: Callable[..., Any],
                              deterministic: bool = False) -> None:
        self._conn.create_function(name, num_params, func, deterministic=deterministic)

    async def close(self) -> None:
        self.stop()

    def stop(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None
