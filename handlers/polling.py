"""Long polling that confirms an update to the platform only after it is committed, for every
Telegram runtime (aiogram, python-telegram-bot): the loop is here once, the library's part (fetch
raw updates, parse one, feed one to its dispatcher, dead-letter one) is an `UpdateSource`.

A library's own polling moves the offset on even when a handler failed; here the offset sent to
Telegram never runs ahead of what the database holds. Each batch from getUpdates is handled in
one transaction (one commit, cached users and chats); if anything in it fails, the batch is
rolled back and its updates are handled one transaction each.

One update must never stop the others: updates are fetched as raw JSON and parsed one by one, so
one the client library cannot read is dead-lettered alone; an update that fails for a reason a
retry can fix (the database briefly unwell) is retried a bounded number of times, then
dead-lettered too (handlers/deadletter.py).
"""
from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Any, Protocol

from bot import intake, metrics
from bot.services.reports import preload_senders
from storage.uow import UnitOfWork

log = logging.getLogger(__name__)
MAX_TRIES = 5        # attempts at an update whose failure looked retryable, before it is dead-lettered
FIRST_DELAY = 0.2    # seconds before the second attempt; doubles each time
DEAD_LETTER_WAIT = 5.0  # seconds between attempts to store a dead letter while the database is down
Raw = dict[str, Any]
Settle = Callable[[set[int]], Awaitable[object]]  # before replies to the bot in these chats are read
# (bot/app.Core.sends_settled)


class RetryAfter(Exception):
    """The platform asks us to wait (flood control) before the next fetch."""

    def __init__(self, seconds: float) -> None:
        super().__init__(seconds)
        self.seconds = seconds


class Conflict(Exception):
    """Another instance is polling, or a webhook is set."""


class UpdateSource(Protocol):
    """A client library's part of polling."""

    library: str  # named in a dead letter's error when an update cannot be parsed

    async def fetch(self, offset: int | None, timeout: int) -> list[Raw]:
        """The next raw updates (raises RetryAfter, Conflict, or anything for network trouble)."""

    async def confirm(self, offset: int) -> None:
        """Tell the platform everything before `offset` is done."""

    def parse(self, raw: Raw) -> object | None:
        """The library's update, or None when it cannot read it."""

    async def feed(self, update: object, raw: Raw, batch: UnitOfWork | None) -> None:
        """Handle one update: in `batch` (the poller commits), or in its own unit of work
        (handlers/updates.py: a failure no retry can fix is dead-lettered there; others raise)."""

    async def dead_letter(self, raw: Raw, error: BaseException | str, attempts: int) -> None:
        """Give up on one update, durably (raises when the database cannot take even this)."""


def update_id(raw: Raw) -> int | None:
    value = raw.get("update_id")
    return value if isinstance(value, int) and not isinstance(value, bool) else None


async def _next_batch(source: UpdateSource, offset: int | None, timeout: int, stop: asyncio.Event) -> list[Raw] | None:
    fetch = asyncio.ensure_future(source.fetch(offset, timeout))
    stopper = asyncio.ensure_future(stop.wait())
    try:
        await asyncio.wait({fetch, stopper}, return_when=asyncio.FIRST_COMPLETED)
    finally:
        stopper.cancel()
    if not fetch.done():
        fetch.cancel()
        return None
    return fetch.result()


async def poll(source: UpdateSource, uow_factory: Callable[[], UnitOfWork], stop: asyncio.Event,
               timeout: int = 25, settle: Settle | None = None) -> None:
    offset: int | None = None
    backoff = 0.5
    while not stop.is_set():
        try:
            raws = await _next_batch(source, offset, timeout, stop)
        except RetryAfter as e:
            await _sleep(stop, e.seconds)
            continue
        except Conflict as e:
            log.error("another instance is polling, or a webhook is set: %s", e)
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
        parsed = [(source.parse(raw), raw) for raw in raws]
        good = [(u, raw) for u, raw in parsed if u is not None and update_id(raw) is not None]
        alone = [(u, raw) for u, raw in parsed if u is None or update_id(raw) is None]  # each dead-lettered alone
        if settle is not None and (chats := replied_chats(raws)):
            await settle(chats)
        if not await _handle_batch(source, uow_factory, good):
            alone = parsed  # the culprit is found by handling each in its own transaction
        for update, raw in alone:
            if not await handle_one(source, update, raw, stop):
                return  # stopping mid-retry: leave it unconfirmed for the next run
        offset = max((u for raw in raws if (u := update_id(raw)) is not None), default=(offset or 1) - 1) + 1
    if offset is not None:
        try:  # tell the platform what we finished, so the next run does not see it again
            await source.confirm(offset)
        except Exception:
            pass


