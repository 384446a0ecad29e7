"""What every `sentinel export` shares: a read of the database scoped to one branch (or all)."""
from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from storage.db import create_engine, session_factory
from storage.models import as_utc
from storage.uow import UnitOfWork


class UnknownBranch(ValueError):
    """No branch has the code given on the command line."""


@asynccontextmanager
async def branch_scope(database_url: str, branch_code: str | None) -> AsyncIterator[tuple[UnitOfWork, int | None]]:
    """A unit of work on its own engine (exports run outside the bot), and the id of the branch
    `branch_code` names (None: every branch)."""
    engine = create_engine(database_url)
    try:
        async with UnitOfWork(session_factory(engine)) as uow:
            branch_id = None
            if branch_code:
                branch = await uow.branches.by_code(branch_code)
                if branch is None:
                    raise UnknownBranch(branch_code)
                branch_id = branch.id
            yield uow, branch_id
    finally:
        await engine.dispose()


def local_midnight(day: date | None, tz: ZoneInfo) -> datetime | None:
    return datetime.combine(day, time(), tz) if day else None


def until_filter(day: date | None, tz: ZoneInfo) -> Callable[[datetime | None], bool]:
    """`--until DATE` keeps the whole of that local day: a test for a row's time (naive times are UTC)."""
    if day is None:
        return lambda when: True
    end = datetime.combine(day + timedelta(days=1), time(), tz)
    return lambda when: when is not None and as_utc(when) < end
