"""The outbox sender on an event loop and a database pool of its own, in a thread of its own.

Why: what a SIGKILL can double is the sends whose outcome is not yet committed (bot/outbox.py), so
the time from the platform's answer to that commit is the window. On the bot's own loop that time
includes every callback queued ahead of the sender's — under load, the update handling of hundreds
of updates a second — and grew to hundreds of milliseconds: a kill during a 200 updates/s burst
doubled 3–5 replies in half the runs (README, Scale). On a loop of its own the sender waits only for
the interpreter's lock, which a busy thread hands over within `sys.getswitchinterval()` (5 ms), and
for its own round trips. The sends also keep Telegram's pace while the bot's loop is busy.

Used for PostgreSQL (`SENTINEL_SENDER__THREAD`, on by default): the thread opens its own engine on
the same database. SQLite keeps the sender on the bot's loop: one writer, and its waits for the
write lock sleep on the loop that holds the connection (storage/db.py).

The sender's objects — engine, pool, platform transport and its HTTP session, pacer — are made
inside the thread, on its loop, and closed there. The bot's loop talks to it only through `wake`
and `stop`, which are safe to call from any thread. A commit's after-commit effects are seen through
the bot's EffectGate, read across threads (`is_idle` is one integer's value).
"""
from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import Awaitable, Callable, Collection

from bot.config import Settings
from bot.outbox import Effects, Sender, Transport
from storage.db import create_engine, is_sqlite, session_factory
from storage.uow import EffectGate, UnitOfWork

log = logging.getLogger(__name__)
EFFECTS_POLL = 0.002  # seconds between looks at the bot's effect gate (its Event belongs to the bot's loop)
# (uow factory) → the platform transport, made on the sender's loop, and how to close it there
MakeTransport = Callable[[Callable[[], UnitOfWork]], Awaitable[tuple[Transport, Callable[[], Awaitable[None]]]]]
MakeSender = Callable[[Callable[[], UnitOfWork], Transport, Effects], Sender]  # (uow factory, transport, effects)


def sender_in_thread(settings: Settings) -> bool:
    """Whether `sentinel run` gives the outbox sender a thread of its own: on PostgreSQL unless
    SENTINEL_SENDER__THREAD=false; never on SQLite (one writer, see the module's docstring)."""
    return settings.sender.thread and not is_sqlite(settings.database_url)


class _GateAcross:
    """The bot's EffectGate as the sender's loop sees it: the count read, the idle state polled."""

    def __init__(self, gate: EffectGate) -> None:
        self._gate = gate

    @property
    def is_idle(self) -> bool:
        return self._gate.is_idle

    async def idle(self) -> None:
        while not self._gate.is_idle:
            await asyncio.sleep(EFFECTS_POLL)


class SenderThread:
    """One Sender running in a daemon thread until `stop`; `start` returns once it runs (or raises
    what made it fail to start); `join` waits for its last pass, its transport and pool closed."""

    def __init__(self, database_url: str, make_transport: MakeTransport, make_sender: MakeSender,
                 effects: EffectGate) -> None:
        self._url = database_url
        self._make_transport = make_transport
        self._make_sender = make_sender
        self._effects = _GateAcross(effects)
        self._loop: asyncio.AbstractEventLoop | None = None
        self._sender: Sender | None = None
        self._ready = threading.Event()
        self._error: BaseException | None = None
        self._stopping = False
        self._thread = threading.Thread(target=self._main, name="outbox-sender", daemon=True)

    @property
    def ident(self) -> int | None:
        """The thread's identifier (threading.get_ident() inside it), once started."""
        return self._thread.ident

    async def start(self) -> None:
        self._thread.start()
        await asyncio.to_thread(self._ready.wait)
        if self._error is not None:
            raise self._error

    def wake(self) -> None:
        """New rows are committed: look now rather than at the next half-second poll."""
        self._call(lambda s: s.wake())

    async def settled(self, chats: Collection[int]) -> bool:
        """`Sender.settled`, waited for on the caller's loop (its tracker is thread-safe)."""
        sender = self._sender
        return await sender.unrecorded.settled(chats) if sender is not None else True

    def stop(self) -> None:
        self._stopping = True
        self._call(lambda s: s.stop())

    async def join(self) -> None:
        if self._thread.is_alive():
            await asyncio.to_thread(self._thread.join)

    def _call(self, what: Callable[[Sender], None]) -> None:
        loop, sender = self._loop, self._sender
        if loop is None or sender is None or loop.is_closed():
            return
        try:
            loop.call_soon_threadsafe(what, sender)
        except RuntimeError:  # the loop closed in between: the sender is gone anyway
            pass

    def _main(self) -> None:
        try:
            asyncio.run(self._serve())
        except BaseException as e:  # reported to start(), or logged once running
            if not self._ready.is_set():
                self._error = e
            else:
                log.exception("the outbox sender's thread stopped")
        finally:
            self._ready.set()

    async def _serve(self) -> None:
        engine = create_engine(self._url)
        sessions = session_factory(engine)

        def uow() -> UnitOfWork:
            return UnitOfWork(sessions)
        try:
            transport, close = await self._make_transport(uow)
            try:
                sender = self._make_sender(uow, transport, self._effects)
                self._sender, self._loop = sender, asyncio.get_running_loop()
                if self._stopping:
                    sender.stop()
                self._ready.set()
                await sender.run()
            finally:
                await close()
        finally:
            await engine.dispose()

