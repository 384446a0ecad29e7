"""Service tests: the real migrated database (SQLite, and PostgreSQL when configured), no chat."""
from __future__ import annotations

import re
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncEngine

from storage.db import create_engine, session_factory
from storage.uow import UnitOfWork

Factory = Callable[[], UnitOfWork]


@pytest.fixture
async def uows(database_url: str) -> AsyncIterator[Factory]:
    """Units of work on this test's database."""
    engine = create_engine(database_url)
    sessions = session_factory(engine)
    yield lambda: UnitOfWork(sessions)
    await engine.dispose()


@contextmanager
def statements(engine: AsyncEngine) -> Iterator[list[str]]:
    """The SQL statements `engine` sends while the block runs, in order, each with its runs of
    whitespace folded to one space: what the statement-count tests (issue 18) compare."""
    seen: list[str] = []

    def _seen(_conn: Any, _cursor: Any, statement: str, *_rest: Any) -> None:
        seen.append(re.sub(r"\s+", " ", statement))

    event.listen(engine.sync_engine, "before_cursor_execute", _seen)
    try:
        yield seen
    finally:
        event.remove(engine.sync_engine, "before_cursor_execute", _seen)