async def _handle_batch(source: UpdateSource, uow_factory: Callable[[], UnitOfWork],
                        updates: list[tuple[object, Raw]]) -> bool:
    """All of a batch in one commit; False (nothing committed) if any update failed."""
    if not updates:
        return True
    start = asyncio.get_running_loop().time()
    await intake.prefetch(message_texts([raw for _, raw in updates]), wait=False)  # the encoder runs meanwhile
    try:
        async with uow_factory() as uow:
            ids = [update_id(raw) or 0 for _, raw in updates]
            seen = await uow.updates.seen_many(ids)
            await _preload(uow, [raw for _, raw in updates])
            for (update, raw), uid in zip(updates, ids):
                if uid not in seen:
                    await source.feed(update, raw, uow)
                    uow.updates.mark(uid)
            await uow.commit()
        metrics.updates_done(len(updates), asyncio.get_running_loop().time() - start)
        return True
    except Exception:  # rolled back; the one-by-one path finds the culprit
        log.warning("batch of %d rolled back; handling one by one", len(updates), exc_info=True)
        return False


async def _preload(uow: UnitOfWork, raws: list[Raw]) -> None:
    """Three queries for the batch's senders, chats and senders' cases awaiting a place,
    instead of one each per update."""
    messages = [m for raw in raws if isinstance(m := raw.get("message"), dict)]
    users = {f["id"] for m in messages if isinstance(f := m.get("from"), dict) and isinstance(f.get("id"), int)}
    chats = {c["id"] for m in messages if isinstance(c := m.get("chat"), dict) and isinstance(c.get("id"), int)}
    await uow.users.preload_many(users)
    await uow.chats.preload_many(chats)
    await preload_senders(uow, users)


def replied_chats(raws: list[Raw]) -> set[int]:
    """The chats where a message in `raws` replies to a bot's message (ours: which case it was
    about is read from the outcome the sender commits after sending it)."""
    chats = set()
    for raw in raws:
        m = raw.get("message") or raw.get("edited_message")
        if not isinstance(m, dict):
            continue
        replied, chat = m.get("reply_to_message"), m.get("chat")
        sender = replied.get("from") if isinstance(replied, dict) else None
        if (isinstance(sender, dict) and sender.get("is_bot") is True and isinstance(chat, dict)
                and isinstance(chat.get("id"), int)):
            chats.add(chat["id"])
    return chats


def message_texts(raws: list[Raw]) -> list[str]:
    """The text (or caption) of each message and edited message in `raws`: what the intake classifies."""
    found = []
    for raw in raws:
        m = raw.get("message") or raw.get("edited_message")
        text = (m.get("text") or m.get("caption")) if isinstance(m, dict) else None
        if isinstance(text, str):
            found.append(text)
    return found


async def handle_one(source: UpdateSource, update: object | None, raw: Raw, stop: asyncio.Event,
                     settle: Settle | None = None) -> bool:
    """`_handle_one`, counted for the metrics (bot/metrics.py: outcome, latency); a reply to the
    bot first waits for `settle` (a webhook's update: the poller's batch waited already)."""
    async def run() -> bool:
        if settle is not None and (chats := replied_chats([raw])):
            await settle(chats)
        return await _handle_one(source, update, raw, stop)
    return await metrics.timed_update(run)


async def _handle_one(source: UpdateSource, update: object | None, raw: Raw, stop: asyncio.Event) -> bool:
    """Handle one update in its own transaction: True once it is committed or dead-lettered,
    False when told to stop first (it stays unconfirmed, and comes again on the next run).

    The unit of work (handlers/updates.py) dead-letters what no retry can fix; what reaches us
    here looked retryable, and gets MAX_TRIES attempts with backoff."""
    error: BaseException | str
    attempts = 0
    if update is None:
        error = f"the update could not be parsed by the installed client library ({source.library})"
    else:
        await intake.prefetch(message_texts([raw]))  # before the unit of work opens
        delay = FIRST_DELAY
        while True:
            attempts += 1
            try:
                await source.feed(update, raw, None)
                return True
            except Exception as e:  # rolled back; retry, within the bound
                error = e
                if attempts >= MAX_TRIES:
                    break
                log.warning("update %s not committed (attempt %d of %d, retrying in %.1fs): %r",
                            update_id(raw), attempts, MAX_TRIES, delay, e)
                if await _sleep(stop, delay):
                    return False
                delay = min(delay * 2, 30)
    while True:  # give up on it, durably; only a database that cannot take even this holds us
        try:
            await source.dead_letter(raw, error, max(attempts, 1))
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
