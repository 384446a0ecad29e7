"""Service tests: the real migrated database (SQLite, and PostgreSQL when configured), no chat."""
from __future__ import annotations

from collections.abc import AsyncIterator, Callable

import pytest

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
