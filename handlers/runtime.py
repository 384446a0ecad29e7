"""Runs the bot on Telegram: the core, the outbox sender, the stored jobs, the web app and metrics,
and one runtime — aiogram (handlers/telegram_aiogram/) or python-telegram-bot (handlers/telegram_ptb/),
chosen by `sentinel run --runtime` or SENTINEL_RUNTIME — that receives updates and sends the outbox.
Both feed the same chat layer (handlers/chat.py) and send through the same transport logic
(handlers/telegram_send.py) with their own Bot; a runtime's library alone is imported, so a
python-telegram-bot worker never loads aiogram (tests/unit/test_ptb_without_aiogram.py)."""
from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from bot import metrics
from bot.app import Core
from bot.config import Settings
from bot.media_store import MediaStore
from bot.ops.errors import listening
from handlers.telegram_send import TelegramSender

if TYPE_CHECKING:
    from storage.uow import UnitOfWork

log = logging.getLogger(__name__)
DRAIN_ON_STOP = 5.0  # seconds the sender may keep flushing after a stop signal
RUNTIMES = ("aiogram", "ptb")
Receive = Callable[[Any, Core, Settings, asyncio.Event, bool], Awaitable[None]]


@dataclass(frozen=True)
class Library:
    """One runtime's Telegram client library: its Bot and what run_bot asks of it."""
    make_bot: Callable[[Settings], Any]
    transport: Callable[..., TelegramSender]  # (bot, media=, uow=) → the outbox's transport
    first_me: Callable[[Any, asyncio.Event, str], Awaitable[Any]]  # getMe with retries (None: stopped)
    set_commands: Callable[[Any], Awaitable[None]]
    receive: Receive  # updates until stopped (polling or webhook)
    download: Callable[[Any, str], Awaitable[bytes]]  # a file's bytes by its file_id
    close: Callable[[Any], Awaitable[None]]  # the Bot's HTTP session


async def _aiogram_download(bot: Any, file_id: str) -> bytes:
    info = await bot.get_file(file_id)
    data = await bot.download_file(info.file_path)
    return bytes(data.read())


async def _aiogram_close(bot: Any) -> None:
    await bot.session.close()


async def _ptb_download(bot: Any, file_id: str) -> bytes:
    file = await bot.get_file(file_id)
    return bytes(await file.download_as_bytearray())


async def _ptb_close(bot: Any) -> None:
    """PTB's shutdown() closes the requests of a Bot that was initialize()d only; one that was used
    without (doctor's getMe, a run stopped before its first getMe) opened its aiohttp session on its
    first call (handlers/telegram_ptb/request.py), closed here too (closing twice is nothing)."""
    await bot.shutdown()
    await bot.request.shutdown()


def library(runtime: str) -> Library:
    """The runtime's library, imported now (only that one)."""
    if runtime == "ptb":
        from handlers.telegram_ptb import transport as ptb
        from handlers.telegram_ptb.runtime import receive as ptb_receive
        return Library(ptb.make_bot, ptb.PtbTransport, ptb.first_me, ptb.set_commands, ptb_receive,
                       _ptb_download, _ptb_close)
    if runtime == "aiogram":
        from handlers.telegram_aiogram.runtime import make_bot, receive, set_commands
        from handlers.telegram_aiogram.startup import first_me
        from handlers.telegram_aiogram.transport import TelegramTransport
        return Library(make_bot, TelegramTransport, first_me, set_commands, receive, _aiogram_download,
                       _aiogram_close)
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
    runtime = runtime or settings.runtime
    lib = library(runtime)
    settings = settings.model_copy(update={"runtime": runtime})  # the web app's photos go the same way
    if handle_signals:
        _stop_on_signals(stop)
    core = await Core.open(settings)
    web_server, bot = None, None
    try:  # every port bound before anything starts: a port in use is one line, nothing left running
        if settings.web.enabled:  # the web app beside the bot, on the same core
            from handlers.web import WebServer
            web_server = WebServer(core)
            with listening(settings.web.host, settings.web.port, port_setting="SENTINEL_WEB__PORT",
                           host_setting="SENTINEL_WEB__HOST"):
                await web_server.start(settings.web.host, settings.web.port)
        if settings.metrics_port:  # the Prometheus endpoint (off by default)
            with listening(settings.metrics_host, settings.metrics_port, port_setting="SENTINEL_METRICS_PORT",
                           host_setting="SENTINEL_METRICS_HOST"):
                metrics.serve(settings.metrics_port, settings.metrics_host)
        bot = lib.make_bot(settings)
        media = MediaStore(settings.media_dir) if settings.media_dir is not None else None
        stop_sender = await _start_sender(core, lib, bot, media)
    except BaseException:
        if bot is not None:
            await lib.close(bot)
        if web_server is not None:
            await web_server.stop()
        await core.close()
        raise
    if ready is not None:
        ready(core)
    core.start_jobs()
    lease_task = asyncio.create_task(core.keep_leading(stop), name="scheduler-lease")
    metrics_task = None
    if settings.metrics_port:
        metrics_task = asyncio.create_task(metrics.watch(core, stop), name="metrics")
    try:
        me = await lib.first_me(bot, stop, settings.api_base)
        if me is None:  # stopped while waiting for the network
            return
        log.info("bot @%s (%s) started, %s mode, %s runtime", me.username, me.id,
                 "webhook" if webhook else "polling", runtime)
        await lib.set_commands(bot)
        await lib.receive(bot, core, settings, stop, webhook)
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
        await stop_sender()
        await lib.close(bot)
        await core.close()


async def _start_sender(core: Core, lib: Library, bot: Any, media: MediaStore | None
                        ) -> Callable[[], Awaitable[None]]:
    """The outbox sender, running: in a thread of its own on PostgreSQL (bot/sender_thread.py; its
    own Bot and HTTP session, made there), else a task on this loop with `bot`. Returns its stop."""
    settings = core.settings
    if core.sender_in_thread:
        async def make_transport(uow: Callable[[], UnitOfWork]) -> tuple[Any, Callable[[], Awaitable[None]]]:
            own = lib.make_bot(settings)
            return lib.transport(own, media=media, uow=uow), lambda: lib.close(own)

        thread = await core.attach_thread(make_transport)

        async def stop_thread() -> None:
            thread.stop()
            await thread.join()
        return stop_thread
    sender = core.attach(lib.transport(bot, media=media, uow=core.uow))
    task = asyncio.create_task(sender.run(), name="outbox-sender")

    async def stop_task() -> None:
        sender.stop()
        await task
    return stop_task


async def _drained(core: Core) -> None:
    while True:
        async with core.uow() as uow:
            if await uow.outbox.pending_count() == 0:
                return
        await asyncio.sleep(0.1)
