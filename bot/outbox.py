"""The outbox: every outgoing message is a row committed with its cause, and one
sender delivers rows through a platform transport within the platform's limits.

A group allows ~20 messages a minute. When a group's queue is longer than what
its window still allows, the window's last message is a digest of everything
queued for it: announcements arrive late by at most one window, never dropped,
and the group is never flooded.

Delivery is exactly-once for everything committed, except one unavoidable window:
if the process dies after the platform accepted a message but before the row is
marked sent, that message is sent again after restart (platform send APIs take
no idempotency key). The window is kept to the sends in flight: a chat's next
message is dispatched only once the outcome of its previous one is committed, so
at any instant each of the `concurrency` chat slots holds at most one message
whose fate the database does not know yet — a kill without warning doubles at
most `concurrency` messages (tests/e2e/test_outbox_window.py measures it).

Any number of workers (processes sharing the database) may run a sender: each pass
claims its rows with a lease (`claimed_by`, `claimed_until`; FOR UPDATE SKIP LOCKED
on PostgreSQL), so a row is sent by exactly one worker; a worker killed mid-send
leaves its claims, which another worker takes over once the lease has run out (the
same one-message-per-slot window as a restart). A chat's messages keep their order
across workers: a chat is sent to by one worker at a time (tests/e2e/test_outbox_claims.py).
"""
from __future__ import annotations

import asyncio
import dataclasses
import logging
import math
import os
import socket
import threading
import time
import uuid
from collections.abc import Awaitable, Callable, Collection
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from bot import metrics
from bot.domain import PRIORITY_CONVERSATION, IncomingMessage, Notice
from bot.pacing import Pacer
from bot.platform import ChatPlatform
from storage.models.core import utcnow
from storage.uow import UnitOfWork

log = logging.getLogger(__name__)
DIGEST = "digest"  # the kind of a merged message: payload {"items": [{kind, lang, payload, case_id}]}
# Tries of a message whose send failed in a way nobody foresaw (our bug, an answer we could not read):
# backed off like an outage, and then given up, so one message neither repeats every pass nor holds
# its chat's later messages for ever.
UNEXPECTED_TRIES = 6
SETTLE_MAX = 2.0  # seconds an update replying to the bot waits at most for the sends' outcomes (`Unrecorded`)
SETTLE_POLL = 0.002  # seconds between looks (the sender may be on another thread's loop)
SETTLE_POLL_ELSEWHERE = 0.02  # seconds between reads of another worker's sends under way (`settled_elsewhere`)
DIGEST_MAX = 20  # items one digest carries (each is clipped, so the whole fits in one message)
EDIT = "edit"  # payload key: the platform id of our earlier message this notice edits instead of sending
# A forum topic made through the outbox, so that it is made once and in order with its messages: the row
# whose payload has CREATE_TOPIC (the topic's name) makes the topic, and its platform id (stored with the
# row when sent, once) is the topic's thread id; a later row of the chat naming that row's dedupe key in
# TOPIC_OF is sent into the topic (resolved at send time, after the topic row's outcome is committed; a topic
# row that failed for good leaves its messages in the group itself).
CREATE_TOPIC = "create_topic"
TOPIC_OF = "topic_of"
# A row that closes the forum topic its TOPIC_OF row made (the topic's business is over: a proposal decided
# or done); like every row it goes in the chat's order, after the news queued before it. Nothing to close
# (the topic was never made) fails the row without a call.
CLOSE_TOPIC = "close_topic"
# An edit of an earlier row's message named by that row's dedupe key (its platform id may not be known yet
# when the edit is queued): resolved at send time into EDIT, like TOPIC_OF (a chat's rows go in order, so the
# named row's outcome is committed by then); when that row was never sent there is nothing to edit, and the
# edit fails without a call (a live count on a message, e.g. a proposal's card: bot.deliberation.threads).
EDIT_OF = "edit_of"


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


class ChatMigrated(PermanentError):
    """The chat lives on under another id (a Telegram group upgraded to a supergroup)."""

    def __init__(self, new_chat_id: int) -> None:
        super().__init__(f"chat migrated to {new_chat_id}")
        self.new_chat_id = new_chat_id


