"""Runs the Telegram adapter: the aiogram bot, polling or webhook, the outbox sender, clean shutdown."""
from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from collections.abc import Callable

from aiogram import Bot, Dispatcher
from aiogram.client.telegram import TelegramAPIServer
from aiogram.types import BotCommand
from aiohttp import web

from bot import metrics
from bot.app import Core
from bot.commands import menu
from bot.config import Settings
from bot.i18n import t
from bot.media_store import MediaStore
from handlers.bot_session import KeptModelsSession
from handlers.chat_isolation import ChatBusy, chat_key, make_isolation, one_at_a_time
from handlers.dispatcher import build_dispatcher
from handlers.polling import handle_one, parse, poll
from handlers.startup import first_me
from handlers.transport import TelegramTransport

log = logging.getLogger(__name__)
COMMANDS = menu()  # bot/commands.py: the command table says which commands the menu offers
DRAIN_ON_STOP = 5.0  # seconds the sender may keep flushing after a stop signal


def make_bot(settings: Settings) -> Bot:
    session = KeptModelsSession(api=TelegramAPIServer.from_base(settings.api_base))
    return Bot(settings.bot_token, session=session)


async def _set_commands(bot: Bot) -> None:
    for lang, code in (("zh", None), ("en", "en")):
        await bot.set_my_commands([BotCommand(command=c, description=t(lang, f"cmd-{c}"))
                                   for c in COMMANDS], language_code=code)


def _stop_on_signals(stop: asyncio.Event) -> None:
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(sig, stop.set)


async def run_bot(settings: Settings, *, webhook: bool = False, stop: asyncio.Event | None = None,
                  handle_signals: bool = True, ready: Callable[[Core], None] | None = None) -> None:
    """Serve until `stop` is set (or SIGTERM/SIGINT): in-flight updates finish first."""
    stop = stop or asyncio.Event()
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
    dp = build_dispatcher(core.uow, settings.default_lang, **core.services())
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
        log.info("bot @%s (%s) started, %s mode", me.username, me.id, "webhook" if webhook else "polling")
        await _set_commands(bot)
        if webhook:
            await _serve_webhook(bot, dp, core, settings, stop)
        else:
            await bot.delete_webhook(drop_pending_updates=False)
            await poll(bot, dp, core.uow, stop, settings.poll_timeout, settings.default_lang)
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


async def _serve_webhook(bot: Bot, dp: Dispatcher, core: Core, settings: Settings, stop: asyncio.Event) -> None:
    """Answer Telegram 200 only once the update is committed or dead-lettered (as polling does:
    one update Telegram would otherwise resend forever must not hold up the others).

    One update of a chat at a time across workers (handlers/chat_isolation.py: why, and the order
    this gives together with Telegram's one-update-per-chat-in-flight delivery)."""
    secret = settings.webhook_secret or None
    isolation = make_isolation(settings.redis_url, settings.redis_prefix)

    async def receive(request: web.Request) -> web.Response:
        if secret and request.headers.get("X-Telegram-Bot-Api-Secret-Token") != secret:
            return web.Response(status=401)
        try:
            raw = await request.json()
        except ValueError:
            raw = None
        if not isinstance(raw, dict):
            return web.Response(status=400)
        key = chat_key(bot.id, raw)
        try:
            async with one_at_a_time(isolation, key):
                done = await handle_one(bot, dp, core.uow, parse(bot, raw), raw, stop, settings.default_lang)
        except ChatBusy:
            log.warning("the chat of update %s stayed busy: answering 503 (Telegram resends)", raw.get("update_id"))
            return web.Response(status=503)
        return web.json_response({}) if done else web.Response(status=503)  # stopping: Telegram resends

    app = web.Application()
    app.router.add_post(settings.webhook_path, receive)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, settings.webhook_host, settings.webhook_port)
    await site.start()
    await bot.set_webhook(settings.webhook_url, secret_token=secret)
    try:
        await stop.wait()
    finally:
        await runner.cleanup()
        await isolation.close()
