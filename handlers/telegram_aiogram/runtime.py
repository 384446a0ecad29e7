"""aiogram's runtime pieces: the Bot the outbox sends with on this runtime (transport.py), the command
menu, and receiving updates through aiogram (polling or webhook). handlers/runtime.py composes them
with the core, the sender and the jobs (python-telegram-bot's: handlers/telegram_ptb/)."""
from __future__ import annotations

import asyncio
import logging
from typing import Any

from aiogram import Bot, Dispatcher
from aiogram import methods as m
from aiogram.client.telegram import TelegramAPIServer
from aiogram.methods.base import Response
from aiogram.types import BotCommand, Update

from bot.app import Core
from bot.commands import menu
from bot.config import Settings
from bot.i18n import t
from handlers.telegram_aiogram.bot_session import KeptModelsSession
from handlers.telegram_aiogram.dispatcher import build_dispatcher
from handlers.telegram_aiogram.lean import build_now
from handlers.telegram_aiogram.polling import handle_one, parse, poll
from handlers.telegram_webhook import serve_webhook

log = logging.getLogger(__name__)
COMMANDS = menu()  # bot/commands.py: the command table says which commands the menu offers
# What every update and its reply validate: the update, the calls the outbox makes most (a send,
# an edit, a button's answer) and their answers (handlers/telegram_send.py); the rest of the
# Bot API's types stay built on first use (lean.py).
CALLS = (m.SendMessage, m.SendPhoto, m.EditMessageText, m.EditMessageReplyMarkup, m.AnswerCallbackQuery)


def make_bot(settings: Settings) -> Bot:
    session = KeptModelsSession(api=TelegramAPIServer.from_base(settings.api_base))
    return Bot(settings.bot_token, session=session)


async def set_commands(bot: Bot) -> None:
    for lang, code in (("zh", None), ("en", "en")):
        await bot.set_my_commands([BotCommand(command=c, description=t(lang, f"cmd-{c}"))
                                   for c in COMMANDS], language_code=code)


async def receive(bot: Bot, core: Core, settings: Settings, stop: asyncio.Event, webhook: bool) -> None:
    """Updates from Telegram through aiogram until `stop`: long polling, or a webhook."""
    build_now([Update, *CALLS, *(Response[c.__returning__] for c in CALLS)])  # not on the first update
    dp = build_dispatcher(core.uow, settings.default_lang, **core.services())
    if webhook:
        await _serve_webhook(bot, dp, core, settings, stop)
    else:
        await bot.delete_webhook(drop_pending_updates=False)
        await poll(bot, dp, core.uow, stop, settings.poll_timeout, settings.default_lang, core.sends_settled)


async def _serve_webhook(bot: Bot, dp: Dispatcher, core: Core, settings: Settings, stop: asyncio.Event) -> None:
    """The shared webhook (handlers/telegram_webhook.py) with aiogram parsing the updates."""
    async def handle(raw: dict[str, Any]) -> bool:
        return await handle_one(bot, dp, core.uow, parse(bot, raw), raw, stop, settings.default_lang,
                                core.sends_settled)

    async def set_webhook(url: str, secret: str | None) -> None:
        await bot.set_webhook(url, secret_token=secret)

    await serve_webhook(settings, bot.id, handle, set_webhook, stop)
