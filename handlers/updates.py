"""One transaction per update, for every adapter: an update is marked processed in the same commit
as everything it caused, so a redelivered update (after a crash, before the platform saw our
offset or our webhook answer) is skipped, and an update no retry can fix is given up on alone.
"""
from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from sqlalchemy.exc import IntegrityError

from storage.errors import is_retryable
from storage.uow import UnitOfWork


async def once(uow_factory: Callable[[], UnitOfWork], update_id: int, run: Callable[[UnitOfWork], Awaitable[Any]],
               give_up: Callable[[BaseException], Awaitable[Any]], *, batch: UnitOfWork | None = None) -> Any:
    """`run` the update in its own unit of work (or in the poller's `batch`, which owns the commit
    and the marks). A database that is unwell raises (the caller retries, a bounded number of
    times); a bug or an input no retry can fix is rolled back and handed to `give_up` (the
    adapter's dead letter)."""
    if batch is not None:
        return await run(batch)
    async with uow_factory() as uow:
        if not await uow.updates.claim(update_id):
            return None  # committed before: a redelivery
        try:
            result = await run(uow)
            await uow.commit()
            return result
        except IntegrityError:
            await uow.rollback()
            if await uow.updates.seen(update_id):
                return None  # another delivery of this update won the race
            raise  # a race with another update on a unique key: the retry sees its row
        except Exception as e:  # sorted below: retry, or give up on this one update
            if is_retryable(e):
                raise  # the database is unwell: the poller retries, a bounded number of times
            await uow.rollback()
            error: BaseException = e
    await give_up(error)
    return None
