"""aiogram's runtime pieces: the Bot every Telegram runtime sends with (the outbox's transport,
transport.py), the command menu, and receiving updates through aiogram (polling or webhook).
handlers/runtime.py composes them with the core, the sender and the jobs."""
from __future__ import annotations

import asyncio
import logging

from aiogram import Bot, Dispatcher
from aiogram.client.telegram import TelegramAPIServer
from aiogram.types import BotCommand
from aiohttp import web

from bot.app import Core
from bot.commands import menu
from bot.config import Settings
from bot.i18n import t
from handlers.chat_isolation import ChatBusy, chat_key, make_isolation, one_at_a_time
from handlers.telegram_aiogram.bot_session import KeptModelsSession
from handlers.telegram_aiogram.dispatcher import build_dispatcher
from handlers.telegram_aiogram.polling import handle_one, parse, poll

log = logging.getLogger(__name__)
COMMANDS = menu()  # bot/commands.py: the command table says which commands the menu offers


def make_bot(settings: Settings) -> Bot:
    session = KeptModelsSession(api=TelegramAPIServer.from_base(settings.api_base))
    return Bot(settings.bot_token, session=session)


async def set_commands(bot: Bot) -> None:
    for lang, code in (("zh", None), ("en", "en")):
        await bot.set_my_commands([BotCommand(command=c, description=t(lang, f"cmd-{c}"))
                                   for c in COMMANDS], language_code=code)


async def receive(bot: Bot, core: Core, settings: Settings, stop: asyncio.Event, webhook: bool) -> None:
    """Updates from Telegram through aiogram until `stop`: long polling, or a webhook."""
    dp = build_dispatcher(core.uow, settings.default_lang, **core.services())
    if webhook:
        await _serve_webhook(bot, dp, core, settings, stop)
    else:
        await bot.delete_webhook(drop_pending_updates=False)
        await poll(bot, dp, core.uow, stop, settings.poll_timeout, settings.default_lang)


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
