"""Runs the bot on Telegram: the core, the outbox sender (one transport for every runtime), the
stored jobs, the web app and metrics, and one runtime that receives updates — aiogram
(handlers/telegram_aiogram/) or python-telegram-bot (handlers/telegram_ptb/), chosen by
`sentinel run --runtime` or SENTINEL_RUNTIME. Both feed the same chat layer (handlers/chat.py)."""
from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from collections.abc import Awaitable, Callable

from aiogram import Bot

from bot import metrics
from bot.app import Core
from bot.config import Settings
from bot.media_store import MediaStore
from handlers.telegram_aiogram.runtime import make_bot, set_commands
from handlers.telegram_aiogram.startup import first_me
from handlers.telegram_aiogram.transport import TelegramTransport

log = logging.getLogger(__name__)
DRAIN_ON_STOP = 5.0  # seconds the sender may keep flushing after a stop signal
RUNTIMES = ("aiogram", "ptb")
Receive = Callable[[Bot, Core, Settings, asyncio.Event, bool], Awaitable[None]]


def receiver(runtime: str) -> Receive:
    """The runtime's way of receiving updates until stopped (polling or webhook)."""
    if runtime == "ptb":
        from handlers.telegram_ptb.runtime import receive as ptb
        return ptb
    if runtime == "aiogram":
        from handlers.telegram_aiogram.runtime import receive
        return receive
    raise ValueError(f"unknown runtime {runtime!r}: expected one of {', '.join(RUNTIMES)}")


def _stop_on_signals(stop: asyncio.Event) -> None:
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(sig, stop.set)


async def run_bot(settings: Settings, *, webhook: bool = False, stop: asyncio.Event | None = None,
                  handle_signals: bool = True, ready: Callable[[Core], None] | None = None,
                  runtime: str | None = None) -> None:
    """Serve until `stop` is set (or SIGTERM/SIGINT): in-flight updates finish first. `runtime`
    (default: settings.runtime) is the library that receives updates: aiogram or ptb. On WeCom
    (settings.platform) the callbacks are served instead (handlers/wecom/runtime.py)."""
    stop = stop or asyncio.Event()
    if settings.platform == "wecom":
        from handlers.wecom.runtime import run_wecom
        if handle_signals:
            _stop_on_signals(stop)
        await run_wecom(settings, stop=stop, ready=ready)
        return
    receive = receiver(runtime or settings.runtime)
    if handle_signals:
        _stop_on_signals(stop)
    core = await Core.open(settings)
    web_server = None
    if settings.web.enabled:  # the web app beside the bot, on the same core
        from handlers.web import WebServer
        web_server = WebServer(core)
        await web_server.start(settings.web.host, settings.web.port)
    bot = make_bot(settings)
    media = MediaStore(settings.media_dir) if settings.media_dir is not None else None
    sender = core.attach(TelegramTransport(bot, media=media, uow=core.uow))
    if ready is not None:
        ready(core)
    core.start_jobs()
    lease_task = asyncio.create_task(core.keep_leading(stop), name="scheduler-lease")
    metrics_task = None
    if settings.metrics_port:  # the Prometheus endpoint (off by default)
        metrics.serve(settings.metrics_port, settings.metrics_host)
        metrics_task = asyncio.create_task(metrics.watch(core, stop), name="metrics")
    sender_task = asyncio.create_task(sender.run(), name="outbox-sender")
    try:
        me = await first_me(bot, stop, settings.api_base)
        if me is None:  # stopped while waiting for the network
            return
        log.info("bot @%s (%s) started, %s mode, %s runtime", me.username, me.id,
                 "webhook" if webhook else "polling", runtime or settings.runtime)
        await set_commands(bot)
        await receive(bot, core, settings, stop, webhook)
    finally:
        with contextlib.suppress(asyncio.TimeoutError):
            await asyncio.wait_for(_drained(core), DRAIN_ON_STOP)
        if web_server is not None:
            await web_server.stop()
        lease_task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await lease_task
        if metrics_task is not None:
            await metrics_task
        core.stop_jobs()
        sender.stop()
        await sender_task
        await bot.session.close()
        await core.close()


async def _drained(core: Core) -> None:
    while True:
        async with core.uow() as uow:
            if await uow.outbox.pending_count() == 0:
                return
        await asyncio.sleep(0.1)
