"""The outbox's Telegram transport: sends one rendered notice and maps Telegram's errors.

A photo is a reference (bot/photos.py): a Telegram file_id is sent as it is; a photo of the media
store (`media:<name>`, uploaded on the dashboard) is uploaded from the file (sendPhoto multipart)
the first time, and the file_id Telegram returns is kept (in memory and in `media_upload`) so every
later send reuses it. Sends of one stored photo wait for each other, so two chats hearing the same
resolution at once cause one upload.
"""
from __future__ import annotations

import asyncio
import base64
import dataclasses
import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from aiogram import Bot
from aiogram.exceptions import (TelegramBadRequest, TelegramForbiddenError, TelegramMigrateToChat,
                                TelegramNetworkError, TelegramRetryAfter, TelegramServerError,
                                TelegramUnauthorizedError)
from aiogram.types import (BufferedInputFile, ForceReply, FSInputFile, InlineKeyboardButton, InlineKeyboardMarkup,
                           InputFile, Message, ReplyParameters)

from bot.media_store import MediaStore
from bot.outbox import (CLOSE_TOPIC, CREATE_TOPIC, EDIT, ChatMigrated, Outgoing, PermanentError, RetryLater,
                        TransientError, Unreachable)
from handlers import (render_admin, render_broadcasts, render_checkins, render_closing,  # noqa: F401  (their kinds)
                      render_deliberation, render_lessons, render_points, render_telegram, render_voice)
from handlers.telegram_aiogram.edits import edit_message
from handlers.render import TAGS, Rendered, render
from bot.photos import stored_name
from handlers.telegram_limits import TELEGRAM
from storage.repositories.media_uploads import MediaUploadRepository
from storage.uow import UnitOfWork

log = logging.getLogger(__name__)


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

    def __init__(self, bot: Bot, *, media: MediaStore | None = None,
                 uow: Callable[[], UnitOfWork] | None = None) -> None:
        self.bot = bot
        self.media = media  # where `media:` photos are read from (SENTINEL_MEDIA_DIR)
        self._uow = uow  # where their file_ids are kept across restarts and workers (none: memory only)
        self._file_ids: dict[str, str] = {}
        self._uploading: dict[str, asyncio.Lock] = {}

    async def deliver(self, message: Outgoing) -> int | None:
        if message.payload.get(CREATE_TOPIC):
            return await self._create_topic(message)
        if message.payload.get(CLOSE_TOPIC):
            return await self._close_topic(message)
        rendered = render(message)
        if message.payload.get(EDIT):
            return await edit_message(self.bot, message, rendered)
        name = stored_name(rendered.photo)
        if name is None:
            return (await self._deliver(message, rendered)).message_id
        lock = self._uploading.setdefault(name, asyncio.Lock())
        async with lock:
            return await self._deliver_stored(message, rendered, name)

    async def _deliver_stored(self, message: Outgoing, rendered: Rendered, name: str) -> int:
        """A message whose photo is in the media store: by its file_id once Telegram has one, else
        uploaded, and the file_id it gets kept. A file gone from the store (a moved folder) is
        logged and the message goes without its photo: the announcement matters more."""
        known = await self._known(name)
        if known is not None:
            return (await self._deliver(message, dataclasses.replace(rendered, photo=known))).message_id
        path = self.media.path(name) if self.media is not None else None
        if path is None or not path.is_file():
            log.warning("stored photo %s not found (SENTINEL_MEDIA_DIR): sent without it", name)
            return (await self._deliver(message, dataclasses.replace(rendered, photo=None))).message_id
        sent = await self._deliver(message, rendered, FSInputFile(path))
        if sent.photo:
            await self._remember(name, sent.photo[-1].file_id)
        return sent.message_id

    async def _known(self, name: str) -> str | None:
        if name not in self._file_ids and self._uow is not None:
            async with self._uow() as uow:
                found = await MediaUploadRepository(uow.session, uow.deferred).file_id(name)
            if found is not None:
                self._file_ids[name] = found
        return self._file_ids.get(name)

    async def _remember(self, name: str, file_id: str) -> None:
        self._file_ids[name] = file_id
        if self._uow is None:
            return
        try:
            async with self._uow() as uow:
                await MediaUploadRepository(uow.session, uow.deferred).remember(name, file_id)
                await uow.commit()
        except Exception:  # the message is sent; at worst a later send uploads the file again
            log.exception("could not keep the file_id of stored photo %s", name)

    async def _deliver(self, message: Outgoing, rendered: Rendered, upload: InputFile | None = None) -> Message:
        try:
            return await self._send(message, rendered, "HTML", upload)
        except TelegramBadRequest as e:
            if "can't parse entities" not in e.message:
                raise PermanentError(e.message) from e
        # Our markup was wrong somewhere: the text still matters more than its bold.
        plain = dataclasses.replace(rendered, text=TAGS.sub("", rendered.text))
        try:
            return await self._send(message, plain, None, upload)
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

    async def _close_topic(self, message: Outgoing) -> int:
        """closeForumTopic on the row's resolved topic (bot.outbox.CLOSE_TOPIC); its platform id is the
        topic's. A topic already closed (TOPIC_NOT_MODIFIED: by hand, or a retry after a lost answer) is done."""
        thread = int(message.payload["thread_id"])
        try:
            with _outcomes(message.chat_id):
                await self.bot.close_forum_topic(message.chat_id, thread)
        except TelegramBadRequest as e:
            if "TOPIC_NOT_MODIFIED" not in e.message:
                raise PermanentError(e.message) from e
        return thread

    async def _send(self, message: Outgoing, rendered: Rendered, parse_mode: str | None,
                    upload: InputFile | None = None) -> Message:
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
                sent = await self.bot.send_photo(message.chat_id, upload or rendered.photo,
                                                 caption=rendered.text[:1024], parse_mode=parse_mode,
                                                 message_thread_id=thread, reply_parameters=reply,
                                                 reply_markup=_markup(rendered, reply is not None))
            else:
                sent = await self.bot.send_message(message.chat_id, rendered.text, parse_mode=parse_mode,
                                                   message_thread_id=thread, reply_parameters=reply,
                                                   reply_markup=_markup(rendered, reply is not None))
        return sent
