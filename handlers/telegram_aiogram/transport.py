"""The outbox's Telegram transport on aiogram's Bot: the Bot API calls of handlers/telegram_send.py
(where what a notice becomes, photos of the media store and edits are decided, for every Telegram
runtime), with aiogram's errors mapped to the sender's outcomes."""
from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

from aiogram import Bot
from aiogram.exceptions import (TelegramBadRequest, TelegramForbiddenError, TelegramMigrateToChat,
                                TelegramNetworkError, TelegramRetryAfter, TelegramServerError,
                                TelegramUnauthorizedError)
from aiogram.types import (BufferedInputFile, ForceReply, FSInputFile, InlineKeyboardButton, InlineKeyboardMarkup,
                           ReplyParameters)

from bot.media_store import MediaStore
from bot.outbox import ChatMigrated, RetryLater, TransientError, Unreachable
from handlers.telegram_send import BadRequest, BotCalls, Buttons, Document, TelegramSender
from storage.uow import UnitOfWork



@contextmanager
def _outcomes(chat_id: int) -> Iterator[None]:
    """aiogram's errors as the sender's outcomes (bot/outbox.py): 429 → RetryLater, a migrated
    group → ChatMigrated, 5xx/network/timeouts/a rejected token → TransientError, blocked →
    Unreachable. Any other Bad Request is a `BadRequest`: handlers/telegram_send.py decides."""
    try:
        yield
    except TelegramRetryAfter as e:
        raise RetryLater(e.retry_after, chat_id) from e
    except TelegramMigrateToChat as e:
        raise ChatMigrated(e.migrate_to_chat_id) from e
    except (TelegramServerError, TelegramNetworkError, TelegramUnauthorizedError, asyncio.TimeoutError) as e:
        raise TransientError(str(e)) from e
    except TelegramForbiddenError as e:
        raise Unreachable(e.message) from e
    except TelegramBadRequest as e:
        raise BadRequest(e.message) from e


class AiogramCalls(BotCalls):
    """handlers.telegram_send.BotCalls on an aiogram Bot."""

    bot: Bot

    def outcomes(self, chat_id: int) -> AbstractContextManager[None]:
        return _outcomes(chat_id)

    def keyboard(self, buttons: Buttons) -> InlineKeyboardMarkup | None:
        return InlineKeyboardMarkup(inline_keyboard=[
            [InlineKeyboardButton(text=label, callback_data=data) for label, data in row]
            for row in buttons]) if buttons else None

    def force_reply(self, selective: bool) -> ForceReply:
        return ForceReply(force_reply=True, selective=selective)

    def reply_parameters(self, message_id: int) -> ReplyParameters:
        return ReplyParameters(message_id=message_id, allow_sending_without_reply=True)

    def document(self, document: Document) -> BufferedInputFile:
        return BufferedInputFile(document.data, filename=document.name)

    def photo(self, photo: str | Path) -> str | FSInputFile:
        return photo if isinstance(photo, str) else FSInputFile(photo)


class TelegramTransport(TelegramSender):
    """The outbox's transport on an aiogram Bot."""

    def __init__(self, bot: Bot, *, media: MediaStore | None = None,
                 uow: Callable[[], UnitOfWork] | None = None) -> None:
        super().__init__(AiogramCalls(bot), media=media, uow=uow)
        self.bot = bot
