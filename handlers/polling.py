"""Long polling that confirms an update to Telegram only after it is committed.

aiogram's own polling moves the offset on even when a handler failed; here the
offset sent to Telegram never runs ahead of what the database holds. Each batch
from getUpdates is handled in one transaction (one commit, cached users and
chats); if anything in it fails, the batch is rolled back and its updates are
handled one transaction each, retried with backoff until they commit.
"""
from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable

from aiogram import Bot, Dispatcher
from aiogram.exceptions import TelegramConflictError, TelegramRetryAfter
from aiogram.types import Update

from storage.uow import UnitOfWork

log = logging.getLogger(__name__)


async def _next_batch(bot: Bot, offset: int | None, timeout: int, stop: asyncio.Event) -> list[Update] | None:
    fetch = asyncio.ensure_future(bot.get_updates(offset=offset, timeout=timeout,
                                                  request_timeout=timeout + 10))
    stopper = asyncio.ensure_future(stop.wait())
    try:
        await asyncio.wait({fetch, stopper}, return_when=asyncio.FIRST_COMPLETED)
    finally:
        stopper.cancel()
    if not fetch.done():
        fetch.cancel()
        return None
    return fetch.result()


async def poll(bot: Bot, dp: Dispatcher, uow_factory: Callable[[], UnitOfWork], stop: asyncio.Event,
               timeout: int = 25) -> None:
    offset: int | None = None
    backoff = 0.5
    while not stop.is_set():
        try:
            updates = await _next_batch(bot, offset, timeout, stop)
        except TelegramRetryAfter as e:
            await asyncio.sleep(e.retry_after)
            continue
        except TelegramConflictError as e:
            log.error("another instance is polling, or a webhook is set: %s", e.message)
            await asyncio.sleep(backoff := min(backoff * 2, 30))
            continue
        except Exception as e:  # noqa: BLE001  (network trouble: keep polling)
            log.warning("getUpdates failed: %s", e)
            await asyncio.sleep(backoff := min(backoff * 2, 30))
            continue
        backoff = 0.5
        if updates is None:
            break
        if not updates:
            continue
        if not await _handle_batch(bot, dp, uow_factory, updates):
            for update in updates:
                if not await _handle(bot, dp, update, stop):
                    return  # stopping mid-retry: leave it unconfirmed for the next run
        offset = updates[-1].update_id + 1
    if offset is not None:
        try:  # tell Telegram what we finished, so the next run does not see it again
            await bot.get_updates(offset=offset, timeout=0, limit=1)
        except Exception:  # noqa: BLE001
            pass


async def _handle_batch(bot: Bot, dp: Dispatcher, uow_factory: Callable[[], UnitOfWork],
                        updates: list[Update]) -> bool:
    """All of a batch in one commit; False (nothing committed) if any update failed."""
    try:
        async with uow_factory() as uow:
            seen = await uow.updates.seen_many([u.update_id for u in updates])
            await _preload(uow, updates)
            for update in updates:
                if update.update_id not in seen:
                    await dp.feed_update(bot, update, batch=uow)
                    uow.updates.mark(update.update_id)
            await uow.commit()
        return True
    except Exception:  # noqa: BLE001  (rolled back; the one-by-one path finds the culprit)
        log.warning("batch of %d rolled back; handling one by one", len(updates), exc_info=True)
        return False


async def _preload(uow: UnitOfWork, updates: list[Update]) -> None:
    """Two queries for the batch's senders and chats instead of one per update."""
    messages = [u.message for u in updates if u.message is not None]
    await uow.users.preload_many({m.from_user.id for m in messages if m.from_user})
    await uow.chats.preload_many({m.chat.id for m in messages})


async def _handle(bot: Bot, dp: Dispatcher, update: Update, stop: asyncio.Event) -> bool:
    delay = 0.2
    while True:
        try:
            await dp.feed_update(bot, update)
            return True
        except Exception:  # noqa: BLE001  (the transaction rolled back; try again)
            log.exception("update %s not committed; retrying in %.1fs", update.update_id, delay)
            if stop.is_set():
                return False
            await asyncio.sleep(delay)
            delay = min(delay * 2, 30)
