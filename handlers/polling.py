"""Long polling that confirms an update to Telegram only after it is committed.

aiogram's own polling moves the offset on even when a handler failed; here the
offset sent to Telegram never runs ahead of what the database holds. Each batch
from getUpdates is handled in one transaction (one commit, cached users and
chats); if anything in it fails, the batch is rolled back and its updates are
handled one transaction each.

One update must never stop the others: updates are fetched as raw JSON and parsed
one by one, so one the client library cannot read is dead-lettered alone; an update
that fails for a reason a retry can fix (the database briefly unwell) is retried a
bounded number of times, then dead-lettered too (handlers/deadletter.py).
"""
from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from typing import Any

from aiogram import Bot, Dispatcher
from aiogram.exceptions import TelegramConflictError, TelegramRetryAfter
from aiogram.methods import GetUpdates
from aiogram.types import Update
from pydantic import ValidationError

from bot import metrics
from handlers.deadletter import dead_letter
from storage.uow import UnitOfWork

log = logging.getLogger(__name__)
MAX_TRIES = 5        # attempts at an update whose failure looked retryable, before it is dead-lettered
FIRST_DELAY = 0.2    # seconds before the second attempt; doubles each time
DEAD_LETTER_WAIT = 5.0  # seconds between attempts to store a dead letter while the database is down
Parsed = tuple[Update | None, dict[str, Any]]  # (None when unparseable, the raw JSON)


class RawGetUpdates(GetUpdates):
    """getUpdates answering raw dicts: we parse each update ourselves, so one bad update
    cannot make the whole batch unreadable, and a dead letter keeps what Telegram sent."""

    __returning__ = list[dict[str, Any]]  # type: ignore[assignment]  # aiogram declares list[Update]


def parse(bot: Bot, raw: dict[str, Any]) -> Update | None:
    try:
        return Update.model_validate(raw, context={"bot": bot})
    except ValidationError:
        return None


async def _next_batch(bot: Bot, offset: int | None, timeout: int, stop: asyncio.Event) -> list[dict[str, Any]] | None:
    fetch = asyncio.ensure_future(bot(RawGetUpdates(offset=offset, timeout=timeout), request_timeout=timeout + 10))
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
               timeout: int = 25, default_lang: str = "zh") -> None:
    offset: int | None = None
    backoff = 0.5
    while not stop.is_set():
        try:
            raws = await _next_batch(bot, offset, timeout, stop)
        except TelegramRetryAfter as e:
            await _sleep(stop, e.retry_after)
            continue
        except TelegramConflictError as e:
            log.error("another instance is polling, or a webhook is set: %s", e.message)
            await _sleep(stop, backoff := min(backoff * 2, 30))
            continue
        except Exception as e:  # network trouble: keep polling
            log.warning("getUpdates failed: %s", e)
            await _sleep(stop, backoff := min(backoff * 2, 30))
            continue
        backoff = 0.5
        if raws is None:
            break
        if not raws:
            continue
        parsed: list[Parsed] = [(parse(bot, raw), raw) for raw in raws]
        good = [(u, raw) for u, raw in parsed if u is not None]
        alone = [(u, raw) for u, raw in parsed if u is None]  # unreadable: each dead-lettered alone
        if not await _handle_batch(bot, dp, uow_factory, good):
            alone = parsed  # the culprit is found by handling each in its own transaction
        for update, raw in alone:
            if not await handle_one(bot, dp, uow_factory, update, raw, stop, default_lang):
                return  # stopping mid-retry: leave it unconfirmed for the next run
        offset = max((u for raw in raws if isinstance(u := raw.get("update_id"), int)), default=(offset or 1) - 1) + 1
    if offset is not None:
        try:  # tell Telegram what we finished, so the next run does not see it again
            await bot(RawGetUpdates(offset=offset, timeout=0, limit=1))
        except Exception:
            pass


async def _handle_batch(bot: Bot, dp: Dispatcher, uow_factory: Callable[[], UnitOfWork],
                        updates: list[tuple[Update, dict[str, Any]]]) -> bool:
    """All of a batch in one commit; False (nothing committed) if any update failed."""
    if not updates:
        return True
    start = asyncio.get_running_loop().time()
    try:
        async with uow_factory() as uow:
            seen = await uow.updates.seen_many([u.update_id for u, _ in updates])
            await _preload(uow, [u for u, _ in updates])
            for update, raw in updates:
                if update.update_id not in seen:
                    await dp.feed_update(bot, update, batch=uow, raw=raw)
                    uow.updates.mark(update.update_id)
            await uow.commit()
        metrics.updates_done(len(updates), asyncio.get_running_loop().time() - start)
        return True
    except Exception:  # rolled back; the one-by-one path finds the culprit
        log.warning("batch of %d rolled back; handling one by one", len(updates), exc_info=True)
        return False


async def _preload(uow: UnitOfWork, updates: list[Update]) -> None:
    """Two queries for the batch's senders and chats instead of one per update."""
    messages = [u.message for u in updates if u.message is not None]
    await uow.users.preload_many({m.from_user.id for m in messages if m.from_user})
    await uow.chats.preload_many({m.chat.id for m in messages})


async def handle_one(bot: Bot, dp: Dispatcher, uow_factory: Callable[[], UnitOfWork], update: Update | None,
                     raw: dict[str, Any], stop: asyncio.Event, default_lang: str = "zh") -> bool:
    """`_handle_one`, counted for the metrics (bot/metrics.py: outcome, latency)."""
    return await metrics.timed_update(lambda: _handle_one(bot, dp, uow_factory, update, raw, stop, default_lang))


async def _handle_one(bot: Bot, dp: Dispatcher, uow_factory: Callable[[], UnitOfWork], update: Update | None,
                      raw: dict[str, Any], stop: asyncio.Event, default_lang: str = "zh") -> bool:
    """Handle one update in its own transaction: True once it is committed or dead-lettered,
    False when told to stop first (it stays unconfirmed, and comes again on the next run).

    The transaction middleware dead-letters what no retry can fix; what reaches us here
    looked retryable, and gets MAX_TRIES attempts with backoff."""
    error: BaseException | str
    attempts = 0
    if update is None:
        error = "the update could not be parsed by the installed client library (aiogram)"
    else:
        delay = FIRST_DELAY
        while True:
            attempts += 1
            try:
                await dp.feed_update(bot, update, raw=raw)
                return True
            except Exception as e:  # rolled back; retry, within the bound
                error = e
                if attempts >= MAX_TRIES:
                    break
                log.warning("update %s not committed (attempt %d of %d, retrying in %.1fs): %r",
                            update.update_id, attempts, MAX_TRIES, delay, e)
                if await _sleep(stop, delay):
                    return False
                delay = min(delay * 2, 30)
    while True:  # give up on it, durably; only a database that cannot take even this holds us
        try:
            await dead_letter(uow_factory, bot, raw, error, attempts=max(attempts, 1), default_lang=default_lang)
            return True
        except Exception as e:
            log.warning("update %s could not be dead-lettered yet: %r", raw.get("update_id"), e)
            if await _sleep(stop, DEAD_LETTER_WAIT):
                return False


async def _sleep(stop: asyncio.Event, seconds: float) -> bool:
    """Sleep, waking at once on stop; True when stopping."""
    try:
        await asyncio.wait_for(stop.wait(), seconds)
    except asyncio.TimeoutError:
        return False
    return True
