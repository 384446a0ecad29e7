"""The outbox's Telegram transport: sends one rendered notice and maps Telegram's errors."""
from __future__ import annotations

import asyncio
import base64
import dataclasses
from collections.abc import Iterator
from contextlib import contextmanager

from aiogram import Bot
from aiogram.exceptions import (TelegramBadRequest, TelegramForbiddenError, TelegramMigrateToChat,
                                TelegramNetworkError, TelegramRetryAfter, TelegramServerError,
                                TelegramUnauthorizedError)
from aiogram.types import BufferedInputFile, ForceReply, InlineKeyboardButton, InlineKeyboardMarkup, ReplyParameters

from bot.outbox import CREATE_TOPIC, EDIT, ChatMigrated, Outgoing, PermanentError, RetryLater, TransientError, Unreachable
from handlers import (render_admin, render_broadcasts, render_checkins, render_closing,  # noqa: F401  (their kinds)
                      render_deliberation, render_lessons, render_points, render_telegram, render_voice)
from handlers.telegram_aiogram.edits import edit_message
from handlers.render import TAGS, Rendered, render
from handlers.telegram_limits import TELEGRAM


@contextmanager
def _outcomes(chat_id: int) -> Iterator[None]:
    """Telegram's errors as the sender's outcomes (bot/outbox.py): 429 → RetryLater, a migrated
    group → ChatMigrated, 5xx/network/timeouts/a rejected token → TransientError, blocked or a chat
    that is gone → Unreachable. Any other Bad Request is raised as it is: its caller decides."""
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
        if "chat not found" in e.message:
            raise Unreachable(e.message) from e
        raise


def _markup(rendered: Rendered, selective: bool = False) -> InlineKeyboardMarkup | ForceReply | None:
    if rendered.force_reply:  # selective: only the author of the message we reply to is asked
        return ForceReply(force_reply=True, selective=selective)
    if not rendered.buttons:
        return None
    return InlineKeyboardMarkup(inline_keyboard=[
        [InlineKeyboardButton(text=label, callback_data=data) for label, data in row]
        for row in rendered.buttons])


TOPIC_NAME_MAX = 128  # characters a forum topic's name may have (Bot API createForumTopic)


class TelegramTransport:
    platform = TELEGRAM  # groups have negative ids; 4096/1024 (handlers/telegram_limits.py)

    def __init__(self, bot: Bot) -> None:
        self.bot = bot

    async def deliver(self, message: Outgoing) -> int | None:
        if message.payload.get(CREATE_TOPIC):
            return await self._create_topic(message)
        rendered = render(message)
        if message.payload.get(EDIT):
            return await edit_message(self.bot, message, rendered)
        try:
            return await self._send(message, rendered, "HTML")
        except TelegramBadRequest as e:
            if "can't parse entities" not in e.message:
                raise PermanentError(e.message) from e
        # Our markup was wrong somewhere: the text still matters more than its bold.
        plain = dataclasses.replace(rendered, text=TAGS.sub("", rendered.text))
        try:
            return await self._send(message, plain, None)
        except TelegramBadRequest as e:
            raise PermanentError(e.message) from e

    async def _create_topic(self, message: Outgoing) -> int:
        """A forum topic named by the row (createForumTopic): its message_thread_id is the row's
        platform id. Errors map as for a send; "the chat is not a forum" (topics switched off, or
        no right to manage them) is permanent: the topic's messages then go to the group itself."""
        name = str(message.payload[CREATE_TOPIC])[:TOPIC_NAME_MAX]
        try:
            with _outcomes(message.chat_id):
                topic = await self.bot.create_forum_topic(message.chat_id, name)
        except TelegramBadRequest as e:
            raise PermanentError(e.message) from e
        return topic.message_thread_id

    async def _send(self, message: Outgoing, rendered: Rendered, parse_mode: str | None) -> int:
        # A reply whose message was deleted still goes out (allow_sending_without_reply), and
        # in a forum it stays in the case's topic: the thread is named, not implied by the reply.
        reply = (ReplyParameters(message_id=message.reply_to, allow_sending_without_reply=True)
                 if message.reply_to else None)
        thread = message.payload.get("thread_id")
        with _outcomes(message.chat_id):
            if message.payload.get("document"):  # a file we made (an export), carried in the row
                doc = message.payload["document"]
                sent = await self.bot.send_document(
                    message.chat_id, BufferedInputFile(base64.b64decode(doc["data"]), filename=doc["name"]),
                    caption=rendered.text[:1024], parse_mode=parse_mode, reply_parameters=reply,
                    message_thread_id=thread)
            elif rendered.voice:
                sent = await self.bot.send_voice(message.chat_id, rendered.voice,
                                                 caption=rendered.text[:1024], parse_mode=parse_mode,
                                                 message_thread_id=thread, reply_parameters=reply,
                                                 reply_markup=_markup(rendered))
            elif rendered.photo:
                sent = await self.bot.send_photo(message.chat_id, rendered.photo,
                                                 caption=rendered.text[:1024], parse_mode=parse_mode,
                                                 message_thread_id=thread, reply_parameters=reply,
                                                 reply_markup=_markup(rendered, reply is not None))
            else:
                sent = await self.bot.send_message(message.chat_id, rendered.text, parse_mode=parse_mode,
                                                   message_thread_id=thread, reply_parameters=reply,
                                                   reply_markup=_markup(rendered, reply is not None))
        return sent.message_id
