"""The outbox: every outgoing message is a row committed with its cause, and one
sender delivers rows through a platform transport within the platform's limits.

A group allows ~20 messages a minute. When a group's queue is longer than what
its window still allows, the window's last message is a digest of everything
queued for it: announcements arrive late by at most one window, never dropped,
and the group is never flooded.

Delivery is exactly-once for everything committed, except one unavoidable window:
if the process dies after the platform accepted a message but before the row is
marked sent, that message is sent again after restart (platform send APIs take
no idempotency key).
"""
from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, Protocol

from bot.domain import PRIORITY_CONVERSATION, Notice
from bot.pacing import Pacer
from storage.uow import UnitOfWork

log = logging.getLogger(__name__)
DIGEST = "digest"  # the kind of a merged message: payload {"items": [{kind, lang, payload, case_id}]}
DIGEST_MAX = 20  # items one digest carries (each is clipped, so the whole fits in one message)


class RetryLater(Exception):
    """The platform asked us to slow down (Telegram 429)."""

    def __init__(self, seconds: float, chat_id: int | None = None) -> None:
        super().__init__(f"retry after {seconds}s")
        self.seconds, self.chat_id = seconds, chat_id


class TransientError(Exception):
    """5xx or network trouble: worth retrying with backoff."""


class PermanentError(Exception):
    """The platform refused this message for good (bad request)."""


class Unreachable(PermanentError):
    """The chat blocked us or removed us: stop writing to it."""


@dataclass(frozen=True, slots=True)
class Outgoing:
    id: int
    chat_id: int
    kind: str
    lang: str
    payload: dict[str, Any]
    reply_to: int | None
    case_id: int | None = None


def mergeable(priority: int, payload: dict[str, Any]) -> bool:
    """Conversation text may go into a digest; buttons, photos and broadcasts keep their own message."""
    return priority == PRIORITY_CONVERSATION and not payload.get("buttons") and not payload.get("photo")


def _outgoing(row: Any) -> Outgoing:
    return Outgoing(row.id, row.chat_id, row.kind, row.lang, row.payload, row.reply_to_message_id, row.case_id)


class Transport(Protocol):
    async def deliver(self, message: Outgoing) -> int | None:
        """Send one message; return the platform's message id. Raise the errors above."""


def enqueue(uow: UnitOfWork, notice: Notice) -> None:
    uow.outbox.add(chat_id=notice.chat_id, kind=notice.kind, lang=notice.lang, payload=notice.payload,
                   reply_to=notice.reply_to, priority=notice.priority, dedupe_key=notice.dedupe_key,
                   case=notice.case)


class Sender:
    """The one loop that talks to the platform for outgoing messages."""

    def __init__(self, uow_factory: Callable[[], UnitOfWork], transport: Transport, pacer: Pacer,
                 *, batch: int = 50, max_backoff: float = 60.0,
                 sleep: Callable[[float], Awaitable[None]] = asyncio.sleep) -> None:
        self._uow = uow_factory
        self._transport = transport
        self._pacer = pacer
        self._batch = batch
        self._max_backoff = max_backoff
        self._sleep = sleep
        self._wake = asyncio.Event()
        self._stopping = False

    def wake(self) -> None:
        self._wake.set()

    def stop(self) -> None:
        self._stopping = True
        self._wake.set()

    async def run(self) -> None:
        async with self._uow() as uow:  # a restart is a fresh start: retry what was waiting now
            await uow.outbox.retry_now()
            await uow.commit()
        while not self._stopping:
            try:
                sent_any = await self.drain_once()
            except Exception:  # noqa: BLE001  (a DB hiccup must not kill the sender)
                log.exception("outbox pass failed")
                sent_any = False
            if not sent_any and not self._stopping:
                self._wake.clear()
                try:
                    await asyncio.wait_for(self._wake.wait(), timeout=0.5)
                except TimeoutError:
                    pass

    async def drain_once(self) -> bool:
        """Deliver what is due now; True if anything was attempted."""
        async with self._uow() as uow:
            rows = await uow.outbox.due(self._batch)
            batch = [_outgoing(r) for r in rows if r.id is not None]
            attempts = {r.id: r.attempts for r in rows}
            priority = {r.id: r.priority for r in rows}
        if not batch:
            return False
        held: set[int] = set()
        attempted = False
        for msg in batch:
            if self._stopping:
                break
            if msg.chat_id in held:
                continue
            if self._pacer.chat_wait(msg.chat_id) > 0:
                held.add(msg.chat_id)  # keep the chat's order; others may go meanwhile
                continue
            if (msg.chat_id < 0 and self._pacer.chat_left(msg.chat_id) == 1
                    and mergeable(priority.get(msg.id, -1), msg.payload)):
                digest = await self._merge(msg)
                if digest is not None:
                    held.add(msg.chat_id)  # the rest of this batch for the chat went into the digest
                    msg = digest
            wait = self._pacer.global_wait()
            if wait > 0:
                await self._sleep(wait)
            attempted = True
            if not await self._deliver(msg, attempts.get(msg.id, 0)):
                held.add(msg.chat_id)
        if not attempted and held:
            await self._sleep(min(0.2, min(self._pacer.chat_wait(c) for c in held) or 0.05))
        return attempted

    async def _merge(self, first: Outgoing) -> Outgoing | None:
        """The group's last slot in this window: merge its queued conversation into one digest."""
        async with self._uow() as uow:
            rows = await uow.outbox.queued_in(first.chat_id, first.id, DIGEST_MAX)
            run = []
            for row in rows:
                if not mergeable(row.priority, row.payload):
                    break  # later messages wait: nothing overtakes a message that keeps its own slot
                run.append(row)
            if len(run) < 2:
                return None
            items = [{"kind": r.kind, "lang": r.lang, "payload": r.payload, "case_id": r.case_id} for r in run]
            digest = _outgoing(await uow.outbox.merge(run, DIGEST, {"items": items}))
            await uow.commit()
        log.info("group %s backed up: %d messages merged into digest %s", first.chat_id, len(run), digest.id)
        return digest

    async def _deliver(self, msg: Outgoing, attempts: int) -> bool:
        """One try; records the outcome. False when the chat must wait."""
        self._pacer.record(msg.chat_id)
        try:
            platform_id = await self._transport.deliver(msg)
        except RetryLater as e:
            self._pacer.penalise(e.chat_id, e.seconds)
            return await self._record(msg, "postpone", e.seconds, f"429 retry after {e.seconds}", False)
        except TransientError as e:  # never given up: an outage ends, and nothing may be lost
            return await self._record(msg, "postpone", min(self._max_backoff, 0.5 * 2 ** attempts), str(e), True)
        except Unreachable as e:
            async with self._uow() as uow:
                await uow.chats.set_blocked(msg.chat_id)
                await uow.outbox.mark_failed(msg.id, str(e), status="blocked")
                await uow.commit()
            return True
        except PermanentError as e:
            log.warning("outbox %s to %s refused: %s", msg.id, msg.chat_id, e)
            return await self._record(msg, "failed", 0, str(e), True)
        async with self._uow() as uow:
            await uow.outbox.mark_sent(msg.id, platform_id)
            await uow.commit()
        return True

    async def _record(self, msg: Outgoing, outcome: str, delay: float, error: str, attempt: bool) -> bool:
        async with self._uow() as uow:
            if outcome == "postpone":
                await uow.outbox.postpone(msg.id, delay, error, attempt)
            else:
                await uow.outbox.mark_failed(msg.id, error)
            await uow.commit()
        return outcome != "postpone"
