"""The outbox's Telegram transport on python-telegram-bot's Bot, without aiogram: the Bot API calls
of handlers/telegram_send.py (where what a notice becomes, photos of the media store and edits are
decided, for every Telegram runtime), with python-telegram-bot's errors mapped to the sender's
outcomes; and the Bot itself, its first getMe and its command menu (`sentinel run --runtime ptb`)."""
from __future__ import annotations

import asyncio
import warnings
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from datetime import timedelta
from pathlib import Path
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
from handlers.telegram_send import BadRequest, BotCalls, Buttons, Document, TelegramSender
from handlers.telegram_startup import FloodWait, NetworkDown
from storage.uow import UnitOfWork

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


class PtbCalls(BotCalls):
    """handlers.telegram_send.BotCalls on a python-telegram-bot Bot."""

    bot: telegram.Bot

    def outcomes(self, chat_id: int) -> AbstractContextManager[None]:
        return _outcomes(chat_id)

    def keyboard(self, buttons: Buttons) -> telegram.InlineKeyboardMarkup | None:
        return telegram.InlineKeyboardMarkup([
            [telegram.InlineKeyboardButton(label, callback_data=data) for label, data in row]
            for row in buttons]) if buttons else None

    def force_reply(self, selective: bool) -> telegram.ForceReply:
        return telegram.ForceReply(selective=selective)

    def reply_parameters(self, message_id: int) -> telegram.ReplyParameters:
        return telegram.ReplyParameters(message_id, allow_sending_without_reply=True)

    def document(self, document: Document) -> telegram.InputFile:
        return telegram.InputFile(document.data, filename=document.name)

    def photo(self, photo: str | Path) -> str | Path:
        return photo  # python-telegram-bot uploads a Path itself


class PtbTransport(TelegramSender):
    """The outbox's transport on a python-telegram-bot Bot."""

    def __init__(self, bot: telegram.Bot, *, media: MediaStore | None = None,
                 uow: Callable[[], UnitOfWork] | None = None) -> None:
        super().__init__(PtbCalls(bot), media=media, uow=uow)
        self.bot = bot
