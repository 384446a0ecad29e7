"""The outbox's Telegram transport on python-telegram-bot's Bot, without aiogram: the Bot API calls
of handlers/telegram_send.py (where what a notice becomes, photos of the media store and edits are
decided, for every Telegram runtime), with python-telegram-bot's errors mapped to the sender's
outcomes; and the Bot itself, its first getMe and its command menu (`sentinel run --runtime ptb`)."""
from __future__ import annotations

import asyncio
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import timedelta
from typing import Any

import telegram
from telegram.error import (BadRequest as PtbBadRequest, ChatMigrated as PtbChatMigrated, Forbidden, InvalidToken,
                            NetworkError, RetryAfter)

from bot.commands import menu
from bot.config import Settings
from bot.i18n import t
from bot.media_store import MediaStore
from bot.outbox import ChatMigrated, RetryLater, TransientError, Unreachable
from handlers import telegram_startup
from handlers.telegram_ptb.request import AiohttpRequest
from handlers.telegram_send import BadRequest, Send, Sent, TelegramSender
from handlers.telegram_startup import FloodWait, NetworkDown
from storage.uow import UnitOfWork

Buttons = list[list[tuple[str, str]]] | None
COMMANDS = menu()  # bot/commands.py: the command table says which commands the menu offers
CONNECTIONS = 100  # concurrent requests of the sending Bot (aiogram's session allows 100 too)


def make_bot(settings: Settings) -> telegram.Bot:
    """The Bot the outbox sends with, on the configured Bot API server (SENTINEL_API_BASE), its HTTP
    on aiohttp (request.py: half httpx's CPU per send). Timeouts as aiogram's session: a slow answer
    is awaited up to a minute, not PTB's 5 s."""
    base = settings.api_base.rstrip("/")
    request = AiohttpRequest(connections=CONNECTIONS, connect_timeout=10.0, read_timeout=60.0)
    return telegram.Bot(settings.bot_token, base_url=f"{base}/bot", base_file_url=f"{base}/file/bot",
                        request=request)


def seconds(value: Any) -> float:
    """A python-telegram-bot time period (an int, or a timedelta from 22.2 on) in seconds."""
    return value.total_seconds() if isinstance(value, timedelta) else float(value)


def retry_after(e: RetryAfter) -> float:
    with warnings.catch_warnings():  # reading it as an int warns of its coming timedelta type
        warnings.simplefilter("ignore")
        return seconds(e.retry_after)


async def first_me(bot: telegram.Bot, stop: asyncio.Event, api_base: str, *,
                   first_delay: float = telegram_startup.FIRST_DELAY,
                   max_delay: float = telegram_startup.MAX_DELAY) -> telegram.User | None:
    """getMe until it answers (None if `stop` is set first), the Bot then initialized (its id and
    name known). A rejected token (InvalidToken) and other API errors propagate."""
    async def me() -> telegram.User:
        try:
            await bot.initialize()  # the HTTP client once, then getMe
            return bot.bot
        except RetryAfter as e:
            raise FloodWait(retry_after(e)) from e
        except PtbBadRequest:
            raise
        except NetworkError as e:  # no connection, a timeout, or 5xx
            raise NetworkDown(e.message) from e
    return await telegram_startup.first_me(me, stop, api_base, first_delay=first_delay, max_delay=max_delay)


async def set_commands(bot: telegram.Bot) -> None:
    for lang, code in (("zh", None), ("en", "en")):
        await bot.set_my_commands([telegram.BotCommand(c, t(lang, f"cmd-{c}")) for c in COMMANDS],
                                  language_code=code)


@contextmanager
def _outcomes(chat_id: int) -> Iterator[None]:
    """python-telegram-bot's errors as the sender's outcomes (bot/outbox.py): 429 → RetryLater, a
    migrated group → ChatMigrated, 5xx/network/timeouts/a rejected token → TransientError, blocked →
    Unreachable. Any other Bad Request is a `BadRequest`: handlers/telegram_send.py decides."""
    try:
        yield
    except RetryAfter as e:
        raise RetryLater(retry_after(e), chat_id) from e
    except PtbChatMigrated as e:
        raise ChatMigrated(e.new_chat_id) from e
    except PtbBadRequest as e:  # a NetworkError to python-telegram-bot: before those
        raise BadRequest(e.message) from e
    except (NetworkError, InvalidToken, asyncio.TimeoutError) as e:
        raise TransientError(str(e)) from e
    except Forbidden as e:
        raise Unreachable(e.message) from e


