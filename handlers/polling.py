"""Long polling that confirms an update to Telegram only after it is committed.

aiogram's own polling moves the offset on even when a handler failed; here a
failing update is retried (with backoff) until it is handled, and the offset
sent to Telegram never runs ahead of what the database holds.
"""
from __future__ import annotations

import asyncio
import logging

from aiogram import Bot, Dispatcher
from aiogram.exceptions import TelegramConflictError, TelegramRetryAfter
from aiogram.types import Update

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


async def poll(bot: Bot, dp: Dispatcher, stop: asyncio.Event, timeout: int = 25) -> None:
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
        for update in updates:
            if not await _handle(bot, dp, update, stop):
                return  # stopping mid-retry: leave it unconfirmed for the next run
            offset = update.update_id + 1
    if offset is not None:
        try:  # tell Telegram what we finished, so the next run does not see it again
            await bot.get_updates(offset=offset, timeout=0, limit=1)
        except Exception:  # noqa: BLE001
            pass


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