# Moves everything (pending messages included) from an old chat id to its new one.
OnMigrate = Callable[[UnitOfWork, int, int], Awaitable[object]]


class Effects(Protocol):
    """After-commit effects under way (storage.uow.EffectGate, or its view from another thread)."""

    @property
    def is_idle(self) -> bool: ...

    async def idle(self) -> None: ...


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
    return (priority == PRIORITY_CONVERSATION and not payload.get("buttons") and not payload.get("photo")
            and not payload.get(EDIT) and not payload.get(EDIT_OF) and not payload.get("force_reply") and not payload.get("document")
            and not payload.get(CREATE_TOPIC) and not payload.get(CLOSE_TOPIC))


def _outgoing(row: Any) -> Outgoing:
    return Outgoing(row.id, row.chat_id, row.kind, row.lang, row.payload, row.reply_to_message_id, row.case_id)


class Transport(Protocol):
    platform: ChatPlatform  # which chats are groups, and the message limits (bot/platform.py)

    async def deliver(self, message: Outgoing) -> int | None:
        """Send one message; return the platform's message id. Raise the errors above."""


def enqueue(uow: UnitOfWork, notice: Notice) -> None:
    uow.outbox.add(chat_id=notice.chat_id, kind=notice.kind, lang=notice.lang, payload=notice.payload,
                   reply_to=notice.reply_to, priority=notice.priority, dedupe_key=notice.dedupe_key,
                   case=notice.case)


def reply(uow: UnitOfWork, msg: IncomingMessage, kind: str, lang: str, **payload: Any) -> None:
    """A direct answer to what the user just said (catalogue message `kind` in `lang`, with
    `payload` for its variables): in the chat they wrote in, in reply to their message in a
    group and in its forum topic, at the conversation's priority (ahead of broadcasts and pushes)."""
    enqueue(uow, Notice(msg.chat_id, kind, lang, payload=dict(payload, thread_id=msg.thread_id),
                        reply_to=None if msg.is_private else msg.message_id,
                        priority=PRIORITY_CONVERSATION))


