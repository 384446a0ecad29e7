"""The outbox's Telegram transport on aiogram's Bot: the Bot API calls of handlers/telegram_send.py
(where what a notice becomes, photos of the media store and edits are decided, for every Telegram
runtime), with aiogram's errors mapped to the sender's outcomes."""
from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from aiogram import Bot
from aiogram.exceptions import (TelegramBadRequest, TelegramForbiddenError, TelegramMigrateToChat,
                                TelegramNetworkError, TelegramRetryAfter, TelegramServerError,
                                TelegramUnauthorizedError)
from aiogram.types import (BufferedInputFile, ForceReply, FSInputFile, InlineKeyboardButton, InlineKeyboardMarkup,
                           Message, ReplyParameters)

from bot.media_store import MediaStore
from bot.outbox import ChatMigrated, RetryLater, TransientError, Unreachable
from handlers.telegram_send import BadRequest, Send, Sent, TelegramSender
from storage.uow import UnitOfWork

Buttons = list[list[tuple[str, str]]] | None


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


def _keyboard(buttons: Buttons) -> InlineKeyboardMarkup | None:
    return InlineKeyboardMarkup(inline_keyboard=[
        [InlineKeyboardButton(text=label, callback_data=data) for label, data in row]
        for row in buttons]) if buttons else None


def _markup(send: Send) -> InlineKeyboardMarkup | ForceReply | None:
    if send.force_reply:  # selective: only the author of the message we reply to is asked
        return ForceReply(force_reply=True, selective=send.selective)
    return _keyboard(send.buttons)


def _sent(message: Message) -> Sent:
    return Sent(message.message_id, message.photo[-1].file_id if message.photo else None)


class AiogramCalls:
    """handlers.telegram_send.BotCalls on an aiogram Bot."""

    def __init__(self, bot: Bot) -> None:
        self.bot = bot

    async def send(self, send: Send) -> Sent:
        reply = (ReplyParameters(message_id=send.reply_to, allow_sending_without_reply=True)
                 if send.reply_to else None)
        with _outcomes(send.chat_id):
            if send.document is not None:
                return _sent(await self.bot.send_document(
                    send.chat_id, BufferedInputFile(send.document.data, filename=send.document.name),
                    caption=send.text, parse_mode=send.parse_mode, reply_parameters=reply,
                    message_thread_id=send.thread_id))
            if send.voice:
                return _sent(await self.bot.send_voice(
                    send.chat_id, send.voice, caption=send.text, parse_mode=send.parse_mode,
                    message_thread_id=send.thread_id, reply_parameters=reply, reply_markup=_markup(send)))
            if send.photo:
                photo = send.photo if isinstance(send.photo, str) else FSInputFile(send.photo)
                return _sent(await self.bot.send_photo(
                    send.chat_id, photo, caption=send.text, parse_mode=send.parse_mode,
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


class TelegramTransport(TelegramSender):
    """The outbox's transport on an aiogram Bot."""

    def __init__(self, bot: Bot, *, media: MediaStore | None = None,
                 uow: Callable[[], UnitOfWork] | None = None) -> None:
        super().__init__(AiogramCalls(bot), media=media, uow=uow)
        self.bot = bot
