"""Metrics for operators: a Prometheus endpoint (`prometheus-client`), off unless
SENTINEL_METRICS_PORT is set (> 0); SENTINEL_METRICS_HOST (default 127.0.0.1) is where it listens.

Counted where they happen (each worker its own; Prometheus sums the workers):
  sentinel_updates_total{outcome}        updates handled: done (committed or dead-lettered) | stopped
  sentinel_update_seconds                handler latency, receipt to commit (histogram, seconds)
  sentinel_dead_letters_total            updates dead-lettered (their count so far, not what is left)
  sentinel_sends_total{outcome}          outbox sends: sent | postpone | failed | blocked | migrated
  sentinel_rate_limited_total            429 answers (Telegram's "retry after")
  sentinel_send_unrecorded_seconds       from a message's dispatch to the commit of its "sent" (histogram,
                                         seconds): a crash within it sends the message again, so this
                                         times the sending rate is what a kill can double (bot/outbox.py)
  sentinel_intake_unsure_total{stage}    messages the intake's lexical stage was unsure of, by the stage
                                         that decided them: semantic | lexical (the encoder was too far
                                         behind: bot.intake.SEMANTIC_WAIT_S)
Read from the database every `WATCH_EVERY` seconds (the same in every worker):
  sentinel_outbox_pending                rows waiting to be sent
  sentinel_outbox_oldest_seconds         age of the oldest of them (0 when none)
  sentinel_dead_letters_open             updates dead-lettered and not yet retried or dropped
  sentinel_scheduler_leader              1 in the worker that runs the scheduled jobs, else 0
"""
from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

from prometheus_client import Counter, Gauge, Histogram, start_http_server

if TYPE_CHECKING:
    from bot.app import Core

log = logging.getLogger(__name__)
WATCH_EVERY = 15.0  # seconds between reads of the outbox and dead-letter figures

UPDATES = Counter("sentinel_updates_total", "Updates handled, by outcome", ["outcome"])
UPDATE_SECONDS = Histogram("sentinel_update_seconds", "Seconds from receiving an update to its commit",
                           buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30))
SENDS = Counter("sentinel_sends_total", "Outbox sends, by outcome", ["outcome"])
SEND_UNRECORDED = Histogram("sentinel_send_unrecorded_seconds",
                            "Seconds from a message's dispatch to the commit of its outcome 'sent'",
                            buckets=(0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5))
DEAD_LETTERED = Counter("sentinel_dead_letters_total", "Updates dead-lettered")
RATE_LIMITED = Counter("sentinel_rate_limited_total", "429 answers from the platform")
INTAKE_UNSURE = Counter("sentinel_intake_unsure_total",
                        "Messages the lexical stage was unsure of, by the stage that decided them "
                        "(lexical: the encoder was too far behind)", ["stage"])
OUTBOX_PENDING = Gauge("sentinel_outbox_pending", "Outbox rows waiting to be sent")
OUTBOX_OLDEST = Gauge("sentinel_outbox_oldest_seconds", "Age of the oldest pending outbox row, seconds")
DEAD_LETTERS = Gauge("sentinel_dead_letters_open", "Updates dead-lettered and not yet retried or dropped")
LEADER = Gauge("sentinel_scheduler_leader", "1 when this worker runs the scheduled jobs")


def send_outcome(status: str, error: str = "") -> None:
    SENDS.labels(status).inc()
    if error.startswith("429"):
        RATE_LIMITED.inc()


def sends_recorded(seconds: list[float]) -> None:
    """Sent messages whose outcome was just committed, each `seconds` after its dispatch."""
    for value in seconds:
        SEND_UNRECORDED.observe(value)


def serve(port: int, host: str = "127.0.0.1") -> None:
    """Start the /metrics HTTP endpoint in a background thread (prometheus-client's own server)."""
    start_http_server(port, addr=host)
    log.info("metrics on http://%s:%d/metrics", host, port)


def updates_done(count: int, seconds: float) -> None:
    """A batch of `count` updates committed together in `seconds` (each waited that long)."""
    UPDATES.labels("done").inc(count)
    for _ in range(count):
        UPDATE_SECONDS.observe(seconds)


async def timed_update(handle: Callable[[], Awaitable[bool]]) -> bool:
    """Run one update's handling, counting its outcome and, when done, its latency."""
    loop = asyncio.get_running_loop()
    start = loop.time()
    done = await handle()
    UPDATES.labels("done" if done else "stopped").inc()
    if done:
        UPDATE_SECONDS.observe(loop.time() - start)
    return done


async def watch(core: Core, stop: asyncio.Event, every: float = WATCH_EVERY) -> None:
    """Refresh the gauges read from the database until `stop`; a failed read waits for the next."""
    while not stop.is_set():
        try:
            async with core.uow() as uow:
                pending, oldest = await uow.outbox.depth()
                DEAD_LETTERS.set(await uow.deadletters.count())
            OUTBOX_PENDING.set(pending)
            OUTBOX_OLDEST.set(oldest)
            LEADER.set(1 if core.leading else 0)
        except Exception:
            log.warning("metrics: reading the outbox figures failed", exc_info=True)
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), every)