class Unrecorded:
    """The sends under way whose outcome is not yet committed, by chat; thread-safe (the sender
    may run in a thread of its own, bot/sender_thread.py).

    Why: a rider can answer a message the moment the platform shows it, before the sender has
    committed which outbox row it was (`sent_message_id`); a reply read in that window finds no case
    behind the message ("a pin correcting the place, as a reply to the bot's answer" was taken for a
    pin nobody asked for, tests/e2e/test_reply_race.py). An update that replies to the bot therefore
    waits, before its unit of work opens, for the sends to its chat begun before it arrived
    (`settled`). Within one process; other workers' sends are waited for by `settled_elsewhere`."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._next = 0
        self._open: dict[int, int] = {}  # token -> chat id

    def begin(self, chat_id: int) -> int:
        """A send to `chat_id` is about to go out: its token, for `end` once its outcome is committed
        (or lost)."""
        with self._lock:
            self._next += 1
            self._open[self._next] = chat_id
            return self._next

    def end(self, token: int) -> None:
        with self._lock:
            self._open.pop(token, None)

    async def settled(self, chats: Collection[int], timeout: float = SETTLE_MAX, poll: float = SETTLE_POLL) -> bool:
        """Wait until every send to `chats` begun before this call has its outcome committed, or
        `timeout` seconds passed (a stuck send, the database down: the update goes on regardless);
        True if settled."""
        with self._lock:
            waiting = {token for token, chat in self._open.items() if chat in chats}
        deadline = time.monotonic() + timeout
        while waiting:
            with self._lock:
                waiting &= self._open.keys()
            if not waiting:
                break
            if time.monotonic() >= deadline:
                return False
            await asyncio.sleep(poll)
        return True


async def settled_elsewhere(uow: Callable[[], UnitOfWork], worker: str, chats: Collection[int],
                            timeout: float = SETTLE_MAX, poll: float = SETTLE_POLL_ELSEWHERE) -> bool:
    """Wait until the sends to `chats` that other workers had under way when this was called (rows
    they claimed and have not recorded: `OutboxRepository.claimed_elsewhere`) are recorded or given
    back, or `timeout` seconds passed (a dead worker's claims hold until their lease runs out);
    True if settled.

    Why: `Unrecorded` for N workers behind one load balancer (issue 18). The worker that reads a
    rider's reply is often not the one that sent the message replied to, and the sender's outcome
    commit is where which case the message was about becomes known. One indexed read per update
    that replies to the bot; a look every `poll` seconds only while another worker's send is open."""
    deadline = time.monotonic() + timeout
    waiting: Collection[int] | None = None
    while True:
        async with uow() as u:
            waiting = await u.outbox.claimed_elsewhere(worker, chats, among=waiting)
        if not waiting:
            return True
        if time.monotonic() >= deadline:
            return False
        await asyncio.sleep(poll)


@dataclass(frozen=True, slots=True)
class _Outcome:
    msg_id: int
    chat_id: int
    status: str  # sent | postpone | failed | blocked
    platform_id: int | None = None
    delay: float = 0.0
    error: str = ""
    count_attempt: bool = True
    new_chat_id: int | None = None  # status "migrated"
    dispatched: float = 0.0  # time.monotonic() when the platform was called
    sent_at: datetime | None = None  # and the wall clock then (a "blocked" refusal is weighed against it)


class Sender:
    """The one loop that talks to the platform for outgoing messages.

    Each pass takes the due messages, gives every chat one task that sends the
    chat's messages in order, runs up to `concurrency` chats at once (so the
    platform's latency does not cap the rate; the pacer does), and records the
    outcomes as they come, many per commit when busy (a group commit). A chat
    task sends its next message only once its last outcome is committed, which
    bounds what a crash can double to the sends in flight. A pass ends only when
    every outcome is recorded, so the next pass never sees a sent message as due.
    """

    def __init__(self, uow_factory: Callable[[], UnitOfWork], transport: Transport, pacer: Pacer,
                 *, batch: int = 50, max_backoff: float = 60.0, concurrency: int = 16,
                 sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
                 effects: Effects | None = None, on_migrate: OnMigrate | None = None,
                 worker: str | None = None, lease: float = 60.0, gather: float = 0.0) -> None:
        self._uow = uow_factory
        self._gather = gather  # the least seconds between passes while there is no backlog (see `_spaced`)
        self._last_pass = -math.inf
        self._backlog = False  # the last claim took a whole batch
        self.worker = worker or worker_id()
        self._lease = lease  # seconds a claim holds without renewal (renewed every third of it)
        self._renewed = 0.0
        self._attempted: set[int] = set()  # rows this pass sent (or merged), the rest are given back
        self._effects = effects
        self._on_migrate = on_migrate
        self._transport = transport
        self._pacer = pacer
        self._batch = batch
        self._max_backoff = max_backoff
        self._slots = asyncio.Semaphore(concurrency)
        self._sleep = sleep
        self._wake = asyncio.Event()
        self._stopping = False
        self._outcomes: list[tuple[_Outcome, asyncio.Future[None] | None]] = []
        self._recorder: asyncio.Task[None] | None = None
        self.unrecorded = Unrecorded()  # sends whose outcome is not committed yet (`settled`)

    async def settled(self, chats: Collection[int]) -> bool:
        """Once the sends to `chats` begun before now have their outcomes committed (bounded): see
        `Unrecorded`."""
        return await self.unrecorded.settled(chats)

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
            await self._spaced()
            started = time.monotonic()
            try:
                sent_any = await self.drain_once()
                if sent_any:
                    self._last_pass = started
            except Exception:  # a DB hiccup must not kill the sender
                log.exception("outbox pass failed")
                sent_any = False
            if not sent_any and not self._stopping:
                self._wake.clear()
                try:
                    await asyncio.wait_for(self._wake.wait(), timeout=0.5)
                except TimeoutError:
                    pass

    async def _spaced(self) -> None:
        """Start a pass no sooner than `gather` seconds after the last one that sent anything,
        unless the outbox is backlogged (the last claim took a whole batch).

        Why: a pass costs its claim, its commit and the outcomes' commit whether it sends one message
        or fifty. Under a steady stream of commits (each wakes the sender) passes of one message each
        cost the sender about four times what a backlog's passes cost per message: with it, the whole
        process's CPU per case transition was 4.0 ms, 2.2 ms for the transition and 0.5 ms for its
        announcement when sent in batches (scripts/bench_cases.py, PostgreSQL, issue 18); with 20 ms
        between passes it is 3.4 ms, the sender's statements per message 1.1 instead of 2.4. A message
        after a quiet spell goes at once; under load one waits at most `gather` (20 ms by default,
        next to the platform's own round trip of 50–300 ms)."""
        wait = self._last_pass + self._gather - time.monotonic()
        if wait > 0 and not self._backlog:
            await asyncio.sleep(wait)

    async def drain_once(self) -> bool:
        """Deliver what is due now; True if anything was attempted."""
        if self._outcomes:  # left over from a pass whose recording failed: they are not due again
            await self._write_outcomes()
        rows = await self._due()
        chats: dict[int, list[tuple[Outgoing, int, int]]] = {}
        for r in rows:
            if r.id is not None:
                chats.setdefault(r.chat_id, []).append((_outgoing(r), r.attempts, r.priority))
        if not chats:
            return False
        self._attempted = set()
        results = await asyncio.gather(*(self._send_chat(queue) for queue in chats.values()),
                                       return_exceptions=True)
        await self._recorded()
        left = [m.id for queue in chats.values() for m, _a, _p in queue if m.id not in self._attempted]
        if left:  # not sent in this pass (a full window): any worker may take them next
            async with self._uow() as uow:
                await uow.outbox.release(self.worker, left)
                await uow.commit()
        for result in results:
            if isinstance(result, BaseException):
                raise result
        attempted = any(results)
        if not attempted:  # every chat is waiting for its window
            waits = [self._pacer.chat_wait(c) for c in chats]
            await self._sleep(min(0.2, min(waits) or 0.05))
        return attempted

    async def _due(self) -> list[Any]:
        """The due rows, none of them caused by a commit whose after-commit effects still run:
        a row is visible only after its commit, which raises the gate first, so rows read while
        the gate is down (checked before and after the read) have their effects done."""
        while True:
            if self._effects is not None:
                await self._effects.idle()
            async with self._uow() as uow:
                rows = await uow.outbox.claim(self.worker, self._batch, self._lease)
                await uow.commit()
                self._backlog = len(rows) >= self._batch
                rows = await self._in_order(uow, rows)
            self._renewed = time.monotonic()
            if self._effects is None or self._effects.is_idle:
                return rows

    async def _in_order(self, uow: UnitOfWork, rows: list[Any]) -> list[Any]:
        """Drop (and give back) claimed rows that another worker's claim, made at the same
        moment, put behind its own: a chat is sent to by one worker at a time."""
        first = await uow.outbox.held_elsewhere(self.worker, {r.chat_id for r in rows})
        keep = [r for r in rows if r.chat_id not in first or (r.priority, r.id) < first[r.chat_id]]
        if len(keep) < len(rows):
            kept = {r.id for r in keep}
            await uow.outbox.release(self.worker, [r.id for r in rows if r.id not in kept])
            await uow.commit()
        return keep

    async def _send_chat(self, queue: list[tuple[Outgoing, int, int]]) -> bool:
        """One chat's messages in order, until its window is full or one must be retried later."""
        attempted = False
        async with self._slots:
            for msg, attempts, priority in queue:
                chat = msg.chat_id
                if self._stopping or self._pacer.chat_wait(chat) > 0:
                    break
                merged = False
                if self._pacer.is_group(chat) and self._pacer.chat_left(chat) == 1 and mergeable(priority, msg.payload):
                    digest = await self._merge(msg)
                    if digest is not None:
                        self._attempted.add(msg.id)  # merged: its row is no longer pending
                        msg, attempts, merged = digest, 0, True
                await self._take_global()
                if await self._pacer.reserve(chat) > 0:
                    break  # another worker filled the chat's window after all: later
                attempted = True
                self._attempted.add(msg.id)
                if msg.payload.get(TOPIC_OF) or msg.payload.get(EDIT_OF):
                    msg = await self._resolve(msg)
                token = self.unrecorded.begin(msg.chat_id)
                try:
                    outcome = await self._try(msg, attempts)
                    await self._record(outcome)
                finally:
                    self.unrecorded.end(token)
                if merged or outcome.status in ("postpone", "migrated"):
                    break  # the rest of the queue went into the digest, or must keep its order
        return attempted

    async def _take_global(self) -> None:
        """Wait for the global window; the caller dispatches at once (no await between)."""
        while (wait := self._pacer.global_wait()) > 0:
            await self._sleep(wait)

    async def _merge(self, first: Outgoing) -> Outgoing | None:
        """The group's last slot in this window: merge its queued conversation into one digest."""
        async with self._uow() as uow:
            rows = await uow.outbox.queued_in(first.chat_id, first.id, DIGEST_MAX, worker=self.worker)
            run = []
            thread = rows[0].payload.get("thread_id") if rows else None
            topic = rows[0].payload.get(TOPIC_OF) if rows else None
            for row in rows:
                if (not mergeable(row.priority, row.payload) or row.payload.get("thread_id") != thread
                        or row.payload.get(TOPIC_OF) != topic):
                    break  # later messages wait: nothing overtakes a message that keeps its own slot,
                    # and a digest goes to one forum topic: the first row's (another topic's news waits)
                run.append(row)
            if len(run) < 2:
                return None
            items = [{"kind": r.kind, "lang": r.lang, "payload": r.payload, "case_id": r.case_id} for r in run]
            where = {"thread_id": thread, **({TOPIC_OF: topic} if topic else {})}
            digest = _outgoing(await uow.outbox.merge(run, DIGEST, {"items": items, **where}, self.worker,
                                                      self._lease))
            await uow.commit()
        log.info("group %s backed up: %d messages merged into digest %s", first.chat_id, len(run), digest.id)
        return digest

    async def _resolve(self, msg: Outgoing) -> Outgoing:
        """The message with the rows it names resolved: the forum topic its TOPIC_OF row made (see
        CREATE_TOPIC) as `thread_id`, without one when that row was not sent (it failed for good:
        the group itself); the message its EDIT_OF row sent as EDIT (left unresolved when there is
        none: `_try` then fails it without a call)."""
        payload = dict(msg.payload)
        async with self._uow() as uow:
            if payload.get(TOPIC_OF):
                thread = await uow.outbox.platform_id_of(msg.chat_id, str(payload.pop(TOPIC_OF)))
                if thread:
                    payload["thread_id"] = thread
            if payload.get(EDIT_OF):
                target = await uow.outbox.platform_id_of(msg.chat_id, str(payload[EDIT_OF]))
                if target:
                    del payload[EDIT_OF]
                    payload[EDIT] = target
        return dataclasses.replace(msg, payload=payload)

    async def _try(self, msg: Outgoing, attempts: int) -> _Outcome:
        if msg.payload.get(EDIT_OF):  # the message to edit was never sent (see EDIT_OF)
            return _Outcome(msg.id, msg.chat_id, "failed", error="nothing to edit: its message was not sent")
        if msg.payload.get(CLOSE_TOPIC) and not msg.payload.get("thread_id"):  # the topic was never made
            return _Outcome(msg.id, msg.chat_id, "failed", error="no topic to close: it was not made")
        self._pacer.record(msg.chat_id)
        dispatched, sent_at = time.monotonic(), utcnow()
        try:
            platform_id = await self._transport.deliver(msg)
        except RetryLater as e:
            self._pacer.answered(msg.chat_id)
            self._pacer.penalise(e.chat_id, e.seconds)
            return _Outcome(msg.id, msg.chat_id, "postpone", delay=e.seconds, error=f"429 retry after {e.seconds}",
                            count_attempt=False)
        except TransientError as e:  # never given up: an outage ends, and nothing may be lost
            self._pacer.answered(msg.chat_id)
            return _Outcome(msg.id, msg.chat_id, "postpone", delay=min(self._max_backoff, 0.5 * 2 ** attempts),
                            error=str(e))
        except ChatMigrated as e:  # the chat's rows move to the new id; this one goes again there
            self._pacer.answered(msg.chat_id)
            return _Outcome(msg.id, msg.chat_id, "migrated", error=str(e), new_chat_id=e.new_chat_id)
        except Unreachable as e:
            self._pacer.answered(msg.chat_id)
            return _Outcome(msg.id, msg.chat_id, "blocked", error=str(e), sent_at=sent_at)
        except PermanentError as e:
            self._pacer.answered(msg.chat_id)
            log.warning("outbox %s to %s refused: %s", msg.id, msg.chat_id, e)
            return _Outcome(msg.id, msg.chat_id, "failed", error=str(e))
        except Exception as e:  # nobody foresaw it: the send may even have gone out (UNEXPECTED_TRIES)
            self._pacer.answered(msg.chat_id)
            log.exception("outbox %s to %s failed unexpectedly (attempt %d of %d)", msg.id, msg.chat_id,
                          attempts + 1, UNEXPECTED_TRIES)
            if attempts + 1 >= UNEXPECTED_TRIES:
                return _Outcome(msg.id, msg.chat_id, "failed", error=repr(e)[:500])
            return _Outcome(msg.id, msg.chat_id, "postpone", delay=min(self._max_backoff, 0.5 * 2 ** attempts),
                            error=repr(e)[:500])
        except BaseException:
            self._pacer.answered(msg.chat_id)
            raise
        self._pacer.answered(msg.chat_id)
        return _Outcome(msg.id, msg.chat_id, "sent", platform_id=platform_id, dispatched=dispatched)

    def _record(self, outcome: _Outcome) -> asyncio.Future[None]:
        """Queue an outcome for the recorder (while one commit runs, the next ones gather);
        the future is done once a commit holds it, and fails if that commit failed."""
        metrics.send_outcome(outcome.status, outcome.error)
        done: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._outcomes.append((outcome, done))
        if self._recorder is None or self._recorder.done():
            self._recorder = asyncio.create_task(self._write_outcomes())
        return done

    async def _recorded(self) -> None:
        while self._recorder is not None and not self._recorder.done():
            await asyncio.shield(self._recorder)
        if self._outcomes:  # the recorder failed (database trouble): try once more, or fail the pass
            await self._write_outcomes()

    async def _write_outcomes(self) -> None:
        while self._outcomes:
            waiting, self._outcomes = self._outcomes, []
            outcomes = [o for o, _ in waiting]
            try:
                async with self._uow() as uow:
                    await uow.outbox.mark_sent_many([(o.msg_id, o.platform_id) for o in outcomes
                                                     if o.status == "sent"])
                    for o in outcomes:
                        if o.status == "sent":
                            continue
                        if o.status == "postpone":
                            await uow.outbox.postpone(o.msg_id, o.delay, o.error, o.count_attempt)
                        elif o.status == "migrated" and o.new_chat_id is not None and self._on_migrate:
                            await self._on_migrate(uow, o.chat_id, o.new_chat_id)
                        elif (o.status == "blocked" and o.sent_at is not None
                              and not await uow.chats.refused_since(o.chat_id, o.sent_at)):
                            # the chat took us back after this send was refused: it goes again now
                            await uow.outbox.postpone(o.msg_id, 0.0, o.error, count_attempt=False)
                        else:  # refused (or migrated with nobody to move it: as refused)
                            await uow.outbox.mark_failed(o.msg_id, o.error, status=o.status)
                    if time.monotonic() - self._renewed > self._lease / 3:  # a long pass keeps its claims
                        await uow.outbox.renew(self.worker, self._lease)
                        self._renewed = time.monotonic()
                    await uow.commit()
            except BaseException as e:
                self._outcomes[:0] = [(o, None) for o in outcomes]  # keep them for the next try
                _settle(waiting, e)
                raise
            now = time.monotonic()
            metrics.sends_recorded([now - o.dispatched for o in outcomes if o.status == "sent"])
            _settle(waiting, None)


def worker_id() -> str:
    """This process's name in outbox claims: host, pid and a random part (a restarted worker is a
    new one; its predecessor's claims run out with their lease). At most 64 characters."""
    return f"{socket.gethostname()[:30]}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


def _settle(waiting: list[tuple[_Outcome, asyncio.Future[None] | None]], error: BaseException | None) -> None:
    """Tell each chat task whether its outcome is committed (a failed commit stops the task;
    the outcome itself is kept and written before the next pass)."""
    for _, done in waiting:
        if done is None or done.done():
            continue
        if error is None:
            done.set_result(None)
        else:
            done.set_exception(error if isinstance(error, Exception) else RuntimeError("outcome not recorded"))