def _keyboard(buttons: Buttons) -> telegram.InlineKeyboardMarkup | None:
    return telegram.InlineKeyboardMarkup([
        [telegram.InlineKeyboardButton(label, callback_data=data) for label, data in row]
        for row in buttons]) if buttons else None


def _markup(send: Send) -> telegram.InlineKeyboardMarkup | telegram.ForceReply | None:
    if send.force_reply:  # selective: only the author of the message we reply to is asked
        return telegram.ForceReply(selective=send.selective)
    return _keyboard(send.buttons)


def _sent(message: telegram.Message) -> Sent:
    return Sent(message.message_id, message.photo[-1].file_id if message.photo else None)


class PtbCalls:
    """handlers.telegram_send.BotCalls on a python-telegram-bot Bot."""

    def __init__(self, bot: telegram.Bot) -> None:
        self.bot = bot

    async def send(self, send: Send) -> Sent:
        reply = (telegram.ReplyParameters(send.reply_to, allow_sending_without_reply=True)
                 if send.reply_to else None)
        with _outcomes(send.chat_id):
            if send.document is not None:
                return _sent(await self.bot.send_document(
                    send.chat_id, send.document.data, filename=send.document.name, caption=send.text,
                    parse_mode=send.parse_mode, reply_parameters=reply, message_thread_id=send.thread_id))
            if send.voice:
                return _sent(await self.bot.send_voice(
                    send.chat_id, send.voice, caption=send.text, parse_mode=send.parse_mode,
                    message_thread_id=send.thread_id, reply_parameters=reply, reply_markup=_markup(send)))
            if send.photo:
                return _sent(await self.bot.send_photo(
                    send.chat_id, send.photo, caption=send.text, parse_mode=send.parse_mode,
                    message_thread_id=send.thread_id, reply_parameters=reply, reply_markup=_markup(send)))
            return _sent(await self.bot.send_message(
                send.chat_id, send.text, parse_mode=send.parse_mode, message_thread_id=send.thread_id,
                reply_parameters=reply, reply_markup=_markup(send)))

    async def create_topic(self, chat_id: int, name: str) -> int:
        with _outcomes(chat_id):
            return (await self.bot.create_forum_topic(chat_id, name)).message_thread_id

    async def close_topic(self, chat_id: int, thread_id: int) -> None:
        with _outcomes(chat_id):
            await self.bot.close_forum_topic(chat_id, thread_id)

    async def edit_text(self, chat_id: int, message_id: int, text: str, buttons: Buttons) -> None:
        with _outcomes(chat_id):
            await self.bot.edit_message_text(text, chat_id=chat_id, message_id=message_id, parse_mode="HTML",
                                             reply_markup=_keyboard(buttons))

    async def edit_caption(self, chat_id: int, message_id: int, caption: str, buttons: Buttons) -> None:
        with _outcomes(chat_id):
            await self.bot.edit_message_caption(chat_id=chat_id, message_id=message_id, caption=caption,
                                                parse_mode="HTML", reply_markup=_keyboard(buttons))

    async def clear_buttons(self, chat_id: int, message_id: int) -> None:
        with _outcomes(chat_id):
            await self.bot.edit_message_reply_markup(chat_id=chat_id, message_id=message_id, reply_markup=None)


class PtbTransport(TelegramSender):
    """The outbox's transport on a python-telegram-bot Bot."""

    def __init__(self, bot: telegram.Bot, *, media: MediaStore | None = None,
                 uow: Callable[[], UnitOfWork] | None = None) -> None:
        super().__init__(PtbCalls(bot), media=media, uow=uow)
        self.bot = bot
